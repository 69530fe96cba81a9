/* pith-ner-model.c: the entity tagger's model file and decoder
 *
 * The model file, version 2, little-endian:
 *
 *   offset  size  what
 *   0       8     magic "PITHNER\0"
 *   8       4     file format version (2)
 *   12      4     feature version (PITH_NER_FEATURE_VERSION)
 *   16      4     number of buckets, a power of two
 *   20      4     number of tags (17: O and BILOU for PER, ORG, LOC, MISC)
 *   24      4     scale: a weight is its int16 times this (float)
 *   28      4     Adler-32 of the weights
 *   32      4     calibration slope (float)
 *   36      4     calibration offset (float): a name whose words' smallest
 *                 margin is m is right with probability
 *                 1 / (1 + exp (-(slope × m + offset)))
 *   40      4     the probability of a name whose margin is unknown (float)
 *   44      4     zero
 *   48      …     weights: int16 [buckets][tags]
 *
 * The weights are used in place, straight from the mapped file or the
 * library's resources: loading is a header check and a checksum.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-tsan-private.h"

#include <math.h>
#include <string.h>

#include "pith-error.h"
#include "pith-float4-private.h"
#include "pith-little-endian-private.h"
#include "pith-ner-model-private.h"
#include "pith-word-clusters-private.h"

#define MAGIC "PITHNER"
#define FORMAT_VERSION 2
#define HEADER_SIZE 48

struct _PithNerModel
{
  GBytes *bytes;
  const gint16 *weights;
  guint n_buckets;
  float scale;
  float slope;              /* the calibration, as the file gives it */
  float offset;
  float unknown;
  guint serial;             /* which model a token's scores came from */
  /* The tag-only transitions, the same for every sentence: scored once. */
  float by_tag[PITH_NER_N_PAIRS];
};

static void
write_u32 (guint8  *p,
           guint32  value)
{
  p[0] = value & 0xFF;
  p[1] = (value >> 8) & 0xFF;
  p[2] = (value >> 16) & 0xFF;
  p[3] = (value >> 24) & 0xFF;
}

static float
read_float (const guint8 *p)
{
  guint32 bits = pith_read_u32_le (p);
  float value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

static void
write_float (guint8 *p,
             float   value)
{
  guint32 bits;

  memcpy (&bits, &value, sizeof bits);
  write_u32 (p, bits);
}

static guint32
adler32 (const guint8 *data,
         gsize         length)
{
  guint32 a = 1;
  guint32 b = 0;

  /* 5552 bytes is the most that cannot overflow 32 bits before the
   * modulo (zlib's NMAX): one division per block, not two per byte. */
  while (length > 0)
    {
      gsize block = MIN (length, 5552);

      length -= block;
      while (block-- > 0)
        {
          a += *data++;
          b += a;
        }
      a %= 65521;
      b %= 65521;
    }
  return (b << 16) | a;
}

static guint
next_serial (void)
{
  static gint last;

  return (guint) g_atomic_int_add (&last, 1) + 1;
}

static void score_with_model  (gconstpointer       weights,
                               const guint64      *hashes,
                               guint               n_hashes,
                               float              *scores);
static void score_transitions (const PithNerToken *token,
                               PithNerTransition   kind,
                               PithNerScoreFunc    score,
                               gconstpointer       weights,
                               float              *pairs);

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
  if (pith_read_u32_le (data + 8) != FORMAT_VERSION || pith_read_u32_le (data + 12) != PITH_NER_FEATURE_VERSION)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL,
                   "The entity model is of format %u with features %u; this Pith reads "
                   "format %u with features %u", pith_read_u32_le (data + 8), pith_read_u32_le (data + 12),
                   FORMAT_VERSION, PITH_NER_FEATURE_VERSION);
      return NULL;
    }

  n_buckets = pith_read_u32_le (data + 16);
  n_tags = pith_read_u32_le (data + 20);
  scale = read_float (data + 24);
  if (n_tags != PITH_NER_N_TAGS || n_buckets == 0 || (n_buckets & (n_buckets - 1)) != 0 ||
      n_buckets > (1u << 24) || !(scale > 0.0f) ||
      size != HEADER_SIZE + (gsize) n_buckets * n_tags * sizeof (gint16))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL,
                   "The entity model is truncated or corrupt (%" G_GSIZE_FORMAT " bytes, "
                   "%u buckets, %u tags)", size, n_buckets, n_tags);
      return NULL;
    }
  if (adler32 (data + HEADER_SIZE, size - HEADER_SIZE) != pith_read_u32_le (data + 28))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_MODEL,
                           "The entity model is corrupt: its checksum does not match");
      return NULL;
    }

  self = g_new0 (PithNerModel, 1);
  self->bytes = g_bytes_ref (bytes);
  self->serial = next_serial ();
  self->weights = (const gint16 *) (gconstpointer) (data + HEADER_SIZE);
  self->n_buckets = n_buckets;
  self->scale = scale;
  self->slope = read_float (data + 32);
  self->offset = read_float (data + 36);
  self->unknown = read_float (data + 40);
  score_transitions (NULL, PITH_NER_TRANSITION_TAG, score_with_model, self, self->by_tag);
  return self;
}

double
pith_ner_model_confidence (const PithNerModel *self,
                           float               margin)
{
  if (isnan (margin))
    return self->unknown;
  if (isinf (margin))
    return 1.0;
  return 1.0 / (1.0 + exp (-((double) self->slope * margin + self->offset)));
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

/* Adds the weights of the features hashed to @hashes to @sums, a tag
 * each: integers, so any order of adding gives the same sums. Inlined,
 * so each caller's AVX2 clone adds the rows as vectors. */
static inline __attribute__ ((always_inline)) void
add_rows (const PithNerModel *self,
          const guint64      *hashes,
          guint               n_hashes,
          gint32             *sums)
{
  guint mask = self->n_buckets - 1;

  for (guint f = 0; f < n_hashes; f++)
    {
      const gint16 *row = self->weights + (gsize) (hashes[f] & mask) * PITH_NER_N_TAGS;

      for (guint t = 0; t < PITH_NER_N_TAGS; t++)
        sums[t] += GINT16_FROM_LE (row[t]);
    }
}

/* A sum of the model's weights as a score: every score the fast path and
 * the full search compare is made so, so their floats are the same. */
static inline float
weight_score (const PithNerModel *self,
              gint32              weight)
{
  return (float) weight * self->scale;
}

void
pith_ner_model_score (const PithNerModel *self,
                      const guint64      *hashes,
                      guint               n_hashes,
                      float              *scores)
{
  gint32 sums[PITH_NER_N_TAGS] = { 0, };

  add_rows (self, hashes, n_hashes, sums);
  for (guint t = 0; t < PITH_NER_N_TAGS; t++)
    scores[t] = weight_score (self, sums[t]);
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

/* BILOU's transitions in two blocks: any of the 9 tags that close a name
 * (O, L-, U-) may come before any of the 9 that open one (O, B-, U-), and
 * each inner tag (I-, L-) has its type's B- and I- before it. */
#define N_CLOSING 9
#define N_OPENING 9
#define N_INNER (PITH_NER_N_TAGS - N_OPENING)
/* A row of 9 is two vectors of four and a float. */
G_STATIC_ASSERT (N_CLOSING == 2 * 4 + 1);

/* For each tag, the tags that may come before it, in increasing order,
 * and where its pairs start in a list of PITH_NER_N_PAIRS. An opening
 * tag's 9 pairs are the closing tags in order, so a row of them is a
 * vector the compiler can work on whole. */
typedef struct
{
  guint8 previous[PITH_NER_N_PAIRS];
  guint8 first_pair[PITH_NER_N_TAGS + 1];
  guint8 closing[N_CLOSING];
  guint8 opening[N_OPENING];
  guint8 inner[N_INNER];
} Allowed;

/* The allowed transitions as constants, which allowed_transitions() checks
 * against the rules once: the search's loops over them unroll with each
 * tag's and pair's place fixed. */
static const Allowed fixed_allowed = {
  .previous = {
    0, 3, 4, 7, 8, 11, 12, 15, 16, 0, 3, 4, 7, 8, 11, 12, 15, 16, 1, 2, 1, 2, 0,
    3, 4, 7, 8, 11, 12, 15, 16, 0, 3, 4, 7, 8, 11, 12, 15, 16, 5, 6, 5, 6, 0, 3,
    4, 7, 8, 11, 12, 15, 16, 0, 3, 4, 7, 8, 11, 12, 15, 16, 9, 10, 9, 10, 0, 3,
    4, 7, 8, 11, 12, 15, 16, 0, 3, 4, 7, 8, 11, 12, 15, 16, 13, 14, 13, 14, 0,
    3, 4, 7, 8, 11, 12, 15, 16
  },
  .first_pair = { 0, 9, 18, 20, 22, 31, 40, 42, 44, 53, 62, 64, 66, 75, 84, 86, 88, 97 },
  .closing = { 0, 3, 4, 7, 8, 11, 12, 15, 16 },
  .opening = { 0, 1, 4, 5, 8, 9, 12, 13, 16 },
  .inner = { 2, 3, 6, 7, 10, 11, 14, 15 },
};

/* Each pair's tag, in the same order. */
static const guint8 pair_tag[PITH_NER_N_PAIRS] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 4,
  4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 7, 7, 8, 8, 8, 8, 8, 8,
  8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10, 10, 11, 11, 12, 12, 12, 12, 12, 12,
  12, 12, 12, 13, 13, 13, 13, 13, 13, 13, 13, 13, 14, 14, 15, 15, 16, 16, 16,
  16, 16, 16, 16, 16, 16
};

/* The allowed transitions, fixed_allowed, checked once against the rules
 * they come from (pith_ner_transition_allowed()). */
static const Allowed *
allowed_transitions (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      Allowed allowed;
      guint n = 0;

      for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
        {
          allowed.first_pair[tag] = (guint8) n;
          for (int previous = 0; previous < PITH_NER_N_TAGS; previous++)
            if (pith_ner_transition_allowed (previous, tag))
              allowed.previous[n++] = (guint8) previous;
        }
      allowed.first_pair[PITH_NER_N_TAGS] = (guint8) n;
      g_assert (n == PITH_NER_N_PAIRS);
      for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
        for (guint k = allowed.first_pair[tag]; k < allowed.first_pair[tag + 1]; k++)
          g_assert (pair_tag[k] == tag);

      {
        guint n_opening = 0;
        guint n_inner = 0;

        memcpy (allowed.closing, allowed.previous, N_CLOSING);
        for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
          {
            guint first = allowed.first_pair[tag];
            guint count = allowed.first_pair[tag + 1] - first;

            if (count == N_CLOSING)
              {
                g_assert (memcmp (allowed.previous + first, allowed.closing, N_CLOSING) == 0);
                allowed.opening[n_opening++] = (guint8) tag;
              }
            else
              {
                g_assert (count == 2);
                allowed.inner[n_inner++] = (guint8) tag;
              }
          }
        g_assert (n_opening == N_OPENING && n_inner == N_INNER);
      }
      g_assert (memcmp (&allowed, &fixed_allowed, sizeof allowed) == 0);
      pith_tsan_release (&initialized);
      g_once_init_leave (&initialized, 1);
    }
  pith_tsan_acquire (&initialized);
  return &fixed_allowed;
}

/* Scores of the transition feature @kind of @token, for every allowed
 * pair; the token does not matter for the tag-only transitions. */
static void
score_transitions (const PithNerToken *token,
                   PithNerTransition   kind,
                   PithNerScoreFunc    score,
                   gconstpointer       weights,
                   float              *pairs)
{
  const Allowed *allowed = allowed_transitions ();
  float by_previous[PITH_NER_N_TAGS][PITH_NER_N_TAGS];
  guint64 hashes[PITH_NER_N_TAGS];

  pith_ner_transition_hashes (token, kind, hashes);
  for (int previous = 0; previous < PITH_NER_N_TAGS; previous++)
    score (weights, &hashes[previous], 1, by_previous[previous]);
  for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
    for (guint k = allowed->first_pair[tag]; k < allowed->first_pair[tag + 1]; k++)
      pairs[k] = by_previous[allowed->previous[k]][tag];
}

/* The shape transitions of the few shapes a sentence has, each scored once. */
#define SHAPE_CACHE_SIZE 8

typedef struct
{
  guint64 shape_hashes[SHAPE_CACHE_SIZE];
  float transitions[SHAPE_CACHE_SIZE][PITH_NER_N_PAIRS];
  guint n;
} ShapeCache;

static const float *
shape_transitions (ShapeCache         *cache,
                   const PithNerToken *token,
                   PithNerScoreFunc    score,
                   gconstpointer       weights)
{
  guint64 shape = token->short_shape_hash;
  guint slot;

  for (slot = 0; slot < cache->n; slot++)
    if (cache->shape_hashes[slot] == shape)
      return cache->transitions[slot];

  /* When full, the last slot is taken over: sentences rarely have more. */
  slot = MIN (cache->n, SHAPE_CACHE_SIZE - 1);
  cache->n = MIN (cache->n + 1, SHAPE_CACHE_SIZE);
  cache->shape_hashes[slot] = shape;
  score_transitions (token, PITH_NER_TRANSITION_SHAPE, score, weights, cache->transitions[slot]);
  return cache->transitions[slot];
}

/* The model's shape transitions for the shapes met last, a slot for each
 * hash's last bits: a document has a few hundred shapes, each scored once
 * for all its sentences, not once a sentence. */
#define SHAPE_SLOTS 512

typedef struct
{
  guint64 shape_hash;
  guint scored_by;          /* the model's serial; 0: empty */
  float transitions[PITH_NER_N_PAIRS];
} ShapeSlot;

struct _PithNerShapeScores
{
  ShapeSlot slots[SHAPE_SLOTS];
};

static const float *
model_shape_transitions (PithNerShapeScores *shapes,
                         const PithNerModel *model,
                         const PithNerToken *token)
{
  ShapeSlot *slot = &shapes->slots[token->short_shape_hash % SHAPE_SLOTS];

  if (slot->scored_by != model->serial || slot->shape_hash != token->short_shape_hash)
    {
      score_transitions (token, PITH_NER_TRANSITION_SHAPE, score_with_model, model, slot->transitions);
      slot->shape_hash = token->short_shape_hash;
      slot->scored_by = model->serial;
    }
  return slot->transitions;
}

/* The Viterbi search over one sentence, a word at a time. */
#define LATTICE_ROW (2 * PITH_NER_N_TAGS)

typedef struct
{
  float by_tag[PITH_NER_N_PAIRS];       /* the same for every word */
  float path[PITH_NER_N_TAGS];          /* best path ending in tag, or -inf
                                         * for a tag no path reaches */
  /* Back pointers only: a byte per tag per word, the scores two rows. */
  guint8 *back;
  /* With margins wanted, each word's LATTICE_ROW floats: its path
   * scores, then its emissions. */
  float *lattice;
  PithNerScratch *scratch;              /* nullable: where back lives */
} Search;

/* Paths start after an O: at the sentence's start, or after a run of
 * words taken for O. */
static void
search_restart (Search *search)
{
  for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
    search->path[tag] = tag == PITH_NER_TAG_O ? 0.0f : -INFINITY;
}

/* The search's start, with room for back pointers if @with_back (else
 * the caller keeps a lattice to trace back); its by_tag is the caller's to
 * fill. */
static void
search_init (Search         *search,
             guint           n_words,
             PithNerScratch *scratch,
             gboolean        with_back)
{
  gsize back_size = (gsize) n_words * PITH_NER_N_TAGS;

  memset (search, 0, sizeof *search);
  search_restart (search);
  search->scratch = scratch;
  if (!with_back)
    return;
  if (scratch == NULL)
    search->back = g_new (guint8, back_size);
  else
    {
      if (scratch->back_capacity < back_size)
        {
          scratch->back_capacity = MAX (back_size, scratch->back_capacity * 2);
          scratch->back = g_renew (guint8, scratch->back, scratch->back_capacity);
        }
      search->back = scratch->back;
    }
}

static void
search_keep_lattice (Search *search,
                     guint   n_words)
{
  PithNerScratch *scratch = search->scratch;
  gsize size = (gsize) n_words * LATTICE_ROW;

  if (scratch->lattice_capacity < size)
    {
      scratch->lattice_capacity = MAX (size, scratch->lattice_capacity * 2);
      scratch->lattice = g_renew (float, scratch->lattice, scratch->lattice_capacity);
    }
  search->lattice = scratch->lattice;
}

/* One word's step of the search. With @with_back, each tag's best
 * previous tag is noted as it is found; without, the lattice keeps every
 * word's path scores and search_trace() finds the previous tags of the
 * best path alone, from the same sums. */
static inline __attribute__ ((always_inline)) void
search_step (Search      *search,
             guint        i,
             const float *emission,
             const float *by_shape,
             const float *by_word,
             gboolean     with_back)
{
  const Allowed *allowed = &fixed_allowed;
  float next_path[PITH_NER_N_TAGS];
  float from_closing[N_CLOSING];
  guint8 *back = with_back ? search->back + (gsize) i * PITH_NER_N_TAGS : NULL;

  PithFloat4 from_low;
  PithFloat4 from_high;

#pragma GCC unroll 9
  for (guint j = 0; j < N_CLOSING; j++)
    from_closing[j] = search->path[allowed->closing[j]];
  from_low = pith_float4_load (from_closing);
  from_high = pith_float4_load (from_closing + 4);

  /* An unreached tag's -inf never wins over a reached one, so the first
   * best reached tag is chosen, as when skipping them. The candidates are
   * added in this order, the floats of the full search; an opening tag's
   * are a row the compiler adds up as vectors. */
#pragma GCC unroll 9
  for (guint o = 0; o < N_OPENING; o++)
    {
      int tag = allowed->opening[o];
      guint first = allowed->first_pair[tag];
      const float *tag_row = search->by_tag + first;
      const float *shape_row = by_shape + first;
      const float *word_row = by_word + first;
      PithFloat4 low = from_low + pith_float4_load (tag_row) + pith_float4_load (shape_row) +
                       pith_float4_load (word_row);
      PithFloat4 high = from_high + pith_float4_load (tag_row + 4) + pith_float4_load (shape_row + 4) +
                        pith_float4_load (word_row + 4);
      float last = from_closing[8] + tag_row[8] + shape_row[8] + word_row[8];
      float best = MAX (pith_float4_top (pith_float4_max (low, high)), last);

      if (best > -INFINITY)
        {
          next_path[tag] = best + emission[tag];
          if (with_back)
            {
              /* The first of the best, as a scan keeping a strictly better one. */
              guint firsts = pith_float4_equal_lanes (low, best) |
                             pith_float4_equal_lanes (high, best) << 4 | (guint) (last == best) << 8;

              back[tag] = allowed->closing[g_bit_nth_lsf (firsts, -1)];
            }
        }
      else
        {
          next_path[tag] = -INFINITY;
          if (with_back)
            back[tag] = 0;
        }
    }
  /* An inner tag's two pairs: from its type's B-, then from its I-. */
#pragma GCC unroll 8
  for (guint n = 0; n < N_INNER; n++)
    {
      int tag = allowed->inner[n];
      guint k = allowed->first_pair[tag];
      int begin = allowed->previous[k];
      int inside = allowed->previous[k + 1];
      float from_begin = search->path[begin] + search->by_tag[k] + by_shape[k] + by_word[k];
      float from_inside = search->path[inside] + search->by_tag[k + 1] + by_shape[k + 1] +
                          by_word[k + 1];
      gboolean inside_wins = from_inside > from_begin;
      float best = inside_wins ? from_inside : from_begin;

      next_path[tag] = best > -INFINITY ? best + emission[tag] : -INFINITY;
      if (with_back)
        back[tag] = best > -INFINITY ? (guint8) (inside_wins ? inside : begin) : 0;
    }
  memcpy (search->path, next_path, sizeof next_path);
  if (search->lattice != NULL)
    {
      float *row = search->lattice + (gsize) i * LATTICE_ROW;

      memcpy (row, next_path, sizeof next_path);
      memcpy (row + PITH_NER_N_TAGS, emission, PITH_NER_N_TAGS * sizeof (float));
    }
}

/* The best rest of the sentence from each tag at the word before @row's,
 * given @rest, the same from each tag at @row's word: the forward step
 * turned around, the same blocks, the same sums. */
static inline __attribute__ ((always_inline)) void
search_step_back (const Search *search,
                  const float  *row,
                  const float  *by_shape,
                  const float  *by_word,
                  float        *rest)
{
  const Allowed *allowed = &fixed_allowed;
  const float *emission = row + PITH_NER_N_TAGS;
  float ahead[PITH_NER_N_TAGS];
  PithFloat4 to_low = pith_float4_splat (-INFINITY);
  PithFloat4 to_high = pith_float4_splat (-INFINITY);
  float to_last = -INFINITY;
  float before[PITH_NER_N_TAGS];
  float to_opening[N_CLOSING];

  for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
    {
      ahead[tag] = emission[tag] + rest[tag];
      before[tag] = -INFINITY;
    }
#pragma GCC unroll 9
  for (guint o = 0; o < N_OPENING; o++)
    {
      int tag = allowed->opening[o];
      guint first = allowed->first_pair[tag];
      const float *tag_row = search->by_tag + first;
      const float *shape_row = by_shape + first;
      const float *word_row = by_word + first;
      PithFloat4 to_tag = pith_float4_splat (ahead[tag]);

      to_low = pith_float4_max (to_low, pith_float4_load (tag_row) + pith_float4_load (shape_row) +
                                        pith_float4_load (word_row) + to_tag);
      to_high = pith_float4_max (to_high, pith_float4_load (tag_row + 4) +
                                          pith_float4_load (shape_row + 4) +
                                          pith_float4_load (word_row + 4) + to_tag);
      to_last = MAX (to_last, tag_row[8] + shape_row[8] + word_row[8] + ahead[tag]);
    }
  pith_float4_store (to_opening, to_low);
  pith_float4_store (to_opening + 4, to_high);
  to_opening[8] = to_last;
  for (guint j = 0; j < N_CLOSING; j++)
    before[allowed->closing[j]] = to_opening[j];
#pragma GCC unroll 8
  for (guint n = 0; n < N_INNER; n++)
    {
      int tag = allowed->inner[n];
      guint k = allowed->first_pair[tag];
      int begin = allowed->previous[k];
      int inside = allowed->previous[k + 1];

      before[begin] = MAX (before[begin], search->by_tag[k] + by_shape[k] + by_word[k] + ahead[tag]);
      before[inside] = MAX (before[inside], search->by_tag[k + 1] + by_shape[k + 1] +
                                            by_word[k + 1] + ahead[tag]);
    }
  memcpy (rest, before, sizeof before);
}

/* A token's transition weights as scores: the same floats as the full
 * search's, one feature each. */
static void
transition_scores (const PithNerModel *self,
                   const gint16       *weights,
                   float              *scores)
{
  for (guint k = 0; k < PITH_NER_N_PAIRS; k++)
    scores[k] = weight_score (self, weights[k]);
}

/* Each word's margin: the best path through its tag against the best
 * through any other tag there. A backward pass over the kept lattice
 * gives the best score of each tag's rest of the sentence; added to the
 * forward score, the best of any path through that tag. */
PITH_AVX2_CLONES
static void
search_margins (const Search          *search,
                const PithNerSentence *sentence,
                const PithNerModel    *model,
                PithNerShapeScores    *shapes,
                guint                  first,
                guint                  end,
                const float           *after,
                const int             *tags,
                float                 *margins)
{
  float rest[PITH_NER_N_TAGS];
  guint first_name = first;

  memcpy (rest, after, sizeof rest);

  /* Only names' words have scores: the words before the first need no
   * margin and no rest of the sentence, and a sentence without names
   * (most of a long document's) no backward pass at all. */
  while (first_name < end && tags[first_name] == PITH_NER_TAG_O)
    first_name++;
  for (guint i = first; i < end; i++)
    margins[i] = NAN;

  for (guint i = end; i-- > first_name;)
    {
      const float *row = search->lattice + (gsize) i * LATTICE_ROW;

      if (tags[i] != PITH_NER_TAG_O)
        {
          float chosen = row[tags[i]] + rest[tags[i]];
          float other = -INFINITY;

          for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
            if (tag != tags[i])
              other = MAX (other, row[tag] + rest[tag]);
          margins[i] = other == -INFINITY ? INFINITY : chosen - other;
        }

      if (i > first_name)
        {
          const PithNerToken *token = sentence->tokens[i];
          float by_word[PITH_NER_N_PAIRS];

          transition_scores (model, token->word_transitions, by_word);
          search_step_back (search, row, model_shape_transitions (shapes, model, token), by_word, rest);
        }
    }
}

/* The best rest of the sentence after its last word, from each tag: none
 * but from a tag that may end it. */
static void
sentence_end_rest (float *after)
{
  for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
    after[tag] = may_end_sentence (tag) ? 0.0f : -INFINITY;
}

/* The best tag at the last word searched, given @after, the best rest of
 * the sentence from each tag there (sentence_end_rest() at its end). */
static int
search_last_tag (const Search *search,
                 const float  *after)
{
  int last = PITH_NER_TAG_O;

  for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
    if (after[tag] > -INFINITY && search->path[tag] + after[tag] > search->path[last] + after[last])
      last = tag;
  return last;
}

static void
search_finish (Search *search,
               guint   n_words,
               int    *tags)
{
  float after[PITH_NER_N_TAGS];
  int last;

  sentence_end_rest (after);
  last = search_last_tag (search, after);

  for (guint i = n_words; i-- > 0;)
    {
      tags[i] = last;
      last = search->back[(gsize) i * PITH_NER_N_TAGS + last];
    }
  if (search->scratch == NULL)
    g_free (search->back);
  search->back = NULL;
}

/* The best path's tags, from the lattice of a search without back
 * pointers: at each word, the previous tag of the path's tag alone is
 * found again, from the sums search_step() compared, in its order, so
 * the tags are the ones back pointers would give. */
static void
search_trace (const Search          *search,
              const PithNerSentence *sentence,
              const PithNerModel    *model,
              PithNerShapeScores    *shapes,
              guint                  first,
              guint                  end,
              int                    last,
              int                   *tags)
{
  const Allowed *allowed = &fixed_allowed;

  for (guint i = end; i-- > first + 1;)
    {
      const float *from = search->lattice + (gsize) (i - 1) * LATTICE_ROW;
      const PithNerToken *token = sentence->tokens[i];
      const float *by_shape = model_shape_transitions (shapes, model, token);
      guint first = allowed->first_pair[last];

      tags[i] = last;
      if (allowed->first_pair[last + 1] - first == N_CLOSING)
        {
          float best = -INFINITY;
          int previous = allowed->closing[0];

          /* The first of the best, as the step's lanes are read. */
          for (guint j = 0; j < N_CLOSING; j++)
            {
              guint k = first + j;
              float candidate = from[allowed->closing[j]] + search->by_tag[k] + by_shape[k] +
                                weight_score (model, token->word_transitions[k]);

              if (j == 0 || candidate > best)
                {
                  best = candidate;
                  previous = allowed->closing[j];
                }
            }
          last = previous;
        }
      else
        {
          int begin = allowed->previous[first];
          int inside = allowed->previous[first + 1];
          float from_begin = from[begin] + search->by_tag[first] + by_shape[first] +
                             weight_score (model, token->word_transitions[first]);
          float from_inside = from[inside] + search->by_tag[first + 1] + by_shape[first + 1] +
                              weight_score (model, token->word_transitions[first + 1]);

          last = from_inside > from_begin ? inside : begin;
        }
    }
  tags[first] = last;
}

void
pith_ner_viterbi_with_cost (const PithNerSentence *sentence,
                            const PithNerDocument *document,
                            PithNerScoreFunc       score,
                            gconstpointer          weights,
                            const int             *gold,
                            float                  cost,
                            int                   *tags)
{
  g_autofree Search *search = g_new (Search, 1);
  g_autofree ShapeCache *shapes = g_new0 (ShapeCache, 1);
  guint64 hashes[PITH_NER_MAX_FEATURES];
  float emission[PITH_NER_N_TAGS];
  float by_word[PITH_NER_N_PAIRS];

  g_return_if_fail (sentence->tokens != NULL);
  if (sentence->n_words == 0)
    return;

  search_init (search, sentence->n_words, sentence->scratch, TRUE);
  score_transitions (NULL, PITH_NER_TRANSITION_TAG, score, weights, search->by_tag);
  for (guint i = 0; i < sentence->n_words; i++)
    {
      guint n_hashes = pith_ner_features (sentence, i, document, hashes);
      const float *by_shape = shape_transitions (shapes, sentence->tokens[i], score, weights);

      score (weights, hashes, n_hashes, emission);
      if (gold != NULL)
        for (int t = 0; t < PITH_NER_N_TAGS; t++)
          emission[t] += t != gold[i] ? cost : 0.0f;
      score_transitions (sentence->tokens[i], PITH_NER_TRANSITION_WORD, score, weights, by_word);
      search_step (search, i, emission, by_shape, by_word, TRUE);
    }
  search_finish (search, sentence->n_words, tags);
}

void
pith_ner_viterbi (const PithNerSentence *sentence,
                  const PithNerDocument *document,
                  PithNerScoreFunc       score,
                  gconstpointer          weights,
                  int                   *tags)
{
  pith_ner_viterbi_with_cost (sentence, document, score, weights, NULL, 0.0f, tags);
}

/* The model's scores of the transition feature @kind of @token for every
 * allowed pair, as score_transitions() gives them, without adding up rows
 * of one. */
static void
transition_rows (const PithNerModel  *self,
                 const PithNerToken  *token,
                 PithNerTransition    kind,
                 const gint16       **rows)
{
  guint mask = self->n_buckets - 1;
  guint64 hashes[PITH_NER_N_TAGS];

  pith_ner_transition_hashes (token, kind, hashes);
  for (int previous = 0; previous < PITH_NER_N_TAGS; previous++)
    {
      rows[previous] = self->weights + (gsize) (hashes[previous] & mask) * PITH_NER_N_TAGS;
      __builtin_prefetch (rows[previous]);
      __builtin_prefetch (rows[previous] + PITH_NER_N_TAGS - 1);
    }
}

static void
score_pairs (const gint16 * const *rows,
             gint16               *pairs)
{
  /* The tables are checked before a model can load. */
#pragma GCC unroll 97
  for (guint k = 0; k < PITH_NER_N_PAIRS; k++)
    pairs[k] = GINT16_FROM_LE (rows[fixed_allowed.previous[k]][pair_tag[k]]);
}

/* The weights of the features hashed to @hashes, asked of the memory
 * ahead of their use: the table is several megabytes, and a row read
 * cold waits on it. */
static void
prefetch_rows (const PithNerModel *self,
               const guint64      *hashes,
               guint               n_hashes)
{
  guint mask = self->n_buckets - 1;

  for (guint f = 0; f < n_hashes; f++)
    {
      const gint16 *row = self->weights + (gsize) (hashes[f] & mask) * PITH_NER_N_TAGS;

      __builtin_prefetch (row);
      __builtin_prefetch (row + PITH_NER_N_TAGS - 1);
    }
}

/* The weights of the features of a word's kind (its short shape, share
 * and clusters) added up per place, for the kinds of new words met last,
 * a slot for each kind's hash's last bits: new words are mostly of kinds
 * met before (about three in four on news), and a kind's sums are then
 * read in one place instead of thirty rows of the model's table. */
#define KIND_SLOTS 1024

typedef struct
{
  guint64 short_shape_hash;
  const char *share;        /* one of the share list's own strings */
  guint16 clusters[PITH_WORD_CLUSTER_LEVELS];
  guint scored_by;          /* the model's serial; 0: empty */
  gint32 scores[PITH_NER_N_PLACES][PITH_NER_N_TAGS];
} KindSlot;

struct _PithNerKindScores
{
  KindSlot slots[KIND_SLOTS];
};

static gboolean
is_of_kind (const KindSlot     *slot,
            const PithNerModel *model,
            const PithNerToken *token)
{
  return slot->scored_by == model->serial && slot->short_shape_hash == token->short_shape_hash &&
         slot->share == token->share && memcmp (slot->clusters, token->clusters, sizeof slot->clusters) == 0;
}

static KindSlot *
kind_slot (PithNerKindScores  *kinds,
           const PithNerToken *token)
{
  guint64 hash = token->short_shape_hash ^ (guint64) GPOINTER_TO_SIZE (token->share);

  for (int level = 0; level < PITH_WORD_CLUSTER_LEVELS; level++)
    hash = (hash ^ token->clusters[level]) * G_GUINT64_CONSTANT (0x100000001b3);
  return &kinds->slots[(hash ^ (hash >> 32)) % KIND_SLOTS];
}

/* Adds up @token's weights for each place, and scores its transitions,
 * once per model: the features a word gives depend on its place alone.
 * The sums are of integers: its kind's part added first, from @kinds
 * when it has them, makes the same sums. */
PITH_AVX2_CLONES
static void
score_word (const PithNerModel *self,
            PithNerKindScores  *kinds,
            PithNerToken       *token)
{
  guint64 hashes[PITH_NER_N_PLACES][PITH_NER_MAX_FEATURES];
  guint n_hashes[PITH_NER_N_PLACES];
  guint64 kind_hashes[PITH_NER_N_PLACES][PITH_NER_MAX_FEATURES / 2];
  guint n_kind_hashes[PITH_NER_N_PLACES];
  const gint16 *rows[PITH_NER_N_TAGS];
  KindSlot *slot = kinds != NULL ? kind_slot (kinds, token) : NULL;
  gboolean fill_slot = slot != NULL && !is_of_kind (slot, self, token);
  PithNerWordPart parts = slot != NULL ? PITH_NER_WORD_OWN : PITH_NER_WORD_ALL;

  /* Every place's features first, so that their rows load together. */
  for (int place = 0; place < PITH_NER_N_PLACES; place++)
    {
      n_hashes[place] = pith_ner_word_features_of (token, place, parts, hashes[place]);
      prefetch_rows (self, hashes[place], n_hashes[place]);
    }
  if (fill_slot)
    for (int place = 0; place < PITH_NER_N_PLACES; place++)
      {
        n_kind_hashes[place] = pith_ner_word_features_of (token, place, PITH_NER_WORD_KIND, kind_hashes[place]);
        prefetch_rows (self, kind_hashes[place], n_kind_hashes[place]);
      }
  transition_rows (self, token, PITH_NER_TRANSITION_WORD, rows);
  if (fill_slot)
    {
      for (int place = 0; place < PITH_NER_N_PLACES; place++)
        {
          memset (slot->scores[place], 0, sizeof slot->scores[place]);
          add_rows (self, kind_hashes[place], n_kind_hashes[place], slot->scores[place]);
        }
      slot->short_shape_hash = token->short_shape_hash;
      slot->share = token->share;
      memcpy (slot->clusters, token->clusters, sizeof slot->clusters);
      slot->scored_by = self->serial;
    }
  for (int place = 0; place < PITH_NER_N_PLACES; place++)
    {
      if (slot != NULL)
        memcpy (token->scores[place], slot->scores[place], sizeof token->scores[place]);
      else
        memset (token->scores[place], 0, sizeof token->scores[place]);
      add_rows (self, hashes[place], n_hashes[place], token->scores[place]);
    }
  score_pairs (rows, token->word_transitions);
  token->scored_by = self->serial;
}

static PithNerToken *
scored (const PithNerModel *self,
        PithNerKindScores  *kinds,
        PithNerToken       *token)
{
  if (token->scored_by != self->serial)
    score_word (self, kinds, pith_ner_token_need_lists (token));
  return token;
}

/* Adds the weights of @token's features of elsewhere in @document to
 * @sums, summed once per document and model: integers, so the floats are
 * the same as the features' rows added one by one. */
static void
add_elsewhere (const PithNerModel    *self,
               const PithNerDocument *document,
               PithNerToken          *token,
               gint32                *sums)
{
  const guint64 *items;
  guint n_items;
  PithNerContextSums *cached = pith_ner_document_elsewhere (document, token, &items, &n_items);

  if (cached == NULL)
    return;
  if (cached->model != self)
    {
      memset (cached->sums, 0, sizeof cached->sums);
      add_rows (self, items, n_items, cached->sums);
      cached->model = self;
    }
  for (guint t = 0; t < PITH_NER_N_TAGS; t++)
    sums[t] += cached->sums[t];
}

/* Marks in @near the words of @sentence within PITH_NER_PLAIN_REACH of a
 * word that is not plain: the words a name may hold. */
static void
mark_near_names (const PithNerSentence *sentence,
                 guint8                *near)
{
  guint n_words = sentence->n_words;

  memset (near, 0, n_words);
  for (guint i = 0; i < n_words; i++)
    if (!sentence->tokens[i]->plain)
      {
        guint from = i >= PITH_NER_PLAIN_REACH ? i - PITH_NER_PLAIN_REACH : 0;

        for (guint k = from; k <= i + PITH_NER_PLAIN_REACH && k < n_words; k++)
          near[k] = TRUE;
      }
}

/* The best rest of the sentence from each tag at the word before @end,
 * where the word at @end is O: the transition into O there (its tag,
 * shape and word parts); what comes after is the same for every path. */
static void
rest_before_o (const Search          *search,
               const PithNerSentence *sentence,
               const PithNerModel    *model,
               PithNerShapeScores    *shapes,
               guint                  end,
               float                 *after)
{
  const Allowed *allowed = &fixed_allowed;
  const PithNerToken *token = sentence->tokens[end];
  const float *by_shape = model_shape_transitions (shapes, model, token);
  guint first = allowed->first_pair[PITH_NER_TAG_O];

  for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
    after[tag] = -INFINITY;
  for (guint j = 0; j < N_CLOSING; j++)
    {
      guint k = first + j;

      after[allowed->closing[j]] = search->by_tag[k] + by_shape[k] + weight_score (model, token->word_transitions[k]);
    }
}

/* The search's steps over the words from @first to @end, each word's
 * scores read from its token (the sums are of integers, so the scores are
 * the floats of the full search); with back pointers if @with_back,
 * else into the lattice. Inlined, @with_back a constant. */
static inline __attribute__ ((always_inline)) void
search_words (const PithNerModel    *self,
              const PithNerSentence *sentence,
              const PithNerDocument *document,
              PithNerShapeScores    *shapes,
              Search                *search,
              guint                  first,
              guint                  end,
              gboolean               with_back)
{
  PithNerKindScores *kinds = sentence->scratch != NULL ? sentence->scratch->kinds : NULL;
  guint64 hashes[2][PITH_NER_MAX_FEATURES];
  guint n_hashes[2];
  float emission[PITH_NER_N_TAGS];
  float by_word[PITH_NER_N_PAIRS];

  /* Each word's context features are found a word ahead, and their rows
   * loaded while the word before is tagged; the document's memory of
   * labels changes only after the sentence. */
  n_hashes[first % 2] = pith_ner_local_context_features (sentence, first, document, hashes[first % 2]);
  prefetch_rows (self, hashes[first % 2], n_hashes[first % 2]);
  for (guint i = first; i < end; i++)
    {
      PithNerToken *token = scored (self, kinds, sentence->tokens[i]);
      const guint64 *context = hashes[i % 2];
      guint n_context = n_hashes[i % 2];
      const float *by_shape = model_shape_transitions (shapes, self, token);
      gint32 sums[PITH_NER_N_TAGS];

      memcpy (sums, token->scores[PITH_NER_PLACE_SELF], sizeof sums);
      for (int place = 1; place < PITH_NER_N_PLACES; place++)
        {
          const PithNerToken *near = scored (self, kinds, sentence->tokens[(int) i + pith_ner_place_offsets[place]]);

          for (guint t = 0; t < PITH_NER_N_TAGS; t++)
            sums[t] += near->scores[place][t];
        }
      if (i + 1 < end)
        {
          n_hashes[(i + 1) % 2] = pith_ner_local_context_features (sentence, i + 1, document, hashes[(i + 1) % 2]);
          prefetch_rows (self, hashes[(i + 1) % 2], n_hashes[(i + 1) % 2]);
        }
      add_rows (self, context, n_context, sums);
      if (document != NULL)
        add_elsewhere (self, document, token, sums);
      for (guint t = 0; t < PITH_NER_N_TAGS; t++)
        emission[t] = weight_score (self, sums[t]);
      transition_scores (self, token->word_transitions, by_word);
      search_step (search, i, emission, by_shape, by_word, with_back);
    }
}

/* pith_ner_viterbi() with the model.
 *
 * In a sentence that shows case (skips_plain_runs), a run of plain words
 * more than two away from any other ("said on Monday that the", "of the
 * new rules, which") is outside every name: a name the model found there
 * would hold no capital, and the stage drops such names in text that
 * shows case. The search takes those words for O without scoring them,
 * and searches the runs of words between on their own, each opening
 * after an O and closing before one, as the whole search would where the
 * best path is O across the run: in news, about half the words. */
PITH_AVX2_CLONES
static void
viterbi_with_model (const PithNerModel    *self,
                    const PithNerSentence *sentence,
                    const PithNerDocument *document,
                    int                   *tags,
                    float                 *margins)
{
  Search search_on_stack;
  Search *search = &search_on_stack;
  guint n_words = sentence->n_words;
  float after[PITH_NER_N_TAGS];
  guint8 near[PITH_NER_MAX_MARGIN_WORDS];
  g_autofree PithNerShapeScores *own_shapes = NULL;
  PithNerShapeScores *shapes;
  gboolean skips;
  guint end;

  if (n_words == 0)
    return;

  if (sentence->scratch == NULL)
    shapes = own_shapes = g_new0 (PithNerShapeScores, 1);
  else
    {
      if (sentence->scratch->shapes == NULL)
        sentence->scratch->shapes = g_new0 (PithNerShapeScores, 1);
      if (sentence->scratch->kinds == NULL)
        sentence->scratch->kinds = g_new0 (PithNerKindScores, 1);
      shapes = sentence->scratch->shapes;
    }

  /* A lattice, for the margins and the trace back, in sentences of real
   * length only: a run-on of thousands of words (random bytes, a list
   * without stops) would make it a copy of the document. */
  if (sentence->scratch == NULL || n_words > PITH_NER_MAX_MARGIN_WORDS)
    {
      search_init (search, n_words, sentence->scratch, TRUE);
      memcpy (search->by_tag, self->by_tag, sizeof search->by_tag);
      search_words (self, sentence, document, shapes, search, 0, n_words, TRUE);
      search_finish (search, n_words, tags);
      for (guint i = 0; margins != NULL && i < n_words; i++)
        margins[i] = NAN;
      return;
    }

  search_init (search, n_words, sentence->scratch, FALSE);
  memcpy (search->by_tag, self->by_tag, sizeof search->by_tag);
  search_keep_lattice (search, n_words);
  skips = sentence->skips_plain_runs;
  if (skips)
    mark_near_names (sentence, near);
  for (guint first = 0; first < n_words; first = end)
    {
      end = first + 1;
      if (skips && !near[first])
        {
          tags[first] = PITH_NER_TAG_O;
          if (margins != NULL)
            margins[first] = NAN;
          continue;
        }
      while (end < n_words && (!skips || near[end]))
        end++;

      search_restart (search);
      search_words (self, sentence, document, shapes, search, first, end, FALSE);
      if (end == n_words)
        sentence_end_rest (after);
      else
        rest_before_o (search, sentence, self, shapes, end, after);
      search_trace (search, sentence, self, shapes, first, end, search_last_tag (search, after), tags);
      if (margins != NULL)
        search_margins (search, sentence, self, shapes, first, end, after, tags, margins);
    }
}

void
pith_ner_tag_sentence (const PithNerModel    *model,
                       const PithNerSentence *sentence,
                       PithNerDocument       *document,
                       int                   *tags,
                       float                 *margins)
{
  g_return_if_fail (sentence->tokens != NULL);

  viterbi_with_model (model, sentence, document, tags, margins);

  if (document != NULL)
    for (guint i = 0; i < sentence->n_words; i++)
      pith_ner_document_remember (document, sentence->words[i], tags[i]);
}

GBytes *
pith_ner_model_serialize (const float                *weights,
                          guint                       n_buckets,
                          const PithNerCalibration   *calibration)
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
  write_float (data + 24, scale);
  write_u32 (data + 28, adler32 (data + HEADER_SIZE, size - HEADER_SIZE));
  write_float (data + 32, calibration->slope);
  write_float (data + 36, calibration->offset);
  write_float (data + 40, calibration->unknown);

  return g_bytes_new_take (data, size);
}
