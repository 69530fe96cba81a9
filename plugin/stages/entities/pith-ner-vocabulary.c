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

/* A generation: tokens by their word's hash, open addressing. A token
 * taken out leaves a tombstone (its hash, no token), which probes pass;
 * generations are dropped whole, so tombstones never pile up. */
typedef struct
{
  guint64 hash;             /* 0 with no token: never used */
  PithNerToken *token;      /* NULL with a hash: taken out */
} Slot;

typedef struct
{
  Slot *slots;
  gsize capacity;           /* a power of two */
  gsize used;               /* slots with a hash, tombstones included */
  gsize n_tokens;
} Generation;

struct _PithNerVocabulary
{
  /* Two generations, so the frequent words outlive a trim: a word found
   * in the old one moves to the young one, and what is left in the old
   * one when the young one fills up is forgotten. */
  Generation young;
  Generation old;
  guint max_words;
  PithNerToken markers[2];  /* sentence start and end */
};

static void
token_free (PithNerToken *token)
{
  pith_ner_token_clear (token);
  g_free (token);
}

static void
generation_init (Generation *generation)
{
  generation->capacity = 64;
  generation->slots = g_new0 (Slot, generation->capacity);
  generation->used = generation->n_tokens = 0;
}

static void
generation_clear (Generation *generation)
{
  for (gsize i = 0; i < generation->capacity; i++)
    if (generation->slots[i].token != NULL)
      token_free (generation->slots[i].token);
  g_free (generation->slots);
  generation->slots = NULL;
  generation->capacity = generation->used = generation->n_tokens = 0;
}

/* 0 marks a slot never used; a word that hashes to it is stored as 1. */
static guint64
stored_hash (const char *word,
             gsize       length)
{
  guint64 hash = pith_ner_word_hash (word, length);

  return hash != 0 ? hash : 1;
}

static gboolean
is_word (const PithNerToken *token,
         const char         *word,
         gsize               length)
{
  return memcmp (token->word, word, length) == 0 && token->word[length] == '\0';
}

/* The slot holding @word, or else the empty slot where it would go. FNV-1a's
 * high bits are its well mixed ones. */
static Slot *
generation_find (const Generation *generation,
                 guint64           hash,
                 const char       *word,
                 gsize             length)
{
  gsize mask = generation->capacity - 1;
  gsize i = (gsize) (hash ^ (hash >> 32)) & mask;

  for (;; i = (i + 1) & mask)
    {
      Slot *slot = &generation->slots[i];

      if (slot->hash == 0)
        return slot;
      if (slot->hash == hash && slot->token != NULL && is_word (slot->token, word, length))
        return slot;
    }
}

static void
generation_add (Generation   *generation,
                guint64       hash,
                PithNerToken *token);

static void
generation_grow (Generation *generation)
{
  Generation bigger = { NULL, generation->capacity * 2, 0, 0 };

  /* Grown by the tokens it holds: tombstones stay behind. */
  while (generation->n_tokens * 4 >= bigger.capacity)
    bigger.capacity *= 2;
  bigger.slots = g_new0 (Slot, bigger.capacity);
  for (gsize i = 0; i < generation->capacity; i++)
    if (generation->slots[i].token != NULL)
      generation_add (&bigger, generation->slots[i].hash, generation->slots[i].token);
  g_free (generation->slots);
  *generation = bigger;
}

static void
generation_add (Generation   *generation,
                guint64       hash,
                PithNerToken *token)
{
  Slot *slot;

  /* At most half the slots used, so probes stay short. */
  if ((generation->used + 1) * 2 > generation->capacity)
    generation_grow (generation);
  slot = generation_find (generation, hash, token->word, strlen (token->word));
  slot->hash = hash;
  slot->token = token;
  generation->used++;
  generation->n_tokens++;
}

PithNerVocabulary *
pith_ner_vocabulary_new (guint max_words)
{
  PithNerVocabulary *self = g_new0 (PithNerVocabulary, 1);

  generation_init (&self->young);
  generation_init (&self->old);
  self->max_words = max_words;
  pith_ner_token_init (&self->markers[0], "<s>", NULL);
  pith_ner_token_init (&self->markers[1], "</s>", NULL);
  return self;
}

void
pith_ner_vocabulary_free (PithNerVocabulary *self)
{
  if (self == NULL)
    return;
  generation_clear (&self->young);
  generation_clear (&self->old);
  pith_ner_token_clear (&self->markers[0]);
  pith_ner_token_clear (&self->markers[1]);
  g_free (self);
}

PithNerToken *
pith_ner_vocabulary_lookup (PithNerVocabulary *self,
                            const char        *word,
                            gsize              length)
{
  guint64 hash = stored_hash (word, length);
  Slot *slot = generation_find (&self->young, hash, word, length);
  PithNerToken *token;
  char *copy;

  if (slot->token != NULL)
    return slot->token;
  slot = generation_find (&self->old, hash, word, length);
  if (slot->token != NULL)
    {
      token = slot->token;
      slot->token = NULL;
      self->old.n_tokens--;
      generation_add (&self->young, hash, token);
      return token;
    }

  /* The token, its word and the word's forms in one block. */
  token = g_malloc (sizeof (PithNerToken) + 3 * (length + 1));
  copy = (char *) (token + 1);
  memcpy (copy, word, length);
  copy[length] = '\0';
  pith_ner_token_init (token, copy, copy + length + 1);
  generation_add (&self->young, hash, token);
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
  return (guint) (self->young.n_tokens + self->old.n_tokens);
}

void
pith_ner_vocabulary_trim (PithNerVocabulary *self)
{
  if (self->max_words == 0 || self->young.n_tokens <= self->max_words / 2)
    return;
  generation_clear (&self->old);
  self->old = self->young;
  generation_init (&self->young);
}

void
pith_ner_vocabulary_forget_old (PithNerVocabulary *self)
{
  generation_clear (&self->old);
  generation_init (&self->old);
}
