/* pith-utf8-private.h: reading UTF-8 text on hot paths
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The character at byte @i of valid UTF-8 @text that ends at @end, and its
 * size in bytes (0 at the end); ASCII without a function call. */
static inline gunichar
pith_utf8_char_at (const char *text,
                   gsize       i,
                   gsize       end,
                   gsize      *size)
{
  guchar byte;

  if (i >= end)
    {
      *size = 0;
      return 0;
    }
  byte = (guchar) text[i];
  if (byte < 0x80)
    {
      *size = 1;
      return byte;
    }
  *size = MIN ((gsize) (g_utf8_next_char (text + i) - (text + i)), end - i);
  return g_utf8_get_char (text + i);
}

/* Whether the valid UTF-8 @word opens with a letter; ASCII without the
 * Unicode tables. */
static inline gboolean
pith_utf8_opens_with_letter (const char *word)
{
  return (guchar) word[0] < 0x80 ? g_ascii_isalpha (word[0]) : g_unichar_isalpha (g_utf8_get_char (word));
}

/* Whether the valid UTF-8 @word opens with punctuation or a symbol
 * (g_unichar_ispunct()); ASCII without the Unicode tables. */
static inline gboolean
pith_utf8_opens_with_punct (const char *word)
{
  return (guchar) word[0] < 0x80 ? g_ascii_ispunct (word[0]) : g_unichar_ispunct (g_utf8_get_char (word));
}

G_END_DECLS
