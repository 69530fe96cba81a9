/* pith-stemmer-private.h: stems of a language's words, remembered
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-word-list-private.h"

G_BEGIN_DECLS

typedef struct _PithStemmer PithStemmer;

/* Snowball stems of @language's words (none when Snowball has no such
 * language: each word is its own stem), with @stopwords (nullable) left
 * out. A stemmer is used by one thread at a time. */
PithStemmer        *pith_stemmer_new       (const char         *language,
                                            const PithWordList *stopwords);
void                pith_stemmer_free      (PithStemmer        *self);
gboolean            pith_stemmer_is_for    (const PithStemmer  *self,
                                            const char         *language,
                                            const PithWordList *stopwords);
/* The stem of @lower, a lowercase word of @length bytes (NUL-terminated)
 * whose pith_word_table_hash() is @hash, valid until the next call; NULL
 * for a stop word. */
const char         *pith_stemmer_stem      (PithStemmer        *self,
                                            const char         *lower,
                                            gsize               length,
                                            guint32             hash);
/* Asks the memory ahead of pith_stemmer_stem() for where the word of
 * @hash is remembered: its slot, or with @with_entry, once its slot was
 * asked for, its entry. A hint: it changes no answer. */
void                pith_stemmer_prefetch  (const PithStemmer  *self,
                                            guint32             hash,
                                            gboolean            with_entry);
/* Between documents: once the stemmer remembers as many words as it may,
 * it starts again, so that the words it remembers are recent ones. */
void                pith_stemmer_forget    (PithStemmer        *self);

G_END_DECLS
