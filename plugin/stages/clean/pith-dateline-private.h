/* pith-dateline-private.h: the dateline that opens a news story
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds a dateline ("London (CNN)", "WASHINGTON —") at the start of one of
 * the first lines of the @length bytes of valid UTF-8 at @text: it spans
 * @start to @end, and the story's body starts at @body (what lies between
 * is a dash and spaces, or nothing when a scraper glued them). */
gboolean pith_dateline_find (const char *text,
                             gsize       length,
                             gsize      *start,
                             gsize      *end,
                             gsize      *body);

G_END_DECLS
