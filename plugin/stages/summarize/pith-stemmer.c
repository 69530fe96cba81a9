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
#include "pith-word-table-private.h"

/* Words remembered, across documents, about 45 bytes each: the common
 * vocabulary of news. Words past it, and words longer than a word list's
 * (no language has such words; hostile text does), are stemmed where
 * they stand, so that what the stemmer holds stays under 10 MB. */
#define MAX_WORDS 32768
#define MAX_WORD_LENGTH PITH_WORD_LIST_MAX_WORD

/* What a remembered word stems to: a stop word, or where its stem is. */
#define STOP_WORD 0

struct _PithStemmer
{
  char *language;
  const PithWordList *stopwords;
  struct sb_stemmer *snowball;   /* NULL when Snowball lacks the language */
  PithWordTable *words;          /* lowercase words remembered */
  guint32 *stem_starts;          /* word number -> STOP_WORD, or 1 + where its stem is in stems */
  GString *stems;                /* the stems, each NUL-terminated */
};

PithStemmer *
pith_stemmer_new (const char         *language,
                  const PithWordList *stopwords)
{
  PithStemmer *self = g_new0 (PithStemmer, 1);

  self->language = g_strdup (language);
  self->stopwords = stopwords;
  self->snowball = language != NULL ? sb_stemmer_new (language, "UTF_8") : NULL;
  self->words = pith_word_table_new ();
  self->stem_starts = g_new (guint32, MAX_WORDS);
  self->stems = g_string_sized_new (4096);
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
  pith_word_table_free (self->words);
  g_free (self->stem_starts);
  g_string_free (self->stems, TRUE);
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
                   const char  *lower,
                   gsize        length,
                   guint32      hash)
{
  guint32 number = PITH_WORD_TABLE_NONE;
  gboolean added = FALSE;
  const char *stem;

  if (length < MAX_WORD_LENGTH)
    number = pith_word_table_size (self->words) < MAX_WORDS ?
             pith_word_table_add (self->words, lower, length, hash, &added) :
             pith_word_table_find (self->words, lower, length, hash);
  if (number != PITH_WORD_TABLE_NONE && !added)
    return self->stem_starts[number] == STOP_WORD ? NULL : self->stems->str + self->stem_starts[number] - 1;

  if (pith_word_list_lookup (self->stopwords, lower, length, NULL))
    stem = NULL;
  else
    {
      stem = self->snowball != NULL ?
             (const char *) sb_stemmer_stem (self->snowball, (const sb_symbol *) lower, (int) length) : lower;
      if (stem == NULL)
        stem = lower;
    }
  if (number == PITH_WORD_TABLE_NONE)
    return stem;

  if (stem == NULL)
    {
      self->stem_starts[number] = STOP_WORD;
      return NULL;
    }
  /* A stem is no longer than its word: the stems stay under
   * MAX_WORDS × MAX_WORD_LENGTH bytes. */
  self->stem_starts[number] = 1 + (guint32) self->stems->len;
  g_string_append_len (self->stems, stem, (gssize) strlen (stem) + 1);
  return self->stems->str + self->stem_starts[number] - 1;
}

void
pith_stemmer_forget (PithStemmer *self)
{
  if (pith_word_table_size (self->words) < MAX_WORDS)
    return;
  pith_word_table_clear (self->words);
  g_string_truncate (self->stems, 0);
}
