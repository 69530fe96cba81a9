/* pith-list-marker.c: the marker that opens a list item
 *
 * A list item opens with a bullet, a number or a letter in one of the
 * shapes lists are written in: `1.`, `1.)`, `1)`, `a.`, `a)`, `A)`, each
 * after a bullet or not (`• 3.`, `⁃7.`). The splitter uses these to keep
 * a marker with its item, and to find the next item of a list written on
 * one line: it opens where the next number or letter of the same shape
 * comes.
 *
 * Uppercase letters with a full stop are not markers: `A. Smith` is an
 * initial.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-sentence-private.h"

static gboolean
is_bullet (gunichar c)
{
  switch (c)
    {
    case '-':
    case '*':
    case 0x2013:   /* – */
    case 0x2014:   /* — */
    case 0x2022:   /* • */
    case 0x2023:   /* ‣ */
    case 0x2043:   /* ⁃ */
    case 0x25AA:   /* ▪ */
    case 0x25CF:   /* ● */
    case 0x25E6:   /* ◦ */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_unambiguous_bullet (gunichar bullet)
{
  /* A hyphen, an asterisk or a dash inside a line is more often
   * punctuation than a bullet. */
  return is_bullet (bullet) && bullet != '-' && bullet != '*' && bullet != 0x2013 && bullet != 0x2014;
}

static gboolean
touches (const PithTokens *tokens,
         gsize             i)
{
  return token_start (tokens, i + 1) == token_end (tokens, i);
}

static gboolean
is_char_token (const char       *text,
               const PithTokens *tokens,
               gsize             i,
               char              c)
{
  return token_length (tokens, i) == 1 && text[token_start (tokens, i)] == c;
}

/* The value of a run of one to three digits, or 0. */
static guint
digits_value (const char *text,
              gsize       start,
              gsize       end)
{
  guint value = 0;

  if (end <= start || end - start > 3)
    return 0;
  for (gsize i = start; i < end; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return 0;
      value = value * 10 + (guint) (text[i] - '0');
    }
  return value;
}

/* The number or letter and what closes it, from token @i. */
static gboolean
ordinal_marker_at (const char       *text,
                   const PithTokens *tokens,
                   gsize             n_tokens,
                   gsize             i,
                   PithListMarker   *marker)
{
  gsize start = token_start (tokens, i);
  gsize end = token_end (tokens, i);
  PithTokenKind kind = token_kind (tokens, i);
  gboolean letter = FALSE;

  /* "1." at the start of a line is one token. */
  if (kind == PITH_TOKEN_TITLE && text[end - 1] == '.' &&
      (marker->value = digits_value (text, start, end - 1)) > 0)
    {
      marker->style = PITH_LIST_NUMBER_DOT;
      marker->last = i;
      return TRUE;
    }

  if (kind == PITH_TOKEN_NUMBER)
    marker->value = digits_value (text, start, end);
  else if (kind == PITH_TOKEN_WORD && end - start == 1 && g_ascii_isalpha (text[start]))
    {
      letter = TRUE;
      marker->value = (guint) (g_ascii_tolower (text[start]) - 'a' + 1);
    }
  else
    return FALSE;

  if (marker->value == 0 || i + 1 >= n_tokens || !touches (tokens, i))
    return FALSE;

  if (is_char_token (text, tokens, i + 1, ')'))
    {
      marker->style = letter ? PITH_LIST_LETTER_PAREN : PITH_LIST_NUMBER_PAREN;
      marker->last = i + 1;
      return TRUE;
    }

  if (!is_char_token (text, tokens, i + 1, '.') || (letter && g_ascii_isupper (text[start])))
    return FALSE;

  if (i + 2 < n_tokens && touches (tokens, i + 1) && is_char_token (text, tokens, i + 2, ')'))
    {
      marker->style = letter ? PITH_LIST_LETTER_PAREN : PITH_LIST_NUMBER_DOT_PAREN;
      marker->last = i + 2;
      return TRUE;
    }
  marker->style = letter ? PITH_LIST_LETTER_DOT : PITH_LIST_NUMBER_DOT;
  marker->last = i + 1;
  return TRUE;
}

gboolean
pith_list_marker_at (const char       *text,
                     const PithTokens *tokens,
                     gsize             n_tokens,
                     gsize             i,
                     PithListMarker   *marker)
{
  gsize ordinal = i;

  marker->bullet = 0;
  marker->value = 0;

  if (token_kind (tokens, i) == PITH_TOKEN_PUNCT &&
      is_bullet (g_utf8_get_char (text + token_start (tokens, i))))
    {
      marker->bullet = g_utf8_get_char (text + token_start (tokens, i));
      ordinal = i + 1;
    }

  if (ordinal < n_tokens && ordinal_marker_at (text, tokens, n_tokens, ordinal, marker))
    {
      /* An item has words after its marker; "3." closing a sentence
       * alone is not one. */
      if (marker->last + 1 < n_tokens &&
          (marker->style == PITH_LIST_NUMBER_DOT_PAREN || marker->style == PITH_LIST_NUMBER_PAREN ||
           marker->style == PITH_LIST_LETTER_PAREN || !touches (tokens, marker->last)))
        return TRUE;
      marker->value = 0;
    }

  if (marker->bullet == 0)
    return FALSE;
  marker->style = PITH_LIST_BULLET;
  marker->last = i;
  return TRUE;
}

gboolean
pith_list_marker_follows (const char           *text,
                          const PithTokens     *tokens,
                          gsize                 n_tokens,
                          gsize                 i,
                          const PithListMarker *previous)
{
  PithListMarker next;

  if (i == 0 || token_start (tokens, i) == token_end (tokens, i - 1))
    return FALSE;
  if (!pith_list_marker_at (text, tokens, n_tokens, i, &next) ||
      next.style != previous->style || next.bullet != previous->bullet)
    return FALSE;
  if (next.style == PITH_LIST_BULLET)
    return is_unambiguous_bullet (next.bullet);
  return next.value == previous->value + 1;
}
