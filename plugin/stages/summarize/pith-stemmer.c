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

/* Words remembered, across documents, about 70 bytes each: the common
 * vocabulary of news. Words past it are stemmed where they stand. */
#define MAX_WORDS 20000

/* What a stop word maps to: not a stem. */
static const char stop_word[] = "";

struct _PithStemmer
{
  char *language;
  const PithWordList *stopwords;
  struct sb_stemmer *snowball;   /* NULL when Snowball lacks the language */
  GHashTable *words;             /* lowercase word -> its stem, or stop_word */
};

PithStemmer *
pith_stemmer_new (const char         *language,
                  const PithWordList *stopwords)
{
  PithStemmer *self = g_new0 (PithStemmer, 1);

  self->language = g_strdup (language);
  self->stopwords = stopwords;
  self->snowball = language != NULL ? sb_stemmer_new (language, "UTF_8") : NULL;
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  g_hash_table_unref (self->words);
  g_free (self);
}

gboolean
pith_stemmer_is_for (const PithStemmer  *self,
                     const char         *language,
                     const PithWordList *stopwords)
{
  return g_strcmp0 (self->language, language) == 0 && self->stopwords == stopwords;
}

const char *
pith_stemmer_stem (PithStemmer *self,
                   const char  *lower)
{
  const char *stem = g_hash_table_lookup (self->words, lower);
  gsize length;
  gsize lower_size;
  gsize stem_size;
  char *entry;

  if (stem != NULL)
    return stem == stop_word ? NULL : stem;

  length = strlen (lower);
  if (pith_word_list_lookup (self->stopwords, lower, length, NULL))
    stem = stop_word;
  else
    {
      stem = self->snowball != NULL ?
             (const char *) sb_stemmer_stem (self->snowball, (const sb_symbol *) lower, (int) length) : lower;
      if (stem == NULL)
        stem = lower;
    }
  if (g_hash_table_size (self->words) >= MAX_WORDS)
    return stem == stop_word ? NULL : stem;

  /* The word and its stem in one block, the key first. */
  lower_size = length + 1;
  stem_size = stem == stop_word ? 0 : strlen (stem) + 1;
  entry = g_malloc (lower_size + stem_size);
  memcpy (entry, lower, lower_size);
  if (stem != stop_word)
    {
      memcpy (entry + lower_size, stem, stem_size);
      stem = entry + lower_size;
    }
  g_hash_table_insert (self->words, entry, (gpointer) stem);
  return stem == stop_word ? NULL : stem;
}

void
pith_stemmer_forget (PithStemmer *self)
{
  if (g_hash_table_size (self->words) < MAX_WORDS)
    return;
  /* A new table: an emptied one keeps the room of its largest size. */
  g_hash_table_unref (self->words);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
