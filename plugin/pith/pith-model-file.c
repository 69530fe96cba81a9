/* pith-model-file.c: a model or data file of the user's, mapped
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-error.h"
#include "pith-model-file-private.h"

GBytes *
pith_model_file_map (const char  *path,
                     const char  *what,
                     GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "Cannot read the %s: %s", what, local_error->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (file);
}
