/* pith-keyphrases.c: the key phrases of a text
 *
 * A key phrase is a noun phrase of up to three content words ("night-shift
 * pay", "dock workers"), or an entity the entities stage found, under its
 * group's name ("Bafetimbi Gomis", whichever mention names him). In
 * English, words that can only be verbs or their forms ("tweeted",
 * "describe", "visited") and adverbs end a phrase, and a phrase ends in a
 * noun, not an adjective (pith-word-classes.c); other languages keep runs
 * of content words. A phrase's score is the summed document weight
 * (frequency times idf) of its stems over the square root of its length;
 * phrases with the same stems are one ("worker strike", "workers'
 * strikes"), and a phrase inside a better one ("strike" in "dock strike")
 * is left out. Only the best few are kept while reading, so memory does
 * not grow with the document.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pith-document-private.h"
#include "pith-keyphrases-private.h"
#include "pith-layer-private.h"
#include "pith-part-of-speech-private.h"
#include "pith-tsan-private.h"
#include "pith-utf8-private.h"
#include "pith-word-hashes-private.h"
#include "pith-word-classes-private.h"

#define MAX_WORDS 3
/* Candidates kept while reading, for each phrase wanted: room for those
 * that turn out to be inside a better one. */
#define CANDIDATES_PER_PHRASE 3
#define NO_GROUP (-1)
/* A token of a number, date or sum the entities stage found: in no
 * phrase. */
#define NOT_A_WORD (-2)
/* How much surer of a verb than of a noun or an adjective the
 * part-of-speech guesser must be, in its thousandths, to take a word of
 * a phrase for a verb: below it, on the CNN articles, it was wrong about
 * as often as right ("surf schools", "election pledges"). */
#define VERB_MARGIN 1000

typedef struct
{
  guint32 start;            /* bytes of its best or first occurrence */
  guint32 end;
  float score;
  char *key;                /* its stems, one space apart; NULL for an entity */
  guint key_hash;           /* g_str_hash() of key: most keys compared differ */
  int group;                /* the entity group it names, or NO_GROUP */
  guint first_token;        /* of that occurrence */
  guint n_tokens;
  guint kept;               /* its place among the phrases kept + 1; 0 while not kept */
  guint sentence_first;     /* the tokens of that occurrence's sentence */
  guint sentence_end;
} Phrase;

static void
phrase_clear (gpointer data)
{
  g_free (((Phrase *) data)->key);
}

static int
compare_phrases (const Phrase *x,
                 const Phrase *y)
{
  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return (x->start > y->start) - (x->start < y->start);
}

/* Whether the @n tokens from @a and from @b have the same stems: the
 * same phrase, without a key built. */
static gboolean
same_stems (const PithSentenceGraph *graph,
            guint                    a,
            guint                    b,
            guint                    n)
{
  for (guint k = 0; k < n; k++)
    if (pith_sentence_graph_token_term (graph, a + k) != pith_sentence_graph_token_term (graph, b + k))
      return FALSE;
  return TRUE;
}

/* The phrase of @phrases (@n of them) that the @n_tokens tokens from
 * @first, scoring @score, say again, or -1: a repeat scores the same, bit
 * for bit, and has the same stems. */
static int
find_repeat (const PithSentenceGraph *graph,
             const Phrase            *phrases,
             guint                    n,
             guint                    first,
             guint                    n_tokens,
             float                    score)
{
  for (guint i = 0; i < n; i++)
    if (phrases[i].group == NO_GROUP && phrases[i].score == score && phrases[i].n_tokens == n_tokens &&
        same_stems (graph, phrases[i].first_token, first, n_tokens))
      return (int) i;
  return -1;
}

/* Whether @a and @b are one phrase: the same entity group, or the same
 * stems. */
static gboolean
same_phrase (const Phrase *a,
             const Phrase *b)
{
  if (a->group != NO_GROUP || b->group != NO_GROUP)
    return a->group == b->group;
  return a->key_hash == b->key_hash && strcmp (a->key, b->key) == 0;
}

/* Offers @candidate to @best, the top phrases so far in compare_phrases()
 * order, at most @limit of them; takes its key. A phrase already there
 * is a repeat (its score is the same wherever it occurs). */
static void
offer (GArray *best,
       guint   limit,
       Phrase *candidate)
{
  guint at = best->len;

  for (guint i = 0; i < best->len; i++)
    if (same_phrase (&g_array_index (best, Phrase, i), candidate))
      {
        phrase_clear (candidate);
        return;
      }
  while (at > 0 && compare_phrases (candidate, &g_array_index (best, Phrase, at - 1)) < 0)
    at--;
  if (at >= limit)
    {
      phrase_clear (candidate);
      return;
    }
  g_array_insert_val (best, at, *candidate);
  if (best->len > limit)
    g_array_remove_index (best, best->len - 1);
}

/* What the English lexicon says of the words a thread has asked about,
 * kept from one document to the next: news repeats its words, and a
 * look-up in the lexicon (WordNet's words) misses the processor's caches
 * where this table, a few hundred kilobytes, does not. A word's classes
 * and inflection are the lexicon's alone. Forgotten once it holds
 * MAX_CACHED_WORDS words, so a stream of documents never grows it. */
#define MAX_CACHED_WORDS 16384

typedef struct
{
  PithWordHashes classes;   /* PithWordClass flags | KNOWN */
  PithWordHashes inflections; /* PithVerbInflection + 1 */
} WordCache;

static void
word_cache_free (gpointer data)
{
  WordCache *cache = data;

  pith_word_hashes_clear (&cache->classes);
  pith_word_hashes_clear (&cache->inflections);
  g_free (cache);
}

static GPrivate word_cache_key = G_PRIVATE_INIT (word_cache_free);

static WordCache *
thread_word_cache (void)
{
  WordCache *cache = g_private_get (&word_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (WordCache, 1);
      g_private_set (&word_cache_key, cache);
    }
  if (cache->classes.n > MAX_CACHED_WORDS)
    pith_word_hashes_clear (&cache->classes);
  if (cache->inflections.n > MAX_CACHED_WORDS)
    pith_word_hashes_clear (&cache->inflections);
  return cache;
}

/* What reading the document needs. */
typedef struct
{
  const char *text;
  const PithLayer *tokens;
  const PithSentenceGraph *graph;
  const float *weights;     /* by term: the stem's weight in the document */
  const PithWordList *lexicon; /* parts of speech, for English; NULL for other languages */
  PithWordHashes *known;    /* words looked up: PithWordClass flags | KNOWN (WordCache) */
  const PithLayer *entities; /* NULL when the entities stage did not run */
  PithIntegerColumn *groups; /* of the entities: each name's group */
  guint entity;             /* the first entity that may hold the next token read */
  PithWordHashes *inflections; /* words asked about: PithVerbInflection + 1 (WordCache) */
  guint mention_end;        /* the token after the last entity mention read */
  gboolean guess_parts_of_speech; /* English: the guesser is asked (loaded on first use) */
} Reader;

/* The entity group of token @t, NO_GROUP outside any entity and
 * NOT_A_WORD in a number, date or sum; in @mention_end, the token after
 * its mention. Tokens are asked for in text order: the entities are read
 * alongside, so no table by token is needed. */
static int
group_at (Reader *reader,
          guint   t,
          guint  *mention_end)
{
  guint32 start = pith_layer_start (reader->tokens, t);
  guint n_entities;
  gint32 group;

  *mention_end = t + 1;
  if (reader->entities == NULL)
    return NO_GROUP;
  n_entities = pith_layer_get_n_spans (reader->entities);
  while (reader->entity < n_entities && pith_layer_end (reader->entities, reader->entity) <= start)
    reader->entity++;
  if (reader->entity >= n_entities || pith_layer_start (reader->entities, reader->entity) > start)
    return NO_GROUP;
  while (*mention_end < pith_layer_get_n_spans (reader->tokens) &&
         pith_layer_start (reader->tokens, *mention_end) < pith_layer_end (reader->entities, reader->entity))
    (*mention_end)++;
  if (!pith_integer_column_get (reader->groups, reader->entity, &group))
    return NOT_A_WORD;
  return group;
}

/* Whether token @t may be a word of a noun phrase. */
#define KNOWN 0x80

static gboolean
phrase_word (const Reader *reader,
             guint         t,
             guint        *classes)
{
  const char *word = reader->text + pith_layer_start (reader->tokens, t);
  gsize length = pith_layer_length (reader->tokens, t);
  char lower[64];

  *classes = 0;
  if (pith_sentence_graph_token_term (reader->graph, t) < 0 || !pith_utf8_opens_with_letter (word))
    return FALSE;
  if (reader->lexicon == NULL)
    return TRUE;
  /* No word of a phrase is this long (a URL, a blob). */
  if (length >= sizeof lower)
    return FALSE;
  /* A capital inside a sentence starts a name. */
  if (g_ascii_isupper (word[0]) && t > 0 &&
      !pith_utf8_opens_with_punct (reader->text + pith_layer_start (reader->tokens, t - 1)))
    return TRUE;
  /* Each word is asked about again and again: looked up once a document. */
  {
    guint64 hash = pith_word_hash (word, length);
    guint8 known = pith_word_hashes_lookup (reader->known, hash);

    if (known != 0)
      *classes = known & ~KNOWN;
    else
      {
        for (gsize i = 0; i < length; i++)
          lower[i] = pith_ascii_tolower (word[i]);
        lower[length] = '\0';
        *classes = pith_word_classes (reader->lexicon, lower, length);
        pith_word_hashes_insert (reader->known, hash, (guint8) (*classes | KNOWN));
      }
  }
  if (*classes & PITH_WORD_FUNCTION)
    return FALSE;
  /* A verb or its form, or an adverb, that is no noun or adjective. */
  return !((*classes & (PITH_WORD_VERB | PITH_WORD_VERB_FORM | PITH_WORD_ADVERB)) &&
           !(*classes & (PITH_WORD_NOUN | PITH_WORD_ADJECTIVE)));
}

/* Words after which a word is a noun: "the strike", "its win". */
static const char * const determiners[] = {
  "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
  "whose", "every", "each", "any", "some", "no", "another", "such", NULL
};

static gboolean
is_one_of (const Reader       *reader,
           guint               t,
           const char * const *words)
{
  const char *word = reader->text + pith_layer_start (reader->tokens, t);
  gsize length = pith_layer_length (reader->tokens, t);
  char first = word[0] >= 'A' && word[0] <= 'Z' ? (char) (word[0] + ('a' - 'A')) : word[0];

  /* Every token is asked: the first byte rules out nearly every word of
   * a list before any comparison. A shorter word of the list differs
   * from the token at its NUL, so its end is read only once it matched. */
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] == first && g_ascii_strncasecmp (word, words[i], length) == 0 && words[i][length] == '\0')
      return TRUE;
  return FALSE;
}

static gboolean
follows (const Reader       *reader,
         guint               t,
         const char * const *words)
{
  return t > 0 && is_one_of (reader, t - 1, words);
}

/* Words that open the object of a verb, are its particle or bring its
 * agent: "wearing a", "makes no", "wears off", "the pace set by". */
static const char * const object_openers[] = {
  "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
  "no", "some", "any", "every", "each", "another", "such", "all", "both",
  "him", "them", "it", "us", "me", "you", "himself", "herself", "itself", "themselves",
  "off", "out", "up", "down", "away", "back", "by", NULL
};

static const char * const infinitive_marker[] = { "to", NULL };

/* Subjects: a verb's form after one is the verb ("him moving forward"). */
static const char * const pronouns[] = {
  "i", "you", "he", "she", "it", "we", "they", "him", "her", "us", "them", NULL
};

/* Whether token @t is a word that ends in @suffix, and opens with a
 * lowercase letter if @lowercase. */
static gboolean
ends_in (const Reader *reader,
         guint         t,
         const char   *suffix,
         gboolean      lowercase)
{
  const char *word = reader->text + pith_layer_start (reader->tokens, t);
  gsize length = pith_layer_length (reader->tokens, t);
  gsize n = strlen (suffix);

  return length > n + 1 && (!lowercase || g_ascii_islower (word[0])) &&
         memcmp (word + length - n, suffix, n) == 0;
}

/* Forms of "be" and "have", before the verb of a clause: "was granted". */
static const char * const auxiliaries[] = {
  "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", NULL
};

/* Which inflection of a verb token @t is ("wears", "curated", "wearing"):
 * a few lookups of lemmas, asked once a document for each word. */
static PithVerbInflection
verb_inflection (const Reader *reader,
                 guint         t)
{
  const char *word = reader->text + pith_layer_start (reader->tokens, t);
  gsize length = pith_layer_length (reader->tokens, t);
  char lower[64];
  guint64 hash;
  guint8 known;
  PithVerbInflection inflection;

  /* Only these endings are inflections. */
  if (length < 4 || length >= sizeof lower ||
      !(word[length - 1] == 's' || word[length - 1] == 'd' || word[length - 1] == 'g'))
    return PITH_VERB_INFLECTION_NONE;
  hash = pith_word_hash (word, length);
  known = pith_word_hashes_lookup (reader->inflections, hash);
  if (known != 0)
    return (PithVerbInflection) (known - 1);
  for (gsize i = 0; i < length; i++)
    lower[i] = pith_ascii_tolower (word[i]);
  lower[length] = '\0';
  inflection = pith_word_verb_inflection (reader->lexicon, lower, length);
  pith_word_hashes_insert (reader->inflections, hash, (guint8) (inflection + 1));
  return inflection;
}

/* Whether a word comes after token @t, before the sentence's @end. */
static gboolean
word_follows (const Reader *reader,
              guint         t,
              guint         end)
{
  return t + 1 < end && g_unichar_isalnum (g_utf8_get_char (reader->text + pith_layer_start (reader->tokens, t + 1)));
}

/* Plurals that modify nouns as they are ("sales tax", "arms race"). */
static const char * const plural_modifiers[] = {
  "news", "sales", "arms", "sports", "goods", "customs", "savings", "systems", "parts", "means", "series", NULL
};

/* Whether the token before @t is a plural: a word that ends in "s" (not
 * "ss"), and no plural that modifies as it is. */
static gboolean
follows_plural (const Reader *reader,
                guint         t)
{
  return t > 0 && ends_in (reader, t - 1, "s", FALSE) && !ends_in (reader, t - 1, "ss", FALSE) &&
         !is_one_of (reader, t - 1, plural_modifiers);
}

static gboolean phrase_word (const Reader *reader,
                             guint         t,
                             guint        *classes);

/* Whether the token before @t is a noun or a name. */
static gboolean
follows_noun (const Reader *reader,
              guint         t)
{
  guint classes;

  return t > 0 && !follows (reader, t, determiners) && phrase_word (reader, t - 1, &classes) &&
         (classes == 0 || (classes & PITH_WORD_NOUN));
}

/* Whether the token before @t is a name: capitalised inside a sentence,
 * or the end of an entity's mention ("Lisa Green thinks"). */
static gboolean
follows_name (const Reader *reader,
              guint         t)
{
  guint classes;

  if (t == 0 || !g_ascii_isupper (reader->text[pith_layer_start (reader->tokens, t - 1)]))
    return FALSE;
  return reader->mention_end == t || (phrase_word (reader, t - 1, &classes) && classes == 0);
}

/* Whether token @t, of @classes, is a verb that takes the object after
 * it: "model wearing a dress", "report makes it", "women aged 30",
 * "refugees need to". */
static gboolean
takes_object (const Reader *reader,
              guint         t,
              guint         end,
              guint         classes)
{
  const char *next;

  if (t + 1 >= end ||
      !((classes & (PITH_WORD_VERB | PITH_WORD_VERB_FORM)) || verb_inflection (reader, t) != PITH_VERB_INFLECTION_NONE))
    return FALSE;
  next = reader->text + pith_layer_start (reader->tokens, t + 1);
  /* A plural and a verb's lemma before "to" are a subject and its verb:
   * "refugees need to". */
  if ((classes & PITH_WORD_VERB) && is_one_of (reader, t + 1, infinitive_marker) && follows_plural (reader, t))
    return TRUE;
  return g_ascii_isdigit (next[0]) || is_one_of (reader, t + 1, object_openers);
}

/* Words after which a verb's lemma is the verb: "to review", "will end". */
static const char * const verb_markers[] = {
  "to", "will", "would", "can", "could", "should", "shall", "may", "might", "must", "do", "does", "did",
  "not", "n't", "cannot", NULL
};


/* Whether a phrase may end on a word of @classes: a noun, or a word
 * WordNet does not know (a name), not an adjective alone. */
static gboolean
ends_phrase (guint classes)
{
  return classes == 0 || (classes & PITH_WORD_NOUN) || !(classes & PITH_WORD_ADJECTIVE);
}

static char *
key_of (const Reader *reader,
        guint         first,
        guint         n)
{
  GString *key = g_string_new (NULL);

  for (guint k = first; k < first + n; k++)
    {
      int term = pith_sentence_graph_token_term (reader->graph, k);

      if (term < 0)
        continue;
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, pith_sentence_graph_term_text (reader->graph, (guint) term));
    }
  return g_string_free (key, FALSE);
}

static float
score_of (const Reader *reader,
          guint         first,
          guint         n)
{
  float score = 0.0f;
  guint terms = 0;

  for (guint k = first; k < first + n; k++)
    {
      int term = pith_sentence_graph_token_term (reader->graph, k);

      if (term >= 0)
        {
          score += reader->weights[term];
          terms++;
        }
    }
  return terms > 0 ? score / sqrtf ((float) terms) : 0.0f;
}

/* The phrase that starts at token @t of a sentence that ends before
 * @end: its length in tokens (0 if none starts there), and in @next the
 * token to read on from. An entity's mention is one phrase. */
static guint
phrase_at (Reader *reader,
           guint   t,
           guint   end,
           guint  *next,
           int    *group)
{
  guint n = 0;
  guint last_end = 0;
  guint classes;
  gboolean after_noun = FALSE;
  gboolean verb = FALSE;
  guint mention_end;

  *next = t + 1;
  *group = group_at (reader, t, &mention_end);
  if (*group == NOT_A_WORD)
    {
      *group = NO_GROUP;
      return 0;
    }
  if (*group != NO_GROUP)
    {
      *next = MIN (mention_end, end);
      reader->mention_end = *next;
      return *next - t;
    }
  while (t + n < end && n < MAX_WORDS && (n == 0 || group_at (reader, t + n, &mention_end) == NO_GROUP) &&
         phrase_word (reader, t + n, &classes))
    {
      /* Adjectives come before the nouns of a noun phrase: one after a
       * noun is the verb of a clause ("conflict announced", "Gomis
       * spent"). */
      if (after_noun && !(classes & PITH_WORD_NOUN) &&
          (classes & (PITH_WORD_ADJECTIVE | PITH_WORD_VERB_FORM | PITH_WORD_VERB)))
        break;
      /* A phrase does not open on a verb: after "to" or "will", or one
       * used mostly as a verb ("let", "get") without a determiner. */
      if (n == 0 && (classes & PITH_WORD_VERB) && follows (reader, t, verb_markers))
        break;
      if (n == 0 && (classes & PITH_WORD_MOSTLY_VERB) && !follows (reader, t, determiners))
        break;
      /* Nor on a past tense that is no adjective: "who fell victim". */
      if (n == 0 && (classes & PITH_WORD_VERB_FORM) && !(classes & PITH_WORD_ADJECTIVE) &&
          !follows (reader, t, determiners))
        {
          verb = TRUE;
          break;
        }
      /* Inside one, a word mostly a verb is the clause's verb
       * ("frustration get", "tweets make"), as is a verb with its object
       * and a past participle ("information curated"). */
      if (after_noun && ((classes & PITH_WORD_MOSTLY_VERB) || takes_object (reader, t + n, end, classes) ||
                         verb_inflection (reader, t + n) == PITH_VERB_INFLECTION_ED))
        {
          verb = TRUE;
          break;
        }
      /* A word WordNet lacks that ends in "-ed" is a new verb's
       * ("information curated", "Swansea tweeted"), as is a verb's lemma
       * after a plural ("teens drink", "buildings range"), a past tense
       * with words after it ("fishermen spat at", where "a mug shot."
       * ends a compound); an "-ing" or a past tense after a plural is its
       * subject's verb ("warplanes fighting", "players spat"), where after
       * a singular it may be a compound's ("police shooting"). */
      if (after_noun && ((classes == 0 && ends_in (reader, t + n, "ed", TRUE)) ||
                         ((classes & PITH_WORD_VERB) && verb_inflection (reader, t + n) == PITH_VERB_INFLECTION_NONE &&
                          follows_plural (reader, t + n)) ||
                         ((classes & PITH_WORD_VERB_FORM) && word_follows (reader, t + n, end)) ||
                         (((classes & PITH_WORD_VERB_FORM) || (classes == 0 && ends_in (reader, t + n, "ing", TRUE)) ||
                           verb_inflection (reader, t + n) == PITH_VERB_INFLECTION_ING) &&
                          follows_plural (reader, t + n))))
        {
          verb = TRUE;
          break;
        }
      /* After "was", "has" or a pronoun, a verb's form is the verb: "was
       * granted bail", "were found", "him moving forward"; after a noun
       * or a name, a past tense is ("Valmora granted bail"), and after a
       * name an "-s" ("Lisa Green thinks"). */
      if (n == 0 && ((classes & PITH_WORD_VERB_FORM) || verb_inflection (reader, t) != PITH_VERB_INFLECTION_NONE) &&
          (follows (reader, t, auxiliaries) || follows (reader, t, pronouns) ||
           (follows_noun (reader, t) && ((classes & PITH_WORD_VERB_FORM) ||
                                         verb_inflection (reader, t) == PITH_VERB_INFLECTION_ED)) ||
           (verb_inflection (reader, t) == PITH_VERB_INFLECTION_S && follows_name (reader, t))))
        {
          verb = TRUE;
          break;
        }
      n++;
      if (ends_phrase (classes))
        {
          last_end = n;
          after_noun = TRUE;
        }
    }
  /* Reading goes on after the verb: "fighting rebels" is no phrase. */
  *next = t + MAX (n, 1) + (verb && n > 0 ? 1 : 0);
  return last_end;
}

/* Reads the entities alongside the tokens, if the entities stage ran. */
static void
read_entities (Reader       *reader,
               PithDocument *document)
{
  const PithLayer *entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);

  if (entities == NULL || pith_layer_get_n_spans (entities) == 0)
    return;
  reader->groups = pith_layer_find_integer_column ((PithLayer *) entities, g_quark_from_static_string ("entity"),
                                                   FALSE);
  if (reader->groups != NULL)
    reader->entities = entities;
}

/* The text a phrase is shown by: its entity group's name, or its best
 * occurrence. */
static char *
phrase_text (const Phrase *phrase,
             const char   *text,
             PithDocument *document)
{
  if (phrase->group != NO_GROUP)
    {
      const char *name = pith_document_get_report_row_string (document, "entity_groups", (guint) phrase->group, "name");

      if (name != NULL)
        return g_strdup (name);
    }
  return g_strndup (text + phrase->start, phrase->end - phrase->start);
}

/* Whether the entities stage left its groups. */
static gboolean
has_entity_groups (PithDocument *document)
{
  guint n_groups;

  return pith_document_get_report_n_rows (document, "entity_groups", &n_groups);
}

/* A score's bits, a key of a table: a phrase scores the same, bit for bit,
 * wherever it occurs, so the second pass compares stems only for an
 * occurrence that scores as a kept phrase. */
static guint
score_bits (float score)
{
  guint32 bits;

  memcpy (&bits, &score, sizeof bits);
  return bits;
}

/* A phrase as the first pass read it, for the second: reading the
 * document's words again cost as much as the first pass. */
typedef struct
{
  guint32 first_token;
  guint32 n_tokens;
  gint32 group;
  float score;
} Occurrence;

/* The first pass: the best candidates, in @best, and every phrase read,
 * in @occurrences. */
typedef struct
{
  GArray *best;             /* of Phrase, best first */
  guint limit;
  GArray *occurrences;      /* of Occurrence, in text order */
} Candidates;

static void
offer_candidate (Reader     *reader,
                 guint       t,
                 guint       n,
                 int         group,
                 guint       sentence_first,
                 guint       sentence_end,
                 Candidates *candidates)
{
  GArray *best = candidates->best;
  Phrase candidate = { pith_layer_start (reader->tokens, t), pith_layer_end (reader->tokens, t + n - 1),
                       score_of (reader, t, n), NULL, 0, group, t, n, 0,
                       sentence_first, sentence_end };
  Occurrence occurrence = { t, n, group, candidate.score };

  /* The last of a full list only ever rises: a phrase scoring below it
   * now is never kept, and the second pass needs none of its
   * occurrences (an entity is kept by its best mention: all of its). */
  if (group != NO_GROUP || best->len < candidates->limit ||
      candidate.score >= g_array_index (best, Phrase, best->len - 1).score)
    g_array_append_val (candidates->occurrences, occurrence);
  if (candidate.score <= 0.0f)
    return;
  /* A phrase met again is no new candidate ("word word word…"). */
  if (group == NO_GROUP &&
      find_repeat (reader->graph, (const Phrase *) (gpointer) best->data, best->len, t, n, candidate.score) >= 0)
    return;
  /* Most phrases rank below a full list: no key is built for them. */
  if (best->len == candidates->limit &&
      compare_phrases (&candidate, &g_array_index (best, Phrase, best->len - 1)) >= 0)
    return;
  if (group == NO_GROUP)
    {
      candidate.key = key_of (reader, t, n);
      candidate.key_hash = g_str_hash (candidate.key);
    }
  /* An entity scores as its best mention. */
  if (group != NO_GROUP)
    for (guint i = 0; i < best->len; i++)
      if (g_array_index (best, Phrase, i).group == group && g_array_index (best, Phrase, i).score < candidate.score)
        {
          g_array_remove_index (best, i);
          break;
        }
  offer (best, candidates->limit, &candidate);
}

/* The first pass: reads the document's phrases in text order, offering
 * each. */
static void
read_phrases (Reader     *reader,
              Candidates *candidates)
{
  const PithSentenceGraph *graph = reader->graph;

  for (guint s = 0; s < graph->n_sentences; s++)
    {
      const PithSentenceVector *sentence = &graph->sentences[s];
      guint end = MIN (sentence->first_token + sentence->n_tokens, graph->n_tokens);
      guint next;

      for (guint t = sentence->first_token; t < end; t = next)
        {
          int group;
          guint n = phrase_at (reader, t, end, &next, &group);

          if (n > 0)
            offer_candidate (reader, t, n, group, sentence->first_token, end, candidates);
        }
    }
}

/* The second pass: every mention of a kept phrase, in the layer. */
typedef struct
{
  PithDocument *document;
  GArray *best;
  GHashTable *kept_scores;  /* score_bits() of the kept phrases */
  GHashTable *kept_groups;  /* entity group + 1 -> the kept phrase's place + 1 */
  PithIntegerColumn *column;
  guint *mentions;          /* by kept phrase */
} Mentions;

static void
add_mention (Reader           *reader,
             const Occurrence *occurrence,
             Mentions         *mentions)
{
  guint t = occurrence->first_token;
  guint n = occurrence->n_tokens;
  float score = occurrence->score;
  guint kept = 0;
  guint span;

  if (occurrence->group != NO_GROUP)
    kept = GPOINTER_TO_UINT (g_hash_table_lookup (mentions->kept_groups, GINT_TO_POINTER (occurrence->group + 1)));
  else
    {
      int repeat;

      if (!g_hash_table_contains (mentions->kept_scores, GUINT_TO_POINTER (score_bits (score))))
        return;
      repeat = find_repeat (reader->graph, (const Phrase *) (gpointer) mentions->best->data, mentions->best->len,
                            t, n, score);
      kept = repeat >= 0 ? g_array_index (mentions->best, Phrase, repeat).kept : 0;
    }
  if (kept == 0)
    return;
  span = pith_document_add_span_bytes (mentions->document, PITH_LAYER_KEYPHRASE, pith_layer_start (reader->tokens, t),
                                       pith_layer_end (reader->tokens, t + n - 1),
                                       g_quark_from_static_string ("KEYPHRASE"), 0.0);
  if (mentions->column == NULL)
    mentions->column = pith_layer_find_integer_column (
      (PithLayer *) pith_document_peek_layer (mentions->document, PITH_LAYER_KEYPHRASE),
      g_quark_from_static_string ("keyphrase"), TRUE);
  pith_integer_column_set (mentions->column, span, (gint32) kept - 1);
  mentions->mentions[kept - 1]++;
}

/* Whether token @t is a word a verb or an adverb may be: one the lexicon
 * gives as such, an inflection of a verb's, or an unknown word's "-ing"
 * or "-ed". A name inside a sentence is none. */
static gboolean
may_be_verb (const Reader *reader,
             guint         t,
             guint         sentence_first)
{
  guint classes;

  if (t > sentence_first && g_ascii_isupper (reader->text[pith_layer_start (reader->tokens, t)]))
    return FALSE;
  if (!phrase_word (reader, t, &classes))
    return FALSE;
  return (classes & (PITH_WORD_VERB | PITH_WORD_VERB_FORM | PITH_WORD_ADVERB)) ||
         verb_inflection (reader, t) != PITH_VERB_INFLECTION_NONE ||
         (classes == 0 && (ends_in (reader, t, "ing", TRUE) || ends_in (reader, t, "ed", TRUE)));
}

/* Whether token @t is a verb's "-ing" or "-ed" form, or an irregular
 * one ("broken"). */
static gboolean
is_participle (const Reader *reader,
               guint         t)
{
  PithVerbInflection inflection = verb_inflection (reader, t);
  guint classes;

  return inflection == PITH_VERB_INFLECTION_ED || inflection == PITH_VERB_INFLECTION_ING ||
         (phrase_word (reader, t, &classes) && (classes & PITH_WORD_VERB_FORM));
}

/* Whether a modifier may stand at token @t, the first of @phrase: at the
 * sentence's start ("Elected officials said"), or after a function word
 * ("with organized labour", "sent and received emails"), a possessive
 * ("this year's anticipated films") or an adverb in "-ly"
 * ("democratically elected"). After a comma or a subject, an "-ed" is
 * more often the clause's verb ("the program, completed assessments"). */
static gboolean
opens_modifier (const Reader *reader,
                const Phrase *phrase,
                guint         t)
{
  const char *previous;

  if (t == phrase->sentence_first)
    return TRUE;
  previous = reader->text + pith_layer_start (reader->tokens, t - 1);
  if (pith_layer_length (reader->tokens, t - 1) == 2 && previous[0] == '\'' && previous[1] == 's')
    return TRUE;
  /* Stop words have no term. */
  return g_ascii_isalpha (previous[0]) &&
         (pith_sentence_graph_token_term (reader->graph, t - 1) < 0 || ends_in (reader, t - 1, "ly", TRUE));
}

/* Whether token @t of @phrase is taken for a noun or a modifier where it
 * stands, whatever the guesser says: an "-s" after a plural (a verb after
 * a plural subject takes none: "human rights abuses"), an "-ing" after an
 * adjective ("drunken driving"), a capitalised word before another (a
 * name that opens a sentence: "Twisted Sister guitarist"), and a
 * participle that opens a phrase of more words where a modifier would:
 * an "-ed" after a function word (opens_modifier(): "sent and received
 * emails", "across allied borders"), any after a determiner ("a rising
 * star"). The guesser, reading the treebank's tags, calls those verbs. */
static gboolean
is_noun_by_place (const Reader *reader,
                  const Phrase *phrase,
                  guint         t)
{
  PithVerbInflection inflection = verb_inflection (reader, t);
  guint end = phrase->first_token + phrase->n_tokens;
  guint classes;

  if (inflection == PITH_VERB_INFLECTION_S && t > phrase->sentence_first && follows_plural (reader, t))
    return TRUE;
  if (t == phrase->first_token && end - t > 1 &&
      ((inflection == PITH_VERB_INFLECTION_ED && opens_modifier (reader, phrase, t)) ||
       (follows (reader, t, determiners) && is_participle (reader, t))))
    return TRUE;
  if (inflection == PITH_VERB_INFLECTION_ING && t > phrase->first_token && phrase_word (reader, t - 1, &classes) &&
      (classes & PITH_WORD_ADJECTIVE) && !(classes & (PITH_WORD_NOUN | PITH_WORD_VERB | PITH_WORD_VERB_FORM)))
    return TRUE;
  return t + 1 < end && g_ascii_isupper (reader->text[pith_layer_start (reader->tokens, t)]) &&
         g_ascii_isupper (reader->text[pith_layer_start (reader->tokens, t + 1)]);
}

/* Whether an adverb at token @t of @phrase leaves it no noun phrase: at
 * its end ("did well", "coming back"), or at its start before a noun
 * ("get well messages"); one before an adjective modifies it ("a less
 * known face"), and one in "-ly" is an adjective as often ("the nightly
 * show"). */
static gboolean
ends_on_adverb (const Reader *reader,
                const Phrase *phrase,
                guint         t)
{
  guint end = phrase->first_token + phrase->n_tokens;
  guint classes;

  if (t + 1 == end)
    return TRUE;
  return t == phrase->first_token && !ends_in (reader, t, "ly", FALSE) && phrase_word (reader, t + 1, &classes) &&
         !(classes & PITH_WORD_ADJECTIVE);
}

/* The English guesser, looked up once a process rather than through the
 * resource cache's lock for every word asked; NULL when it is missing. */
static const PithPartOfSpeechModel *
english_guesser (void)
{
  static gsize looked_up = 0;
  static const PithPartOfSpeechModel *model;

  if (g_once_init_enter (&looked_up))
    {
      model = pith_part_of_speech_model_get ("en");
      pith_tsan_release (&looked_up);
      g_once_init_leave (&looked_up, 1);
    }
  pith_tsan_acquire (&looked_up);
  return model;
}

/* The guesser's scores for token @t of @phrase's sentence; FALSE when
 * the model is missing. */
static gboolean
guess_at (const Reader *reader,
          const Phrase *phrase,
          guint         t,
          gint64        scores[PITH_PART_OF_SPEECH_N_CLASSES])
{
  const PithPartOfSpeechModel *model = english_guesser ();
  PithPartOfSpeechWindow window = { { NULL, }, { 0, } };

  if (model == NULL)
    return FALSE;
  for (int k = 0; k < PITH_PART_OF_SPEECH_WINDOW; k++)
    {
      gint64 at = (gint64) t + k - PITH_PART_OF_SPEECH_CENTRE;

      if (at < phrase->sentence_first || at >= phrase->sentence_end)
        continue;
      window.words[k] = reader->text + pith_layer_start (reader->tokens, (guint) at);
      window.lengths[k] = pith_layer_length (reader->tokens, (guint) at);
    }
  pith_part_of_speech_score (model, &window, scores);
  return TRUE;
}

/* Coordinating conjunctions: the words they join share a part of speech. */
static const char * const conjunctions[] = { "and", "or", NULL };

/* Particles a verb may take before a conjunction: "stands up and spits". */
static const char * const particles[] = {
  "up", "down", "out", "off", "back", "away", "in", "on", "over", "around", NULL
};

/* Words that open a clause, whose subject comes next: "until the snow
 * melts". ("After", "before", "since", "as" and "like" open a noun phrase
 * as often: "after the huge impacts,"; "until" seldom one that ends on a
 * plural.) */
static const char * const subordinators[] = {
  "until", "till", "when", "whenever", "if", "because", "while", "unless", "once", "although", "though",
  "whether", "where", NULL
};

/* Whether token @t, opening @phrase after "and" or "or", is joined to a
 * verb of the same inflection ("develops, attracts and trades players",
 * "stands up and spits"): a conjunction joins words of one part of
 * speech. The partner is a verb when it can be nothing else, or when the
 * guesser takes it for one. */
static gboolean
joined_to_verb (const Reader *reader,
                const Phrase *phrase,
                guint         t)
{
  PithVerbInflection inflection;
  gint64 scores[PITH_PART_OF_SPEECH_N_CLASSES];
  guint partner;
  guint classes;

  if (t != phrase->first_token || t < phrase->sentence_first + 2 || !is_one_of (reader, t - 1, conjunctions))
    return FALSE;
  inflection = verb_inflection (reader, t);
  partner = t - 2;
  if (is_one_of (reader, partner, particles) && partner > phrase->sentence_first)
    partner--;
  if (inflection == PITH_VERB_INFLECTION_NONE || verb_inflection (reader, partner) != inflection)
    return FALSE;
  /* Its classes, whether or not it may be a phrase's word. */
  phrase_word (reader, partner, &classes);
  if ((classes & (PITH_WORD_VERB | PITH_WORD_VERB_FORM)) && !(classes & (PITH_WORD_NOUN | PITH_WORD_ADJECTIVE)))
    return TRUE;
  return guess_at (reader, phrase, partner, scores) && pith_part_of_speech_best (scores) == PITH_PART_OF_SPEECH_VERB;
}

/* Whether token @t, the "-s" that ends @phrase after a singular noun, is the
 * verb of its subject where the words around tell: a clause's opener
 * before the phrase and the clause's end after it ("until the snow
 * melts,"), or a phrase that opens on an adjective after it, its object
 * ("Prince crowns dual rock charts"), where a plural noun is followed by
 * a verb or a preposition ("ticket sales rose", "ticket sales of"). */
static gboolean
ends_on_verb_of_subject (const Reader *reader,
                         const Phrase *phrase,
                         guint         t)
{
  guint end = phrase->first_token + phrase->n_tokens;
  guint opener = phrase->first_token;
  guint next_classes;
  guint object_classes;

  if (t + 1 != end || t == phrase->first_token || verb_inflection (reader, t) != PITH_VERB_INFLECTION_S ||
      follows_plural (reader, t) || !follows_noun (reader, t))
    return FALSE;
  if (opener > phrase->sentence_first && follows (reader, opener, determiners))
    opener--;
  if (opener > phrase->sentence_first && follows (reader, opener, subordinators) &&
      (end == phrase->sentence_end || !word_follows (reader, t, phrase->sentence_end)))
    return TRUE;
  /* An adjective that is no participle: "groups announced last week" is
   * a plural and its verb. */
  return end + 1 < phrase->sentence_end && phrase_word (reader, end, &next_classes) &&
         (next_classes & PITH_WORD_ADJECTIVE) && verb_inflection (reader, end) == PITH_VERB_INFLECTION_NONE &&
         !(next_classes & (PITH_WORD_NOUN | PITH_WORD_VERB | PITH_WORD_VERB_FORM | PITH_WORD_ADVERB)) &&
         phrase_word (reader, end + 1, &object_classes) &&
         (object_classes == 0 || (object_classes & PITH_WORD_NOUN));
}

/* Whether the words of @phrase, where it was read first, are a noun
 * phrase's as the words around them tell: none that may be a verb or an
 * adverb is guessed one ("a kidney coming from", "who fell victim", "did
 * well"), or is one by its place (joined_to_verb(),
 * ends_on_verb_of_subject()). The rules of phrase_at() read one word each
 * side; the guesser reads two, and pairs. */
static gboolean
reads_as_noun_phrase (const Reader *reader,
                      const Phrase *phrase)
{
  guint end = phrase->first_token + phrase->n_tokens;

  for (guint t = phrase->first_token; t < end; t++)
    {
      gint64 scores[PITH_PART_OF_SPEECH_N_CLASSES];
      gint64 verb_margin;

      if (!may_be_verb (reader, t, phrase->sentence_first) || is_noun_by_place (reader, phrase, t))
        continue;
      if (joined_to_verb (reader, phrase, t) || ends_on_verb_of_subject (reader, phrase, t))
        return FALSE;
      if (!guess_at (reader, phrase, t, scores))
        return TRUE;
      verb_margin = scores[PITH_PART_OF_SPEECH_VERB] -
                    MAX (scores[PITH_PART_OF_SPEECH_NOUN], scores[PITH_PART_OF_SPEECH_ADJECTIVE]);
      /* A verb the guesser is sure of, or an adverb where it leaves no
       * noun phrase. */
      if (verb_margin >= VERB_MARGIN ||
          (pith_part_of_speech_best (scores) == PITH_PART_OF_SPEECH_ADVERB && ends_on_adverb (reader, phrase, t)))
        return FALSE;
    }
  return TRUE;
}

/* Whether the words of @inner (stems, or a name) are a run of the words
 * of @outer. */
static gboolean
is_inside (const char *inner,
           const char *outer)
{
  gsize n = strlen (inner);

  for (const char *p = strstr (outer, inner); p != NULL; p = strstr (p + 1, inner))
    if ((p == outer || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return TRUE;
  return FALSE;
}

/* The report: the kept phrases, best first. */
enum { REPORT_TEXT, REPORT_SCORE, REPORT_MENTIONS };
static const PithReportColumn report_columns[] = {
  [REPORT_TEXT] = { "text", PITH_REPORT_STRING },
  [REPORT_SCORE] = { "score", PITH_REPORT_DOUBLE },
  [REPORT_MENTIONS] = { "mentions", PITH_REPORT_INT },
};

void
pith_keyphrases_add (PithDocument            *document,
                     const PithSentenceGraph *graph,
                     guint                    limit,
                     gboolean                 english)
{
  const char *text = pith_document_get_text (document);
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (Phrase));
  g_autoptr(GArray) occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  g_autofree float *weights = g_new0 (float, MAX (pith_sentence_graph_n_terms (graph), 1));
  g_autoptr(GHashTable) kept_groups = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) kept_scores = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) shown_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) kept_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PithReportTable) report = NULL;
  g_autofree guint *counts = NULL;
  Reader reader = { text, pith_document_peek_layer (document, PITH_LAYER_TOKEN), graph, NULL,
                    english ? pith_word_classes_lexicon () : NULL, NULL, NULL, NULL, 0, NULL, 0,
                    english };
  /* Without the lexicon the words' answers are others: the document's
   * own tables. */
  PithWordHashes known = { NULL, };
  PithWordHashes inflections = { NULL, };
  guint n_kept = 0;

  g_array_set_clear_func (best, phrase_clear);
  pith_document_remove_layer (document, PITH_LAYER_KEYPHRASE);
  pith_document_add_span_bytes (document, PITH_LAYER_KEYPHRASE, 1, 0, 0, 0.0);
  if (limit == 0)
    return;
  report = pith_report_table_new (report_columns, G_N_ELEMENTS (report_columns));

  /* A stem's weight in the document: idf summed over its sentences. */
  for (guint s = 0; s < graph->n_sentences; s++)
    {
      const guint32 *terms = pith_sentence_graph_sentence_terms (graph, s);

      for (guint k = 0; k < graph->sentences[s].n_terms; k++)
        weights[terms[k]] += graph->idf[terms[k]];
    }
  reader.weights = weights;
  reader.known = &known;
  reader.inflections = &inflections;
  if (english)
    {
      WordCache *cache = thread_word_cache ();

      reader.known = &cache->classes;
      reader.inflections = &cache->inflections;
    }
  if (has_entity_groups (document))
    read_entities (&reader, document);

  {
    Candidates candidates = { best, limit * CANDIDATES_PER_PHRASE, occurrences };

    read_phrases (&reader, &candidates);
  }

  /* Best first; a phrase inside a better one goes, and one that reads as
   * a better one (two entities of one name, "Real" the club and the
   * word). */
  for (guint p = 0; p < best->len && n_kept < limit; p++)
    {
      Phrase *phrase = &g_array_index (best, Phrase, p);
      gboolean inside = FALSE;
      g_autofree char *shown = phrase_text (phrase, text, document);
      g_autofree char *folded = g_utf8_casefold (shown, -1);

      if (g_hash_table_contains (shown_texts, folded))
        continue;
      if (phrase->group == NO_GROUP && reader.guess_parts_of_speech && !reads_as_noun_phrase (&reader, phrase))
        continue;
      for (guint q = 0; q < p && !inside; q++)
        {
          const Phrase *better = &g_array_index (best, Phrase, q);

          inside = better->kept != 0 && better->group == NO_GROUP && phrase->group == NO_GROUP &&
                   is_inside (phrase->key, better->key);
        }
      /* Nor is one whose words a better one shows: a name inside a better
       * entity's name is that entity, or one the reader cannot tell from
       * it ("Tammy" after "Tammy Meyers"). */
      for (guint q = 0; q < kept_texts->len && !inside; q++)
        inside = is_inside (folded, g_ptr_array_index (kept_texts, q));
      if (inside)
        continue;
      phrase->kept = ++n_kept;
      g_ptr_array_add (kept_texts, g_strdup (folded));
      if (phrase->group != NO_GROUP)
        g_hash_table_insert (kept_groups, GINT_TO_POINTER (phrase->group + 1), GUINT_TO_POINTER (phrase->kept));
      else
        g_hash_table_add (kept_scores, GUINT_TO_POINTER (score_bits (phrase->score)));
      g_hash_table_add (shown_texts, g_steal_pointer (&folded));
    }

  {
    Mentions mentions = { document, best, kept_scores, kept_groups, NULL, g_new0 (guint, MAX (n_kept, 1)) };

    for (guint i = 0; i < occurrences->len; i++)
      add_mention (&reader, &g_array_index (occurrences, Occurrence, i), &mentions);
    counts = mentions.mentions;
  }

  /* Kept phrases are in rank order in @best. */
  for (guint p = 0; p < best->len; p++)
    {
      const Phrase *phrase = &g_array_index (best, Phrase, p);
      g_autofree char *shown = NULL;
      guint row;

      if (phrase->kept == 0)
        continue;
      shown = phrase_text (phrase, text, document);
      row = pith_report_table_add_row (report);
      pith_report_table_set_string (report, row, REPORT_TEXT, shown);
      pith_report_table_set_double (report, row, REPORT_SCORE, phrase->score);
      pith_report_table_set_int (report, row, REPORT_MENTIONS, counts[phrase->kept - 1]);
    }
  pith_document_take_report_table (document, "keyphrases", g_steal_pointer (&report));
  pith_word_hashes_clear (&known);
  pith_word_hashes_clear (&inflections);
}
