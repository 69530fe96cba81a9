/* pith-utf8-private.h: reading UTF-8 text on hot paths
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_ascii_tolower() without a function call, for loops over every byte
 * of a text's words. */
static inline char
pith_ascii_tolower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

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

/* Whether the valid UTF-8 @word opens with an uppercase letter
 * (g_unichar_isupper()); ASCII without the Unicode tables. */
static inline gboolean
pith_utf8_opens_with_upper (const char *word)
{
  return (guchar) word[0] < 0x80 ? g_ascii_isupper (word[0]) : g_unichar_isupper (g_utf8_get_char (word));
}

/* g_utf8_strdown() of the nul-terminated @text, without the Unicode tables
 * for ASCII text, nearly all of news: the same string for it. Free it
 * with g_free(). */
static inline char *
pith_utf8_strdown (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_strdown (text, -1);
  return g_ascii_strdown (text, -1);
}

/* pith_utf8_strdown() of @text into @out, which it replaces: a caller
 * that lowercases many strings keeps one buffer instead of allocating a
 * string apiece. */
static inline void
pith_utf8_strdown_into (GString    *out,
                        const char *text)
{
  g_string_truncate (out, 0);
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        {
          g_autofree char *lower = g_utf8_strdown (text, -1);

          g_string_assign (out, lower);
          return;
        }
      g_string_append_c (out, pith_ascii_tolower (*p));
    }
}

/* Whether the valid UTF-8 @word opens with punctuation or a symbol
 * (g_unichar_ispunct()); ASCII without the Unicode tables. */
static inline gboolean
pith_utf8_opens_with_punct (const char *word)
{
  return (guchar) word[0] < 0x80 ? g_ascii_ispunct (word[0]) : g_unichar_ispunct (g_utf8_get_char (word));
}

/* The curly double quotation mark, U+201C (opening) or U+201D (closing),
 * that the @length bytes at @text open with, or 0: its three bytes
 * compared where a scan meets 0xE2, without decoding. */
static inline gunichar
pith_utf8_curly_double_quote (const char *text,
                              gsize       length)
{
  if (length < 3 || (guchar) text[0] != 0xe2 || (guchar) text[1] != 0x80)
    return 0;
  return (guchar) text[2] == 0x9c ? 0x201C : (guchar) text[2] == 0x9d ? 0x201D : 0;
}

/* The bytes of the double quotation mark, straight or curly, that the
 * @length bytes at @text open with: 1, 3, or 0 for none. Where there is
 * one and @open is not NULL, *@open becomes whether a quotation is open
 * after it: a straight mark toggles it, a curly one says which it is. */
static inline gsize
pith_utf8_double_quote (const char *text,
                        gsize       length,
                        gboolean   *open)
{
  gunichar curly;

  if (length > 0 && text[0] == '"')
    {
      if (open != NULL)
        *open = !*open;
      return 1;
    }
  if ((curly = pith_utf8_curly_double_quote (text, length)) == 0)
    return 0;
  if (open != NULL)
    *open = curly == 0x201C;
  return 3;
}

G_END_DECLS
