/* pith-word-classes-private.h: what part of speech an English word can be
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-word-list-private.h"

G_BEGIN_DECLS

typedef enum {
  PITH_WORD_NOUN = 1 << 0,
  PITH_WORD_VERB = 1 << 1,          /* the lemma: "visit", "describe" */
  PITH_WORD_ADJECTIVE = 1 << 2,
  PITH_WORD_ADVERB = 1 << 3,
  PITH_WORD_VERB_FORM = 1 << 4,     /* inflected: "visited", "spent", "describes" */
  PITH_WORD_MOSTLY_VERB = 1 << 5,   /* used mostly as a verb: "get", "let", "felt" */
  PITH_WORD_FUNCTION = 1 << 6,      /* a preposition or conjunction: "unless", "like" */
} PithWordClass;

/* What the lowercase English word @word (nul-terminated, @length bytes)
 * can be, as PithWordClass flags; 0 for a word neither WordNet nor its
 * regular inflections know (a name, a new word). */
guint pith_word_classes (const PithWordList *lexicon,
                         const char         *word,
                         gsize               length);

/* Which regular inflection of a verb the lowercase word @word is: "-s"
 * ("wears", "carries"), "-ed" ("curated", "aged", "stopped") or "-ing"
 * ("wearing"), whatever else it may be too (a plural, an adjective), or
 * none. */
typedef enum {
  PITH_VERB_INFLECTION_NONE,
  PITH_VERB_INFLECTION_S,
  PITH_VERB_INFLECTION_ED,
  PITH_VERB_INFLECTION_ING,
} PithVerbInflection;

PithVerbInflection pith_word_verb_inflection (const PithWordList *lexicon,
                                              const char         *word,
                                              gsize               length);

/* The lexicon pith_word_classes() reads, loaded once; NULL if missing. */
const PithWordList *pith_word_classes_lexicon (void);

G_END_DECLS
