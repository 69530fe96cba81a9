/* pith-sentence-splitter.c: sentence boundaries from tokens
 *
 * One pass over the tokens. A sentence ends:
 * - at a paragraph break (a blank line), always;
 * - at a line break before a list item, or at any line break when lines
 *   are sentences;
 * - at a line break before a token that can open a sentence, unless the
 *   text is hard-wrapped: scraped text puts a headline, a byline or a row
 *   of a table on a line of its own, with no full stop to end it;
 * - after . ! ? … or "..." and the closing quotes and brackets right after
 *   them, when the next token can open a sentence (not a lowercase word,
 *   not , ; : or a closing bracket): `?” she asked` goes on, and so does
 *   `?" Okafor said.`, a speaker named before a verb of saying;
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

/* Lines shorter than this are rows and headlines, not a wrapped width. */
#define WRAP_MIN_WIDTH 50
/* Lines longer than this are paragraphs, not wrapped. */
#define WRAP_MAX_WIDTH 120
/* How much shorter than the longest a wrapped line may be. */
#define WRAP_RAGGEDNESS 20
/* The most words a quotation's speaker is named in after it closes:
 * "Assistant U.S. Attorney William Weinreb". */
#define MAX_SPEAKER_TOKENS 6

/* Whether the lines of @text are wrapped at a width (e-mail, plain-text
 * articles), so that a line break inside a paragraph is a space: the lines
 * that go on to another line are none longer than WRAP_MAX_WIDTH
 * characters, and at least two of three of them are within
 * WRAP_RAGGEDNESS of the longest. */
static gboolean
is_hard_wrapped (const char *text,
                 gsize       length)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (guint));
  guint widest = 0;
  guint near_widest = 0;
  guint width = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        {
          gsize next = i + 1;

          while (next < length && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r'))
            next++;
          if (width > 0 && next < length && text[next] != '\n')
            {
              if (width > WRAP_MAX_WIDTH)
                return FALSE;
              widest = MAX (widest, width);
              g_array_append_val (widths, width);
            }
          width = 0;
        }
      else if (text[i] != '\r' && ((guchar) text[i] & 0xC0) != 0x80)
        width++;
    }
  if (widths->len < 2 || widest < WRAP_MIN_WIDTH)
    return FALSE;
  for (guint k = 0; k < widths->len; k++)
    near_widest += g_array_index (widths, guint, k) + WRAP_RAGGEDNESS >= widest;
  return near_widest * 3 >= widths->len * 2;
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
  PithListMarker marker;

  return pith_list_marker_at (text, tokens, n_tokens, i, &marker);
}

static gboolean
is_dots (const char       *text,
         const PithTokens *tokens,
         gsize             i)
{
  for (gsize k = token_start (tokens, i); k < token_end (tokens, i); k++)
    if (text[k] != '.')
      return FALSE;
  return TRUE;
}

/* The last token of a run of full stops a single space apart, ". . .",
 * from token @i, and the full stops in it. */
static gsize
spaced_dots_end (const char       *text,
                 const PithTokens *tokens,
                 gsize             n_tokens,
                 gsize             i,
                 gsize            *n_dots)
{
  gsize last = i;

  *n_dots = token_length (tokens, i);
  while (last + 1 < n_tokens && token_kind (tokens, last + 1) == PITH_TOKEN_TERMINAL &&
         token_start (tokens, last + 1) == token_end (tokens, last) + 1 &&
         text[token_end (tokens, last)] == ' ' && is_dots (text, tokens, last + 1))
    {
      last++;
      *n_dots += token_length (tokens, last);
    }
  return last;
}

static gboolean
is_ellipsis (const char       *text,
             const PithTokens *tokens,
             gsize             i)
{
  return (is_dots (text, tokens, i) && token_length (tokens, i) >= 3) ||
         g_utf8_get_char (text + token_start (tokens, i)) == 0x2026;
}

/* "[...]" or "(…)": words left out of a quotation, not an ending. */
static gboolean
is_bracketed_elision (const char       *text,
                      const PithTokens *tokens,
                      gsize             n_tokens,
                      gsize             first_dot,
                      gsize             last_dot)
{
  char open, close;

  if (first_dot == 0 || last_dot + 1 >= n_tokens ||
      token_kind (tokens, first_dot - 1) != PITH_TOKEN_OPEN ||
      token_kind (tokens, last_dot + 1) != PITH_TOKEN_CLOSE)
    return FALSE;
  open = text[token_start (tokens, first_dot - 1)];
  close = text[token_start (tokens, last_dot + 1)];
  return (open == '[' && close == ']') || (open == '(' && close == ')');
}

static gboolean
is_quote_char (gunichar c)
{
  switch (c)
    {
    case '"':
    case '\'':
    case 0x00AB:   /* « */
    case 0x00BB:   /* » */
    case 0x2018:   /* ‘ */
    case 0x2019:   /* ’ */
    case 0x201C:   /* “ */
    case 0x201D:   /* ” */
    case 0x201E:   /* „ */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_closing_quote (const char       *text,
                  const PithTokens *tokens,
                  gsize             i)
{
  return is_quote_char (g_utf8_get_char (text + token_start (tokens, i)));
}

/* After a quotation, "(Harbour Review 12)." cites it: a short
 * parenthesis with no ending of its own, right before a full stop. */
static gboolean
citation_follows (const PithTokens *tokens,
                  const char       *text,
                  gsize             n_tokens,
                  gsize             open)
{
  if (token_kind (tokens, open) != PITH_TOKEN_OPEN || text[token_start (tokens, open)] != '(')
    return FALSE;

  for (gsize k = open + 1; k < n_tokens && k <= open + 12; k++)
    switch (token_kind (tokens, k))
      {
      case PITH_TOKEN_TERMINAL:
      case PITH_TOKEN_OPEN:
        return FALSE;
      case PITH_TOKEN_CLOSE:
        return text[token_start (tokens, k)] == ')' && k + 1 < n_tokens &&
               token_kind (tokens, k + 1) == PITH_TOKEN_TERMINAL;
      default:
        break;
      }
  return FALSE;
}

/* A word, title or initial of a speaker's name and role: "Attorney",
 * "U.S.", "Dr.", "spokesman". */
static gboolean
is_name_word (const PithTokens *tokens,
              gsize             k)
{
  PithTokenKind kind = token_kind (tokens, k);

  return kind == PITH_TOKEN_WORD || kind == PITH_TOKEN_ABBREVIATION || kind == PITH_TOKEN_TITLE;
}

static gboolean
is_speech_verb (const char              *text,
                const PithTokens        *tokens,
                gsize                    k,
                const PithSentenceRules *rules)
{
  return token_kind (tokens, k) == PITH_TOKEN_WORD &&
         pith_word_list_lookup (rules->speech_verbs, text + token_start (tokens, k), token_length (tokens, k), NULL);
}

/* The "'s" of "CNN's", straight or curly, touching the word before. */
static gboolean
is_possessive (const char       *text,
               const PithTokens *tokens,
               gsize             k)
{
  const char *word = text + token_start (tokens, k);
  gsize length = token_length (tokens, k);

  return token_start (tokens, k) == token_end (tokens, k - 1) &&
         ((length == 2 && memcmp (word, "'s", 2) == 0) || (length == 4 && memcmp (word, "\xe2\x80\x99s", 4) == 0));
}

/* After a quotation with a stop of its own, its speaker named and then
 * the verb that ends the sentence goes with it: '"Who am I?" McCrary
 * said.', '"…!" Assistant U.S. Attorney William Weinreb asked.', '"…?"
 * Harbour Authority chair Ines Duarte wrote.': the speaker opens with a
 * capital, in at most MAX_SPEAKER_TOKENS words. The verb may take a word
 * or two more ("said Tuesday.") or a clause after a comma; a verb with
 * more after it opens a sentence of its own ('"We won." Police said the
 * suspect fled.'). */
static gboolean
attribution_follows (const char              *text,
                     const PithTokens        *tokens,
                     gsize                    n_tokens,
                     gsize                    next,
                     const PithSentenceRules *rules)
{
  gsize verb;
  gsize k;
  guint after_verb = 0;

  if (rules->speech_verbs == NULL || next >= n_tokens || !g_unichar_isupper (first_char (text, tokens, next)))
    return FALSE;
  for (verb = next; verb < n_tokens && verb - next <= MAX_SPEAKER_TOKENS; verb++)
    {
      if (is_speech_verb (text, tokens, verb, rules))
        break;
      if (!is_name_word (tokens, verb) && !(verb > next && is_possessive (text, tokens, verb)))
        return FALSE;
    }
  if (verb == next || verb >= n_tokens || verb - next > MAX_SPEAKER_TOKENS)
    return FALSE;
  for (k = verb + 1; k < n_tokens && token_kind (tokens, k) == PITH_TOKEN_WORD && after_verb < 2; k++)
    after_verb++;
  if (k >= n_tokens)
    return TRUE;
  if (token_kind (tokens, k) == PITH_TOKEN_TERMINAL)
    return TRUE;
  /* "Smith asked, shaking his head." goes on after a name; "He added,
   * "We…" opens a quotation of its own, and "Now she said, she…" or
   * "The new rule says, in part," a sentence. */
  return after_verb == 0 && g_unichar_isupper (first_char (text, tokens, verb - 1)) &&
         token_kind (tokens, k) == PITH_TOKEN_PUNCT && text[token_start (tokens, k)] == ',' &&
         k + 1 < n_tokens && token_kind (tokens, k + 1) == PITH_TOKEN_WORD &&
         g_unichar_islower (first_char (text, tokens, k + 1));
}

/* "you and I." is the pronoun ending a sentence; "Maria I. Lopes" has
 * an initial. */
static gboolean
is_pronoun_i (const char       *text,
              const PithTokens *tokens,
              gsize             first,
              gsize             i)
{
  return token_length (tokens, i) == 2 && text[token_start (tokens, i)] == 'I' && i > first &&
         token_kind (tokens, i - 1) == PITH_TOKEN_WORD &&
         g_unichar_islower (g_utf8_get_char (text + token_start (tokens, i - 1)));
}

/* "8 p.m.", "10 A.M." */
static gboolean
is_clock_time (const char       *text,
               const PithTokens *tokens,
               gsize             first,
               gsize             i)
{
  const char *word = text + token_start (tokens, i);

  return token_length (tokens, i) == 4 && i > first && token_kind (tokens, i - 1) == PITH_TOKEN_NUMBER &&
         strchr ("aApP", word[0]) != NULL && word[1] == '.' && (word[2] == 'm' || word[2] == 'M') &&
         word[3] == '.';
}

static gboolean
is_clock_word (const PithSentenceRules *rules,
               const char              *text,
               const PithTokens        *tokens,
               gsize                    i,
               const char              *kind)
{
  const char *found = NULL;

  return rules->clock_words != NULL &&
         pith_word_list_lookup (rules->clock_words, text + token_start (tokens, i), token_length (tokens, i),
                                &found) &&
         g_strcmp0 (found, kind) == 0;
}

/* A clock time ends its sentence before a capitalised word, as a full
 * stop would, unless the word goes with the time ("8 p.m. Tuesday",
 * "10 a.m. ET") or the time opens the sentence ("By 7 a.m. Mrs. Okafor
 * had left"): then only a common sentence starter opens a new one. */
static gboolean
clock_time_ends_sentence (const char              *text,
                          const PithTokens        *tokens,
                          gsize                    n_tokens,
                          gsize                    first,
                          gsize                    i,
                          const PithSentenceRules *rules)
{
  gsize number = i - 1;
  gsize next;

  if (number - first <= 2 && token_kind (tokens, first) == PITH_TOKEN_WORD &&
      is_clock_word (rules, text, tokens, first, "lead"))
    return is_sentence_starter (text, tokens, n_tokens, i + 1, rules);

  /* "10 a.m.-5 p.m.", "1 p.m. (3 a.m. ET)" go on. */
  next = i + 1;
  while (next < n_tokens && (token_kind (tokens, next) == PITH_TOKEN_QUOTE ||
                             (token_kind (tokens, next) == PITH_TOKEN_OPEN &&
                              is_quote_char (g_utf8_get_char (text + token_start (tokens, next))))))
    next++;
  if (next >= n_tokens ||
      (token_kind (tokens, next) != PITH_TOKEN_WORD && token_kind (tokens, next) != PITH_TOKEN_TITLE &&
       token_kind (tokens, next) != PITH_TOKEN_ABBREVIATION) ||
      !g_unichar_isupper (g_utf8_get_char (text + token_start (tokens, next))))
    return FALSE;
  return !is_clock_word (rules, text, tokens, next, "after");
}

/* The last token of a terminal at @i with the closing quotes and
 * brackets that touch it. */
static gsize
take_closers (const PithTokens *tokens,
              gsize             n_tokens,
              gsize             last)
{
  while (last + 1 < n_tokens && token_start (tokens, last + 1) == token_end (tokens, last) &&
         (token_kind (tokens, last + 1) == PITH_TOKEN_CLOSE ||
          token_kind (tokens, last + 1) == PITH_TOKEN_QUOTE))
    last++;
  return last;
}

/* Whether the terminal at @i, which may run on to @last, ends the
 * sentence; moves @last past what belongs to it. */
static gboolean
terminal_ends_sentence (const char              *text,
                        const PithTokens        *tokens,
                        gsize                    n_tokens,
                        gsize                    first,
                        gsize                    i,
                        const PithSentenceRules *rules,
                        gsize                   *last)
{
  gsize run_end = i;
  gsize n_dots = 0;

  /* ". ." is two full stops; three or more make an ellipsis. */
  if (is_dots (text, tokens, i))
    {
      run_end = spaced_dots_end (text, tokens, n_tokens, i, &n_dots);
      if (n_dots < 3)
        run_end = i;
    }

  /* Within a sentence, "[...]" leaves words out and the sentence goes on
   * unless a common sentence starter follows; after a full stop it
   * stands between two sentences and ends the first. */
  if ((run_end > i || is_ellipsis (text, tokens, i)) &&
      is_bracketed_elision (text, tokens, n_tokens, i, run_end) &&
      !(i >= 2 && token_kind (tokens, i - 2) == PITH_TOKEN_TERMINAL))
    {
      *last = take_closers (tokens, n_tokens, run_end);
      if (*last + 1 >= n_tokens)
        return TRUE;
      if (is_closing_quote (text, tokens, *last))
        return !citation_follows (tokens, text, n_tokens, *last + 1) &&
               can_open_sentence (text, tokens, n_tokens, *last + 1);
      return is_sentence_starter (text, tokens, n_tokens, *last + 1, rules);
    }

  /* An ellipsis opening a sentence leads into it. */
  if (i == first && (run_end > i || is_ellipsis (text, tokens, i)))
    {
      *last = run_end;
      return FALSE;
    }

  if (run_end > i)
    {
      gboolean attached = i > 0 && token_start (tokens, i) == token_end (tokens, i - 1);

      /* "its findings. . . . The board": the full stop ends the
       * sentence, and the ellipsis opens the next. */
      if (attached && n_dots == run_end - i + 1 && n_dots >= 4 && run_end + 1 < n_tokens &&
          token_start (tokens, run_end + 1) > token_end (tokens, run_end) &&
          can_open_sentence (text, tokens, n_tokens, run_end + 1))
        {
          *last = i;
          return TRUE;
        }
      /* Three spaced full stops leave words out inside a sentence; a
       * fourth ends it. */
      *last = take_closers (tokens, n_tokens, run_end);
      if (n_dots < 4 && !attached)
        return FALSE;
    }
  else
    *last = take_closers (tokens, n_tokens, i);

  if (*last + 1 >= n_tokens)
    return TRUE;
  if (*last > i && is_closing_quote (text, tokens, *last) &&
      (citation_follows (tokens, text, n_tokens, *last + 1) ||
       attribution_follows (text, tokens, n_tokens, *last + 1, rules)))
    return FALSE;
  return can_open_sentence (text, tokens, n_tokens, *last + 1);
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
  PithListMarker item;
  gboolean in_list = FALSE;
  gboolean wrapped = !rules->lines_are_sentences && is_hard_wrapped (text, length);

  for (gsize i = 0; i < n_tokens; i++)
    {
      gsize last = i;
      gboolean boundary = FALSE;
      int breaks;

      /* A sentence that opens with a list item's marker keeps it, and the
       * item ends where the list's next marker opens. */
      if (i == first)
        {
          in_list = pith_list_marker_at (text, tokens, n_tokens, i, &item);
          if (in_list)
            last = item.last;
        }

      if (last + 1 >= n_tokens)
        {
          close_sentence (sentences, tokens, first, n_tokens - 1);
          return;
        }

      if (last == i)
        switch (token_kind (tokens, i))
          {
          case PITH_TOKEN_TERMINAL:
            boundary = terminal_ends_sentence (text, tokens, n_tokens, first, i, rules, &last);
            if (last + 1 >= n_tokens)
              {
                close_sentence (sentences, tokens, first, n_tokens - 1);
                return;
              }
            break;
          case PITH_TOKEN_ABBREVIATION:
            if (is_pronoun_i (text, tokens, first, i))
              boundary = can_open_sentence (text, tokens, n_tokens, i + 1);
            else if (is_clock_time (text, tokens, first, i))
              boundary = clock_time_ends_sentence (text, tokens, n_tokens, first, i, rules);
            else
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

      if (!boundary && in_list && pith_list_marker_follows (text, tokens, n_tokens, last + 1, &item))
        boundary = TRUE;

      breaks = line_breaks_between (text, token_end (tokens, last), token_start (tokens, last + 1));
      if (breaks == 2)
        boundary = TRUE;
      else if (breaks == 1 &&
               (rules->lines_are_sentences || is_list_marker (text, tokens, n_tokens, last + 1) ||
                (!wrapped && can_open_sentence (text, tokens, n_tokens, last + 1))))
        boundary = TRUE;

      if (boundary)
        {
          close_sentence (sentences, tokens, first, last);
          first = last + 1;
        }
      i = last;
    }
}
