/* pith-summarizer.c: the summarize stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithSummarizer:
 *
 * The `summarize` stage: chooses the sentences of an extractive summary,
 * and the key phrases of the text.
 *
 * Sentences are tf-idf vectors of Snowball stems (stop words of the
 * document's language left out). In English a learned ranker scores them:
 * a linear model over features of each candidate sentence (where it
 * stands, its length, its centrality by TextRank, the salience of the
 * entities it names and of those it names first, the stems it is first to
 * use, quotes, attribution, digits, a pronoun that leans on the sentence
 * before, whether it speaks as "I" or to "you", its share of capitalised
 * words, whether a name opens it, a quoted question or exclamation, and
 * how likely its stems are to reach an editor's highlights),
 * trained by `tools/train-summary-ranker` on CNN/DailyMail articles and
 * their highlights; [property@Pith.Summarizer:ranker] gives one of the
 * user's, and [property@Pith.Summarizer:features] reports the features.
 * The best candidate scores 1, the worst 0.05. In other languages
 * (`method=weighted` in any) a sentence's score combines its centrality, a
 * position prior for news (score (i + 1)^-decay for the i-th sentence,
 * decay set by [property@Pith.Summarizer:position-decay]), and, when the
 * `entities` stage ran before, the salience of the entities it names (how
 * often the document mentions them); fragments of fewer than five words
 * count for little. [property@Pith.Summarizer:method] chooses other
 * scorings.
 *
 * Sentences are taken best first; the weighted and graph scores weigh each
 * against those already taken within 50 sentences of it (MMR,
 * [property@Pith.Summarizer:diversity]), the learned ranker's need not
 * (its products of features already weigh what a sentence adds to the
 * lead). Two near duplicates within 50 sentences are never both taken. A
 * sentence that opens with a pronoun or connective is brought in with the
 * sentence before it, or passed over
 * ([property@Pith.Summarizer:coherence]), unless an earlier sentence of
 * the summary names an entity its pronoun may point back to.
 * The sentences a quotation runs on into, after the one it opens in, are
 * never taken. Ties go to the earlier sentence, so the same document
 * always gives the same summary.
 *
 * The length is [property@Pith.Summarizer:sentences], or a
 * [property@Pith.Summarizer:ratio] of the sentences (rounded half up), or a
 * budget of [property@Pith.Summarizer:words] or
 * [property@Pith.Summarizer:chars] filled greedily; a non-empty document
 * always gets at least one sentence. A "sentence" of more than 8 KB, a page
 * without full stops or a table run together, is never taken, so a
 * document of nothing else gets an empty summary.
 *
 * Some sentences are never taken, however central or early: the title
 * (the `title` metadata, or a headline on a line of its own), the dateline
 * that `clean` parts from the first sentence, captions, credits and links
 * on lines of their own or by their opening words ("Photo:", "Read
 * more", "©2015"), the "contributed to this report" line and the one that
 * says where the reporters were ("Ana Lopes reported from Lisbon."), the
 * one that says where the news came from ("This was announced by the
 * ministry's press service."), a sign-off ("Thanks for reading"),
 * questions put to the reader, lists of links, a headline joined to the
 * text with a stop of its own ("Track the storm ."), and the sentences a
 * quotation runs on into after the one it opens in.
 *
 * The stage fills the `summary` layer (sentence spans with their scores, in
 * document order unless [property@Pith.Summarizer:rank-order]), the
 * `summary` report (`sentences`: indices, `text`, and how many sentences
 * were `excluded` as no candidates), and the key phrases: noun phrases and
 * the entities' names, merged by stem, none inside a better one, in the
 * `keyphrases` report (`text`, `score`, `mentions`, best first) and the
 * `keyphrases` layer (every mention, its `keyphrase` the index into the
 * report).
 * It needs the `token` and `sentence` layers: put `segment` before it.
 * Similarity is computed between sentences at most 50 apart, so long
 * documents cost time in proportion to their length.
 */

#include "config.h"

#include "pith-tsan-private.h"

#include <math.h>
#include <string.h>

#include "pith-document-private.h"
#include "pith-layer-private.h"
#include "pith-enum-types.h"
#include "pith-error.h"
#include "pith-keyphrases-private.h"
#include "pith-language-tag-private.h"
#include "pith-sentence-graph-private.h"
#include "pith-summarizer.h"
#include "pith-summary-candidates-private.h"
#include "pith-summary-ranker-private.h"

#define WINDOW 50
#define NEAR_DUPLICATE 0.8f
#define SHORT_SENTENCE 5
/* A "sentence" longer than this is a page without full stops, a list or a
 * table run together: nothing a reader would keep as a summary, and the
 * summary's text would copy it whole. */
#define MAX_SENTENCE_BYTES 8192

struct _PithSummarizer
{
  PithStage parent_instance;

  PithSummaryMethod method;
  PithSummaryCoherence coherence;
  guint sentences;
  double ratio;
  guint words;
  guint chars;
  double diversity;
  gboolean rank_order;
  guint keyphrases;
  double centrality_weight;
  double position_weight;
  double entity_weight;
  double position_decay;
  char *ranker_path;
  gboolean features;
  PithSummaryRanker *ranker; /* loaded from ranker-path */

  GMutex stemmers_lock;
  GPtrArray *stemmers;      /* of PithStemmer not in use, one per language and run */
};

static void pith_summarizer_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PithSummarizer, pith_summarizer, PITH_TYPE_STAGE,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, pith_summarizer_initable_init))

enum {
  PROP_0,
  PROP_METHOD,
  PROP_SENTENCES,
  PROP_RATIO,
  PROP_WORDS,
  PROP_CHARS,
  PROP_DIVERSITY,
  PROP_COHERENCE,
  PROP_RANK_ORDER,
  PROP_KEYPHRASES,
  PROP_CENTRALITY_WEIGHT,
  PROP_POSITION_WEIGHT,
  PROP_ENTITY_WEIGHT,
  PROP_POSITION_DECAY,
  PROP_RANKER,
  PROP_FEATURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_SENTENCES 3
/* diversity -1: each scoring's own. Measured on the CNN/DailyMail
 * validation articles against Lead-3 (tools/cv-summary-ranker ten-fold,
 * the weighted scores on the first 500): the graph and weighted scores
 * gain from weighing redundancy; the learned ranker's products of
 * features already prefer what the lead lacks, and MMR on top of them
 * costs ROUGE (ten-fold ROUGE-1/2/Lsum margins +2.29/+1.54/+2.16 at 0,
 * +2.14/+1.02/+1.89 at 0.5). */
#define DEFAULT_DIVERSITY -1.0
#define RANKER_DIVERSITY 0.0
#define GRAPH_DIVERSITY 0.5
#define DEFAULT_KEYPHRASES 10
#define DEFAULT_CENTRALITY_WEIGHT 0.4
#define DEFAULT_POSITION_WEIGHT 1.0
#define DEFAULT_ENTITY_WEIGHT 0.05
#define DEFAULT_POSITION_DECAY 0.5

/* The primary subtag of the document's language, as Pith's stop word
 * lists and Snowball name it ("pt-BR" is "pt"; Norwegian Bokmål and
 * Nynorsk are "no"); English when the document has none, and "und" for a
 * tag that is no ISO 639 code (the word lists and stemmers kept per
 * language stay few, whatever a stream of documents declares). */
static void
language_of (PithDocument *document,
             char          code[PITH_LANGUAGE_CODE_MAX + 1])
{
  const char *tag = pith_document_get_language (document);

  if (tag == NULL)
    strcpy (code, "en");
  else if (!pith_language_tag_code (tag, code) || strlen (code) > 3)
    strcpy (code, "und");
  if (strcmp (code, "nb") == 0 || strcmp (code, "nn") == 0)
    strcpy (code, "no");
}

/* The summarizer's list @kind of words of the language @code: its stop
 * words ("stopwords"), the words that open a sentence which leans on the
 * one before ("dangling": "He", "But"), the words that attribute a quote
 * or claim ("attribution": "said", "told"), the pronouns of a writer who
 * speaks as "I" or to "you" ("personal"); NULL where there is no list
 * (for stop words: every word then counts). */
static const PithWordList *
word_list_for (const char *kind,
               const char *code)
{
  char name[64];

  g_snprintf (name, sizeof name, "summarize/%s-%s.txt", kind, code);
  return pith_word_list_get (name);
}

/* A stemmer for @language, remembering the words of earlier documents;
 * give it back with give_back_stemmer(). */
static PithStemmer *
take_stemmer (PithSummarizer     *self,
              const char         *language,
              const PithWordList *stopwords)
{
  PithStemmer *stemmer = NULL;

  g_mutex_lock (&self->stemmers_lock);
  pith_tsan_acquire (&self->stemmers_lock);
  for (guint i = 0; i < self->stemmers->len; i++)
    if (pith_stemmer_is_for (g_ptr_array_index (self->stemmers, i), language, stopwords))
      {
        stemmer = g_ptr_array_steal_index_fast (self->stemmers, i);
        break;
      }
  pith_tsan_release (&self->stemmers_lock);
  g_mutex_unlock (&self->stemmers_lock);

  return stemmer != NULL ? stemmer : pith_stemmer_new (language, stopwords);
}

static void
give_back_stemmer (PithSummarizer *self,
                   PithStemmer    *stemmer)
{
  pith_stemmer_forget (stemmer);
  g_mutex_lock (&self->stemmers_lock);
  pith_tsan_acquire (&self->stemmers_lock);
  g_ptr_array_add (self->stemmers, stemmer);
  pith_tsan_release (&self->stemmers_lock);
  g_mutex_unlock (&self->stemmers_lock);
}

/* How much of the document's attention goes to the entities a sentence
 * names: the sum over its entity mentions of the log of how often the
 * document mentions that entity; and how many mentions it holds. */
static void
entity_salience (PithDocument             *document,
                 const PithSentenceGraph  *graph,
                 float                    *salience,
                 guint                    *mentions,
                 guint                    *first_mentions,
                 float                    *first_salience)
{
  const PithLayer *sentences;
  const PithLayer *entities;
  guint n_sentences = 0;
  guint n_entities = 0;
  guint s = 0;
  guint n_groups = 0;
  gboolean has_groups = pith_document_get_report_n_rows (document, "entity_groups", &n_groups);
  g_autofree float *weights = NULL;
  g_autofree gboolean *mentioned = NULL;
  PithIntegerColumn *column;

  memset (salience, 0, graph->n_sentences * sizeof (float));
  memset (mentions, 0, graph->n_sentences * sizeof (guint));
  memset (first_mentions, 0, graph->n_sentences * sizeof (guint));
  memset (first_salience, 0, graph->n_sentences * sizeof (float));
  if (!has_groups)
    return;

  sentences = pith_document_peek_layer (document, PITH_LAYER_SENTENCE);
  n_sentences = pith_layer_get_n_spans (sentences);
  entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  n_entities = pith_layer_get_n_spans (entities);
  if (n_entities == 0)
    return;

  /* What a mention of each group weighs, once a group, and the column
   * of the groups, once a document, rather than a lookup by name a
   * mention. Mentions whose group is given as a JSON attribute (a
   * document read back) take the lookup. */
  weights = g_new (float, MAX (n_groups, 1));
  mentioned = g_new0 (gboolean, MAX (n_groups, 1));
  for (guint g = 0; g < n_groups; g++)
    weights[g] = logf (1.0f + (float) pith_document_get_report_row_int (document, "entity_groups", g, "mentions"));
  column = pith_layer_find_integer_column ((PithLayer *) entities, g_quark_from_static_string ("entity"), FALSE);

  for (guint e = 0; e < n_entities; e++)
    {
      gint32 stored;
      gint64 index;

      if (column != NULL && pith_integer_column_get (column, e, &stored))
        index = stored;
      else if (!pith_document_get_span_integer (document, PITH_LAYER_ENTITY, e, "entity", &index))
        continue;
      if (index < 0 || (guint64) index >= n_groups)
        continue;
      while (s < n_sentences && pith_layer_end (sentences, s) <= pith_layer_start (entities, e))
        s++;
      if (s >= n_sentences)
        break;
      salience[s] += weights[index];
      mentions[s]++;
      first_mentions[s] += !mentioned[index];
      first_salience[s] += mentioned[index] ? 0.0f : weights[index];
      mentioned[index] = TRUE;
    }
}

static void
normalize (float *values,
           guint  n)
{
  float largest = 0.0f;

  for (guint i = 0; i < n; i++)
    largest = MAX (largest, values[i]);
  for (guint i = 0; i < n && largest > 0.0f; i++)
    values[i] /= largest;
}

/* The `summary_features` report: each candidate's features, and its
 * terms, which tools/train-summary-ranker learns from. */
static void
report_features (PithDocument              *document,
                 const PithSummaryEvidence *evidence,
                 const PithSummaryRanker   *ranker)
{
  g_autoptr(JsonObject) report = json_object_new ();
  g_autoptr(JsonArray) names = json_array_new ();
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autofree guint *candidates = NULL;
  guint n_candidates = 0;
  g_autofree float *features = pith_summary_features_compute (evidence, ranker, &candidates, &n_candidates);

  for (int f = 0; f < PITH_N_SUMMARY_FEATURES; f++)
    json_array_add_string_element (names, pith_summary_feature_name (f));
  for (guint p = 0; p < n_candidates; p++)
    {
      JsonObject *row = json_object_new ();
      JsonArray *values = json_array_new ();
      JsonArray *terms = json_array_new ();
      guint s = candidates[p];
      const guint32 *sentence_terms = pith_sentence_graph_sentence_terms (evidence->graph, s);

      for (int f = 0; f < PITH_N_SUMMARY_FEATURES; f++)
        json_array_add_double_element (values, features[(gsize) p * PITH_N_SUMMARY_FEATURES + f]);
      for (guint k = 0; k < evidence->graph->sentences[s].n_terms; k++)
        json_array_add_string_element (terms, pith_sentence_graph_term_text (evidence->graph, sentence_terms[k]));
      json_object_set_int_member (row, "sentence", s);
      json_object_set_array_member (row, "features", values);
      json_object_set_array_member (row, "terms", terms);
      json_array_add_object_element (rows, row);
    }
  json_object_set_array_member (report, "names", g_steal_pointer (&names));
  json_object_set_array_member (report, "sentences", g_steal_pointer (&rows));
  pith_document_set_report (document, "summary_features", report);
}

/* Scores every sentence by the stage's method. The default method is the
 * ranker (the stage's, or the built-in one of the document's language)
 * and, where there is none, the weighted sum of centrality, position and
 * entity salience. Whatever the method, @mentions receives each
 * sentence's mentions of entity groups, which the coherence rule reads.
 * Returns whether the ranker scored. */
static gboolean
score_sentences (PithSummarizer          *self,
                 PithDocument            *document,
                 const PithSentenceGraph *graph,
                 const gboolean          *excluded,
                 const char              *language,
                 float                   *scores,
                 guint                   *mentions)
{
  guint n = graph->n_sentences;
  g_autofree float *centrality = NULL;
  g_autofree float *degrees = NULL;
  g_autofree float *salience = g_new0 (float, MAX (n, 1));
  g_autofree guint *first_mentions = g_new0 (guint, MAX (n, 1));
  g_autofree float *first_salience = g_new0 (float, MAX (n, 1));
  const PithSummaryRanker *ranker;
  PithSummaryEvidence evidence;

  entity_salience (document, graph, salience, mentions, first_mentions, first_salience);
  if (self->method == PITH_SUMMARY_METHOD_LEAD)
    {
      for (guint i = 0; i < n; i++)
        scores[i] = 1.0f / (float) (i + 1);
      return FALSE;
    }

  centrality = g_new0 (float, MAX (n, 1));
  degrees = g_new0 (float, MAX (n, 1));
  pith_sentence_graph_rank (graph, WINDOW, self->method == PITH_SUMMARY_METHOD_LEXRANK ? 0.1f : 0.0f,
                            centrality, degrees);
  normalize (centrality, n);
  normalize (degrees, n);
  if (self->method == PITH_SUMMARY_METHOD_TEXTRANK || self->method == PITH_SUMMARY_METHOD_LEXRANK)
    {
      memcpy (scores, centrality, n * sizeof (float));
      return FALSE;
    }

  normalize (salience, n);
  normalize (first_salience, n);
  ranker = self->ranker != NULL ? self->ranker : pith_summary_ranker_get_builtin (language);
  evidence = (PithSummaryEvidence) {
    document, graph, excluded, centrality, degrees, salience, mentions, first_mentions, first_salience,
    word_list_for ("dangling", language), word_list_for ("attribution", language),
    word_list_for ("personal", language),
  };
  if (self->features)
    report_features (document, &evidence, ranker);
  if (self->method == PITH_SUMMARY_METHOD_DEFAULT && ranker != NULL)
    {
      pith_summary_ranker_score (ranker, &evidence, scores);
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      float position = powf ((float) (i + 1), (float) -self->position_decay);

      scores[i] = (float) (self->centrality_weight * centrality[i] +
                           self->position_weight * position +
                           self->entity_weight * salience[i]);
      if (graph->sentences[i].n_words < SHORT_SENTENCE)
        scores[i] *= 0.1f;
    }
  return FALSE;
}

static gboolean
opens_with_dangling_word (PithDocument            *document,
                          const PithSentenceGraph *graph,
                          const PithWordList      *dangling,
                          guint                    sentence)
{
  const PithLayer *tokens;
  guint n_tokens = 0;
  g_autofree char *first = NULL;
  guint t = graph->sentences[sentence].first_token;

  tokens = pith_document_peek_layer (document, PITH_LAYER_TOKEN);
  n_tokens = pith_layer_get_n_spans (tokens);
  if (dangling == NULL || graph->sentences[sentence].n_tokens == 0 || t >= n_tokens)
    return FALSE;
  first = g_utf8_strdown (pith_document_get_text (document) + pith_layer_start (tokens, t),
                          (gssize) (pith_layer_end (tokens, t) - pith_layer_start (tokens, t)));
  return pith_word_list_lookup (dangling, first, strlen (first), NULL);
}

typedef struct
{
  guint sentence;
  float score;
} Ranked;

static guint
sentence_budget (PithSummarizer *self,
                 guint           n_sentences)
{
  if (self->ratio > 0.0)
    return MAX (1, (guint) floor (self->ratio * n_sentences + 0.5));
  return self->sentences;
}

/* A candidate in the selection heap: its MMR value when pushed, and the
 * redundancy that value was computed with. */
typedef struct
{
  float value;
  float redundancy;
  guint sentence;
} Candidate;

/* Higher value first; on a tie, the earlier sentence. */
static gboolean
candidate_before (const Candidate *a,
                  const Candidate *b)
{
  return a->value > b->value || (a->value == b->value && a->sentence < b->sentence);
}

static void
heap_push (GArray    *heap,
           Candidate  candidate)
{
  guint i = heap->len;

  g_array_append_val (heap, candidate);
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      Candidate *items = (Candidate *) (gpointer) heap->data;

      if (!candidate_before (&items[i], &items[parent]))
        break;
      candidate = items[i];
      items[i] = items[parent];
      items[parent] = candidate;
      i = parent;
    }
}

static Candidate
heap_pop (GArray *heap)
{
  Candidate *items = (Candidate *) (gpointer) heap->data;
  Candidate top = items[0];
  guint i = 0;

  items[0] = items[heap->len - 1];
  g_array_set_size (heap, heap->len - 1);
  items = (Candidate *) (gpointer) heap->data;
  for (;;)
    {
      guint left = 2 * i + 1;
      guint best = i;
      Candidate swap;

      if (left < heap->len && candidate_before (&items[left], &items[best]))
        best = left;
      if (left + 1 < heap->len && candidate_before (&items[left + 1], &items[best]))
        best = left + 1;
      if (best == i)
        break;
      swap = items[i];
      items[i] = items[best];
      items[best] = swap;
      i = best;
    }
  return top;
}

/* Chooses sentences: best first by maximal marginal relevance, within the
 * budget, with the coherence rule, which reads @mentions, each sentence's
 * mentions of entity groups (entity_salience()).
 *
 * A sentence's redundancy is its greatest similarity to a chosen sentence
 * within the similarity window (as for centrality). Choosing a sentence
 * raises the redundancy of its window only, and values only fall as the
 * selection grows, so candidates wait in a heap and are revalued when they
 * come up with a redundancy that has changed: the same choice as rescanning
 * every candidate for every pick, at O(window × log n) a pick. */
static GArray *
select_sentences (PithSummarizer          *self,
                  PithDocument            *document,
                  const PithSentenceGraph *graph,
                  const char              *language,
                  const float             *scores,
                  double                   diversity,
                  const gboolean          *excluded,
                  const guint             *mentions)
{
  const PithWordList *dangling = word_list_for ("dangling", language);
  guint n = graph->n_sentences;
  const PithLayer *sentences;
  g_autofree gboolean *chosen = g_new0 (gboolean, MAX (n, 1));
  g_autofree float *redundancy = g_new0 (float, MAX (n, 1));
  g_autoptr(GArray) heap = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), n);
  GArray *selection = g_array_new (FALSE, FALSE, sizeof (Ranked));
  guint budget = self->words > 0 || self->chars > 0 ? n : sentence_budget (self, n);
  guint words_used = 0;
  guint chars_used = 0;
  guint first_naming = G_MAXUINT;

  sentences = pith_document_peek_layer (document, PITH_LAYER_SENTENCE);
  for (guint i = 0; i < n; i++)
    heap_push (heap, (Candidate) { (float) ((1.0 - diversity) * scores[i]), 0.0f, i });

  while (selection->len < budget && heap->len > 0)
    {
      Candidate best = heap_pop (heap);
      guint take[2] = { best.sentence, 0 };
      guint n_take = 1;
      guint words = 0;
      guint chars = 0;

      if (chosen[best.sentence] || excluded[best.sentence] || redundancy[best.sentence] >= NEAR_DUPLICATE ||
          pith_layer_length (sentences, best.sentence) > MAX_SENTENCE_BYTES)
        continue;
      if (best.redundancy != redundancy[best.sentence])
        {
          best.redundancy = redundancy[best.sentence];
          best.value = (float) ((1.0 - diversity) * scores[best.sentence] - diversity * best.redundancy);
          heap_push (heap, best);
          continue;
        }

      /* The sentence before is brought in, unless it is no story (the
       * dateline before "It was…"), or the summary already names, before
       * this sentence, someone or something its "he" or "they" may be:
       * the news' pronouns point back to the story's subject, which a
       * sentence before, taken for its score, names. */
      if (self->coherence != PITH_SUMMARY_COHERENCE_OFF && best.sentence > 0 && first_naming >= best.sentence &&
          !chosen[best.sentence - 1] && !excluded[best.sentence - 1] &&
          opens_with_dangling_word (document, graph, dangling, best.sentence))
        {
          if (self->coherence == PITH_SUMMARY_COHERENCE_REPLACE || selection->len + 2 > budget ||
              pith_layer_length (sentences, best.sentence - 1) > MAX_SENTENCE_BYTES)
            continue;
          take[1] = take[0];
          take[0] = best.sentence - 1;
          n_take = 2;
        }

      for (guint k = 0; k < n_take; k++)
        {
          words += graph->sentences[take[k]].n_words;
          guint32 start = pith_layer_start (sentences, take[k]);

          chars += g_utf8_strlen (pith_document_get_text (document) + start,
                                  pith_layer_end (sentences, take[k]) - start);
        }
      if (selection->len > 0 &&
          ((self->words > 0 && words_used + words > self->words) ||
           (self->chars > 0 && chars_used + chars > self->chars)))
        continue;

      for (guint k = 0; k < n_take; k++)
        {
          guint taken = take[k];
          Ranked ranked = { taken, scores[taken] };
          guint from = taken > WINDOW ? taken - WINDOW : 0;
          guint to = MIN (n, taken + WINDOW + 1);

          chosen[taken] = TRUE;
          if (mentions[taken] > 0)
            first_naming = MIN (first_naming, taken);
          g_array_append_val (selection, ranked);
          for (guint j = from; j < to; j++)
            if (j != taken && !chosen[j])
              redundancy[j] = MAX (redundancy[j], pith_sentence_graph_similarity (graph, j, taken));
        }
      words_used += words;
      chars_used += chars;
      if ((self->words > 0 && words_used >= self->words) ||
          (self->chars > 0 && chars_used >= self->chars))
        break;
    }

  /* A non-empty document always gets a sentence, whatever the rules say,
   * but a run-on one: a candidate if there is one. */
  if (selection->len == 0 && n > 0)
    {
      Ranked ranked = { G_MAXUINT, 0.0f };

      for (guint i = 0; i < n; i++)
        if (pith_layer_length (sentences, i) <= MAX_SENTENCE_BYTES &&
            (ranked.sentence == G_MAXUINT || (excluded[ranked.sentence] && !excluded[i]) ||
             (excluded[ranked.sentence] == excluded[i] && scores[i] > ranked.score)))
          ranked = (Ranked) { i, scores[i] };
      if (ranked.sentence != G_MAXUINT)
        g_array_append_val (selection, ranked);
    }

  return selection;
}

static int
compare_by_sentence (gconstpointer a,
                     gconstpointer b)
{
  guint x = ((const Ranked *) a)->sentence;
  guint y = ((const Ranked *) b)->sentence;

  return (x > y) - (x < y);
}

/* Loads the ranker of ranker-path: a file that is not a ranker is the
 * stage's error, not each document's. */
static gboolean
pith_summarizer_initable_init_impl (GInitable     *initable,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  PithSummarizer *self = PITH_SUMMARIZER (initable);

  if (self->ranker_path == NULL || self->ranker != NULL)
    return TRUE;
  self->ranker = pith_summary_ranker_new_from_file (self->ranker_path, error);
  return self->ranker != NULL;
}

static void
pith_summarizer_initable_init (GInitableIface *iface)
{
  iface->init = pith_summarizer_initable_init_impl;
}

static gboolean
pith_summarizer_process (PithStage     *stage,
                         PithDocument  *document,
                         GCancellable  *cancellable,
                         GError       **error)
{
  PithSummarizer *self = PITH_SUMMARIZER (stage);
  const char *text = pith_document_get_text (document);
  char language[PITH_LANGUAGE_CODE_MAX + 1];
  const PithWordList *stopwords = NULL;
  PithStemmer *stemmer;
  const PithLayer *sentences;
  g_autoptr(PithSentenceGraph) graph = NULL;
  g_autofree float *scores = NULL;
  g_autofree guint *mentions = NULL;
  g_autoptr(GArray) selection = NULL;
  g_autofree gboolean *excluded = NULL;
  guint n_excluded = 0;
  gboolean learned;
  double diversity;
  g_autoptr(JsonObject) report = json_object_new ();
  g_autoptr(JsonArray) indices = json_array_new ();
  g_autofree char *summary = NULL;
  gsize summary_length = 0;
  gsize written = 0;
  GQuark label = g_quark_from_static_string ("SUMMARY");

  if (!pith_document_has_layer (document, PITH_LAYER_TOKEN) ||
      !pith_document_has_layer (document, PITH_LAYER_SENTENCE))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "The summarize stage needs tokens and sentences: put segment before it");
      return FALSE;
    }
  if (self->ranker_path != NULL && self->ranker == NULL &&
      !g_initable_init (G_INITABLE (self), cancellable, error))
    return FALSE;

  /* Building the graph and ranking are the long steps: a time budget or a
   * cancel stops the stage after either. */
  language_of (document, language);
  stopwords = word_list_for ("stopwords", language);
  stemmer = take_stemmer (self, language, stopwords);
  graph = pith_sentence_graph_new (document, stemmer);
  give_back_stemmer (self, stemmer);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  excluded = pith_summary_candidates_excluded (document, &n_excluded);
  scores = g_new0 (float, MAX (graph->n_sentences, 1));
  mentions = g_new0 (guint, MAX (graph->n_sentences, 1));
  learned = score_sentences (self, document, graph, excluded, language, scores, mentions);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  diversity = self->diversity >= 0.0 ? self->diversity : learned ? RANKER_DIVERSITY : GRAPH_DIVERSITY;
  selection = select_sentences (self, document, graph, language, scores, diversity, excluded, mentions);
  if (!self->rank_order)
    g_array_sort (selection, compare_by_sentence);

  sentences = pith_document_peek_layer (document, PITH_LAYER_SENTENCE);
  pith_document_remove_layer (document, "summary");
  pith_document_add_span_bytes (document, "summary", 1, 0, 0, 0.0);
  for (guint k = 0; k < selection->len; k++)
    {
      Ranked *ranked = &g_array_index (selection, Ranked, k);

      pith_document_add_span_bytes (document, "summary", pith_layer_start (sentences, ranked->sentence),
                                    pith_layer_end (sentences, ranked->sentence), label, ranked->score);
      json_array_add_int_element (indices, ranked->sentence);
    }
  pith_keyphrases_add (document, graph, self->keyphrases, strcmp (language, "en") == 0);
  g_clear_pointer (&graph, pith_sentence_graph_free);

  /* The summary's text, made last and at its exact size: of a document of
   * one long sentence it is the whole text, and the report keeps a copy. */
  for (guint k = 0; k < selection->len; k++)
    {
      guint sentence = g_array_index (selection, Ranked, k).sentence;

      summary_length += (k > 0 ? 1 : 0) + pith_layer_length (sentences, sentence);
    }
  summary = g_malloc (summary_length + 1);
  for (guint k = 0; k < selection->len; k++)
    {
      guint sentence = g_array_index (selection, Ranked, k).sentence;
      guint32 start = pith_layer_start (sentences, sentence);

      if (k > 0)
        summary[written++] = ' ';
      memcpy (summary + written, text + start, pith_layer_length (sentences, sentence));
      written += pith_layer_length (sentences, sentence);
    }
  summary[written] = '\0';
  json_object_set_array_member (report, "sentences", g_steal_pointer (&indices));
  json_object_set_string_member (report, "text", summary);
  json_object_set_int_member (report, "excluded", n_excluded);
  g_clear_pointer (&summary, g_free);
  pith_document_set_report (document, "summary", report);
  return TRUE;
}

static void
pith_summarizer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PithSummarizer *self = PITH_SUMMARIZER (object);

  switch (prop_id)
    {
    case PROP_METHOD: g_value_set_enum (value, self->method); break;
    case PROP_SENTENCES: g_value_set_uint (value, self->sentences); break;
    case PROP_RATIO: g_value_set_double (value, self->ratio); break;
    case PROP_WORDS: g_value_set_uint (value, self->words); break;
    case PROP_CHARS: g_value_set_uint (value, self->chars); break;
    case PROP_DIVERSITY: g_value_set_double (value, self->diversity); break;
    case PROP_COHERENCE: g_value_set_enum (value, self->coherence); break;
    case PROP_RANK_ORDER: g_value_set_boolean (value, self->rank_order); break;
    case PROP_KEYPHRASES: g_value_set_uint (value, self->keyphrases); break;
    case PROP_CENTRALITY_WEIGHT: g_value_set_double (value, self->centrality_weight); break;
    case PROP_POSITION_WEIGHT: g_value_set_double (value, self->position_weight); break;
    case PROP_ENTITY_WEIGHT: g_value_set_double (value, self->entity_weight); break;
    case PROP_POSITION_DECAY: g_value_set_double (value, self->position_decay); break;
    case PROP_RANKER: g_value_set_string (value, self->ranker_path); break;
    case PROP_FEATURES: g_value_set_boolean (value, self->features); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_summarizer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PithSummarizer *self = PITH_SUMMARIZER (object);

  switch (prop_id)
    {
    case PROP_METHOD: self->method = g_value_get_enum (value); break;
    case PROP_SENTENCES: self->sentences = g_value_get_uint (value); break;
    case PROP_RATIO: self->ratio = g_value_get_double (value); break;
    case PROP_WORDS: self->words = g_value_get_uint (value); break;
    case PROP_CHARS: self->chars = g_value_get_uint (value); break;
    case PROP_DIVERSITY: self->diversity = g_value_get_double (value); break;
    case PROP_COHERENCE: self->coherence = g_value_get_enum (value); break;
    case PROP_RANK_ORDER: self->rank_order = g_value_get_boolean (value); break;
    case PROP_KEYPHRASES: self->keyphrases = g_value_get_uint (value); break;
    case PROP_CENTRALITY_WEIGHT: self->centrality_weight = g_value_get_double (value); break;
    case PROP_POSITION_WEIGHT: self->position_weight = g_value_get_double (value); break;
    case PROP_ENTITY_WEIGHT: self->entity_weight = g_value_get_double (value); break;
    case PROP_POSITION_DECAY: self->position_decay = g_value_get_double (value); break;
    case PROP_RANKER: g_free (self->ranker_path); self->ranker_path = g_value_dup_string (value); break;
    case PROP_FEATURES: self->features = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_summarizer_finalize (GObject *object)
{
  PithSummarizer *self = PITH_SUMMARIZER (object);

  g_ptr_array_unref (self->stemmers);
  g_free (self->ranker_path);
  g_clear_pointer (&self->ranker, pith_summary_ranker_free);
  g_mutex_clear (&self->stemmers_lock);

  G_OBJECT_CLASS (pith_summarizer_parent_class)->finalize (object);
}

static void
pith_summarizer_class_init (PithSummarizerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PithStageClass *stage_class = PITH_STAGE_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pith_summarizer_finalize;
  object_class->get_property = pith_summarizer_get_property;
  object_class->set_property = pith_summarizer_set_property;
  stage_class->process = pith_summarizer_process;

  pith_stage_class_set_description (stage_class,
                                    "Chooses the sentences of an extractive summary (the summary "
                                    "layer) and the key phrases of the text (keyphrases)");
  {
    static const char * const needs[] = { PITH_LAYER_TOKEN, PITH_LAYER_SENTENCE, NULL };
    static const char * const gives[] = { "summary", PITH_LAYER_KEYPHRASE, NULL };

    pith_stage_class_set_layers (stage_class, needs, gives, PITH_STAGE_FLAGS_NONE);
  }

  /* Blurbs are kept: `pith inspect summarize` shows them. */

  /**
   * PithSummarizer:method:
   *
   * How sentences are scored: by default the learned ranker of the
   * document's language, or the weighted sum where there is none.
   */
  properties[PROP_METHOD] =
    g_param_spec_enum ("method", NULL, "Scoring: default, weighted, textrank, lexrank or lead",
                       PITH_TYPE_SUMMARY_METHOD, PITH_SUMMARY_METHOD_DEFAULT, flags);
  /**
   * PithSummarizer:sentences:
   *
   * How many sentences to take, unless a ratio, word or character budget
   * is set.
   */
  properties[PROP_SENTENCES] =
    g_param_spec_uint ("sentences", NULL, "Sentences to take", 1, 1000, DEFAULT_SENTENCES, flags);
  /**
   * PithSummarizer:ratio:
   *
   * The share of the document's sentences to take (0 for none): the count
   * is rounded half up, at least one.
   */
  properties[PROP_RATIO] =
    g_param_spec_double ("ratio", NULL, "Share of the sentences to take, 0 for none", 0.0, 1.0, 0.0, flags);
  /**
   * PithSummarizer:words:
   *
   * A budget of words (0 for none), filled greedily best sentence first.
   */
  properties[PROP_WORDS] =
    g_param_spec_uint ("words", NULL, "Budget of words, 0 for none", 0, G_MAXUINT, 0, flags);
  /**
   * PithSummarizer:chars:
   *
   * A budget of characters (0 for none), filled greedily.
   */
  properties[PROP_CHARS] =
    g_param_spec_uint ("chars", NULL, "Budget of characters, 0 for none", 0, G_MAXUINT, 0, flags);
  /**
   * PithSummarizer:diversity:
   *
   * How much a sentence's likeness to those already taken counts against
   * it (the λ of maximal marginal relevance), from 0 to 1; near duplicates
   * are never both taken whatever the setting. The default, -1, is each
   * scoring's own: 0 for the learned ranker, whose features already
   * weigh what a sentence adds to the lead, and 0.5 for the others.
   */
  properties[PROP_DIVERSITY] =
    g_param_spec_double ("diversity", NULL, "Weight against redundancy (MMR lambda), -1 for the scoring's own",
                         -1.0, 1.0, DEFAULT_DIVERSITY, flags);
  /**
   * PithSummarizer:coherence:
   *
   * What to do with a sentence that depends on the one before.
   */
  properties[PROP_COHERENCE] =
    g_param_spec_enum ("coherence", NULL, "Dangling sentences: off, include or replace",
                       PITH_TYPE_SUMMARY_COHERENCE, PITH_SUMMARY_COHERENCE_INCLUDE, flags);
  /**
   * PithSummarizer:rank-order:
   *
   * Whether the summary layer lists sentences best first rather than in
   * document order.
   */
  properties[PROP_RANK_ORDER] =
    g_param_spec_boolean ("rank-order", NULL, "List the summary best first", FALSE, flags);
  /**
   * PithSummarizer:keyphrases:
   *
   * How many key phrases to find, for the `keyphrases` report and layer.
   */
  properties[PROP_KEYPHRASES] =
    g_param_spec_uint ("keyphrases", NULL, "Key phrases to find", 0, 1000, DEFAULT_KEYPHRASES, flags);
  /**
   * PithSummarizer:centrality-weight:
   *
   * The weight of centrality in the weighted method.
   */
  properties[PROP_CENTRALITY_WEIGHT] =
    g_param_spec_double ("centrality-weight", NULL, "Weight of centrality", 0.0, 100.0,
                         DEFAULT_CENTRALITY_WEIGHT, flags);
  /**
   * PithSummarizer:position-weight:
   *
   * The weight of the position prior in the weighted method.
   */
  properties[PROP_POSITION_WEIGHT] =
    g_param_spec_double ("position-weight", NULL, "Weight of the position prior", 0.0, 100.0,
                         DEFAULT_POSITION_WEIGHT, flags);
  /**
   * PithSummarizer:entity-weight:
   *
   * The weight of entity salience in the weighted method.
   */
  properties[PROP_ENTITY_WEIGHT] =
    g_param_spec_double ("entity-weight", NULL, "Weight of entity salience", 0.0, 100.0,
                         DEFAULT_ENTITY_WEIGHT, flags);
  /**
   * PithSummarizer:position-decay:
   *
   * How fast the position prior falls: the i-th sentence scores
   * (i + 1)^-decay.
   */
  properties[PROP_POSITION_DECAY] =
    g_param_spec_double ("position-decay", NULL, "Decay of the position prior", 0.0, 10.0,
                         DEFAULT_POSITION_DECAY, flags);

  /**
   * PithSummarizer:ranker:
   *
   * A ranker file to use instead of the built-in one, as written by
   * `tools/train-summary-ranker` (trained on another kind of text, say);
   * %NULL for the built-in rankers. It scores every document, whatever
   * its language, with the default method.
   */
  properties[PROP_RANKER] =
    g_param_spec_string ("ranker", NULL, "A ranker file instead of the built-in ones", NULL, flags);

  /**
   * PithSummarizer:features:
   *
   * Whether to add the `summary_features` report: for every candidate
   * sentence, the values of the ranker's features (`names` says which)
   * and its stems, what `tools/train-summary-ranker` learns from.
   */
  properties[PROP_FEATURES] =
    g_param_spec_boolean ("features", NULL, "Report every candidate sentence's features", FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pith_summarizer_init (PithSummarizer *self)
{
  self->sentences = DEFAULT_SENTENCES;
  self->diversity = DEFAULT_DIVERSITY;
  self->coherence = PITH_SUMMARY_COHERENCE_INCLUDE;
  self->keyphrases = DEFAULT_KEYPHRASES;
  self->centrality_weight = DEFAULT_CENTRALITY_WEIGHT;
  self->position_weight = DEFAULT_POSITION_WEIGHT;
  self->entity_weight = DEFAULT_ENTITY_WEIGHT;
  self->position_decay = DEFAULT_POSITION_DECAY;
  g_mutex_init (&self->stemmers_lock);
  self->stemmers = g_ptr_array_new_with_free_func ((GDestroyNotify) pith_stemmer_free);
}

/**
 * pith_summarizer_new:
 *
 * Creates a `summarize` stage with default settings. In Python,
 * `Pith.Summarizer(sentences=5)` sets properties.
 *
 * Returns: (transfer full): a new stage
 */
PithStage *
pith_summarizer_new (void)
{
  return g_object_new (PITH_TYPE_SUMMARIZER, NULL);
}
