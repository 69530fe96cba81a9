/* pith-summary-candidates.c: what is not a summary sentence
 *
 * A summary is made of the story's sentences. Scraped news carries other
 * lines that the segmenter, rightly, makes sentences of, and that a
 * ranking by centrality or position may well prefer: the headline (which
 * the reader has already seen as the title), the dateline, photo captions
 * and credits (a copyright line, where the reporters were), the
 * "contributed to this report" line, a sign-off to the reader ("Thanks
 * for reading"), questions put to the reader, lists of links, and
 * headlines a scraper joined to the text with a stop of their own. Each
 * rule below names one of them. Nor is a sentence that a quotation runs on
 * into from the sentence before: the speaker is named where the quotation
 * opens or closes, and "I never thought of myself as a racist." alone has
 * no one to say it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-layer-private.h"
#include "pith-summary-candidates-private.h"
#include "pith-utf8-private.h"

/* The bytes of a sentence read for captions, credits and links. */
#define MAX_OPENING_BYTES 600
/* Sentences longer than this are never compared with the title. */
#define MAX_TITLE_BYTES 400
/* A quotation open for more sentences than this had a stray mark. */
#define MAX_QUOTED_SENTENCES 5

/* Lines that open so are captions, credits, calls to act or sign-offs,
 * not story; after any quotation marks, a stray one left of a quotation
 * before ('" ©2015 Billboard.'). */
static const char * const caption_openings[] = {
  "photo:", "photos:", "photograph:", "image:", "images:", "picture:", "pictures:", "caption:",
  "credit:", "credits:", "video:", "watch:", "gallery:", "(photo", "(image", "(video", "hide caption",
  "just watched", "getty images", "click ", "read more", "related:", "see also", "follow us",
  "sign up", "subscribe", "\xc2\xa9", "copyright \xc2\xa9", "copyright (c)", "copyright 1", "copyright 2",
  "(c) 1", "(c) 2", "all rights reserved", "thank you for using", "thanks for using", "thank you for reading",
  "thanks for reading", "thank you for watching", "thanks for watching", NULL
};

/* Lines that only say where the news came from, as translated news
 * closes a paragraph: "This is stated in the channel's report.", "This
 * was announced by the ministry's press service." They open with "this
 * is " or "this was ", then one of these (names_source()). */
static const char * const source_verbs[] = {
  "stated in ", "stated by ", "reported in ", "reported by ", "said in ", "written in ", "announced in ",
  "announced by ", "indicated in ", "according to ", NULL
};

/* What a reporter did where, after their name: "CNN's Gul Tuysuz
 * reported from Istanbul." */
static const char * const reporter_phrases[] = {
  " reported from ", " wrote from ", " reported and wrote from ", " wrote and reported from ",
  " wrote this story from ", NULL
};

/* Sentences that say who reported, not what; each holds "contribut" or
 * "by " (holds_credit()). */
static const char * const credit_phrases[] = {
  "contributed to this report", "contributed to this story", "contributed reporting",
  "contributed to reporting", "reporting by ", "editing by ", "writing by ", "compiled by ", NULL
};

/* The words of @text (@length bytes) lowercased, every run of spaces one
 * space, and closing punctuation dropped, for comparing a sentence with
 * the title. */
static char *
comparable (const char *text,
            gsize       length)
{
  g_autofree char *lower = g_utf8_strdown (text, (gssize) length);
  GString *out = g_string_sized_new (length);
  gboolean space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = out->len > 0;
      else if (g_unichar_isalnum (c))
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* Whether the sentence is a line of its own that ends in no full stop,
 * question or exclamation mark: a headline, a caption, a credit, a link.
 * Lines are what scrapers keep of a page's layout. */
static gboolean
is_bare_line (const char *text,
              gsize       text_length,
              gsize       start,
              gsize       end)
{
  const char *last;

  if ((start > 0 && text[start - 1] != '\n') || (end < text_length && text[end] != '\n'))
    return FALSE;
  /* The last character but closing quotes and brackets. */
  for (last = g_utf8_find_prev_char (text + start, text + end); last != NULL;
       last = g_utf8_find_prev_char (text + start, last))
    {
      gunichar c = g_utf8_get_char (last);

      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB)
        continue;
      return !(c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';');
    }
  return TRUE;
}

/* Whether the sentence ends in a full stop set apart by a space
 * ("Track the storm ."): a line that had no stop of its own, a headline,
 * a subhead or a link's title, given one when its page's lines were
 * joined. */
static gboolean
ends_in_detached_stop (const char *sentence,
                       gsize       length)
{
  gsize end = length;

  while (end > 0 && g_ascii_isspace (sentence[end - 1]))
    end--;
  return end >= 3 && sentence[end - 1] == '.' && (sentence[end - 2] == ' ' || sentence[end - 2] == '\t') &&
         !g_ascii_isspace (sentence[end - 3]) && sentence[end - 3] != '.';
}

/* Whether the sentence asks the reader something: it ends in a question
 * mark outside any quotation. */
static gboolean
asks_reader (const char *sentence,
             gsize       length)
{
  guint quotes = 0;

  if (length == 0 || sentence[length - 1] != '?')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    quotes += sentence[i] == '"';
  /* A question inside a quotation ends with the quotation: '"Why?"'. An
   * odd count means the quotation is still open. */
  return quotes % 2 == 0 && g_strstr_len (sentence, (gssize) length, "\xe2\x80\x9c") == NULL;
}

/* Whether @lower opens with one of @openings: the first byte compared
 * before the rest, as every sentence is asked. */
static gboolean
opens_with (const char         *lower,
            const char * const *openings)
{
  for (guint i = 0; openings[i] != NULL; i++)
    if (lower[0] == openings[i][0] && strncmp (lower, openings[i], strlen (openings[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @lower, a sentence's opening lowercased, says only where the
 * news came from. */
static gboolean
names_source (const char *lower)
{
  if (g_str_has_prefix (lower, "this is "))
    return opens_with (lower + strlen ("this is "), source_verbs);
  if (g_str_has_prefix (lower, "this was "))
    return opens_with (lower + strlen ("this was "), source_verbs);
  return FALSE;
}

/* The bytes of quotation marks and spaces @sentence opens with: a
 * stray mark left of a quotation before ('" ©2015 Billboard.'). */
static gsize
opening_quotes (const char *sentence,
                gsize       length)
{
  gsize k = 0;
  gsize mark;

  while (k < length)
    if (sentence[k] == ' ')
      k++;
    else if ((mark = pith_utf8_double_quote (sentence + k, length - k, NULL)) != 0)
      k += mark;
    else
      break;
  return k;
}

/* Whether @lower holds one of the credit phrases. Each holds "contribut"
 * or "by ": a sentence with neither, nearly all, is read twice, not once
 * a phrase. */
static gboolean
holds_credit (const char *lower)
{
  if (strstr (lower, "by ") == NULL && strstr (lower, "contribut") == NULL)
    return FALSE;
  for (guint i = 0; credit_phrases[i] != NULL; i++)
    if (strstr (lower, credit_phrases[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether @sentence says where its reporters were: a reporter phrase
 * after a capitalised name, with no quotation before it ('"I am
 * sitting in my apartment," Gul Tuysuz reported from Istanbul.' is the
 * story; "no illnesses reported from the cups" is no name). @lower is
 * the sentence's opening lowercased, as long as it is read. Each phrase
 * holds "wrote " or "reported ": a sentence with neither, nearly all,
 * is read twice, not once a phrase. */
static gboolean
names_reporters (const char *sentence,
                 const char *lower)
{
  if (strstr (lower, "wrote ") == NULL && strstr (lower, "reported ") == NULL)
    return FALSE;
  for (guint i = 0; reporter_phrases[i] != NULL; i++)
    {
      const char *found = strstr (lower, reporter_phrases[i]);
      gsize word;

      if (found == NULL)
        continue;
      word = (gsize) (found - lower);
      while (word > 0 && sentence[word - 1] != ' ')
        word--;
      if (!g_ascii_isupper (sentence[word]))
        continue;
      for (gsize k = 0; k < word; k++)
        if (pith_utf8_double_quote (sentence + k, (gsize) (found - lower) - k, NULL) != 0)
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* Whether the sentence holds two links or more: a list of them. */
static gboolean
lists_links (const char *lower)
{
  guint links = 0;

  for (const char *p = strstr (lower, "http"); p != NULL && links < 2; p = strstr (p + 4, "http"))
    links += g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://");
  return links >= 2;
}

/* Whether a quotation is open after @length bytes of @sentence, given
 * whether it was before: straight marks toggle, curly ones say which
 * they are. */
static gboolean
quotation_open_after (const char *sentence,
                      gsize       length,
                      gboolean    open,
                      gboolean   *closed)
{
  for (gsize i = 0; i < length; i++)
    if (pith_utf8_double_quote (sentence + i, length - i, &open) != 0)
      *closed |= !open;
  return open;
}

/* Excludes the sentences that open inside a quotation begun in a
 * sentence before and closed in one after, within a paragraph and within
 * MAX_QUOTED_SENTENCES: a mark that closes nothing in reach was stray,
 * and the sentences after it are left be. */
static void
exclude_quotation_runs (const char      *text,
                        const PithLayer *sentences,
                        gboolean        *excluded)
{
  guint n = pith_layer_get_n_spans (sentences);
  guint run_start = G_MAXUINT;
  gboolean open = FALSE;

  for (guint i = 0; i < n; i++)
    {
      gsize start = pith_layer_start (sentences, i);
      gsize end = pith_layer_end (sentences, i);
      gboolean closed = FALSE;

      /* A quotation of several paragraphs opens each anew. */
      if (i > 0 && memchr (text + pith_layer_end (sentences, i - 1), '\n',
                           start - pith_layer_end (sentences, i - 1)) != NULL)
        open = FALSE;
      run_start = open ? MIN (run_start, i) : G_MAXUINT;
      open = quotation_open_after (text + start, end - start, open, &closed);
      if (closed && run_start != G_MAXUINT)
        {
          for (guint k = run_start; k <= i; k++)
            excluded[k] = TRUE;
          run_start = G_MAXUINT;
        }
      if (open && run_start != G_MAXUINT && i + 1 - run_start >= MAX_QUOTED_SENTENCES)
        open = FALSE;
    }
}

gboolean *
pith_summary_candidates_excluded (PithDocument *document,
                                  guint        *n_excluded)
{
  const char *text = pith_document_get_text (document);
  gsize text_length = pith_document_get_text_size (document);
  const PithLayer *sentences = pith_document_peek_layer (document, PITH_LAYER_SENTENCE);
  const PithLayer *datelines = pith_document_peek_layer (document, PITH_LAYER_DATELINE);
  guint n = pith_layer_get_n_spans (sentences);
  gboolean *excluded = g_new0 (gboolean, MAX (n, 1));
  const char *title = pith_document_get_metadata_string (document, "title");
  g_autofree char *title_words = title != NULL ? comparable (title, strlen (title)) : NULL;
  guint d = 0;

  *n_excluded = 0;
  for (guint i = 0; i < n; i++)
    {
      gsize start = pith_layer_start (sentences, i);
      gsize end = pith_layer_end (sentences, i);
      gsize length = end - start;
      char lower[MAX_OPENING_BYTES + 1];

      /* The dateline clean parted from the story. */
      while (datelines != NULL && d < pith_layer_get_n_spans (datelines) && pith_layer_end (datelines, d) <= start)
        d++;
      if (datelines != NULL && d < pith_layer_get_n_spans (datelines) && pith_layer_start (datelines, d) < end)
        excluded[i] = TRUE;
      /* A headline, caption, credit or link on a line of its own. */
      else if (is_bare_line (text, text_length, start, end))
        excluded[i] = TRUE;
      else if (asks_reader (text + start, length) || ends_in_detached_stop (text + start, length))
        excluded[i] = TRUE;
      else
        {
          gsize n = MIN (length, MAX_OPENING_BYTES);

          for (gsize k = 0; k < n; k++)
            {
              char c = text[start + k];

              lower[k] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            }
          lower[n] = '\0';
          excluded[i] = opens_with (lower + opening_quotes (lower, n), caption_openings) ||
                        names_source (lower) || holds_credit (lower) || lists_links (lower) ||
                        names_reporters (text + start, lower);
        }
      /* The title, which the reader has seen already, wherever it stands. */
      if (!excluded[i] && title_words != NULL && *title_words != '\0' && length <= MAX_TITLE_BYTES)
        {
          g_autofree char *words = comparable (text + start, length);

          excluded[i] = strcmp (words, title_words) == 0;
        }
    }
  exclude_quotation_runs (text, sentences, excluded);
  for (guint i = 0; i < n; i++)
    *n_excluded += excluded[i];
  return excluded;
}
