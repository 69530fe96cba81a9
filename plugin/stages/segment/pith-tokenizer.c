/* pith-tokenizer.c: splitting text into tokens in one pass
 *
 * The choices, made for entity recognition and summarisation:
 * - URLs, e-mail addresses, domain and file names, @handles and #hashtags
 *   are one token each; trailing punctuation is not part of a URL.
 * - Numbers keep their separators: 3.5, 1,000.25, 10.10.2020, 2:30, 3-1.
 * - Hyphenated words stay whole (well-known, Nagorno-Karabakh), as do
 *   words with inner apostrophes (O'Brien).
 * - Clitics split off as in the Penn Treebank and CoNLL data: Germany 's,
 *   they 're, do n't.
 * - An abbreviation keeps its full stop (Mr., U.S., e.g.); any other full
 *   stop is a token of its own.
 * - Other punctuation is one token per character, except runs of ! and ?,
 *   runs of hyphens, and "...".
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-token-private.h"
#include "pith-utf8-private.h"

/* Arguments in this file's order: text, its length, position. */
#define char_at(text, length, i, size) pith_utf8_char_at ((text), (i), (length), (size))

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Whether the character before byte @i is a word's. */
static gboolean
follows_word_char (const char *text,
                   gsize       length,
                   gsize       i)
{
  gsize size;

  return i > 0 && is_word_char (char_at (text, length, (gsize) (g_utf8_find_prev_char (text, text + i) - text), &size));
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace (c);
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

static gboolean
has_prefix_at (const char *text,
               gsize       length,
               gsize       i,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return i + n <= length && g_ascii_strncasecmp (text + i, prefix, n) == 0;
}

static gboolean
is_url_trailer (char c)
{
  return strchr (".,;:!?)]}'\"", c) != NULL;
}

static gsize
scan_url (const char *text,
          gsize       length,
          gsize       i)
{
  gsize end = i;
  gsize size;
  int parens = 0;

  while (end < length && !is_space (char_at (text, length, end, &size)))
    {
      if (text[end] == '(')
        parens++;
      else if (text[end] == ')')
        parens--;
      end += size;
    }

  /* Trailing punctuation ends the sentence, not the URL; a closing
   * parenthesis stays when the URL opened one. */
  while (end > i)
    {
      char last = text[end - 1];

      if (last == ')' && parens >= 0)
        break;
      if (!is_url_trailer (last))
        {
          /* Closing curly quotes are three bytes. */
          if (end - i >= 3 && (memcmp (text + end - 3, "\xe2\x80\x9d", 3) == 0 ||
                               memcmp (text + end - 3, "\xe2\x80\x99", 3) == 0))
            {
              end -= 3;
              continue;
            }
          break;
        }
      if (last == ')')
        parens++;
      end--;
    }

  return end;
}

/* Letters after an apostrophe that make a clitic of their own. */
static gboolean
is_clitic (const char *text,
           gsize       start,
           gsize       end)
{
  static const char * const clitics[] = { "s", "re", "ve", "ll", "d", "m", NULL };
  gsize n = end - start;

  for (guint i = 0; clitics[i] != NULL; i++)
    if (strlen (clitics[i]) == n && g_ascii_strncasecmp (text + start, clitics[i], n) == 0)
      return TRUE;
  return FALSE;
}

/* Where the letters after position @i end. */
static gsize
letters_end (const char *text,
             gsize       length,
             gsize       i)
{
  gsize size;

  while (i < length && is_word_char (char_at (text, length, i, &size)))
    i += size;
  return i;
}

static gsize
scan_word (const char *text,
           gsize       length,
           gsize       start)
{
  gsize i = start;
  gsize size;

  /* @handle, #hashtag */
  if (text[i] == '@' || text[i] == '#')
    i++;

  while (i < length)
    {
      gunichar c = char_at (text, length, i, &size);
      gsize next_size;
      gunichar next;

      if (is_word_char (c))
        {
          i += size;
          continue;
        }

      next = char_at (text, length, i + size, &next_size);
      if (!is_word_char (next))
        break;

      switch (c)
        {
        case ',':
        case ':':
          /* Only between digits: 1,000 and 2:30. */
          if (!g_ascii_isdigit (text[i - 1]) || !g_ascii_isdigit ((char) next))
            return i;
          break;
        case '\'':
        case 0x2019:
          {
            gsize after = i + size;
            gsize letters = letters_end (text, length, after);

            if (is_clitic (text, after, letters))
              return i;
            if (letters - after == 1 && (text[after] == 't' || text[after] == 'T') &&
                i - start >= 2 && (text[i - 1] == 'n' || text[i - 1] == 'N'))
              return i - 1;
          }
          break;
        case '.':
        case '-':
        case '_':
        case '/':
        case '@':
        case '&':
        case '+':
          break;
        default:
          return i;
        }
      i += size;
    }

  return i;
}

/* A shape like U.S, e.g, Ph.D, a.m: short pieces joined by full stops. */
static gboolean
has_abbreviation_shape (const char *text,
                        gsize       start,
                        gsize       end)
{
  gsize piece = 0;
  gboolean dotted = FALSE;

  for (gsize i = start; i < end; i++)
    {
      if (text[i] == '.')
        {
          if (piece == 0 || piece > 2)
            return FALSE;
          dotted = TRUE;
          piece = 0;
        }
      else if (g_ascii_isdigit (text[i]))
        return FALSE;
      else if ((guchar) text[i] < 0x80 || ((guchar) text[i] & 0xC0) != 0x80)
        piece++;
    }

  return dotted && piece > 0 && piece <= 2;
}

static gboolean
lookup_abbreviation (const PithTokenRules  *rules,
                     const char            *text,
                     gsize                  start,
                     gsize                  end,
                     const char           **kind)
{
  char lower[PITH_WORD_LIST_MAX_WORD * 2];
  g_autofree char *folded = NULL;
  gsize n = end - start;

  if (n >= PITH_WORD_LIST_MAX_WORD)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if ((guchar) text[start + i] >= 0x80)
      {
        folded = g_utf8_strdown (text + start, (gssize) n);
        break;
      }
  if (folded == NULL)
    {
      for (gsize i = 0; i < n; i++)
        lower[i] = pith_ascii_tolower (text[start + i]);
      lower[n] = '\0';
    }

  return pith_word_list_lookup (rules->user_abbreviations, folded ? folded : lower,
                                folded ? strlen (folded) : n, kind) ||
         pith_word_list_lookup (rules->abbreviations, folded ? folded : lower,
                                folded ? strlen (folded) : n, kind);
}

static gboolean
next_is_digit (const char *text,
               gsize       length,
               gsize       i)
{
  while (i < length && (text[i] == ' ' || text[i] == '\t'))
    i++;
  return i < length && g_ascii_isdigit (text[i]);
}

/* Decides whether the full stop at @dot belongs to the word before it. */
static PithTokenKind
classify_full_stop (const char           *text,
                    gsize                 length,
                    const PithTokenRules *rules,
                    gsize                 start,
                    gsize                 dot)
{
  const char *kind = NULL;
  gsize size;
  gunichar first = char_at (text, length, start, &size);
  /* One capital letter, whatever a list says of its lowercase: "P." in
   * "Taraji P. Henson" is no page. */
  gboolean initial = start + size == dot && g_unichar_isupper (first);

  if (lookup_abbreviation (rules, text, start, dot, &kind))
    {
      if (g_strcmp0 (kind, "title") == 0)
        return PITH_TOKEN_TITLE;
      if (g_strcmp0 (kind, "number") == 0)
        {
          if (next_is_digit (text, length, dot + 1))
            return PITH_TOKEN_TITLE;
          return initial ? PITH_TOKEN_ABBREVIATION : PITH_TOKEN_WORD;
        }
      if (g_strcmp0 (kind, "end") == 0)
        return PITH_TOKEN_UNIT;
      return PITH_TOKEN_ABBREVIATION;
    }

  if (initial)
    return PITH_TOKEN_ABBREVIATION;

  if (has_abbreviation_shape (text, start, dot))
    return PITH_TOKEN_ABBREVIATION;

  return PITH_TOKEN_WORD;
}

/* Whether only spaces stand between @i and the line's start. */
static gboolean
starts_line (const char *text,
             gsize       i)
{
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
    i--;
  return i == 0 || text[i - 1] == '\n' || text[i - 1] == '\r';
}

static inline void
add (PithTokens    *tokens,
     gsize          start,
     gsize          end,
     PithTokenKind  kind)
{
  guint index = pith_layer_append_plain (tokens->layer, (guint32) start, (guint32) end);

  if (G_UNLIKELY (index >= tokens->kinds_capacity))
    {
      tokens->kinds_capacity = MAX (index + 1, tokens->kinds_capacity + tokens->kinds_capacity / 2);
      tokens->kinds = g_realloc (tokens->kinds, tokens->kinds_capacity);
    }
  tokens->kinds[index] = (guint8) kind;
}

void
pith_tokenize (const char           *text,
               gsize                 length,
               const PithTokenRules *rules,
               PithTokens           *tokens)
{
  gsize i = 0;

  while (i < length)
    {
      gsize size;
      gunichar c = char_at (text, length, i, &size);
      gsize end;

      if (is_space (c) || c == 0x00AD || c == 0x200C || c == 0x200D)
        {
          i += size;
          continue;
        }

      /* A URL: told apart by its first letter before its prefixes are
       * compared, as every token's start is. */
      if (((c == 'h' || c == 'H') &&
           (has_prefix_at (text, length, i, "http://") || has_prefix_at (text, length, i, "https://"))) ||
          ((c == 'w' || c == 'W') &&
           has_prefix_at (text, length, i, "www.") && i + 4 < length && g_ascii_isalnum (text[i + 4])))
        {
          end = scan_url (text, length, i);
          add (tokens, i, end, PITH_TOKEN_URL);
          i = end;
          continue;
        }

      /* A number that opens on its decimal point, ".45-caliber", ".5
       * percent": a full stop before a digit ends no sentence. (After a
       * word's letter the point is the word's: "3.5".) */
      if (c == '.' && i + 1 < length && g_ascii_isdigit (text[i + 1]) && !follows_word_char (text, length, i))
        {
          end = scan_word (text, length, i + 1);
          add (tokens, i, end, PITH_TOKEN_NUMBER);
          i = end;
          continue;
        }

      if (is_word_char (c) ||
          ((c == '@' || c == '#') && i + 1 < length && is_word_char (char_at (text, length, i + 1, &end))))
        {
          PithTokenKind kind;

          end = scan_word (text, length, i);
          if (end == i)
            end = i + size;
          kind = g_ascii_isdigit (text[i]) ? PITH_TOKEN_NUMBER : PITH_TOKEN_WORD;

          /* A numbered list item at the start of a line: "1. First". */
          if (kind == PITH_TOKEN_NUMBER && end - i <= 3 && end + 1 < length &&
              text[end] == '.' && text[end + 1] == ' ' && starts_line (text, i))
            {
              add (tokens, i, end + 1, PITH_TOKEN_TITLE);
              i = end + 1;
              continue;
            }

          /* An ordinal where the language writes one: "am 3. Mai". */
          if (kind == PITH_TOKEN_NUMBER && rules->ordinal_words != NULL &&
              end + 1 < length && text[end] == '.' && text[end + 1] == ' ')
            {
              gsize word = end + 1;
              gsize word_end;

              while (word < length && text[word] == ' ')
                word++;
              word_end = letters_end (text, length, word);
              if (word_end > word &&
                  pith_word_list_lookup (rules->ordinal_words, text + word, word_end - word, NULL))
                {
                  add (tokens, i, end + 1, PITH_TOKEN_TITLE);
                  i = end + 1;
                  continue;
                }
            }

          if (kind == PITH_TOKEN_WORD && end < length && text[end] == '.' &&
              !(end + 1 < length && text[end + 1] == '.'))
            {
              PithTokenKind with_stop = classify_full_stop (text, length, rules, i, end);

              if (with_stop != PITH_TOKEN_WORD)
                {
                  add (tokens, i, end + 1, with_stop);
                  i = end + 1;
                  continue;
                }
            }

          add (tokens, i, end, kind);
          i = end;
          continue;
        }

      /* A clitic the word before it stopped at: 's, 're, 'll. ("n't"
       * comes out of scan_word() as a word of its own.) */
      if ((c == '\'' || c == 0x2019) && tokens->layer->n_spans > 0 &&
          pith_layer_end (tokens->layer, tokens->layer->n_spans - 1) == i)
        {
          gsize letters = letters_end (text, length, i + size);

          if (is_clitic (text, i + size, letters))
            {
              add (tokens, i, letters, PITH_TOKEN_WORD);
              i = letters;
              continue;
            }
        }

      switch (c)
        {
        case '.':
          end = i;
          while (end < length && text[end] == '.')
            end++;
          add (tokens, i, end, PITH_TOKEN_TERMINAL);
          break;
        case '!':
        case '?':
          end = i;
          while (end < length && (text[end] == '!' || text[end] == '?'))
            end++;
          add (tokens, i, end, PITH_TOKEN_TERMINAL);
          break;
        case 0x2026:   /* … */
        case 0x203C:   /* ‼ */
        case 0x2047:
        case 0x2048:
        case 0x2049:
        case 0x3002:   /* 。 */
        case 0xFF01:
        case 0xFF1F:
          end = i + size;
          add (tokens, i, end, PITH_TOKEN_TERMINAL);
          break;
        case '-':
          end = i;
          while (end < length && text[end] == '-')
            end++;
          add (tokens, i, end, PITH_TOKEN_PUNCT);
          break;
        case '"':
        case '\'':
          end = i + size;
          add (tokens, i, end, PITH_TOKEN_QUOTE);
          break;
        case 0x201C:   /* “ */
        case 0x2018:   /* ‘ */
        case 0x201E:   /* „ */
        case 0x00AB:   /* « */
        case 0x2039:
        case '(':
        case '[':
        case '{':
          end = i + size;
          add (tokens, i, end, PITH_TOKEN_OPEN);
          break;
        case 0x201D:   /* ” */
        case 0x2019:   /* ’ */
        case 0x00BB:   /* » */
        case 0x203A:
        case ')':
        case ']':
        case '}':
          end = i + size;
          add (tokens, i, end, PITH_TOKEN_CLOSE);
          break;
        default:
          end = i + size;
          add (tokens, i, end, PITH_TOKEN_PUNCT);
          break;
        }
      i = end;
    }
}
