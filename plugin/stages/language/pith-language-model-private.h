/* pith-language-model-private.h: which language a text is in
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A language model read in place from its bytes (the format is described
 * in tools/build-language-model); read-only once loaded, so one model
 * serves every thread. */
typedef struct _PithLanguageModel PithLanguageModel;

/* How sure a detection must be to give an undeclared document its
 * language: the language stage's default, and what clean asks of the
 * language it reads boilerplate by. */
#define PITH_LANGUAGE_MIN_CONFIDENCE 0.5

typedef struct
{
  const char *language;     /* ISO 639-1 where one exists, else 639-3; NULL when the text has no letters */
  double confidence;        /* 0–1: low for a few words, near 1 for a paragraph */
  guint n_words;            /* the words it was judged on */
} PithLanguageGuess;

PithLanguageModel *pith_language_model_new_from_bytes (GBytes                  *bytes,
                                                       GError                 **error);
/* The built-in model of 79 languages, loaded on first use and shared: it
 * is read-only. */
const PithLanguageModel *pith_language_model_get_default (GError **error);
void               pith_language_model_free           (PithLanguageModel       *self);
/* Whether the model knows @language. */
gboolean           pith_language_model_has_language   (const PithLanguageModel *self,
                                                       const char              *language);
/* Judges the @length bytes of valid UTF-8 at @text; reads at most a few
 * kilobytes, spread over the text, so the cost is bounded. */
void               pith_language_model_detect         (const PithLanguageModel *self,
                                                       const char              *text,
                                                       gsize                    length,
                                                       PithLanguageGuess       *guess);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithLanguageModel, pith_language_model_free)

G_END_DECLS
