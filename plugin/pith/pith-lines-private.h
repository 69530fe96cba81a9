/* pith-lines-private.h: walking the lines of a buffer without splitting it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Sets *@line and *@length to the next line at *@cursor (without its line
 * break) and moves *@cursor past it; FALSE at @end. One memchr() per
 * line, so a file of any size is read in one linear pass. */
static inline gboolean
pith_lines_next (const char **cursor,
                 const char  *end,
                 const char **line,
                 gsize       *length)
{
  const char *newline;

  if (*cursor >= end)
    return FALSE;
  newline = memchr (*cursor, '\n', (gsize) (end - *cursor));
  *line = *cursor;
  *length = (gsize) ((newline != NULL ? newline : end) - *cursor);
  *cursor = newline != NULL ? newline + 1 : end;
  return TRUE;
}

G_END_DECLS
