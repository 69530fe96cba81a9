/* pith-word-clusters.c: the word clusters the entity tagger reads
 *
 * Three cluster numbers for each of 341,478 words (spherical k-means over
 * GloVe vectors, tools/build-word-clusters), looked up for every word a
 * run of the tagger meets for the first time. The table is a resource the
 * library maps, read where it lies: the words' 64-bit hashes in increasing
 * order, then their clusters in the same order. The hashes are FNV-1a,
 * spread evenly over 64 bits, so a search guesses where a hash lies from
 * its value (interpolation, pith-sorted-hashes-private.h) and is there in
 * two or three reads, where a binary search over the words themselves
 * read twenty lines.
 *
 * The format, version 1, little-endian:
 *
 *   offset       size  what
 *   0            8     magic "PITHCLU\0"
 *   8            4     version (1)
 *   12           4     n, the number of words
 *   16           4     levels (3)
 *   20           4     bits a level takes in a word's clusters (10)
 *   24           8 n   the words' FNV-1a hashes, increasing
 *   24 + 8 n     4 n   each word's clusters, level k in bits 10 k to 10 k + 9
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-tsan-private.h"

#include <string.h>

#include <gio/gio.h>

#include "pith-sorted-hashes-private.h"
#include "pith-word-clusters-private.h"
#include "pith-word-hashes-private.h"

#define RESOURCE "/org/gnome/Pith/entities/clusters-en.bin"
#define MAGIC "PITHCLU"
#define VERSION 1
#define HEADER_SIZE 24
#define BITS 10

struct _PithWordClusters
{
  GBytes *bytes;
  PithSortedHashes hashes;  /* n little-endian u64 */
  const guint8 *clusters;   /* n little-endian u32 */
  gsize n;
};

static PithWordClusters *
load (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  PithWordClusters *self;
  const guint8 *data;
  gsize size = 0;
  gsize n;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0 || pith_read_u32_le (data + 8) != VERSION ||
      pith_read_u32_le (data + 16) != PITH_WORD_CLUSTER_LEVELS || pith_read_u32_le (data + 20) != BITS)
    return NULL;
  n = pith_read_u32_le (data + 12);
  if (size != HEADER_SIZE + n * 12)
    return NULL;

  self = g_new0 (PithWordClusters, 1);
  self->bytes = g_steal_pointer (&bytes);
  pith_sorted_hashes_init (&self->hashes, data + HEADER_SIZE, n);
  self->clusters = data + HEADER_SIZE + n * 8;
  self->n = n;
  return self;
}

const PithWordClusters *
pith_word_clusters_get (void)
{
  static PithWordClusters *loaded;

  if (g_once_init_enter (&loaded))
    {
      PithWordClusters *table = load ();

      /* A table that cannot be read stands as an empty one. */
      if (table == NULL)
        table = g_new0 (PithWordClusters, 1);
      pith_tsan_release (&loaded);
      g_once_init_leave (&loaded, table);
    }
  pith_tsan_acquire (&loaded);
  return loaded->n > 0 ? loaded : NULL;
}

gboolean
pith_word_clusters_lookup (const PithWordClusters *self,
                           const char             *word,
                           gsize                   length,
                           guint16                *clusters)
{
  gssize found = self != NULL ? pith_sorted_hashes_find (&self->hashes, pith_word_hash (word, length)) : -1;
  guint32 packed;

  if (found < 0)
    {
      for (int level = 0; level < PITH_WORD_CLUSTER_LEVELS; level++)
        clusters[level] = PITH_WORD_CLUSTER_NONE;
      return FALSE;
    }
  packed = pith_read_u32_le (self->clusters + (gsize) found * 4);
  for (int level = 0; level < PITH_WORD_CLUSTER_LEVELS; level++)
    clusters[level] = (packed >> (level * BITS)) & ((1u << BITS) - 1);
  return TRUE;
}
