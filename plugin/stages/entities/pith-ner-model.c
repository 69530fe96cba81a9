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

int
pith_ner_best_tag (const float *scores,
                   int          previous)
{
  int best = -1;

  for (int t = 0; t < PITH_NER_N_TAGS; t++)
    if (pith_ner_transition_allowed (previous, t) && (best < 0 || scores[t] > scores[best]))
      best = t;
  return best;
}

/* B and I become U and L: an entity closed where it stands. */
static int
close_at_end (int tag)
{
  if (tag == PITH_NER_TAG_O)
    return tag;
  if (pith_ner_tag_part (tag) == PITH_NER_PART_B)
    return pith_ner_tag (pith_ner_tag_type (tag), PITH_NER_PART_U);
  if (pith_ner_tag_part (tag) == PITH_NER_PART_I)
    return pith_ner_tag (pith_ner_tag_type (tag), PITH_NER_PART_L);
  return tag;
}

int
pith_ner_decide (const float *scores,
                 int         *tags,
                 guint        i,
                 gboolean     last)
{
  int previous = i > 0 ? tags[i - 1] : PITH_NER_TAG_O;
  int best = pith_ner_best_tag (scores, previous);
  int unconstrained = 0;

  for (int t = 1; t < PITH_NER_N_TAGS; t++)
    if (scores[t] > scores[unconstrained])
      unconstrained = t;

  /* An open entity that the scores would rather leave is closed at the
   * token before, instead of being dragged on: a wrong B must not force
   * I and L onto the punctuation after it. */
  if (!pith_ner_transition_allowed (previous, unconstrained) &&
      pith_ner_transition_allowed (close_at_end (previous), unconstrained))
    {
      tags[i - 1] = close_at_end (previous);
      best = unconstrained;
    }

  tags[i] = last ? close_at_end (best) : best;
  return tags[i];
}

void
pith_ner_tag_sentence (const PithNerModel    *model,
                       const PithNerSentence *sentence,
                       PithNerDocument       *document,
                       int                   *tags)
{
  guint64 hashes[PITH_NER_MAX_FEATURES];
  float scores[PITH_NER_N_TAGS];
  PithNerSentence prepared = *sentence;

  if (prepared.tokens == NULL)
    pith_ner_sentence_prepare (&prepared);

  for (guint i = 0; i < sentence->n_words; i++)
    {
      guint n = pith_ner_features (&prepared, i, tags, document, hashes);

      pith_ner_model_score (model, hashes, n, scores);
      pith_ner_decide (scores, tags, i, i + 1 == sentence->n_words);
    }

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
