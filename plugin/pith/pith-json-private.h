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

/* Sets @error (PITH_ERROR_INVALID_INPUT) from json-glib's parse error,
 * with its "<data>:1:3:" place said in words: "Invalid JSON at line 1,
 * column 3: …" (at column 3 alone when the text is one line). */
static inline void
pith_json_set_parse_error (GError       **error,
                           const GError  *parse_error)
{
  const char *message = parse_error->message;
  guint64 line = 0;
  guint64 column = 0;

  if (g_str_has_prefix (message, "<data>:"))
    {
      char *end = NULL;

      line = g_ascii_strtoull (message + strlen ("<data>:"), &end, 10);
      if (end != NULL && *end == ':')
        column = g_ascii_strtoull (end + 1, &end, 10);
      if (end != NULL && *end == ':')
        {
          message = end + 1;
          while (*message == ' ')
            message++;
        }
      else
        line = column = 0;
    }
  if (line > 1)
    g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT, "Invalid JSON at line %" G_GUINT64_FORMAT
                 ", column %" G_GUINT64_FORMAT ": %s", line, column, message);
  else if (column > 0)
    g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT, "Invalid JSON at column %" G_GUINT64_FORMAT
                 ": %s", column, message);
  else
    g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT, "Invalid JSON: %s", message);
}

G_END_DECLS
