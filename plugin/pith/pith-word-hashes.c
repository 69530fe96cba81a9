/* pith-word-hashes.c: words known by their 64-bit hashes
 *
 * The tagger's memory of a document (the words it writes in lowercase,
 * the label each capitalised word had last) is asked about at every word,
 * and clean's glue rules ask which names a document uses on their own;
 * a table of strings would hash each word again and compare it byte by
 * byte, and copy every new word. The words' FNV-1a hashes are worked out
 * once per word, so the table keeps those alone.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-word-hashes-private.h"

/* The hash 0 marks an empty slot; a word that hashes to it is stored as 1. */
static guint64
stored (guint64 hash)
{
  return hash != 0 ? hash : 1;
}

static gsize
slot_of (const PithWordHashes *self,
         guint64               hash)
{
  gsize mask = self->capacity - 1;
  /* FNV-1a's low bits mix well enough; the high ones are folded in. */
  gsize slot = (gsize) (hash ^ (hash >> 32)) & mask;

  while (self->hashes[slot] != 0 && self->hashes[slot] != hash)
    slot = (slot + 1) & mask;
  return slot;
}

static void
grow (PithWordHashes *self)
{
  PithWordHashes bigger = { NULL, NULL, MAX (self->capacity * 2, 64), 0 };

  bigger.hashes = g_new0 (guint64, bigger.capacity);
  bigger.values = g_new0 (guint8, bigger.capacity);
  for (gsize i = 0; i < self->capacity; i++)
    if (self->hashes[i] != 0)
      {
        gsize slot = slot_of (&bigger, self->hashes[i]);

        bigger.hashes[slot] = self->hashes[i];
        bigger.values[slot] = self->values[i];
        bigger.n++;
      }
  pith_word_hashes_clear (self);
  *self = bigger;
}

void
pith_word_hashes_clear (PithWordHashes *self)
{
  g_clear_pointer (&self->hashes, g_free);
  g_clear_pointer (&self->values, g_free);
  self->capacity = self->n = 0;
}

void
pith_word_hashes_insert (PithWordHashes *self,
                         guint64         hash,
                         guint8          value)
{
  gsize slot;

  g_return_if_fail (value != 0);

  hash = stored (hash);
  /* At most half full, so probes stay short. */
  if ((self->n + 1) * 2 > self->capacity)
    grow (self);
  slot = slot_of (self, hash);
  if (self->hashes[slot] == 0)
    {
      self->hashes[slot] = hash;
      self->n++;
    }
  self->values[slot] = value;
}

guint8
pith_word_hashes_lookup (const PithWordHashes *self,
                         guint64               hash)
{
  gsize slot;

  if (self->capacity == 0)
    return 0;
  hash = stored (hash);
  slot = slot_of (self, hash);
  return self->hashes[slot] == hash ? self->values[slot] : 0;
}
