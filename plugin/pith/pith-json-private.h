/* pith-json-private.h: checks on JSON text before json-glib parses it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deeper JSON is refused: json-glib parses recursively, and a line of
 * 100,000 open brackets would overflow the stack. Documents nest three
 * levels; metadata a few more. */
#define PITH_JSON_MAX_DEPTH 512

/* TRUE if the arrays and objects of @json nest deeper than @max_depth,
 * brackets inside strings not counted. One pass, no allocation. */
static inline gboolean
pith_json_too_deep (const char *json,
                    gsize       length,
                    guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}

G_END_DECLS
