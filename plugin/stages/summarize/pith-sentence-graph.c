/* pith-sentence-graph.c: sentences as vectors, and their centrality
 *
 * A sentence is the bag of the Snowball stems of its content words (stop
 * words and tokens without letters or digits left out), weighted by tf-idf
 * with the document's sentences as the collection, and scaled to unit
 * length so that a dot product is a cosine. Centrality is TextRank: a
 * PageRank walk over the similarity graph. Only sentences at most a window
 * apart are compared, so a long document costs its length times the
 * window, not its length squared.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pith-layer-private.h"
#include "pith-utf8-private.h"
#include "pith-word-table-private.h"
#include "pith-sentence-graph-private.h"

#define DAMPING 0.85f
#define NO_TERM G_MAXUINT32
/* Words of one document numbered without a stemmer: more than a news
 * article has, fewer than hostile text would make it hold. */
#define MAX_REMEMBERED_WORDS 16384
#define ROUNDS 30
/* Edges whose quotients the walk keeps rather than divides out each
 * round: four bytes an edge more, so only up to a bound (4 MB), beyond
 * which a document's graph stays at five bytes an edge. */
#define MAX_PRECOMPUTED_EDGES (1u << 20)

static gboolean
has_alnum (const char *text,
           gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x80 ? g_ascii_isalnum (*p) : g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static int
compare_packed (gconstpointer a,
                gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

static void
set_token_term (PithSentenceGraph *self,
                guint              t,
                guint              term)
{
  guint32 stored = term + 1;
  PithLateTerm late = { t, stored };

  if (stored < PITH_SENTENCE_GRAPH_LATE_TERM)
    {
      self->token_terms[t] = (guint16) stored;
      return;
    }
  guint at = self->late_terms->len;

  /* Tokens come in order, so a late one goes at the end: the list stays
   * sorted for the look-ups. */
  while (at > 0 && g_array_index (self->late_terms, PithLateTerm, at - 1).token >= t)
    at--;
  self->token_terms[t] = PITH_SENTENCE_GRAPH_LATE_TERM;
  if (at < self->late_terms->len && g_array_index (self->late_terms, PithLateTerm, at).token == t)
    g_array_index (self->late_terms, PithLateTerm, at).stored = stored;
  else
    g_array_insert_val (self->late_terms, at, late);
}

guint32
pith_sentence_graph_late_term (const PithSentenceGraph *self,
                               guint                    t)
{
  guint low = 0;
  guint high = self->late_terms->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const PithLateTerm *late = &g_array_index (self->late_terms, PithLateTerm, middle);

      if (late->token == t)
        return late->stored;
      if (late->token < t)
        low = middle + 1;
      else
        high = middle;
    }
  return 0;
}

/* A sentence has a few dozen terms: insertion sort beats qsort() there.
 * Terms are distinct, so the order is the same either way. */
static void
sort_terms (guint32 *terms,
            guint8  *tf,
            guint    n_terms)
{
  if (n_terms > 64)
    {
      g_autofree guint64 *packed = g_new (guint64, n_terms);

      for (guint i = 0; i < n_terms; i++)
        packed[i] = (guint64) terms[i] << 8 | tf[i];
      qsort (packed, n_terms, sizeof (guint64), compare_packed);
      for (guint i = 0; i < n_terms; i++)
        {
          terms[i] = (guint32) (packed[i] >> 8);
          tf[i] = (guint8) (packed[i] & 0xFF);
        }
      return;
    }
  for (guint i = 1; i < n_terms; i++)
    {
      guint32 moving_term = terms[i];
      guint8 moving_tf = tf[i];
      guint j = i;

      for (; j > 0 && terms[j - 1] > moving_term; j--)
        {
          terms[j] = terms[j - 1];
          tf[j] = tf[j - 1];
        }
      terms[j] = moving_term;
      tf[j] = moving_tf;
    }
}

/* How far ahead of the word being stemmed the stemmer's memory is asked
 * for: the slots of the words LOOKAHEAD tokens on, and the entries of
 * those half as far. */
#define LOOKAHEAD 16

/* Words shorter than this are folded in place, in ASCII. */
#define MAX_FOLDED_BYTES 64

/* Where pith_sentence_graph_new() reads ahead of itself: the next token
 * whose word it asks the stemmer's memory for, and the hashes of the
 * last LOOKAHEAD such words, by token, which the graph reads back for
 * the ASCII words it numbers. */
typedef struct
{
  guint next;
  guint32 hashes[LOOKAHEAD];
} Ahead;

/* Asks the stemmer's memory for the words up to @until: their slots,
 * and the entries of the words LOOKAHEAD / 2 behind, whose slots are by
 * now in the cache. ASCII words only, folded as the graph folds them:
 * others are few, and stemmed without. */
static void
read_ahead (Ahead           *ahead,
            PithStemmer     *stemmer,
            const char      *text,
            const PithLayer *tokens,
            guint            until)
{
  for (; ahead->next < until; ahead->next++)
    {
      guint t = ahead->next;
      const char *word = text + pith_layer_start (tokens, t);
      gsize length = pith_layer_length (tokens, t);
      guint32 hash = PITH_WORD_TABLE_HASH_START;
      /* No longer word is remembered (a URL, a blob). */
      gboolean ascii = length < MAX_FOLDED_BYTES;

      for (gsize k = 0; ascii && k < length; k++)
        {
          ascii = (guchar) word[k] < 0x80;
          hash = pith_word_table_hash_step (hash, (guchar) pith_ascii_tolower (word[k]));
        }
      ahead->hashes[t % LOOKAHEAD] = hash;
      if (ascii)
        pith_stemmer_prefetch (stemmer, hash, FALSE);
      if (t >= LOOKAHEAD / 2)
        pith_stemmer_prefetch (stemmer, ahead->hashes[(t - LOOKAHEAD / 2) % LOOKAHEAD], TRUE);
    }
}

/* What numbering a document's words takes: each folded word and each
 * stem is looked up once a token at most. A term is its stem's number in
 * the graph's table of stems. */
typedef struct
{
  PithWordTable *words;     /* folded words */
  guint32 *word_terms;      /* word number -> its term, or NO_TERM */
  guint *counts;            /* term -> sentences it is in */
  guint *tf;                /* term -> count in the sentence at hand */
  guint capacity;           /* of counts and tf */
} Numbering;

/* The term of a word whose stem is @stem, numbered on first sight;
 * NO_TERM for a stop word (a %NULL stem). */
static guint32
stem_term (PithSentenceGraph *self,
           Numbering         *numbering,
           const char        *stem)
{
  gsize length;
  guint32 term;
  gboolean added;

  if (stem == NULL)
    return NO_TERM;
  length = strlen (stem);
  term = pith_word_table_add (self->terms, stem, length, pith_word_table_hash (stem, length), &added);
  if (term == PITH_WORD_TABLE_NONE)
    return NO_TERM;
  if (pith_sentence_graph_n_terms (self) > numbering->capacity)
    {
      guint capacity = MAX (64, numbering->capacity * 2);

      numbering->counts = g_renew (guint, numbering->counts, capacity);
      numbering->tf = g_renew (guint, numbering->tf, capacity);
      memset (numbering->counts + numbering->capacity, 0, (capacity - numbering->capacity) * sizeof (guint));
      memset (numbering->tf + numbering->capacity, 0, (capacity - numbering->capacity) * sizeof (guint));
      numbering->capacity = capacity;
    }
  return term;
}

PithSentenceGraph *
pith_sentence_graph_new (PithDocument *document,
                         PithStemmer  *stemmer)
{
  PithSentenceGraph *self = g_new0 (PithSentenceGraph, 1);
  const char *text = pith_document_get_text (document);
  const PithLayer *tokens;
  const PithLayer *sentences;
  guint n_tokens = 0;
  guint n_sentences = 0;
  Numbering numbering = { NULL, NULL, NULL, NULL, 0 };
  Ahead ahead = { 0, };
  gsize n_all_terms = 0;
  gsize all_terms_capacity = 64;
  guint t = 0;

  tokens = pith_document_peek_layer (document, PITH_LAYER_TOKEN);
  n_tokens = pith_layer_get_n_spans (tokens);
  sentences = pith_document_peek_layer (document, PITH_LAYER_SENTENCE);
  n_sentences = pith_layer_get_n_spans (sentences);
  /* A document has no more words than tokens. */
  numbering.word_terms = g_new (guint32, MAX (MIN (n_tokens, MAX_REMEMBERED_WORDS), 1));
  self->n_sentences = n_sentences;
  self->sentences = g_new0 (PithSentenceVector, MAX (n_sentences, 1));
  self->n_tokens = n_tokens;
  self->text_length = strlen (text);
  self->token_terms = g_new0 (guint16, MAX (n_tokens, 1));
  self->late_terms = g_array_new (FALSE, FALSE, sizeof (PithLateTerm));
  /* A document has no more words than tokens, and no more stems than
   * words; news has about one word for two tokens. */
  numbering.words = pith_word_table_new_sized (MIN (n_tokens / 2, MAX_REMEMBERED_WORDS));
  self->terms = pith_word_table_new_sized (MIN (n_tokens / 2, MAX_REMEMBERED_WORDS));
  self->all_terms = g_new (guint32, all_terms_capacity);
  self->all_tf = g_new (guint8, all_terms_capacity);

  /* The terms of the sentence at hand, so that resetting the counts of
   * the sentence costs the sentence, not the vocabulary. */
  g_autofree guint *touched = NULL;
  gsize touched_capacity = 0;
  guint n_touched = 0;

  for (guint s = 0; s < n_sentences; s++)
    {
      PithSentenceVector *vector = &self->sentences[s];

      while (t < n_tokens && pith_layer_end (tokens, t) <= pith_layer_start (sentences, s))
        t++;
      vector->first_token = t;
      for (; t < n_tokens && pith_layer_start (tokens, t) < pith_layer_end (sentences, s); t++)
        {
          const char *word = text + pith_layer_start (tokens, t);
          gsize length = pith_layer_end (tokens, t) - pith_layer_start (tokens, t);
          char buffer[MAX_FOLDED_BYTES];
          g_autofree char *folded = NULL;
          const char *lower = buffer;
          gsize lower_length = length;
          guint32 hash;
          gboolean ascii = length < sizeof buffer;
          gboolean alnum = FALSE;
          guint32 known;
          gboolean added;
          guint term;

          vector->n_tokens++;
          read_ahead (&ahead, stemmer, text, tokens, MIN (n_tokens, t + LOOKAHEAD));

          /* ASCII words fold and show their letters in one pass, without
           * an allocation; read_ahead() hashed them folded already. */
          for (gsize k = 0; ascii && k < length; k++)
            {
              ascii = (guchar) word[k] < 0x80;
              alnum |= g_ascii_isalnum (word[k]);
              buffer[k] = pith_ascii_tolower (word[k]);
            }
          hash = ahead.hashes[t % LOOKAHEAD];
          if (!ascii)
            {
              if (!has_alnum (word, length))
                continue;
              lower = folded = g_utf8_strdown (word, (gssize) length);
              lower_length = strlen (folded);
              hash = pith_word_table_hash (folded, lower_length);
            }
          else if (!alnum)
            continue;
          else
            buffer[length] = '\0';
          vector->n_words++;

          /* A word is stemmed and numbered once a document while the
           * document's words are few enough; its later tokens find the
           * number. */
          added = FALSE;
          if (pith_word_table_size (numbering.words) < MAX_REMEMBERED_WORDS)
            known = pith_word_table_add (numbering.words, lower, lower_length, hash, &added);
          else
            known = pith_word_table_find (numbering.words, lower, lower_length, hash);
          if (known != PITH_WORD_TABLE_NONE && !added)
            term = numbering.word_terms[known];
          else
            {
              term = stem_term (self, &numbering, pith_stemmer_stem (stemmer, lower, lower_length, hash));
              if (known != PITH_WORD_TABLE_NONE)
                numbering.word_terms[known] = term;
            }
          if (term == NO_TERM)
            continue;
          set_token_term (self, t, term);
          if (numbering.tf[term]++ == 0)
            {
              if (n_touched == touched_capacity)
                {
                  touched_capacity = MAX (64, 2 * touched_capacity);
                  touched = g_renew (guint, touched, touched_capacity);
                }
              touched[n_touched++] = term;
            }
        }

      /* All sentences' terms side by side in one array, not an
       * allocation a sentence. */
      vector->n_terms = n_touched;
      vector->terms_start = (guint) n_all_terms;
      if (n_all_terms + vector->n_terms > all_terms_capacity)
        {
          all_terms_capacity = MAX (n_all_terms + vector->n_terms, all_terms_capacity + all_terms_capacity / 2);
          self->all_terms = g_renew (guint32, self->all_terms, all_terms_capacity);
          self->all_tf = g_renew (guint8, self->all_tf, all_terms_capacity);
        }
      for (guint k = 0; k < n_touched; k++)
        {
          guint term = touched[k];

          /* A count above 255 in one sentence is hostile text's; it
           * weighs as 255. */
          self->all_terms[n_all_terms + k] = term;
          self->all_tf[n_all_terms + k] = (guint8) MIN (numbering.tf[term], 255);
          numbering.counts[term]++;
          numbering.tf[term] = 0;
        }
      n_touched = 0;
      sort_terms (self->all_terms + n_all_terms, self->all_tf + n_all_terms, vector->n_terms);
      n_all_terms += vector->n_terms;
    }
  self->all_terms = g_renew (guint32, self->all_terms, MAX (n_all_terms, 1));
  self->all_tf = g_renew (guint8, self->all_tf, MAX (n_all_terms, 1));

  pith_word_table_free (numbering.words);
  g_free (numbering.word_terms);
  g_free (numbering.tf);
  self->document_frequency = g_renew (guint, numbering.counts, MAX (pith_sentence_graph_n_terms (self), 1));
  self->idf = g_new0 (float, MAX (pith_sentence_graph_n_terms (self), 1));
  for (guint term = 0; term < pith_sentence_graph_n_terms (self); term++)
    {
      self->idf[term] = (float) log ((1.0 + n_sentences) / (1.0 + self->document_frequency[term])) + 1.0f;
    }

  self->log_tf[0] = 0.0f;
  for (guint tf = 1; tf < G_N_ELEMENTS (self->log_tf); tf++)
    self->log_tf[tf] = logf ((float) tf);
  for (guint s = 0; s < n_sentences; s++)
    {
      PithSentenceVector *vector = &self->sentences[s];
      double norm = 0;

      for (guint k = 0; k < vector->n_terms; k++)
        {
          gsize i = (gsize) vector->terms_start + k;
          float weight = (1.0f + self->log_tf[self->all_tf[i]]) * self->idf[self->all_terms[i]];

          norm += (double) weight * weight;
        }
      norm = sqrt (norm);
      /* Dividing by 1 leaves a weight as it is, as an empty vector's are. */
      vector->norm = norm > 0 ? (float) norm : 1.0f;
    }

  return self;
}

void
pith_sentence_graph_free (PithSentenceGraph *self)
{
  if (self == NULL)
    return;
  g_free (self->all_terms);
  g_free (self->all_tf);
  g_free (self->sentences);
  pith_word_table_free (self->terms);
  g_free (self->document_frequency);
  g_free (self->idf);
  g_free (self->token_terms);
  g_array_unref (self->late_terms);
  g_free (self);
}

float
pith_sentence_graph_similarity (const PithSentenceGraph *self,
                                guint                    a,
                                guint                    b)
{
  const PithSentenceVector *x = &self->sentences[a];
  const PithSentenceVector *y = &self->sentences[b];
  const guint32 *x_terms = pith_sentence_graph_sentence_terms (self, a);
  const guint32 *y_terms = pith_sentence_graph_sentence_terms (self, b);
  guint i = 0;
  guint j = 0;
  float dot = 0.0f;

  /* Both sorted by term: a merge. */
  while (i < x->n_terms && j < y->n_terms)
    {
      if (x_terms[i] < y_terms[j])
        i++;
      else if (x_terms[i] > y_terms[j])
        j++;
      else
        dot += pith_sentence_graph_term_weight (self, a, i++) * pith_sentence_graph_term_weight (self, b, j++);
    }
  return dot;
}

/* The similarity graph, sparse: for each sentence, the later sentences
 * within the window it shares a stem with, in order, and the similarity.
 * News sentences share stems with few of their neighbours, so this is a
 * fraction of the n × window array a dense graph takes. */
typedef struct
{
  guint *row_start;         /* n + 1 offsets into the edges */
  guint8 *distance;         /* later sentence minus this one, minus 1 */
  float *weight;
} SparseGraph;

static void
sparse_graph_clear (SparseGraph *graph)
{
  g_free (graph->row_start);
  g_free (graph->distance);
  g_free (graph->weight);
}

/* Builds the graph, unless it would hold more than @max_edges pairs:
 * then FALSE, and nothing to clear. */
static gboolean
sparse_graph_build (SparseGraph             *graph,
                    const PithSentenceGraph *self,
                    guint                    window,
                    float                    threshold,
                    gsize                    max_edges,
                    float                   *out_sum)
{
  guint n = self->n_sentences;
  gsize capacity = MAX (n, 16);
  gsize n_edges = 0;
  /* Sentence i's weights by term, so that its dot product with a later
   * sentence is one pass over that sentence's terms. The products come
   * in the order of the terms, as pith_sentence_graph_similarity() adds
   * them; the terms i lacks add a zero, which changes no sum. */
  g_autofree float *dense = g_new0 (float, MAX (pith_sentence_graph_n_terms (self), 1));

  graph->row_start = g_new (guint, (gsize) n + 1);
  graph->distance = g_new (guint8, capacity);
  graph->weight = g_new (float, capacity);
  for (guint i = 0; i < n; i++)
    {
      const PithSentenceVector *x = &self->sentences[i];
      const guint32 *x_terms = pith_sentence_graph_sentence_terms (self, i);

      for (guint k = 0; k < x->n_terms; k++)
        dense[x_terms[k]] = pith_sentence_graph_term_weight (self, i, k);
      graph->row_start[i] = (guint) n_edges;
      for (guint j = i + 1; j < n && j <= i + window; j++)
        {
          const PithSentenceVector *y = &self->sentences[j];
          const guint32 *y_terms = pith_sentence_graph_sentence_terms (self, j);
          float similarity = 0.0f;

          for (guint k = 0; k < y->n_terms; k++)
            if (dense[y_terms[k]] != 0.0f)
              similarity += dense[y_terms[k]] * pith_sentence_graph_term_weight (self, j, k);

          if (threshold > 0.0f)
            similarity = similarity >= threshold ? 1.0f : 0.0f;
          if (similarity == 0.0f)
            continue;
          if (n_edges == max_edges)
            {
              sparse_graph_clear (graph);
              return FALSE;
            }
          if (n_edges == capacity)
            {
              capacity = MIN (capacity + capacity / 2, MAX (max_edges, 16));
              graph->distance = g_renew (guint8, graph->distance, capacity);
              graph->weight = g_renew (float, graph->weight, capacity);
            }
          graph->distance[n_edges] = (guint8) (j - i - 1);
          graph->weight[n_edges] = similarity;
          n_edges++;
          out_sum[i] += similarity;
          out_sum[j] += similarity;
        }
      for (guint k = 0; k < x->n_terms; k++)
        dense[x_terms[k]] = 0.0f;
    }
  graph->row_start[n] = (guint) n_edges;
  return TRUE;
}

void
pith_sentence_graph_rank (const PithSentenceGraph *self,
                          guint                    window,
                          float                    threshold,
                          float                   *ranks,
                          float                   *degrees)
{
  guint n = self->n_sentences;
  SparseGraph graph;
  g_autofree float *out_sum = g_new0 (float, MAX (n, 1));
  g_autofree float *next = g_new0 (float, MAX (n, 1));
  g_autofree float *share_to_later = NULL;

  g_return_if_fail (window >= 1 && window <= G_MAXUINT8 + 1);

  /* A graph of a sentence's every neighbour in the window is one of
   * many short sentences that share their stems (a page of one line
   * repeated): the window halves until the pairs (five bytes each) are
   * no more than half the text's bytes, which news, of longer sentences
   * sharing fewer stems, never comes near. */
  while (!sparse_graph_build (&graph, self, window, threshold, MAX (self->text_length / 2, n), out_sum))
    {
      window = MAX (window / 2, 1);
      memset (out_sum, 0, n * sizeof (float));
    }
  if (degrees != NULL)
    memcpy (degrees, out_sum, n * sizeof (float));

  /* What an edge gives each of its ends a round, less the rank: the
   * same quotient the walk would divide out every round, computed once
   * where the graph is small enough for a second array. */
  if (graph.row_start[n] <= MAX_PRECOMPUTED_EDGES)
    {
      share_to_later = g_new (float, MAX (graph.row_start[n], 1));
      for (guint i = 0; i < n; i++)
        for (guint e = graph.row_start[i]; e < graph.row_start[i + 1]; e++)
          {
            guint j = i + 1 + graph.distance[e];

            share_to_later[e] = graph.weight[e] / out_sum[i];
            graph.weight[e] = graph.weight[e] / out_sum[j];
          }
    }

  for (guint i = 0; i < n; i++)
    ranks[i] = 1.0f;
  for (guint round = 0; round < ROUNDS; round++)
    {
      /* Each edge is read once a round, and gives to both its ends. A
       * sentence receives from its earlier neighbours first, in their
       * order, while they are read, then from its later ones: the order
       * of a walk over the window, so the same floats to the last bit. */
      memset (next, 0, n * sizeof (float));
      for (guint i = 0; i < n; i++)
        {
          for (guint e = graph.row_start[i]; e < graph.row_start[i + 1]; e++)
            {
              guint j = i + 1 + graph.distance[e];
              float to_earlier = share_to_later != NULL ? graph.weight[e] : graph.weight[e] / out_sum[j];
              float to_later = share_to_later != NULL ? share_to_later[e] : graph.weight[e] / out_sum[i];

              next[i] += to_earlier * ranks[j];
              next[j] += to_later * ranks[i];
            }
          next[i] = (1.0f - DAMPING) + DAMPING * next[i];
        }
      memcpy (ranks, next, n * sizeof (float));
    }
  sparse_graph_clear (&graph);
}
