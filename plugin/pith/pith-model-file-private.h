/* pith-model-file-private.h: a model or data file of the user's, mapped
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bytes of the file at @path, mapped rather than read; on failure
 * NULL and a PITH_ERROR_MODEL error "Cannot read the @what: …". */
GBytes *pith_model_file_map (const char  *path,
                             const char  *what,
                             GError     **error);

G_END_DECLS
