/* pith-stemmer.c: stems of a language's words, remembered
 *
 * News repeats its words from document to document: each is stemmed
 * once while it is remembered, and documents share the work instead of
 * each stemming its own vocabulary.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <libstemmer.h>
#include <string.h>

#include "pith-stemmer-private.h"

/* Words remembered, across documents, about 32 bytes each: the common
 * vocabulary of news. Words past it, and words longer than a word list's
 * (no language has such words; hostile text does), are stemmed where
 * they stand, so that what the stemmer holds stays under 5 MB. */
#define MAX_WORDS 32768
#define MAX_WORD_LENGTH PITH_WORD_LIST_MAX_WORD

/* Open addressing, at most half full. */
#define N_SLOTS (2 * MAX_WORDS)
#define EMPTY 0

/* A remembered word is one entry: its length, its stem's (STOP_WORD for
 * a stop word), its bytes and its stem's, NUL-terminated. A look-up
 * reads its slot and then the entry, which holds the answer: two places
 * in memory, where a word table and arrays by number beside it were
 * five. */
#define STOP_WORD 0xFF

typedef struct
{
  guint32 hash;
  guint32 entry;            /* 1 + where its entry starts; EMPTY for none */
} Slot;

struct _PithStemmer
{
  char *language;
  const PithWordList *stopwords;
  struct sb_stemmer *snowball;   /* NULL when Snowball lacks the language */
  Slot *slots;                   /* N_SLOTS */
  guint n_words;
  GString *entries;
};

PithStemmer *
pith_stemmer_new (const char         *language,
                  const PithWordList *stopwords)
{
  PithStemmer *self = g_new0 (PithStemmer, 1);

  self->language = g_strdup (language);
  self->stopwords = stopwords;
  self->snowball = language != NULL ? sb_stemmer_new (language, "UTF_8") : NULL;
  self->slots = g_new0 (Slot, N_SLOTS);
  self->entries = g_string_sized_new (4096);
  return self;
}

void
pith_stemmer_free (PithStemmer *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  if (self->snowball != NULL)
    sb_stemmer_delete (self->snowball);
  g_free (self->slots);
  g_string_free (self->entries, TRUE);
  g_free (self);
}

gboolean
pith_stemmer_is_for (const PithStemmer  *self,
                     const char         *language,
                     const PithWordList *stopwords)
{
  return g_strcmp0 (self->language, language) == 0 && self->stopwords == stopwords;
}

/* Where @hash starts probing: its high bits after a Fibonacci multiply,
 * as in a word table. */
static inline guint
home (guint32 hash)
{
  return (guint) (((guint64) (hash * 2654435769u) * N_SLOTS) >> 32);
}

/* The slot of @lower, or the empty one where it would go. */
static Slot *
find (PithStemmer *self,
      const char  *lower,
      gsize        length,
      guint32      hash)
{
  guint i = home (hash);

  for (;; i = (i + 1) & (N_SLOTS - 1))
    {
      Slot *slot = &self->slots[i];
      const guchar *entry;

      if (slot->entry == EMPTY)
        return slot;
      if (slot->hash != hash)
        continue;
      entry = (const guchar *) self->entries->str + slot->entry - 1;
      if (entry[0] == length && memcmp (entry + 2, lower, length) == 0)
        return slot;
    }
}

/* The stem of an entry, or NULL for a stop word. */
static const char *
entry_stem (const PithStemmer *self,
            guint32            entry)
{
  const guchar *start = (const guchar *) self->entries->str + entry - 1;

  return start[1] == STOP_WORD ? NULL : (const char *) start + 2 + start[0];
}

const char *
pith_stemmer_stem (PithStemmer *self,
                   const char  *lower,
                   gsize        length,
                   guint32      hash)
{
  Slot *slot = NULL;
  const char *stem;
  gsize stem_length;
  guchar lengths[2];

  if (length < MAX_WORD_LENGTH)
    {
      slot = find (self, lower, length, hash);
      if (slot->entry != EMPTY)
        return entry_stem (self, slot->entry);
    }

  if (pith_word_list_lookup (self->stopwords, lower, length, NULL))
    stem = NULL;
  else
    {
      stem = self->snowball != NULL ?
             (const char *) sb_stemmer_stem (self->snowball, (const sb_symbol *) lower, (int) length) : lower;
      if (stem == NULL)
        stem = lower;
    }
  stem_length = stem != NULL ? strlen (stem) : 0;
  /* A stem is no longer than its word; one that were is not remembered. */
  if (slot == NULL || self->n_words >= MAX_WORDS || stem_length >= STOP_WORD)
    return stem;

  lengths[0] = (guchar) length;
  lengths[1] = stem != NULL ? (guchar) stem_length : STOP_WORD;
  slot->hash = hash;
  slot->entry = 1 + (guint32) self->entries->len;
  g_string_append_len (self->entries, (const char *) lengths, 2);
  g_string_append_len (self->entries, lower, (gssize) length);
  if (stem != NULL)
    g_string_append_len (self->entries, stem, (gssize) stem_length);
  g_string_append_c (self->entries, '\0');
  self->n_words++;
  return entry_stem (self, slot->entry);
}

void
pith_stemmer_prefetch (const PithStemmer *self,
                       guint32            hash,
                       gboolean           with_entry)
{
  const Slot *slot = &self->slots[home (hash)];

  if (!with_entry)
    __builtin_prefetch (slot);
  else if (slot->hash == hash && slot->entry != EMPTY)
    __builtin_prefetch (self->entries->str + slot->entry - 1);
}

void
pith_stemmer_forget (PithStemmer *self)
{
  if (self->n_words < MAX_WORDS)
    return;
  memset (self->slots, 0, N_SLOTS * sizeof (Slot));
  self->n_words = 0;
  g_string_truncate (self->entries, 0);
}
