/* pith-html-references.c: character references such as &amp;
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-html-references-private.h"

#define MAX_NAME 32

/* A character reference at @i ("&amp;", "&#8217;", "&#x2019;"): its length
 * and the UTF-8 it stands for, or 0. */
gsize
pith_html_match_reference (const char         *text,
                           gsize               i,
                           gsize               length,
                           const PithWordList *entities,
                           char                out[PITH_HTML_REFERENCE_MAX])
{
  gsize j = i + 1;
  const char *code_points;

  if (j < length && text[j] == '#')
    {
      gboolean hex = j + 1 < length && (text[j + 1] == 'x' || text[j + 1] == 'X');
      guint64 value = 0;
      gsize digits = 0;

      j += hex ? 2 : 1;
      while (j < length && digits < 8 && (hex ? g_ascii_isxdigit (text[j]) : g_ascii_isdigit (text[j])))
        {
          value = value * (hex ? 16 : 10) + (hex ? (guint64) g_ascii_xdigit_value (text[j])
                                                 : (guint64) (text[j] - '0'));
          j++;
          digits++;
        }
      if (digits == 0 || j >= length || text[j] != ';')
        return 0;
      /* The standard's replacements: NUL, surrogates, out of range. */
      if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        value = 0xFFFD;
      out[g_unichar_to_utf8 ((gunichar) value, out)] = '\0';
      return j + 1 - i;
    }

  while (j < length && j - i <= MAX_NAME && g_ascii_isalnum (text[j]))
    j++;
  if (j >= length || text[j] != ';' || j == i + 1 ||
      !pith_word_list_lookup (entities, text + i + 1, j - i - 1, &code_points))
    return 0;

  {
    g_auto(GStrv) parts = g_strsplit (code_points, " ", -1);
    gsize n = 0;

    for (guint p = 0; parts[p] != NULL && n < 24; p++)
      n += g_unichar_to_utf8 ((gunichar) g_ascii_strtoull (parts[p], NULL, 16), out + n);
    out[n] = '\0';
  }
  return j + 1 - i;
}

char *
pith_html_decode (const char         *text,
                  gsize               length,
                  const PithWordList *entities)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length;)
    {
      char decoded[PITH_HTML_REFERENCE_MAX];
      gsize n = text[i] == '&' ? pith_html_match_reference (text, i, length, entities, decoded) : 0;

      if (n > 0)
        {
          g_string_append (out, decoded);
          i += n;
        }
      else if (g_ascii_isspace (text[i]))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          i++;
        }
      else
        g_string_append_c (out, text[i++]);
    }

  return g_strstrip (g_string_free (out, FALSE));
}


gsize
pith_html_utf8_cut (const char *text,
                    gsize       length,
                    gsize       max)
{
  gsize n = MIN (length, max);

  while (n > 0 && n < length && ((guchar) text[n] & 0xC0) == 0x80)
    n--;
  return n;
}
