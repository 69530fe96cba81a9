/* pith-word-classes.c: what part of speech an English word can be
 *
 * Key phrases are noun phrases: "Swansea tweeted" and "describe Gomis" are
 * none. WordNet's lemmas give what a word can be
 * (lexicon/parts-of-speech-en.txt, tools/build-parts-of-speech); a word
 * it lacks is tried as a regular inflection of one it has: "-s" of a noun
 * is a plural, of a verb a form of the verb, as are "-ed" and "-ing"; an
 * "-ly" of an adjective is an adverb.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-word-classes-private.h"
#include "pith-word-list-private.h"

#define LEXICON "lexicon/parts-of-speech-en.txt"

static guint
classes_of_kind (const char *kind)
{
  guint classes = 0;

  for (const char *k = kind; k != NULL && *k != '\0'; k++)
    switch (*k)
      {
      case 'n': classes |= PITH_WORD_NOUN; break;
      case 'v': classes |= PITH_WORD_VERB; break;
      case 'a': classes |= PITH_WORD_ADJECTIVE; break;
      case 'r': classes |= PITH_WORD_ADVERB; break;
      case 'V': classes |= PITH_WORD_VERB_FORM; break;
      case 'D': classes |= PITH_WORD_MOSTLY_VERB; break;
      case 'x': classes |= PITH_WORD_FUNCTION; break;
      default: break;
      }
  return classes;
}

/* The classes of the lemma @stem followed by @ending ("" or "e"), or 0. */
static guint
lemma_classes (const PithWordList *lexicon,
               const char         *word,
               gsize               stem_length,
               const char         *ending)
{
  char lemma[PITH_WORD_LIST_MAX_WORD];
  gsize ending_length = strlen (ending);
  const char *kind = NULL;

  if (stem_length < 2 || stem_length + ending_length >= sizeof lemma)
    return 0;
  memcpy (lemma, word, stem_length);
  memcpy (lemma + stem_length, ending, ending_length);
  if (!pith_word_list_lookup (lexicon, lemma, stem_length + ending_length, &kind))
    return 0;
  return classes_of_kind (kind);
}

/* A verb's form with @suffix stripped: "walked", "raced", "stopped",
 * "carried"; whether the lemma is a verb. */
static guint
verb_stem (const PithWordList *lexicon,
           const char         *word,
           gsize               length,
           gsize               suffix)
{
  gsize stem = length - suffix;
  guint classes;

  if (length <= suffix + 1)
    return 0;
  classes = lemma_classes (lexicon, word, stem, "");
  if (!(classes & PITH_WORD_VERB))
    classes = lemma_classes (lexicon, word, stem, "e");
  /* A doubled consonant: stopped, running. */
  if (!(classes & PITH_WORD_VERB) && stem >= 3 && word[stem - 1] == word[stem - 2])
    classes = lemma_classes (lexicon, word, stem - 1, "");
  /* The form of a verb, as mostly a verb as its lemma. */
  return (classes & PITH_WORD_VERB) ? PITH_WORD_VERB_FORM | (classes & PITH_WORD_MOSTLY_VERB) : 0;
}

const PithWordList *
pith_word_classes_lexicon (void)
{
  return pith_word_list_get (LEXICON);
}

guint
pith_word_classes (const PithWordList *lexicon,
                   const char         *word,
                   gsize               length)
{
  const char *kind = NULL;
  guint classes = 0;

  if (lexicon == NULL || length == 0 || length >= PITH_WORD_LIST_MAX_WORD)
    return 0;
  if (pith_word_list_lookup (lexicon, word, length, &kind))
    return classes_of_kind (kind);

  if (g_str_has_suffix (word, "ies") && length > 4)
    {
      guint lemma = lemma_classes (lexicon, word, length - 3, "y");

      classes |= (lemma & PITH_WORD_NOUN) ? PITH_WORD_NOUN : 0;
      classes |= (lemma & PITH_WORD_VERB) ? PITH_WORD_VERB_FORM : 0;
    }
  else if (word[length - 1] == 's' && length > 3 && word[length - 2] != 's')
    {
      guint lemma = lemma_classes (lexicon, word, length - 1, "");

      if (word[length - 2] == 'e')
        lemma |= lemma_classes (lexicon, word, length - 2, "");
      /* A plural where the lemma is a noun too ("strikes", "talks"). */
      classes |= (lemma & PITH_WORD_NOUN) ? PITH_WORD_NOUN : 0;
      classes |= (lemma & PITH_WORD_VERB) && !(lemma & PITH_WORD_NOUN) ? PITH_WORD_VERB_FORM : 0;
    }
  else if (g_str_has_suffix (word, "ied") && length > 4)
    classes |= (lemma_classes (lexicon, word, length - 3, "y") & PITH_WORD_VERB) ? PITH_WORD_VERB_FORM : 0;
  else if (g_str_has_suffix (word, "ed"))
    classes |= verb_stem (lexicon, word, length, 2);
  else if (g_str_has_suffix (word, "ing"))
    classes |= verb_stem (lexicon, word, length, 3);
  else if (g_str_has_suffix (word, "ly") && length > 4)
    classes |= (lemma_classes (lexicon, word, length - 2, "") & PITH_WORD_ADJECTIVE) ? PITH_WORD_ADVERB : 0;
  return classes;
}

PithVerbInflection
pith_word_verb_inflection (const PithWordList *lexicon,
                           const char         *word,
                           gsize               length)
{
  if (lexicon == NULL || length < 4 || length >= PITH_WORD_LIST_MAX_WORD)
    return PITH_VERB_INFLECTION_NONE;
  if (g_str_has_suffix (word, "ied"))
    return (lemma_classes (lexicon, word, length - 3, "y") & PITH_WORD_VERB) ? PITH_VERB_INFLECTION_ED
                                                                             : PITH_VERB_INFLECTION_NONE;
  if (g_str_has_suffix (word, "ed"))
    return verb_stem (lexicon, word, length, 2) != 0 ? PITH_VERB_INFLECTION_ED : PITH_VERB_INFLECTION_NONE;
  if (g_str_has_suffix (word, "ing"))
    return verb_stem (lexicon, word, length, 3) != 0 ? PITH_VERB_INFLECTION_ING : PITH_VERB_INFLECTION_NONE;
  if (g_str_has_suffix (word, "ies"))
    return (lemma_classes (lexicon, word, length - 3, "y") & PITH_WORD_VERB) ? PITH_VERB_INFLECTION_S
                                                                             : PITH_VERB_INFLECTION_NONE;
  if (word[length - 1] == 's' && word[length - 2] != 's' &&
      ((lemma_classes (lexicon, word, length - 1, "") & PITH_WORD_VERB) ||
       (word[length - 2] == 'e' && (lemma_classes (lexicon, word, length - 2, "") & PITH_WORD_VERB))))
    return PITH_VERB_INFLECTION_S;
  return PITH_VERB_INFLECTION_NONE;
}
