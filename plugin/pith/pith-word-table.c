/* pith-word-table.c: words to small numbers
 *
 * Each word gets the next number, 0, 1, 2…, the first time it is added,
 * and keeps it. A caller keeps what it knows of a word in arrays by that
 * number, so the table holds no values of its own.
 *
 * A stage that looks up every token's word in a GHashTable pays a
 * NUL-terminated copy, g_str_hash() and strcmp() a token, and some
 * 40 bytes a word. Here the caller hashes the word while it reads it;
 * the words sit side by side in one buffer, each NUL-terminated; and a
 * slot is 8 bytes, a hash and a number, compared by hash and length
 * before any byte: open addressing with linear probing, at most half
 * full, so that a lookup reads one or two cache lines.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-word-table-private.h"

#define INITIAL_SLOTS 256
#define EMPTY 0

typedef struct
{
  guint32 hash;
  guint32 number;           /* the word's number + 1; EMPTY for none */
} Slot;

struct _PithWordTable
{
  Slot *slots;
  guint n_slots;            /* a power of two */
  guint n_words;
  guint32 *starts;          /* n_words + 1 offsets into buffer */
  guint starts_capacity;
  char *buffer;
  guint32 buffer_len;       /* the words of a text whose offsets are 32-bit */
  guint32 buffer_capacity;
};

PithWordTable *
pith_word_table_new (void)
{
  return pith_word_table_new_sized (INITIAL_SLOTS / 2);
}

/*
 * pith_word_table_new_sized:
 * @n_words: how many words the table is expected to take
 *
 * A table with room for @n_words before it grows: a caller that knows
 * about how many words it adds (a document's tokens bound its words)
 * saves the table's doubling as it fills.
 */
PithWordTable *
pith_word_table_new_sized (guint n_words)
{
  PithWordTable *self = g_new0 (PithWordTable, 1);

  self->n_slots = INITIAL_SLOTS;
  while (self->n_slots / 2 < n_words && self->n_slots < (1u << 30))
    self->n_slots *= 2;
  self->slots = g_new0 (Slot, self->n_slots);
  self->starts_capacity = self->n_slots / 2 + 1;
  self->starts = g_new (guint32, self->starts_capacity);
  self->starts[0] = 0;
  self->buffer_capacity = MAX (2048, self->n_slots * 4);
  self->buffer = g_malloc (self->buffer_capacity);
  return self;
}

void
pith_word_table_free (PithWordTable *self)
{
  if (self == NULL)
    return;
  g_free (self->slots);
  g_free (self->starts);
  g_free (self->buffer);
  g_free (self);
}

/* Empties the table and keeps its room, for a caller that fills it
 * again to about the same size. */
void
pith_word_table_clear (PithWordTable *self)
{
  memset (self->slots, 0, self->n_slots * sizeof (Slot));
  self->n_words = 0;
  self->buffer_len = 0;
}

guint
pith_word_table_size (const PithWordTable *self)
{
  return self->n_words;
}

gsize
pith_word_table_memory_size (const PithWordTable *self)
{
  return sizeof *self + self->n_slots * sizeof (Slot) + self->starts_capacity * sizeof (guint32) +
         self->buffer_capacity;
}

/* Where a hash starts probing: its high bits after a Fibonacci multiply,
 * since FNV-1a's low bits depend only on the low bits of the bytes. */
static inline guint
home (guint32 hash,
      guint   n_slots)
{
  return (guint) (((guint64) (hash * 2654435769u) * n_slots) >> 32);
}

/* The slot of @word, or the empty slot where it would go. */
static guint
find_slot (const PithWordTable *self,
           const char          *word,
           gsize                length,
           guint32              hash)
{
  guint mask = self->n_slots - 1;
  guint i;

  for (i = home (hash, self->n_slots); self->slots[i].number != EMPTY; i = (i + 1) & mask)
    {
      guint32 number = self->slots[i].number - 1;
      guint32 start;

      /* The word's bytes are read only for a slot of its hash. */
      if (self->slots[i].hash != hash)
        continue;
      start = self->starts[number];
      if (self->starts[number + 1] - start - 1 == length && memcmp (self->buffer + start, word, length) == 0)
        break;
    }
  return i;
}

static void
grow_slots (PithWordTable *self)
{
  guint n_slots = self->n_slots * 2;
  Slot *slots = g_new0 (Slot, n_slots);

  for (guint i = 0; i < self->n_slots; i++)
    {
      guint j;

      if (self->slots[i].number == EMPTY)
        continue;
      for (j = home (self->slots[i].hash, n_slots); slots[j].number != EMPTY; j = (j + 1) & (n_slots - 1))
        ;
      slots[j] = self->slots[i];
    }
  g_free (self->slots);
  self->slots = slots;
  self->n_slots = n_slots;
}

/*
 * pith_word_table_find:
 * @hash: pith_word_table_hash() of the @length bytes at @word
 *
 * Returns: the word's number, or %PITH_WORD_TABLE_NONE when the table
 *   lacks it
 */
guint32
pith_word_table_find (const PithWordTable *self,
                      const char          *word,
                      gsize                length,
                      guint32              hash)
{
  return self->slots[find_slot (self, word, length, hash)].number - 1;
}

/*
 * pith_word_table_add:
 * @hash: pith_word_table_hash() of the @length bytes at @word
 * @added: (out): whether @word is new to the table
 *
 * Returns: the word's number; %PITH_WORD_TABLE_NONE when the table's
 *   words would pass 4 GB, which words of a text of 32-bit offsets do
 *   only when folding makes them longer
 */
guint32
pith_word_table_add (PithWordTable *self,
                     const char    *word,
                     gsize          length,
                     guint32        hash,
                     gboolean      *added)
{
  guint i = find_slot (self, word, length, hash);
  gsize needed = (gsize) self->buffer_len + length + 1;

  *added = FALSE;
  if (self->slots[i].number != EMPTY)
    return self->slots[i].number - 1;
  if (needed >= G_MAXUINT32 || self->n_words >= G_MAXUINT32 - 2)
    return PITH_WORD_TABLE_NONE;

  if (needed > self->buffer_capacity)
    {
      self->buffer_capacity = (guint32) MIN ((gsize) G_MAXUINT32 - 1, MAX (needed, (gsize) self->buffer_capacity * 2));
      self->buffer = g_realloc (self->buffer, self->buffer_capacity);
    }
  if (self->n_words + 2 > self->starts_capacity)
    {
      self->starts_capacity = MAX (self->n_words + 2, self->starts_capacity * 2);
      self->starts = g_renew (guint32, self->starts, self->starts_capacity);
    }
  memcpy (self->buffer + self->buffer_len, word, length);
  self->buffer[self->buffer_len + length] = '\0';
  self->buffer_len = (guint32) needed;
  self->starts[self->n_words + 1] = self->buffer_len;
  self->slots[i] = (Slot) { hash, self->n_words + 1 };
  *added = TRUE;

  if (++self->n_words * 2 > self->n_slots)
    grow_slots (self);
  return self->n_words - 1;
}

/*
 * pith_word_table_get_word:
 * @number: a number pith_word_table_add() gave
 *
 * Returns: (transfer none): the word, NUL-terminated; valid until the
 *   next addition
 */
const char *
pith_word_table_get_word (const PithWordTable *self,
                          guint32              number)
{
  g_return_val_if_fail (number < self->n_words, NULL);

  return self->buffer + self->starts[number];
}
