/* pith-word-slots-private.h: words' 64-bit hashes, each with a value beside it
 *
 * Tables asked about every word (the word lists, the summary ranker's word
 * priors) are larger than the processor's caches. Here a slot holds a
 * word's 64-bit FNV-1a hash and its value side by side, open addressing
 * at most half full, so that a look-up reads one place in memory whether
 * the table holds the word or not. Words are compared by their hashes
 * alone: two words of one 64-bit hash would be one word (over tables of
 * thousands, never in practice), as in pith-word-hashes-private.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-word-hashes-private.h"

G_BEGIN_DECLS

typedef union
{
  gconstpointer pointer;
  float number;
} PithWordValue;

typedef struct
{
  guint64 key;              /* 0: an empty slot */
  PithWordValue value;
} PithWordSlot;

typedef struct
{
  PithWordSlot *slots;
  gsize capacity;           /* a power of two */
  gsize n;
} PithWordSlots;

/* A word's key: its FNV-1a hash, never 0, which marks an empty slot. */
static inline guint64
pith_word_slots_key (const char *word,
                     gsize       length)
{
  guint64 hash = pith_word_hash (word, length);

  return hash != 0 ? hash : 1;
}

/* Where @key starts probing: its high bits, well mixed by FNV-1a's
 * multiplies. */
static inline gsize
pith_word_slots_home (const PithWordSlots *self,
                      guint64              key)
{
  return (gsize) (key >> 32) & (self->capacity - 1);
}

/* The slot of @key, or %NULL. */
static inline const PithWordSlot *
pith_word_slots_find (const PithWordSlots *self,
                      guint64              key)
{
  gsize mask = self->capacity - 1;
  gsize i = pith_word_slots_home (self, key);

  while (self->slots[i].key != 0 && self->slots[i].key != key)
    i = (i + 1) & mask;
  return self->slots[i].key != 0 ? &self->slots[i] : NULL;
}

/* Asks the memory for @key's slot, ahead of pith_word_slots_find(): a
 * hint, for a caller with many words to look up. */
static inline void
pith_word_slots_prefetch (const PithWordSlots *self,
                          guint64              key)
{
  __builtin_prefetch (&self->slots[pith_word_slots_home (self, key)]);
}

void          pith_word_slots_init   (PithWordSlots *self);
void          pith_word_slots_clear  (PithWordSlots *self);
/* The slot of @key, a new one with a zero value when @added. */
PithWordSlot *pith_word_slots_insert (PithWordSlots *self,
                                      guint64        key,
                                      gboolean      *added);

G_END_DECLS
