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

/* Where a token starts in its block: as malloc() aligns a block. */
#define TOKEN_ALIGNMENT 16

/* The sizes of blocks kept when their words are forgotten, those of words
 * up to 20 bytes (nearly all), and how many of each at most: enough for
 * the new words of the sentences between two trims, few enough that a
 * long document's peak memory stays within its budget (256 of each cost
 * 0.8 MB of the 5 MB news document's). */
#define N_SPARE_SIZES 4
#define MAX_SPARE_BLOCKS 32

/* Tokens by their word's hash, open addressing. A token taken out leaves
 * a tombstone (its hash, no token), which probes pass; the table is built
 * again, without them, when half its slots are used. */
typedef struct
{
  guint64 hash;             /* 0 with no token: never used */
  PithNerToken *token;      /* NULL with a hash: taken out */
} Slot;

struct _PithNerVocabulary
{
  Slot *slots;
  gsize capacity;           /* a power of two */
  gsize used;               /* slots with a hash, tombstones included */
  gsize n_tokens;

  /* Which words to forget: a clock (second chance) over max_words places.
   * A word looked up again since the hand last passed it is kept one more
   * turn; the hand takes the first that was not. With as many words at
   * most, it leaves fewer to prepare again than the young and old halves
   * it replaced (docs/architecture.md has the figures). Words new since
   * the last trim wait in pending: a sentence's tokens must outlive it.
   * Whether a word on the clock was looked up again is a byte of
   * looked_up, in its place: the hand reads those (8 KB), not the tokens,
   * which are megabytes, a cache miss each. */
  PithNerToken **clock;
  guint8 *looked_up;
  guint n_clock;
  guint hand;
  GPtrArray *pending;
  guint max_words;
  PithNerToken markers[2];  /* sentence start and end */

  /* The blocks of forgotten words, kept for new words of the same size
   * instead of freed and allocated again: by size, each block's first
   * bytes pointing to the next. */
  gpointer spare[N_SPARE_SIZES];
  guint n_spare[N_SPARE_SIZES];
};

/* Words waiting to be forgotten, at most: max_words / TRIM_SLACK_SHARE
 * (128 of 8,192). */
#define TRIM_SLACK_SHARE 64

/* The room a word of @length bytes and its two forms take before its
 * token in a block. */
static gsize
forms_size (gsize length)
{
  return (3 * (length + 1) + TOKEN_ALIGNMENT - 1) & ~((gsize) TOKEN_ALIGNMENT - 1);
}

/* Which spare blocks a word's block is among, or N_SPARE_SIZES for none. */
static guint
spare_size (gsize length)
{
  return MIN ((guint) (forms_size (length) / TOKEN_ALIGNMENT) - 1, N_SPARE_SIZES);
}

/* A token's block opens with its word (pith_ner_vocabulary_lookup()). */
static void
token_free (PithNerToken *token)
{
  char *block = (char *) token->word;

  pith_ner_token_clear (token);
  g_free (block);
}

/* 0 marks a slot never used; a word that hashes to it is stored as 1. */
static guint64
stored_hash (guint64 hash)
{
  return hash != 0 ? hash : 1;
}

static gboolean
is_word (const PithNerToken *token,
         const char         *word,
         gsize               length)
{
  return memcmp (token->word, word, length) == 0 && token->word[length] == '\0';
}

/* Where @hash starts probing. FNV-1a's high bits are its well mixed ones. */
static inline gsize
home (const PithNerVocabulary *self,
      guint64                  hash)
{
  return (gsize) (hash ^ (hash >> 32)) & (self->capacity - 1);
}

/* The slot holding @word, or else the empty slot where it would go. */
static Slot *
find (const PithNerVocabulary *self,
      guint64                  hash,
      const char              *word,
      gsize                    length)
{
  gsize mask = self->capacity - 1;
  gsize i = home (self, hash);

  for (;; i = (i + 1) & mask)
    {
      Slot *slot = &self->slots[i];

      if (slot->hash == 0)
        return slot;
      if (slot->hash == hash && slot->token != NULL && is_word (slot->token, word, length))
        return slot;
    }
}

static void add (PithNerVocabulary *self,
                 guint64            hash,
                 PithNerToken      *token);

/* Builds the table again for the tokens it holds, a quarter full at most:
 * tombstones stay behind, so words coming and going never fill it. */
static void
rebuild (PithNerVocabulary *self)
{
  Slot *old = self->slots;
  gsize old_capacity = self->capacity;

  self->capacity = 64;
  while ((self->n_tokens + 1) * 4 > self->capacity)
    self->capacity *= 2;
  self->slots = g_new0 (Slot, self->capacity);
  self->used = self->n_tokens = 0;
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i].token != NULL)
      add (self, old[i].hash, old[i].token);
  g_free (old);
}

static void
add (PithNerVocabulary *self,
     guint64            hash,
     PithNerToken      *token)
{
  Slot *slot;

  /* At most half the slots used, so probes stay short. */
  if ((self->used + 1) * 2 > self->capacity)
    rebuild (self);
  slot = find (self, hash, token->word, strlen (token->word));
  slot->hash = hash;
  slot->token = token;
  self->used++;
  self->n_tokens++;
}

static void
forget (PithNerVocabulary *self,
        PithNerToken      *token)
{
  gsize length = strlen (token->word);
  Slot *slot = find (self, stored_hash (token->word_hash), token->word, length);
  guint size = spare_size (length);
  gpointer *block = (gpointer *) (gpointer) token->word;

  g_assert (slot->token == token);
  slot->token = NULL;
  self->n_tokens--;
  if (size == N_SPARE_SIZES || self->n_spare[size] >= MAX_SPARE_BLOCKS)
    {
      token_free (token);
      return;
    }
  pith_ner_token_clear (token);
  *block = self->spare[size];
  self->spare[size] = block;
  self->n_spare[size]++;
}

PithNerVocabulary *
pith_ner_vocabulary_new (guint max_words)
{
  PithNerVocabulary *self = g_new0 (PithNerVocabulary, 1);

  self->capacity = 64;
  self->slots = g_new0 (Slot, self->capacity);
  self->pending = g_ptr_array_new ();
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
  for (gsize i = 0; i < self->capacity; i++)
    if (self->slots[i].token != NULL)
      token_free (self->slots[i].token);
  g_free (self->slots);
  g_free (self->clock);
  g_free (self->looked_up);
  g_ptr_array_unref (self->pending);
  pith_ner_token_clear (&self->markers[0]);
  pith_ner_token_clear (&self->markers[1]);
  for (guint size = 0; size < N_SPARE_SIZES; size++)
    while (self->spare[size] != NULL)
      {
        gpointer *block = self->spare[size];

        self->spare[size] = *block;
        g_free (block);
      }
  g_free (self);
}

/* The token of @word in @slot, found for its @hash, or a new one. */
static PithNerToken *
lookup_in (PithNerVocabulary *self,
           Slot              *slot,
           guint64            hash,
           const char        *word,
           gsize              length)
{
  PithNerToken *token;
  gsize room = forms_size (length);
  guint size = spare_size (length);
  char *copy;

  if (slot->token != NULL)
    {
      token = slot->token;
      if (token->clock_place != G_MAXUINT)
        self->looked_up[token->clock_place] = TRUE;
      else
        token->looked_up = TRUE;
      return token;
    }

  /* The word, its forms and the token in one block, the word first: a
   * look-up compares the word and marks the token, next to each other
   * in memory, where the word after the token (hundreds of bytes of
   * weights) was a cache line of its own to miss. */
  if (size < N_SPARE_SIZES && self->spare[size] != NULL)
    {
      copy = self->spare[size];
      self->spare[size] = *(gpointer *) self->spare[size];
      self->n_spare[size]--;
    }
  else
    copy = g_malloc (room + sizeof (PithNerToken));
  token = (PithNerToken *) (gpointer) (copy + room);
  memcpy (copy, word, length);
  copy[length] = '\0';
  pith_ner_token_init_forms (token, copy, copy + length + 1);
  token->clock_place = G_MAXUINT;
  add (self, hash, token);
  if (self->max_words > 0)
    g_ptr_array_add (self->pending, token);
  return token;
}

PithNerToken *
pith_ner_vocabulary_lookup (PithNerVocabulary *self,
                            const char        *word,
                            gsize              length)
{
  guint64 hash = stored_hash (pith_ner_word_hash (word, length));

  return lookup_in (self, find (self, hash, word, length), hash, word, length);
}

/* Words looked up together, at most: a sentence's, in pieces. */
#define LOOKUPS_AT_ONCE 32

void
pith_ner_vocabulary_lookup_all (PithNerVocabulary  *self,
                                const char * const *words,
                                const gsize        *lengths,
                                guint               n_words,
                                PithNerToken      **tokens)
{
  for (guint first = 0; first < n_words; first += LOOKUPS_AT_ONCE)
    {
      guint n = MIN (LOOKUPS_AT_ONCE, n_words - first);
      guint64 hashes[LOOKUPS_AT_ONCE];
      gsize sizes[LOOKUPS_AT_ONCE];

      /* A look-up waits on memory twice, for its slot and then for its
       * token's word, and a sentence's words are in neither cache as
       * often as not. Asked for all the words' slots first, then for
       * the tokens in them, the memory answers the words together
       * instead of one after the other. */
      for (guint i = 0; i < n; i++)
        {
          sizes[i] = lengths != NULL ? lengths[first + i] : strlen (words[first + i]);
          hashes[i] = stored_hash (pith_ner_word_hash (words[first + i], sizes[i]));
          __builtin_prefetch (&self->slots[home (self, hashes[i])]);
        }
      for (guint i = 0; i < n; i++)
        {
          const Slot *slot = &self->slots[home (self, hashes[i])];

          if (slot->token != NULL)
            __builtin_prefetch (slot->token->word);
        }
      for (guint i = 0; i < n; i++)
        tokens[first + i] = lookup_in (self, find (self, hashes[i], words[first + i], sizes[i]), hashes[i],
                                       words[first + i], sizes[i]);
    }
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
  return (guint) self->n_tokens;
}

/* Puts @token on the clock, in the place of the first word the hand finds
 * not looked up since it last passed; returns that word, to forget, or
 * %NULL while the clock has room. */
static PithNerToken *
wind (PithNerVocabulary *self,
      PithNerToken      *token)
{
  PithNerToken *old = NULL;
  guint place;

  if (self->n_clock < self->max_words)
    place = self->n_clock++;
  else
    {
      for (; self->looked_up[self->hand]; self->hand = (self->hand + 1) % self->max_words)
        self->looked_up[self->hand] = FALSE;
      place = self->hand;
      old = self->clock[place];
      self->hand = (self->hand + 1) % self->max_words;
    }
  self->clock[place] = token;
  self->looked_up[place] = (guint8) token->looked_up;
  token->clock_place = place;
  return old;
}

/* Winds all the pending words on the clock and forgets those they
 * replace. A word to forget is read twice from memory, its token and
 * then its slot; the hand's choice needs neither, so all the words to
 * forget are chosen first and read together. */
static void
wind_pending (PithNerVocabulary *self)
{
  PithNerToken **tokens = (PithNerToken **) self->pending->pdata;
  guint n_old = 0;

  if (self->clock == NULL)
    {
      self->clock = g_new (PithNerToken *, self->max_words);
      self->looked_up = g_new (guint8, self->max_words);
    }
  /* The words to forget take the pending words' places in the array,
   * which are read before they are written. */
  for (guint i = 0; i < self->pending->len; i++)
    {
      PithNerToken *old = wind (self, tokens[i]);

      if (old != NULL)
        tokens[n_old++] = old;
    }
  for (guint i = 0; i < n_old; i++)
    {
      __builtin_prefetch (&tokens[i]->word);
      __builtin_prefetch (&tokens[i]->word_hash);
    }
  for (guint i = 0; i < n_old; i++)
    {
      __builtin_prefetch (&self->slots[home (self, stored_hash (tokens[i]->word_hash))]);
      __builtin_prefetch (tokens[i]->word);
    }
  for (guint i = 0; i < n_old; i++)
    forget (self, tokens[i]);
  g_ptr_array_set_size (self->pending, 0);
}

void
pith_ner_vocabulary_trim (PithNerVocabulary *self)
{
  if (self->max_words == 0 || self->pending->len == 0)
    return;
  /* While words are to be forgotten, they are forgotten some at a time,
   * so that their reads overlap: a few more words than max_words wait. */
  if (self->n_clock + self->pending->len > self->max_words && self->pending->len <= self->max_words / TRIM_SLACK_SHARE)
    return;
  wind_pending (self);
}

void
pith_ner_vocabulary_forget_old (PithNerVocabulary *self,
                                guint              max_kept)
{
  guint kept = 0;

  if (self->max_words > 0 && self->pending->len > 0)
    wind_pending (self);
  /* Down to @max_kept words: those looked up since the hand passed them
   * first, as many as fit. */
  for (int looked_up = 1; looked_up >= 0; looked_up--)
    for (guint i = 0; i < self->n_clock; i++)
      {
        PithNerToken *token = self->clock[i];

        if (token == NULL || self->looked_up[i] != looked_up)
          continue;
        if (kept < max_kept)
          kept++;
        else
          {
            forget (self, token);
            self->clock[i] = NULL;
          }
      }
  /* The kept ones to the front, in their order. */
  kept = 0;
  for (guint i = 0; i < self->n_clock; i++)
    if (self->clock[i] != NULL)
      {
        self->clock[kept] = self->clock[i];
        self->looked_up[kept] = self->looked_up[i];
        self->clock[kept]->clock_place = kept;
        kept++;
      }
  self->n_clock = kept;
  self->hand = 0;
  rebuild (self);
}
