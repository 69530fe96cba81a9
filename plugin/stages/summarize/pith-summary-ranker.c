/* pith-summary-ranker.c: sentence scores learned from summaries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* A linear model over features of a sentence (where it stands, how long
 * it is, how central, which entities and words it holds), trained by
 * tools/train-summary-ranker on articles and the highlights their editors
 * wrote: a sentence's score is the sum of its standardised features, each
 * times its weight, and of products of two of them, each times its own
 * (what a feature is worth depends on others: where the sentence stands,
 * how long it is).
 *
 * The model file is text, a line a fact:
 *
 *     pith-summary-ranker 2
 *     feature NAME MEAN SD WEIGHT
 *     product NAME NAME WEIGHT
 *     prior STEM LOG-ODDS
 *
 * A "product" multiplies two standardised features, each named on a
 * "feature" line before it. "prior" lines are the word priors: how much
 * likelier than an average word a stem of the article is to be in its
 * highlights, as the log of the odds' ratio. A stem the model does not
 * list counts 0. Lines that open with # are comments; a feature the file
 * does not name weighs 0. Format 1, the same without products, still
 * reads. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pith-error.h"
#include "pith-layer-private.h"
#include "pith-lines-private.h"
#include "pith-model-file-private.h"
#include "pith-resource-cache-private.h"
#include "pith-summary-ranker-private.h"
#include "pith-utf8-private.h"
#include "pith-word-slots-private.h"
#include "pith-word-list-private.h"
#include "pith-word-slots-private.h"
#include "pith-word-table-private.h"

#define FORMAT_LINE_2 "pith-summary-ranker 2"
#define FORMAT_LINE_1 "pith-summary-ranker 1"
/* What the worst candidate scores: more than the 0 of a sentence that is
 * no candidate. */
#define LOWEST_SCORE 0.05f
#define RESOURCE_PREFIX "/org/gnome/Pith/"

/* One term of the model's sum. */
typedef struct
{
  PithSummaryFeature feature;
  float mean;
  float scale;              /* 1 / SD */
  float weight;
} Term;

/* A product of two standardised features, a term of the sum too. */
typedef struct
{
  PithSummaryFeature first;
  PithSummaryFeature second;
  float weight;
} Product;

struct _PithSummaryRanker
{
  GArray *terms;                          /* of Term */
  GArray *products;                       /* of Product */
  /* Which features a Term standardises; a product reads only those. */
  gboolean standardised[PITH_N_SUMMARY_FEATURES];
  /* The word priors by their stem, each beside its stem's hash: a
   * look-up reads one slot, and a document's stems ask for their slots
   * together. */
  PithWordSlots priors;                   /* of numbers */
};

static const char *const feature_names[PITH_N_SUMMARY_FEATURES] = {
  [PITH_SUMMARY_FEATURE_FIRST] = "first",
  [PITH_SUMMARY_FEATURE_SECOND] = "second",
  [PITH_SUMMARY_FEATURE_THIRD] = "third",
  [PITH_SUMMARY_FEATURE_FOURTH] = "fourth",
  [PITH_SUMMARY_FEATURE_FIFTH] = "fifth",
  [PITH_SUMMARY_FEATURE_INVERSE_POSITION] = "inverse-position",
  [PITH_SUMMARY_FEATURE_RELATIVE_POSITION] = "relative-position",
  [PITH_SUMMARY_FEATURE_EARLY_POSITION] = "early-position",
  [PITH_SUMMARY_FEATURE_LOG_WORDS] = "log-words",
  [PITH_SUMMARY_FEATURE_UNDER_8_WORDS] = "under-8-words",
  [PITH_SUMMARY_FEATURE_UNDER_15_WORDS] = "under-15-words",
  [PITH_SUMMARY_FEATURE_OVER_35_WORDS] = "over-35-words",
  [PITH_SUMMARY_FEATURE_OVER_50_WORDS] = "over-50-words",
  [PITH_SUMMARY_FEATURE_CENTRALITY] = "centrality",
  [PITH_SUMMARY_FEATURE_DEGREE] = "degree",
  [PITH_SUMMARY_FEATURE_ENTITY_SALIENCE] = "entity-salience",
  [PITH_SUMMARY_FEATURE_ENTITY_MENTIONS] = "entity-mentions",
  [PITH_SUMMARY_FEATURE_FIRST_MENTIONS] = "first-mentions",
  [PITH_SUMMARY_FEATURE_FIRST_MENTION_SALIENCE] = "first-mention-salience",
  [PITH_SUMMARY_FEATURE_LEAD_SIMILARITY] = "lead-similarity",
  [PITH_SUMMARY_FEATURE_TERM_SPREAD] = "term-spread",
  [PITH_SUMMARY_FEATURE_FIRST_TERM_SALIENCE] = "first-term-salience",
  [PITH_SUMMARY_FEATURE_OPENS_WITH_QUOTE] = "opens-with-quote",
  [PITH_SUMMARY_FEATURE_QUOTES] = "quotes",
  [PITH_SUMMARY_FEATURE_ATTRIBUTION] = "attribution",
  [PITH_SUMMARY_FEATURE_DIGITS] = "digits",
  [PITH_SUMMARY_FEATURE_DANGLING] = "dangling",
  [PITH_SUMMARY_FEATURE_PERSONAL] = "personal",
  [PITH_SUMMARY_FEATURE_CAPITALS] = "capitals",
  [PITH_SUMMARY_FEATURE_QUESTION_OR_EXCLAMATION] = "question-or-exclamation",
  [PITH_SUMMARY_FEATURE_OPENS_WITH_NAME] = "opens-with-name",
  [PITH_SUMMARY_FEATURE_WORD_PRIOR_MEAN] = "word-prior-mean",
  [PITH_SUMMARY_FEATURE_WORD_PRIOR_MAX] = "word-prior-max",
  [PITH_SUMMARY_FEATURE_WORD_PRIOR_TOP] = "word-prior-top",
};

const char *
pith_summary_feature_name (PithSummaryFeature feature)
{
  g_return_val_if_fail (feature < PITH_N_SUMMARY_FEATURES, NULL);
  return feature_names[feature];
}

static int
feature_by_name (const char *name)
{
  for (int f = 0; f < PITH_N_SUMMARY_FEATURES; f++)
    if (strcmp (feature_names[f], name) == 0)
      return f;
  return -1;
}

void
pith_summary_ranker_free (PithSummaryRanker *self)
{
  if (self == NULL)
    return;
  pith_word_slots_clear (&self->priors);
  g_array_unref (self->terms);
  g_array_unref (self->products);
  g_free (self);
}

static gboolean
parse_number (const char *field,
              float      *number)
{
  char *end = NULL;
  double value;

  if (field == NULL)
    return FALSE;
  value = g_ascii_strtod (field, &end);
  if (end == field || *end != '\0' || !isfinite (value))
    return FALSE;
  *number = (float) value;
  return TRUE;
}

static gboolean
parse_line (PithSummaryRanker *self,
            guint              format,
            char              *line,
            GError           **error)
{
  g_auto(GStrv) fields = g_strsplit_set (g_strstrip (line), " \t", -1);
  guint n_fields = g_strv_length (fields);

  if (g_strcmp0 (fields[0], "feature") == 0 && n_fields == 5)
    {
      int feature = feature_by_name (fields[1]);
      Term term;
      float sd;

      if (feature < 0)
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "unknown feature “%s”", fields[1]);
          return FALSE;
        }
      if (!parse_number (fields[2], &term.mean) || !parse_number (fields[3], &sd) ||
          !parse_number (fields[4], &term.weight) || sd <= 0.0f)
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "bad numbers for feature “%s”", fields[1]);
          return FALSE;
        }
      if (self->standardised[feature])
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "feature “%s” twice", fields[1]);
          return FALSE;
        }
      term.feature = (PithSummaryFeature) feature;
      term.scale = 1.0f / sd;
      g_array_append_val (self->terms, term);
      self->standardised[feature] = TRUE;
      return TRUE;
    }
  if (g_strcmp0 (fields[0], "product") == 0 && n_fields == 4 && format >= 2)
    {
      int first = feature_by_name (fields[1]);
      int second = feature_by_name (fields[2]);
      Product product;

      if (first < 0 || second < 0 || !self->standardised[first] || !self->standardised[second])
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL,
                       "a product of “%s” and “%s”, which are not both features before it",
                       fields[1], fields[2]);
          return FALSE;
        }
      if (!parse_number (fields[3], &product.weight))
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "bad weight for the product of “%s” and “%s”",
                       fields[1], fields[2]);
          return FALSE;
        }
      product.first = (PithSummaryFeature) first;
      product.second = (PithSummaryFeature) second;
      g_array_append_val (self->products, product);
      return TRUE;
    }
  if (g_strcmp0 (fields[0], "prior") == 0 && n_fields == 3)
    {
      float prior;
      gsize length = strlen (fields[1]);
      PithWordSlot *slot;
      gboolean added;

      if (!parse_number (fields[2], &prior))
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "bad prior for “%s”", fields[1]);
          return FALSE;
        }
      slot = pith_word_slots_insert (&self->priors, pith_word_slots_key (fields[1], length), &added);
      if (!added)
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "stem “%s” twice", fields[1]);
          return FALSE;
        }
      slot->value.number = prior;
      return TRUE;
    }
  g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "a line of neither a feature, a product nor a prior");
  return FALSE;
}

PithSummaryRanker *
pith_summary_ranker_new_from_bytes (GBytes  *bytes,
                                    GError **error)
{
  g_autoptr(PithSummaryRanker) self = g_new0 (PithSummaryRanker, 1);
  gsize size = 0;
  const char *cursor = g_bytes_get_data (bytes, &size);
  const char *end = cursor + size;
  const char *line;
  gsize length;
  guint line_number = 0;
  guint format = 0;

  pith_word_slots_init (&self->priors);
  self->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  self->products = g_array_new (FALSE, FALSE, sizeof (Product));

  while (pith_lines_next (&cursor, end, &line, &length))
    {
      g_autofree char *copy = g_strndup (line, length);
      g_autoptr(GError) local_error = NULL;

      line_number++;
      g_strstrip (copy);
      if (*copy == '\0' || *copy == '#')
        continue;
      if (format == 0)
        {
          format = strcmp (copy, FORMAT_LINE_2) == 0 ? 2 : strcmp (copy, FORMAT_LINE_1) == 0 ? 1 : 0;
          if (format == 0)
            {
              g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL,
                           "Not a summary ranker of a format this Pith reads (line %u)", line_number);
              return NULL;
            }
          continue;
        }
      if (!parse_line (self, format, copy, &local_error))
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "Summary ranker, line %u: %s",
                       line_number, local_error->message);
          return NULL;
        }
    }
  if (format == 0)
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_MODEL, "The summary ranker is empty");
      return NULL;
    }
  return g_steal_pointer (&self);
}

PithSummaryRanker *
pith_summary_ranker_new_from_file (const char  *path,
                                   GError     **error)
{
  g_autoptr(GBytes) bytes = pith_model_file_map (path, "summary ranker", error);

  return bytes != NULL ? pith_summary_ranker_new_from_bytes (bytes, error) : NULL;
}

/* A PithResourceLoad: a built-in ranker that does not load is a broken
 * build, and the stage falls back on its unsupervised scores. */
static gpointer
load_builtin (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  PithSummaryRanker *ranker;

  if (bytes == NULL)
    return NULL;
  ranker = pith_summary_ranker_new_from_bytes (bytes, &error);
  if (ranker == NULL)
    g_critical ("The built-in %s does not load: %s", name, error->message);
  return ranker;
}

const PithSummaryRanker *
pith_summary_ranker_get_builtin (const char *code)
{
  static PithResourceCache cache;
  char name[64];

  g_snprintf (name, sizeof name, "summarize/ranker-%s.txt", code);
  return pith_resource_cache_get (&cache, name, load_builtin);
}

/* Each term's word prior, by term id. */
static float *
term_priors (const PithSummaryRanker *self,
             const PithSentenceGraph *graph)
{
  guint n_terms = pith_sentence_graph_n_terms (graph);
  float *priors = g_new0 (float, MAX (n_terms, 1));
  g_autofree guint64 *keys = NULL;

  if (self == NULL)
    return priors;
  /* The slots are asked of memory together, then read. */
  keys = g_new (guint64, MAX (n_terms, 1));
  for (guint term = 0; term < n_terms; term++)
    {
      const char *stem = pith_sentence_graph_term_text (graph, term);

      keys[term] = pith_word_slots_key (stem, strlen (stem));
      pith_word_slots_prefetch (&self->priors, keys[term]);
    }
  for (guint term = 0; term < n_terms; term++)
    {
      const PithWordSlot *slot = pith_word_slots_find (&self->priors, keys[term]);

      priors[term] = slot != NULL ? slot->value.number : 0.0f;
    }
  return priors;
}

/* Whether token @t is a word of @list, in any case; only a token that
 * opens with a letter is looked up (a text's tokens are a third numbers
 * and punctuation). */
static gboolean
token_in (const PithWordList *list,
          const char         *text,
          const PithLayer    *tokens,
          guint               t)
{
  char folded[32];
  guint32 start = pith_layer_start (tokens, t);
  gsize length = pith_layer_end (tokens, t) - start;

  if (length >= sizeof folded || !g_ascii_isalpha (text[start]) ||
      !pith_word_list_may_hold (list, g_ascii_tolower (text[start]), length))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    folded[i] = g_ascii_isupper (text[start + i]) ? (char) (text[start + i] + ('a' - 'A')) : text[start + i];
  return pith_word_list_lookup (list, folded, length, NULL);
}

static gboolean
opens_with_quote (const char *text,
                  gsize       length)
{
  gsize i = 0;

  while (i < length && g_ascii_isspace (text[i]))
    i++;
  return (i < length && text[i] == '"') || pith_utf8_curly_double_quote (text + i, length - i) == 0x201C;
}

/* Whether the text holds a quotation mark, straight or curly, and a
 * digit: one pass. */
static void
find_quotes_and_digits (const char *text,
                        gsize       length,
                        gboolean   *quotes,
                        gboolean   *digits)
{
  *quotes = FALSE;
  *digits = FALSE;
  for (gsize i = 0; i < length && !(*quotes && *digits); i++)
    {
      if (pith_utf8_double_quote (text + i, length - i, NULL) != 0)
        *quotes = TRUE;
      else if (g_ascii_isdigit (text[i]))
        *digits = TRUE;
    }
}

/* The features of voice of the @n_tokens tokens from @first, in one
 * pass: whether they speak as "I" or "we", or to "you", outside a
 * quotation (a column or a call to the reader, which highlights, told in
 * the third person, rarely take), and how many of them but the first
 * open with a capital, for each of @words words (names, which highlights
 * keep). */
static void
voice_features (const PithWordList *personal,
                const char         *text,
                const PithLayer    *tokens,
                guint               first,
                guint               n_tokens,
                guint               words,
                float               row[PITH_N_SUMMARY_FEATURES])
{
  gboolean quoted = FALSE;
  gboolean speaks = FALSE;
  guint capitals = 0;

  for (guint t = first; t < first + n_tokens; t++)
    {
      guint32 start = pith_layer_start (tokens, t);

      if (pith_utf8_double_quote (text + start, pith_layer_end (tokens, t) - start, &quoted) == 0)
        {
          capitals += t > first && g_ascii_isupper (text[start]);
          speaks = speaks || (!quoted && personal != NULL && token_in (personal, text, tokens, t));
        }
    }
  row[PITH_SUMMARY_FEATURE_PERSONAL] = speaks;
  row[PITH_SUMMARY_FEATURE_CAPITALS] = words > 0 ? (float) capitals / (float) words : 0.0f;
}

/* Whether the @n_tokens tokens from @first open with two capitalised
 * words, a name as the subject ("Levi Pettit, who…"), as highlights
 * open. */
static gboolean
opens_with_name (const char      *text,
                 const PithLayer *tokens,
                 guint            first,
                 guint            n_tokens)
{
  return n_tokens > 2 && g_ascii_isupper (text[pith_layer_start (tokens, first)]) &&
         g_ascii_isupper (text[pith_layer_start (tokens, first + 1)]);
}

/* Puts @value among the best few, kept sorted, largest first. */
static void
keep_best (float  best[PITH_SUMMARY_WORD_PRIOR_TOP],
           guint *n_best,
           float  value)
{
  guint i;

  if (*n_best < PITH_SUMMARY_WORD_PRIOR_TOP)
    (*n_best)++;
  else if (value <= best[*n_best - 1])
    return;
  for (i = *n_best - 1; i > 0 && best[i - 1] < value; i--)
    best[i] = best[i - 1];
  best[i] = value;
}

/* Mean, largest and mean of the best few of the word priors of
 * sentence @s's terms (each term once). */
static void
word_prior_features (const PithSentenceGraph *graph,
                     guint                    s,
                     const float             *priors,
                     float                   *row)
{
  guint n_terms = graph->sentences[s].n_terms;
  const guint32 *terms = pith_sentence_graph_sentence_terms (graph, s);
  float best[PITH_SUMMARY_WORD_PRIOR_TOP];
  guint n_best = 0;
  float sum = 0.0f;
  float largest = -INFINITY;
  float top = 0.0f;

  if (n_terms == 0)
    return;
  for (guint k = 0; k < n_terms; k++)
    {
      float prior = priors[terms[k]];

      sum += prior;
      largest = MAX (largest, prior);
      keep_best (best, &n_best, prior);
    }
  for (guint k = 0; k < n_best; k++)
    top += best[k];
  row[PITH_SUMMARY_FEATURE_WORD_PRIOR_MEAN] = sum / (float) n_terms;
  row[PITH_SUMMARY_FEATURE_WORD_PRIOR_MAX] = largest;
  row[PITH_SUMMARY_FEATURE_WORD_PRIOR_TOP] = top / PITH_SUMMARY_WORD_PRIOR_TOP;
}

/* What the rows of a document's features share, so that a row is
 * computed when it is read: a document of a million sentences would
 * otherwise hold thirty floats for each at once. */
typedef struct
{
  const PithSummaryEvidence *evidence;
  const char *text;
  const PithLayer *sentences;
  const PithLayer *tokens;
  guint *candidates;
  guint n_candidates;
  float *priors;            /* by term */
  float *first_terms;       /* by candidate, the largest 1 */
} Features;

static void
features_init (Features                  *self,
               const PithSummaryEvidence *evidence,
               const PithSummaryRanker   *ranker)
{
  const PithSentenceGraph *graph = evidence->graph;
  guint n = graph->n_sentences;
  g_autofree guint8 *seen = g_new0 (guint8, MAX (pith_sentence_graph_n_terms (graph), 1));
  float largest = 0.0f;

  self->evidence = evidence;
  self->text = pith_document_get_text (evidence->document);
  self->sentences = pith_document_peek_layer (evidence->document, PITH_LAYER_SENTENCE);
  self->tokens = pith_document_peek_layer (evidence->document, PITH_LAYER_TOKEN);
  self->candidates = g_new (guint, MAX (n, 1));
  self->n_candidates = 0;
  for (guint s = 0; s < n; s++)
    if (!evidence->excluded[s])
      self->candidates[self->n_candidates++] = s;
  self->priors = term_priors (ranker, graph);

  /* The stems each candidate is first to use, in the order they come,
   * weighed by how often the document goes on to repeat them. */
  self->first_terms = g_new0 (float, MAX (self->n_candidates, 1));
  for (guint p = 0; p < self->n_candidates; p++)
    {
      guint s = self->candidates[p];
      const guint32 *terms = pith_sentence_graph_sentence_terms (graph, s);

      for (guint k = 0; k < graph->sentences[s].n_terms; k++)
        {
          if (!seen[terms[k]])
            self->first_terms[p] += logf ((float) graph->document_frequency[terms[k]]);
          seen[terms[k]] = 1;
        }
      largest = MAX (largest, self->first_terms[p]);
    }
  for (guint p = 0; p < self->n_candidates && largest > 0.0f; p++)
    self->first_terms[p] /= largest;
}

static void
features_clear (Features *self)
{
  g_free (self->candidates);
  g_free (self->priors);
  g_free (self->first_terms);
}

/* The features of the @p-th candidate into @row. */
static void
features_row (const Features *self,
              guint           p,
              float           row[PITH_N_SUMMARY_FEATURES])
{
  const PithSummaryEvidence *evidence = self->evidence;
  const PithSentenceGraph *graph = evidence->graph;
  guint s = self->candidates[p];
  guint words = graph->sentences[s].n_words;
  guint first_token = graph->sentences[s].first_token;
  guint32 start = pith_layer_start (self->sentences, s);
  gsize length = pith_layer_length (self->sentences, s);
  const guint32 *terms = pith_sentence_graph_sentence_terms (graph, s);
  float spread = 0.0f;
  gboolean quotes;
  gboolean digits;

  memset (row, 0, PITH_N_SUMMARY_FEATURES * sizeof (float));
  if (p < 5)
    row[PITH_SUMMARY_FEATURE_FIRST + p] = 1.0f;
  row[PITH_SUMMARY_FEATURE_INVERSE_POSITION] = 1.0f / (float) (p + 1);
  row[PITH_SUMMARY_FEATURE_RELATIVE_POSITION] = (float) p / (float) self->n_candidates;
  row[PITH_SUMMARY_FEATURE_EARLY_POSITION] = (float) MIN (p, 30) / 30.0f;
  row[PITH_SUMMARY_FEATURE_LOG_WORDS] = logf (1.0f + (float) words);
  row[PITH_SUMMARY_FEATURE_UNDER_8_WORDS] = words < 8;
  row[PITH_SUMMARY_FEATURE_UNDER_15_WORDS] = words < 15;
  row[PITH_SUMMARY_FEATURE_OVER_35_WORDS] = words > 35;
  row[PITH_SUMMARY_FEATURE_OVER_50_WORDS] = words > 50;
  row[PITH_SUMMARY_FEATURE_CENTRALITY] = evidence->centrality[s];
  row[PITH_SUMMARY_FEATURE_DEGREE] = evidence->degrees[s];
  row[PITH_SUMMARY_FEATURE_ENTITY_SALIENCE] = evidence->entity_salience[s];
  row[PITH_SUMMARY_FEATURE_ENTITY_MENTIONS] = (float) MIN (evidence->entity_mentions[s], 6) / 6.0f;
  row[PITH_SUMMARY_FEATURE_FIRST_MENTIONS] = (float) MIN (evidence->first_mentions[s], 4) / 4.0f;
  row[PITH_SUMMARY_FEATURE_FIRST_MENTION_SALIENCE] = evidence->first_salience[s];
  row[PITH_SUMMARY_FEATURE_LEAD_SIMILARITY] = p == 0 ? 1.0f :
    pith_sentence_graph_similarity (graph, s, self->candidates[0]);
  for (guint k = 0; k < graph->sentences[s].n_terms; k++)
    spread += (float) graph->document_frequency[terms[k]];
  if (graph->sentences[s].n_terms > 0)
    row[PITH_SUMMARY_FEATURE_TERM_SPREAD] = spread / (float) graph->sentences[s].n_terms / (float) graph->n_sentences;
  row[PITH_SUMMARY_FEATURE_FIRST_TERM_SALIENCE] = self->first_terms[p];
  row[PITH_SUMMARY_FEATURE_OPENS_WITH_QUOTE] = opens_with_quote (self->text + start, length);
  find_quotes_and_digits (self->text + start, length, &quotes, &digits);
  row[PITH_SUMMARY_FEATURE_QUOTES] = quotes;
  row[PITH_SUMMARY_FEATURE_DIGITS] = digits;
  for (guint t = first_token; t < first_token + graph->sentences[s].n_tokens; t++)
    if (token_in (evidence->attribution, self->text, self->tokens, t))
      {
        row[PITH_SUMMARY_FEATURE_ATTRIBUTION] = 1.0f;
        break;
      }
  row[PITH_SUMMARY_FEATURE_DANGLING] = graph->sentences[s].n_tokens > 0 &&
                                       token_in (evidence->dangling, self->text, self->tokens, first_token);
  voice_features (evidence->personal, self->text, self->tokens, first_token, graph->sentences[s].n_tokens, words,
                  row);
  /* A question or an exclamation is a quoted one: a sentence that asks
   * the reader is no candidate. */
  row[PITH_SUMMARY_FEATURE_QUESTION_OR_EXCLAMATION] = memchr (self->text + start, '?', length) != NULL ||
                                                      memchr (self->text + start, '!', length) != NULL;
  row[PITH_SUMMARY_FEATURE_OPENS_WITH_NAME] = opens_with_name (self->text, self->tokens, first_token,
                                                               graph->sentences[s].n_tokens);
  word_prior_features (graph, s, self->priors, row);
}

float *
pith_summary_features_compute (const PithSummaryEvidence *evidence,
                               const PithSummaryRanker   *ranker,
                               guint                    **candidates_out,
                               guint                     *n_candidates_out)
{
  Features features;
  float *rows;

  features_init (&features, evidence, ranker);
  rows = g_new0 (float, (gsize) MAX (features.n_candidates, 1) * PITH_N_SUMMARY_FEATURES);
  for (guint p = 0; p < features.n_candidates; p++)
    features_row (&features, p, rows + (gsize) p * PITH_N_SUMMARY_FEATURES);
  *candidates_out = g_steal_pointer (&features.candidates);
  *n_candidates_out = features.n_candidates;
  features_clear (&features);
  return rows;
}

void
pith_summary_ranker_score (const PithSummaryRanker   *self,
                           const PithSummaryEvidence *evidence,
                           float                     *scores)
{
  Features features;
  float row[PITH_N_SUMMARY_FEATURES];
  float standardised[PITH_N_SUMMARY_FEATURES];
  float lowest = INFINITY;
  float highest = -INFINITY;

  memset (scores, 0, evidence->graph->n_sentences * sizeof (float));
  features_init (&features, evidence, self);
  for (guint p = 0; p < features.n_candidates; p++)
    {
      float sum = 0.0f;

      features_row (&features, p, row);
      for (guint k = 0; k < self->terms->len; k++)
        {
          const Term *term = &g_array_index (self->terms, Term, k);

          standardised[term->feature] = (row[term->feature] - term->mean) * term->scale;
          sum += term->weight * standardised[term->feature];
        }
      for (guint k = 0; k < self->products->len; k++)
        {
          const Product *product = &g_array_index (self->products, Product, k);

          sum += product->weight * standardised[product->first] * standardised[product->second];
        }
      scores[features.candidates[p]] = sum;
      lowest = MIN (lowest, sum);
      highest = MAX (highest, sum);
    }
  for (guint p = 0; p < features.n_candidates; p++)
    {
      float *score = &scores[features.candidates[p]];

      *score = highest > lowest ? LOWEST_SCORE + (1.0f - LOWEST_SCORE) * (*score - lowest) / (highest - lowest) : 1.0f;
    }
  features_clear (&features);
}
