/* pith-sorted-hashes-private.h: finding a word's hash in a table of them
 *
 * The word clusters and the part-of-speech guesser keep their words as
 * 64-bit FNV-1a hashes, in increasing order, in a table read where it
 * lies. The hashes spread evenly over 64 bits, so their high bits say
 * where a hash lies: a directory, built when the table loads, holds where
 * each run of hashes with the same high bits starts, about eight hashes
 * a run. A search reads the directory and then one run, a cache line or
 * two, where a search guessing from the hash's value (interpolation)
 * read three or four places of a table of megabytes, and a binary search
 * twenty.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-little-endian-private.h"

G_BEGIN_DECLS

typedef struct
{
  const guint8 *hashes;     /* n little-endian u64, in increasing order */
  gsize n;
  guint32 *run_starts;      /* 1 << run_bits + 1: where each run starts */
  guint run_bits;           /* the high bits that number a hash's run */
} PithSortedHashes;

/* Reads the @n hashes at @hashes, which must outlive @self. */
void pith_sorted_hashes_init  (PithSortedHashes *self,
                               const guint8     *hashes,
                               gsize             n);
void pith_sorted_hashes_clear (PithSortedHashes *self);

/* The index of @hash among the table's hashes, or -1. */
static inline gssize
pith_sorted_hashes_find (const PithSortedHashes *self,
                         guint64                 hash)
{
  gsize run;
  gsize end;

  if (self->n == 0)
    return -1;
  run = self->run_bits > 0 ? (gsize) (hash >> (64 - self->run_bits)) : 0;
  end = self->run_starts[run + 1];
  for (gsize i = self->run_starts[run]; i < end; i++)
    {
      guint64 found = pith_read_u64_le (self->hashes + i * 8);

      if (found >= hash)
        return found == hash ? (gssize) i : -1;
    }
  return -1;
}

G_END_DECLS
