/* pith-word-slots.c: words' 64-bit hashes, each with a value beside it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-word-slots-private.h"

#define INITIAL_CAPACITY 64

void
pith_word_slots_init (PithWordSlots *self)
{
  self->capacity = INITIAL_CAPACITY;
  self->slots = g_new0 (PithWordSlot, self->capacity);
  self->n = 0;
}

void
pith_word_slots_clear (PithWordSlots *self)
{
  g_clear_pointer (&self->slots, g_free);
  self->capacity = self->n = 0;
}

/* The slot of @key, or the empty one where it would go. */
static PithWordSlot *
slot_of (PithWordSlots *self,
         guint64        key)
{
  gsize mask = self->capacity - 1;
  gsize i = pith_word_slots_home (self, key);

  while (self->slots[i].key != 0 && self->slots[i].key != key)
    i = (i + 1) & mask;
  return &self->slots[i];
}

static void
grow (PithWordSlots *self)
{
  PithWordSlot *old = self->slots;
  gsize old_capacity = self->capacity;

  self->capacity *= 2;
  self->slots = g_new0 (PithWordSlot, self->capacity);
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i].key != 0)
      *slot_of (self, old[i].key) = old[i];
  g_free (old);
}

PithWordSlot *
pith_word_slots_insert (PithWordSlots *self,
                        guint64        key,
                        gboolean      *added)
{
  PithWordSlot *slot;

  g_return_val_if_fail (key != 0, NULL);

  /* At most half full, so probes stay short. */
  if ((self->n + 1) * 2 > self->capacity)
    grow (self);
  slot = slot_of (self, key);
  *added = slot->key == 0;
  if (*added)
    {
      slot->key = key;
      self->n++;
    }
  return slot;
}
