/* pith-sorted-hashes.c: the directory of a table of sorted hashes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-sorted-hashes-private.h"

/* Hashes a run, on average, at most: a run of 8 is 64 bytes, a cache line. */
#define HASHES_A_RUN 8

void
pith_sorted_hashes_init (PithSortedHashes *self,
                         const guint8     *hashes,
                         gsize             n)
{
  gsize n_runs;
  gsize i = 0;

  self->hashes = hashes;
  self->n = n;
  self->run_bits = 0;
  while (self->run_bits < 31 && ((gsize) 1 << self->run_bits) * HASHES_A_RUN < n)
    self->run_bits++;
  n_runs = (gsize) 1 << self->run_bits;
  self->run_starts = g_new (guint32, n_runs + 1);
  /* Each run starts at the first hash whose high bits are its number or
   * more, so a table out of order (a corrupt file) finds less, never
   * reads outside itself. */
  for (gsize run = 0; run < n_runs; run++)
    {
      while (i < n && self->run_bits > 0 && (pith_read_u64_le (hashes + i * 8) >> (64 - self->run_bits)) < run)
        i++;
      self->run_starts[run] = (guint32) i;
    }
  self->run_starts[n_runs] = (guint32) n;
}

void
pith_sorted_hashes_clear (PithSortedHashes *self)
{
  g_clear_pointer (&self->run_starts, g_free);
  self->n = 0;
}
