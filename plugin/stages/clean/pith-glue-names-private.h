/* pith-glue-names-private.h: the kinds of name a glued sentence meets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pith_glue_names_is_place      (const char *word,
                                        gsize       length);
gboolean pith_glue_names_is_given_name (const char *word,
                                        gsize       length);
gboolean pith_glue_names_is_name_head  (const char *word,
                                        gsize       length);
gboolean pith_glue_names_is_time_word  (const char *word,
                                        gsize       length);

G_END_DECLS
