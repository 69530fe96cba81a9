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

#include <string.h>

#include "pith-word-hashes-private.h"

#define VALUE_MASK G_GUINT64_CONSTANT (0xFF)

/* Where the key @key (a hash without its low 8 bits) starts probing:
 * FNV-1a's low bits mix well enough; the high ones are folded in. */
static gsize
slot_of (const PithWordHashes *self,
         guint64               key)
{
  gsize mask = self->capacity - 1;
  gsize slot = (gsize) ((key >> 8) ^ (key >> 40)) & mask;

  while (self->slots[slot] != 0 && (self->slots[slot] & ~VALUE_MASK) != key)
    slot = (slot + 1) & mask;
  return slot;
}

static void
grow (PithWordHashes *self)
{
  PithWordHashes bigger = { NULL, MAX (self->capacity * 2, 64), 0 };

  bigger.slots = g_new0 (guint64, bigger.capacity);
  for (gsize i = 0; i < self->capacity; i++)
    if (self->slots[i] != 0)
      {
        bigger.slots[slot_of (&bigger, self->slots[i] & ~VALUE_MASK)] = self->slots[i];
        bigger.n++;
      }
  pith_word_hashes_clear (self);
  *self = bigger;
}

void
pith_word_hashes_clear (PithWordHashes *self)
{
  g_clear_pointer (&self->slots, g_free);
  self->capacity = self->n = 0;
}

void
pith_word_hashes_empty (PithWordHashes *self)
{
  if (self->slots != NULL)
    memset (self->slots, 0, self->capacity * sizeof (guint64));
  self->n = 0;
}

void
pith_word_hashes_insert (PithWordHashes *self,
                         guint64         hash,
                         guint8          value)
{
  guint64 key = hash & ~VALUE_MASK;
  gsize slot;

  g_return_if_fail (value != 0);

  /* At most half full, so probes stay short. */
  if ((self->n + 1) * 2 > self->capacity)
    grow (self);
  slot = slot_of (self, key);
  if (self->slots[slot] == 0)
    self->n++;
  self->slots[slot] = key | value;
}

guint8
pith_word_hashes_lookup (const PithWordHashes *self,
                         guint64               hash)
{
  if (self->capacity == 0)
    return 0;
  return (guint8) (self->slots[slot_of (self, hash & ~VALUE_MASK)] & VALUE_MASK);
}
