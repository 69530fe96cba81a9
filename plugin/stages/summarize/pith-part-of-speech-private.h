/* pith-part-of-speech-private.h: a word's part of speech, guessed from
 * the words around it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The classes the guesser tells apart, in the model file's order. */
typedef enum
{
  PITH_PART_OF_SPEECH_NOUN,
  PITH_PART_OF_SPEECH_VERB,
  PITH_PART_OF_SPEECH_ADJECTIVE,
  PITH_PART_OF_SPEECH_ADVERB,
  PITH_PART_OF_SPEECH_OTHER,
  PITH_PART_OF_SPEECH_N_CLASSES
} PithPartOfSpeech;

/* A word and the two on each side, as the guesser reads them: the word
 * is at PITH_PART_OF_SPEECH_CENTRE; a NULL word is past the sentence's
 * start (before the centre) or end (after it). */
#define PITH_PART_OF_SPEECH_WINDOW 5
#define PITH_PART_OF_SPEECH_CENTRE 2

typedef struct
{
  const char *words[PITH_PART_OF_SPEECH_WINDOW];
  gsize lengths[PITH_PART_OF_SPEECH_WINDOW];
} PithPartOfSpeechWindow;

typedef struct _PithPartOfSpeechModel PithPartOfSpeechModel;

const PithPartOfSpeechModel *pith_part_of_speech_model_get (const char *language);
PithPartOfSpeechModel       *pith_part_of_speech_model_new_from_bytes (GBytes  *bytes,
                                                                       GError **error);
void                         pith_part_of_speech_model_free (PithPartOfSpeechModel *self);
void                         pith_part_of_speech_score (const PithPartOfSpeechModel  *self,
                                                        const PithPartOfSpeechWindow *window,
                                                        gint64                       *scores);
PithPartOfSpeech             pith_part_of_speech_best  (const gint64                 *scores);
PithPartOfSpeech             pith_part_of_speech_guess (const PithPartOfSpeechModel  *self,
                                                        const PithPartOfSpeechWindow *window);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithPartOfSpeechModel, pith_part_of_speech_model_free)

G_END_DECLS
