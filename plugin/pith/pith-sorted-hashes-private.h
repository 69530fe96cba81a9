/* pith-sorted-hashes-private.h: finding a word's hash in a table of them
 *
 * The word clusters and the part-of-speech guesser keep their words as
 * 64-bit FNV-1a hashes, in increasing order, in a table read where it
 * lies. The hashes spread evenly over 64 bits, so a search guesses where
 * a hash lies from its value (interpolation) and is there in two or three
 * reads, where a binary search over 300,000 would read twenty.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-little-endian-private.h"

G_BEGIN_DECLS

/* The index of @hash among the @n little-endian hashes at @hashes, in
 * increasing order, or -1. */
static inline gssize
pith_sorted_hashes_find (const guint8 *hashes,
                         gsize         n,
                         guint64       hash)
{
  gsize low = 0;
  gsize high;

  if (n == 0)
    return -1;
  high = n - 1;
  /* Guesses from the hash's value while the range is wide, then halves. */
  while (low <= high)
    {
      guint64 low_hash = pith_read_u64_le (hashes + low * 8);
      guint64 high_hash = pith_read_u64_le (hashes + high * 8);
      gsize middle;
      guint64 middle_hash;

      if (hash < low_hash || hash > high_hash)
        return -1;
      if (high - low > 16 && high_hash > low_hash)
        middle = low + (gsize) ((double) (hash - low_hash) / (double) (high_hash - low_hash) * (double) (high - low));
      else
        middle = low + (high - low) / 2;
      middle_hash = pith_read_u64_le (hashes + middle * 8);
      if (middle_hash == hash)
        return (gssize) middle;
      if (middle_hash < hash)
        low = middle + 1;
      else if (middle == 0)
        return -1;
      else
        high = middle - 1;
    }
  return -1;
}

G_END_DECLS
