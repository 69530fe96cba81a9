/* pith-sentence-splitter.c: sentence boundaries from tokens
 *
 * One pass over the tokens. A sentence ends:
 * - at a paragraph break (a blank line), always;
 * - at a line break before a list item, or at any line break when lines
 *   are sentences;
 * - after . ! ? … or "..." and the closing quotes and brackets right after
 *   them, when the next token can open a sentence (not a lowercase word,
 *   not , ; : or a closing bracket): `?” she asked` goes on;
 * - after an abbreviation or initial only when a common sentence starter
 *   follows (`moved to the U.S. He said` ends; `the U.S. Army` does not);
 *   after a unit (km., mins.) as after a full stop; never after a title
 *   (Mr., Dr., No. 5) or a list number at the start of a line.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-sentence-private.h"

/* Line breaks between two offsets: 0, 1, or 2 for a paragraph break. */
static int
line_breaks_between (const char *text,
                     gsize       from,
                     gsize       to)
{
  int breaks = 0;

  for (gsize i = from; i < to; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= to || text[i + 1] != '\n')))
      {
        if (++breaks == 2)
          return 2;
      }
  return breaks;
}

static gunichar
first_char (const char       *text,
            const PithTokens *tokens,
            gsize             i)
{
  return g_utf8_get_char (text + token_start (tokens, i));
}

static gboolean
can_open_sentence (const char       *text,
                   const PithTokens *tokens,
                   gsize             n_tokens,
                   gsize             next)
{
  gunichar c;

  /* Look through opening quotes and brackets: ." “The… */
  while (next < n_tokens && (token_kind (tokens, next) == PITH_TOKEN_OPEN ||
                             token_kind (tokens, next) == PITH_TOKEN_QUOTE))
    next++;
  if (next >= n_tokens)
    return TRUE;

  switch (token_kind (tokens, next))
    {
    case PITH_TOKEN_CLOSE:
      return FALSE;
    case PITH_TOKEN_PUNCT:
      c = first_char (text, tokens, next);
      return !(c == ',' || c == ';' || c == ':' || c == '%');
    case PITH_TOKEN_TERMINAL:
      return FALSE;
    case PITH_TOKEN_WORD:
    case PITH_TOKEN_NUMBER:
    case PITH_TOKEN_URL:
    case PITH_TOKEN_ABBREVIATION:
    case PITH_TOKEN_TITLE:
    case PITH_TOKEN_OPEN:
    case PITH_TOKEN_QUOTE:
    default:
      c = first_char (text, tokens, next);
      if (c == '@' || c == '#')
        return TRUE;
      return !g_unichar_islower (c);
    }
}

static gboolean
is_sentence_starter (const char              *text,
                     const PithTokens        *tokens,
                     gsize                    n_tokens,
                     gsize                    next,
                     const PithSentenceRules *rules)
{
  while (next < n_tokens && (token_kind (tokens, next) == PITH_TOKEN_OPEN ||
                             token_kind (tokens, next) == PITH_TOKEN_QUOTE))
    next++;
  if (next >= n_tokens || token_kind (tokens, next) != PITH_TOKEN_WORD)
    return FALSE;

  if (rules->sentence_starters == NULL)
    return g_unichar_isupper (first_char (text, tokens, next));

  return pith_word_list_lookup (rules->sentence_starters, text + token_start (tokens, next),
                                token_end (tokens, next) - token_start (tokens, next), NULL);
}

static gboolean
is_list_marker (const char       *text,
                const PithTokens *tokens,
                gsize             n_tokens,
                gsize             i)
{
  PithTokenKind kind = token_kind (tokens, i);
  gsize start = token_start (tokens, i);
  gsize end = token_end (tokens, i);
  gunichar c = first_char (text, tokens, i);

  if (kind == PITH_TOKEN_PUNCT)
    return c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x2014 || c == 0x25CF;

  /* "1." as the tokenizer keeps it at the start of a line. */
  if (kind == PITH_TOKEN_TITLE && g_unichar_isdigit (c) && text[end - 1] == '.')
    return TRUE;

  /* "1." or "a)" */
  if (i + 1 < n_tokens && token_start (tokens, i + 1) == end &&
      end - start <= 3 &&
      (kind == PITH_TOKEN_NUMBER || end - start == 1))
    {
      char after = text[token_start (tokens, i + 1)];
      return after == '.' || after == ')';
    }
  return FALSE;
}

static void
close_sentence (PithLayer        *sentences,
                const PithTokens *tokens,
                gsize             first,
                gsize             last)
{
  pith_layer_append (sentences, token_start (tokens, first), token_end (tokens, last), 0, 0.0);
}

void
pith_split_sentences (const char              *text,
                      gsize                    length,
                      const PithTokens        *tokens,
                      const PithSentenceRules *rules,
                      PithLayer               *sentences)
{
  gsize n_tokens = pith_layer_get_n_spans (tokens->layer);
  gsize first = 0;

  for (gsize i = 0; i < n_tokens; i++)
    {
      gsize last = i;
      gboolean boundary = FALSE;
      int breaks;

      if (i + 1 >= n_tokens)
        {
          close_sentence (sentences, tokens, first, i);
          return;
        }

      switch (token_kind (tokens, i))
        {
        case PITH_TOKEN_TERMINAL:
          /* Take in the closing quotes and brackets that touch it. */
          while (last + 1 < n_tokens && token_start (tokens, last + 1) == token_end (tokens, last) &&
                 (token_kind (tokens, last + 1) == PITH_TOKEN_CLOSE ||
                  token_kind (tokens, last + 1) == PITH_TOKEN_QUOTE))
            last++;
          if (last + 1 >= n_tokens)
            {
              close_sentence (sentences, tokens, first, last);
              return;
            }
          boundary = can_open_sentence (text, tokens, n_tokens, last + 1);
          break;
        case PITH_TOKEN_ABBREVIATION:
          boundary = is_sentence_starter (text, tokens, n_tokens, i + 1, rules);
          break;
        case PITH_TOKEN_UNIT:
          boundary = can_open_sentence (text, tokens, n_tokens, i + 1);
          break;
        case PITH_TOKEN_WORD:
        case PITH_TOKEN_NUMBER:
        case PITH_TOKEN_URL:
        case PITH_TOKEN_TITLE:
        case PITH_TOKEN_OPEN:
        case PITH_TOKEN_CLOSE:
        case PITH_TOKEN_QUOTE:
        case PITH_TOKEN_PUNCT:
        default:
          break;
        }

      breaks = line_breaks_between (text, token_end (tokens, last), token_start (tokens, last + 1));
      if (breaks == 2)
        boundary = TRUE;
      else if (breaks == 1 &&
               (rules->lines_are_sentences || is_list_marker (text, tokens, n_tokens, last + 1)))
        boundary = TRUE;

      if (boundary)
        {
          close_sentence (sentences, tokens, first, last);
          first = last + 1;
        }
      i = last;
    }
}
