/* pith-ner-model.c: the entity tagger's model file and decoder
 *
 * The model file, version 1, little-endian:
 *
 *   offset  size  what
 *   0       8     magic "PITHNER\0"
 *   8       4     file format version (1)
 *   12      4     feature version (PITH_NER_FEATURE_VERSION)
 *   16      4     number of buckets, a power of two
 *   20      4     number of tags (17: O and BILOU for PER, ORG, LOC, MISC)
 *   24      4     scale: a weight is its int16 times this (float)
 *   28      4     Adler-32 of the weights
 *   32      …     weights: int16 [buckets][tags]
 *
 * The weights are used in place, straight from the mapped file or the
 * library's resources: loading is a header check and a checksum.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-error.h"
#include "pith-ner-model-private.h"

#define MAGIC "PITHNER"
#define FORMAT_VERSION 1
#define HEADER_SIZE 32

struct _PithNerModel
{
  GBytes *bytes;
  const gint16 *weights;
  guint n_buckets;
  float scale;
};

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static void
write_u32 (guint8  *p,
           guint32  value)
{
  p[0] = value & 0xFF;
  p[1] = (value >> 8) & 0xFF;
  p[2] = (value >> 16) & 0xFF;
  p[3] = (value >> 24) & 0xFF;
}

static guint32
adler32 (const guint8 *data,
         gsize         length)
{
  guint32 a = 1;
  guint32 b = 0;

  for (gsize i = 0; i < length; i++)
    {
      a = (a + data[i]) % 65521;
      b = (b + a) % 65521;
    }
  return (b << 16) | a;
}

PithNerModel *
pith_ner_model_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  PithNerModel *self;
  guint32 n_buckets;
  guint32 n_tags;
  float scale;

  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_MODEL,
                           "Not an entity model: the file does not start with PITHNER");
      return NULL;
    }
  if (read_u32 (data + 8) != FORMAT_VERSION || read_u32 (data + 12) != PITH_NER_FEATURE_VERSION)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL,
                   "The entity model is of format %u with features %u; this Pith reads "
                   "format %u with features %u", read_u32 (data + 8), read_u32 (data + 12),
                   FORMAT_VERSION, PITH_NER_FEATURE_VERSION);
      return NULL;
    }

  n_buckets = read_u32 (data + 16);
  n_tags = read_u32 (data + 20);
  memcpy (&scale, data + 24, sizeof scale);
  if (n_tags != PITH_NER_N_TAGS || n_buckets == 0 || (n_buckets & (n_buckets - 1)) != 0 ||
      n_buckets > (1u << 24) || !(scale > 0.0f) ||
      size != HEADER_SIZE + (gsize) n_buckets * n_tags * sizeof (gint16))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL,
                   "The entity model is truncated or corrupt (%" G_GSIZE_FORMAT " bytes, "
                   "%u buckets, %u tags)", size, n_buckets, n_tags);
      return NULL;
    }
  if (adler32 (data + HEADER_SIZE, size - HEADER_SIZE) != read_u32 (data + 28))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_MODEL,
                           "The entity model is corrupt: its checksum does not match");
      return NULL;
    }

  self = g_new0 (PithNerModel, 1);
  self->bytes = g_bytes_ref (bytes);
  self->weights = (const gint16 *) (gconstpointer) (data + HEADER_SIZE);
  self->n_buckets = n_buckets;
  self->scale = scale;
  return self;
}

void
pith_ner_model_free (PithNerModel *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->bytes);
  g_free (self);
}

guint
pith_ner_model_get_n_buckets (const PithNerModel *self)
{
  return self->n_buckets;
}

void
pith_ner_model_score (const PithNerModel *self,
                      const guint64      *hashes,
                      guint               n_hashes,
                      float              *scores)
{
  gint32 sums[PITH_NER_N_TAGS] = { 0, };
  guint mask = self->n_buckets - 1;

  for (guint f = 0; f < n_hashes; f++)
    {
      const gint16 *row = self->weights + (gsize) (hashes[f] & mask) * PITH_NER_N_TAGS;

      for (guint t = 0; t < PITH_NER_N_TAGS; t++)
        sums[t] += GINT16_FROM_LE (row[t]);
    }
  for (guint t = 0; t < PITH_NER_N_TAGS; t++)
    scores[t] = (float) sums[t] * self->scale;
}

static void
score_with_model (gconstpointer  weights,
                  const guint64 *hashes,
                  guint          n_hashes,
                  float         *scores)
{
  pith_ner_model_score (weights, hashes, n_hashes, scores);
}

static gboolean
may_end_sentence (int tag)
{
  return tag == PITH_NER_TAG_O ||
         pith_ner_tag_part (tag) == PITH_NER_PART_L || pith_ner_tag_part (tag) == PITH_NER_PART_U;
}

typedef float Transitions[PITH_NER_N_TAGS][PITH_NER_N_TAGS];   /* [previous][tag] */

/* Scores of the transition feature @kind of token @i, for every previous tag. */
static void
score_transitions (const PithNerSentence *sentence,
                   guint                  i,
                   PithNerTransition      kind,
                   PithNerScoreFunc       score,
                   gconstpointer          weights,
                   Transitions            out)
{
  for (int previous = 0; previous < PITH_NER_N_TAGS; previous++)
    {
      guint64 hash = pith_ner_transition_hash (sentence, i, previous, kind);
      score (weights, &hash, 1, out[previous]);
    }
}

/* The shape transitions of the few shapes a sentence has, each scored once. */
#define SHAPE_CACHE_SIZE 8

typedef struct
{
  guint64 shape_hashes[SHAPE_CACHE_SIZE];
  Transitions transitions[SHAPE_CACHE_SIZE];
  guint n;
} ShapeCache;

static const Transitions *
shape_transitions (ShapeCache            *cache,
                   const PithNerSentence *sentence,
                   guint                  i,
                   PithNerScoreFunc       score,
                   gconstpointer          weights)
{
  guint64 shape = sentence->tokens[i].short_shape_hash;
  guint slot;

  for (slot = 0; slot < cache->n; slot++)
    if (cache->shape_hashes[slot] == shape)
      return (const Transitions *) &cache->transitions[slot];

  /* When full, the last slot is taken over: sentences rarely have more. */
  slot = MIN (cache->n, SHAPE_CACHE_SIZE - 1);
  cache->n = MIN (cache->n + 1, SHAPE_CACHE_SIZE);
  cache->shape_hashes[slot] = shape;
  score_transitions (sentence, i, PITH_NER_TRANSITION_SHAPE, score, weights, cache->transitions[slot]);
  return (const Transitions *) &cache->transitions[slot];
}

void
pith_ner_viterbi (const PithNerSentence *sentence,
                  const PithNerDocument *document,
                  PithNerScoreFunc       score,
                  gconstpointer          weights,
                  int                   *tags)
{
  guint n = sentence->n_words;
  guint64 hashes[PITH_NER_MAX_FEATURES];
  float emission[PITH_NER_N_TAGS];
  Transitions by_tag;
  Transitions by_word;
  g_autofree ShapeCache *shapes = g_new0 (ShapeCache, 1);
  gboolean allowed[PITH_NER_N_TAGS][PITH_NER_N_TAGS];
  float path[PITH_NER_N_TAGS] = { 0, };                 /* best path ending in tag */
  float next_path[PITH_NER_N_TAGS];
  gboolean reached[PITH_NER_N_TAGS] = { [PITH_NER_TAG_O] = TRUE };
  gboolean next_reached[PITH_NER_N_TAGS];
  /* Back pointers only: a byte per tag per word, the scores two rows. */
  g_autofree guint8 *back = NULL;
  int last = -1;

  g_assert (sentence->tokens != NULL);
  if (n == 0)
    return;

  back = g_new (guint8, (gsize) n * PITH_NER_N_TAGS);
  for (int previous = 0; previous < PITH_NER_N_TAGS; previous++)
    for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
      allowed[previous][tag] = pith_ner_transition_allowed (previous, tag);
  /* The tag-only transitions are the same for every word. */
  score_transitions (sentence, 0, PITH_NER_TRANSITION_TAG, score, weights, by_tag);

  for (guint i = 0; i < n; i++)
    {
      guint n_hashes = pith_ner_features (sentence, i, document, hashes);
      const Transitions *by_shape = shape_transitions (shapes, sentence, i, score, weights);

      score (weights, hashes, n_hashes, emission);
      score_transitions (sentence, i, PITH_NER_TRANSITION_WORD, score, weights, by_word);

      for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
        {
          int from = -1;
          float best = 0.0f;

          for (int previous = 0; previous < PITH_NER_N_TAGS; previous++)
            {
              float candidate;

              if (!reached[previous] || !allowed[previous][tag])
                continue;
              candidate = path[previous] + by_tag[previous][tag] + (*by_shape)[previous][tag] +
                          by_word[previous][tag];
              if (from < 0 || candidate > best)
                {
                  from = previous;
                  best = candidate;
                }
            }
          next_reached[tag] = from >= 0;
          next_path[tag] = from >= 0 ? best + emission[tag] : 0.0f;
          back[(gsize) i * PITH_NER_N_TAGS + tag] = (guint8) MAX (from, 0);
        }
      memcpy (path, next_path, sizeof path);
      memcpy (reached, next_reached, sizeof reached);
    }

  for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
    if (reached[tag] && may_end_sentence (tag) && (last < 0 || path[tag] > path[last]))
      last = tag;

  for (guint i = n; i-- > 0;)
    {
      tags[i] = last;
      last = back[(gsize) i * PITH_NER_N_TAGS + last];
    }
}

void
pith_ner_tag_sentence (const PithNerModel    *model,
                       const PithNerSentence *sentence,
                       PithNerDocument       *document,
                       int                   *tags)
{
  PithNerSentence prepared = *sentence;

  if (prepared.tokens == NULL)
    pith_ner_sentence_prepare (&prepared);

  pith_ner_viterbi (&prepared, document, score_with_model, model, tags);

  if (sentence->tokens == NULL)
    pith_ner_sentence_clear (&prepared);

  if (document != NULL)
    for (guint i = 0; i < sentence->n_words; i++)
      pith_ner_document_remember (document, sentence->words[i], tags[i]);
}

GBytes *
pith_ner_model_serialize (const float *weights,
                          guint        n_buckets)
{
  gsize n = (gsize) n_buckets * PITH_NER_N_TAGS;
  gsize size = HEADER_SIZE + n * sizeof (gint16);
  guint8 *data = g_malloc0 (size);
  gint16 *quantized = (gint16 *) (gpointer) (data + HEADER_SIZE);
  float largest = 0.0f;
  float scale;

  for (gsize i = 0; i < n; i++)
    largest = MAX (largest, ABS (weights[i]));
  scale = largest > 0.0f ? largest / 32767.0f : 1.0f;
  for (gsize i = 0; i < n; i++)
    quantized[i] = GINT16_TO_LE ((gint16) CLAMP ((int) (weights[i] / scale + (weights[i] >= 0 ? 0.5f : -0.5f)),
                                                -32767, 32767));

  memcpy (data, MAGIC, 8);
  write_u32 (data + 8, FORMAT_VERSION);
  write_u32 (data + 12, PITH_NER_FEATURE_VERSION);
  write_u32 (data + 16, n_buckets);
  write_u32 (data + 20, PITH_NER_N_TAGS);
  memcpy (data + 24, &scale, sizeof scale);
  write_u32 (data + 28, adler32 (data + HEADER_SIZE, size - HEADER_SIZE));

  return g_bytes_new_take (data, size);
}
