/* pith-ner-features.c: what the entity tagger looks at
 *
 * Each feature is a string hashed to 64 bits (FNV-1a); the model maps the
 * hash to a bucket. The features follow the strong feature-based taggers of
 * CoNLL-2003: the word and its lowercase form, its shape, prefixes and
 * suffixes, the words and shapes around it, its place in the sentence, the
 * tags before it, and non-local features after Ratinov and Roth: how the
 * same word was tagged earlier in the document, whether the document
 * writes it in lowercase anywhere (a common word, not a name), and whether
 * the document is a sports report (where towns are teams).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-tsan-private.h"

#include <string.h>

#include <gio/gio.h>

#include "pith-entity-rules-private.h"
#include "pith-gazetteer-private.h"
#include "pith-ner-model-private.h"
#include "pith-word-clusters-private.h"
#include "pith-word-hashes-private.h"
#include "pith-utf8-private.h"
#include "pith-word-list-private.h"

#define GAZETTEER_MAX_WORDS 5

const char * const pith_ner_types[PITH_NER_N_TYPES] = { "PER", "ORG", "LOC", "MISC" };

const int pith_ner_place_offsets[PITH_NER_N_PLACES] = {
  [PITH_NER_PLACE_SELF] = 0,
  [PITH_NER_PLACE_BEFORE_PREVIOUS] = -2,
  [PITH_NER_PLACE_PREVIOUS] = -1,
  [PITH_NER_PLACE_NEXT] = 1,
  [PITH_NER_PLACE_AFTER_NEXT] = 2,
};

/* Features and words are hashed with 64-bit FNV-1a (pith_word_hash()). */

/* A document's word tables keep their room for the next document up to
 * this many slots (64 KB each). */
#define RESET_KEPT_SLOTS 8192

enum { LOWERCASE = 1, LOWERCASE_SPORTS = 2 };

struct _PithNerDocument
{
  PithWordHashes types;     /* word -> type + 1 of its last tag */
  PithWordHashes lowercase; /* words written in lowercase somewhere: LOWERCASE, or
                             * LOWERCASE_SPORTS for a sports report's word */
  guint n_common;           /* lowercase words of three letters or more */
  guint n_sports;           /* of those, words of sports reports */
  GHashTable *contexts;     /* capitalised word's hash -> WordContexts */
  GPtrArray *context_blocks; /* the WordContexts, CONTEXT_BLOCK a block, kept for the next document */
  guint n_contexts;         /* of them, in use */
  /* Tells a token's cached WordContexts (pith_ner_document_elsewhere())
   * apart from another document's: new for each document, and each time
   * a word's contexts are added, 64 bits so it never comes round again. */
  guint64 serial;
};

static guint64
next_document_serial (void)
{
  static guint64 last;

  return __atomic_add_fetch (&last, 1, __ATOMIC_RELAXED);
}

/* What stands around a capitalised word wherever the document has it:
 * for each of its first CONTEXT_MAX_PLACES places, the words on both sides
 * and their middle-level clusters, as hashed features. A document keeps
 * this for its first CONTEXT_MAX_WORDS capitalised words, so a hostile
 * one costs at most about 0.4 MB (their summed weights with them). */
#define CONTEXT_MAX_PLACES 9
#define CONTEXT_MAX_WORDS 1024
#define CONTEXT_ITEMS_PER_PLACE 4
#define CONTEXT_BLOCK 32

typedef struct
{
  guint64 word_hash;        /* the key, first */
  guint n_items;
  guint64 items[CONTEXT_MAX_PLACES * CONTEXT_ITEMS_PER_PLACE];
  PithNerContextSums sums;  /* their weights summed, for one model */
} WordContexts;


/* A document is a sports report when a tenth of its lowercase words are
 * words of sports reports (entities/sports-words-en.txt, built by
 * tools/build-sports-words): 64 of the 98 sports reports of CoNLL-2003
 * dev and 2 of its 118 others; most of the rest are tables of results,
 * which say little in lowercase. */
#define SPORTS_SHARE 10

static gboolean
is_sports_report (const PithNerDocument *document)
{
  return document->n_sports > 0 && document->n_sports * SPORTS_SHARE >= document->n_common;
}

/* Some letter and no capital, in the @length bytes of valid UTF-8 at @word. */
static gboolean
is_lowercase_word (const char *word,
                   gsize       length)
{
  gboolean any = FALSE;

  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c;

      /* Most words are ASCII: no Unicode tables for them. */
      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isupper (*p))
            return FALSE;
          any |= g_ascii_isalpha (*p);
          continue;
        }
      c = g_utf8_get_char (p);
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        return FALSE;
      any |= g_unichar_isalpha (c);
    }
  return any;
}

PithNerDocument *
pith_ner_document_new (void)
{
  PithNerDocument *self = g_new0 (PithNerDocument, 1);

  self->serial = next_document_serial ();
  return self;
}

void
pith_ner_document_add_word (PithNerDocument *self,
                            const char      *word,
                            gsize            length)
{
  static const PithWordList *sports_words;
  guint64 hash;
  guint8 seen;

  if (!is_lowercase_word (word, length))
    return;
  /* Each word once: its value says whether it is a sports report's. */
  hash = pith_word_hash (word, length);
  seen = pith_word_hashes_lookup (&self->lowercase, hash);
  if (seen == 0)
    {
      gboolean sports = length >= 3 &&
                        pith_word_list_lookup (pith_word_list_get_once (&sports_words, "entities/sports-words-en.txt"),
                                               word, length, NULL);

      seen = sports ? LOWERCASE_SPORTS : LOWERCASE;
      pith_word_hashes_insert (&self->lowercase, hash, seen);
    }
  if (length >= 3)
    {
      self->n_common++;
      self->n_sports += seen == LOWERCASE_SPORTS;
    }
}

void
pith_ner_document_free (PithNerDocument *self)
{
  if (self == NULL)
    return;
  pith_word_hashes_clear (&self->types);
  pith_word_hashes_clear (&self->lowercase);
  g_clear_pointer (&self->contexts, g_hash_table_unref);
  if (self->context_blocks != NULL)
    g_ptr_array_unref (self->context_blocks);
  g_free (self);
}

/* A word hashes table emptied for the next document: its room kept, but
 * for a long document's. */
static void
reset_hashes (PithWordHashes *hashes)
{
  if (hashes->capacity > RESET_KEPT_SLOTS)
    pith_word_hashes_clear (hashes);
  else
    pith_word_hashes_empty (hashes);
}

void
pith_ner_document_reset (PithNerDocument *self)
{
  reset_hashes (&self->types);
  reset_hashes (&self->lowercase);
  self->n_common = self->n_sports = 0;
  if (self->contexts != NULL)
    g_hash_table_remove_all (self->contexts);
  self->n_contexts = 0;
  self->serial = next_document_serial ();
}

void
pith_ner_document_remember (PithNerDocument *self,
                            const char      *word,
                            int              tag)
{
  int type = pith_ner_tag_type (tag);

  if (type < 0 || !g_unichar_isupper (g_utf8_get_char (word)))
    return;
  pith_word_hashes_insert (&self->types, pith_word_hash (word, strlen (word)), (guint8) (type + 1));
}

gboolean
pith_ner_transition_allowed (int previous,
                             int next)
{
  gboolean inside = previous != PITH_NER_TAG_O &&
                    (pith_ner_tag_part (previous) == PITH_NER_PART_B ||
                     pith_ner_tag_part (previous) == PITH_NER_PART_I);

  if (inside)
    return next != PITH_NER_TAG_O &&
           pith_ner_tag_type (next) == pith_ner_tag_type (previous) &&
           (pith_ner_tag_part (next) == PITH_NER_PART_I || pith_ner_tag_part (next) == PITH_NER_PART_L);

  return next == PITH_NER_TAG_O ||
         pith_ner_tag_part (next) == PITH_NER_PART_B || pith_ner_tag_part (next) == PITH_NER_PART_U;
}

/* The built-in gazetteer, loaded once and read-only after. */
typedef struct
{
  GHashTable *names;        /* lowercase name -> bit mask of types */
  GHashTable *first_words;  /* lowercase first word -> most words of a name it opens */
} Gazetteer;

static void
gazetteer_add (Gazetteer  *gazetteer,
               const char *name,
               int         type)
{
  char *folded = g_utf8_strdown (name, -1);
  const char *space = strchr (folded, ' ');
  char *first = g_strndup (folded, space != NULL ? (gsize) (space - folded) : strlen (folded));
  guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (gazetteer->names, folded));
  guint n_words = 1;

  for (const char *p = folded; (p = strchr (p, ' ')) != NULL; p++)
    n_words++;
  n_words = MAX (n_words, GPOINTER_TO_UINT (g_hash_table_lookup (gazetteer->first_words, first)));
  g_hash_table_replace (gazetteer->first_words, first, GUINT_TO_POINTER (n_words));
  g_hash_table_replace (gazetteer->names, folded, GUINT_TO_POINTER (bits | (1u << type)));
}

static void
gazetteer_add_line (const char *type,
                    gsize       type_length,
                    const char *name,
                    gsize       name_length,
                    gpointer    user_data)
{
  for (int t = 0; t < PITH_NER_N_TYPES; t++)
    if (strlen (pith_ner_types[t]) == type_length && memcmp (type, pith_ner_types[t], type_length) == 0)
      {
        g_autofree char *copy = g_strndup (name, name_length);
        gazetteer_add (user_data, copy, t);
      }
}

static const Gazetteer *
gazetteer (void)
{
  static Gazetteer *loaded;

  if (g_once_init_enter (&loaded))
    {
      Gazetteer *table = g_new0 (Gazetteer, 1);

      table->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      table->first_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      pith_gazetteer_foreach (gazetteer_add_line, table);
      pith_tsan_release (&loaded);
      g_once_init_leave (&loaded, table);
    }
  pith_tsan_acquire (&loaded);
  return loaded;
}

/* The most words of a gazetteer name that @word opens: none unless it is
 * capitalised. */
static guint
names_opened (const char *word,
              const char *folded)
{
  if (!g_unichar_isupper (g_utf8_get_char (word)))
    return 0;
  return MIN (GPOINTER_TO_UINT (g_hash_table_lookup (gazetteer ()->first_words, folded)), GAZETTEER_MAX_WORDS);
}

guint
pith_ner_gazetteer_types (const char * const *words,
                          guint               n_words)
{
  g_autoptr(GString) phrase = g_string_new (NULL);

  for (guint k = 0; k < n_words; k++)
    {
      g_autofree char *folded = pith_utf8_strdown (words[k]);

      if (k > 0)
        g_string_append_c (phrase, ' ');
      g_string_append (phrase, folded);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (gazetteer ()->names, phrase->str));
}

void
pith_ner_mark_gazetteer (const PithNerSentence *sentence,
                         guint8                *marks)
{
  const Gazetteer *names = gazetteer ();
  GString *phrase = NULL;

  memset (marks, 0, sentence->n_words);
  for (guint i = 0; i < sentence->n_words; i++)
    {
      guint longest;

      /* Only a capitalised word opens a name. */
      if (sentence->tokens != NULL)
        longest = sentence->tokens[i]->capitalised ? pith_ner_token_need_lists (sentence->tokens[i])->names_opened : 0;
      else
        {
          g_autofree char *folded_first = g_utf8_strdown (sentence->words[i], -1);
          longest = names_opened (sentence->words[i], folded_first);
        }

      /* The longest name starting here. */
      for (guint n = MIN (longest, sentence->n_words - i); n > 0; n--)
        {
          guint bits;

          /* A word alone: its token looked it up once. */
          if (n == 1 && sentence->tokens != NULL)
            bits = sentence->tokens[i]->name_types;
          else
            {
              if (phrase == NULL)
                phrase = g_string_new (NULL);
              g_string_truncate (phrase, 0);
              for (guint k = 0; k < n; k++)
                {
                  g_autofree char *folded = sentence->tokens == NULL ? g_utf8_strdown (sentence->words[i + k], -1) : NULL;
                  if (k > 0)
                    g_string_append_c (phrase, ' ');
                  g_string_append (phrase, folded != NULL ? folded : sentence->tokens[i + k]->down);
                }
              bits = GPOINTER_TO_UINT (g_hash_table_lookup (names->names, phrase->str));
            }
          if (bits != 0)
            {
              marks[i] |= (guint8) bits;
              for (guint k = 1; k < n; k++)
                marks[i + k] |= (guint8) (bits << 4);
              break;
            }
        }
    }
  if (phrase != NULL)
    g_string_free (phrase, TRUE);
}

typedef struct
{
  guint64 *hashes;
  guint n;
  guint max;
} Features;

/* A feature is a name and up to two values: "l-1=the", "t-1|w=B-PER|smith". */
/* pith_word_hash_continue() over a nul-terminated string, in one pass. */
static guint64
fnv1a_string (const char *data,
              guint64     hash)
{
  for (const guchar *p = (const guchar *) data; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 0x100000001b3ULL;
    }
  return hash;
}

/* The hash of "@name=", where every feature's hash begins. */
static guint64
name_prefix (const char *name)
{
  return pith_word_hash_continue (fnv1a_string (name, PITH_WORD_HASH_BASIS), "=", 1);
}

/* add3() with the name's hash, name_prefix(), worked out already. */
static void
add_named (Features   *features,
           guint64     name,
           const char *value,
           const char *value2)
{
  guint64 hash = name;

  if (features->n >= features->max)
    return;
  if (value != NULL)
    hash = fnv1a_string (value, hash);
  if (value2 != NULL)
    {
      hash = pith_word_hash_continue (hash, "|", 1);
      hash = fnv1a_string (value2, hash);
    }
  features->hashes[features->n++] = hash;
}

static void
add3 (Features   *features,
      const char *name,
      const char *value,
      const char *value2)
{
  add_named (features, name_prefix (name), value, value2);
}

static void
add (Features   *features,
     const char *name,
     const char *value)
{
  add3 (features, name, value, NULL);
}

/* Xx, XX, dd, x.x: each character's class, runs of a class kept to two. */
static void
shape (const char *word,
       char       *out,
       gsize       size,
       gboolean    compress)
{
  gsize n = 0;
  char last = 0;
  int run = 0;

  for (const char *p = word; *p != '\0' && n + 1 < size; p = g_utf8_next_char (p))
    {
      char cls;

      if ((guchar) *p < 0x80)
        cls = g_ascii_isupper (*p) ? 'X' : g_ascii_islower (*p) ? 'x' : g_ascii_isdigit (*p) ? 'd' : *p;
      else
        {
          gunichar c = g_utf8_get_char (p);
          cls = g_unichar_isupper (c) || g_unichar_istitle (c) ? 'X' :
                g_unichar_islower (c) ? 'x' : g_unichar_isdigit (c) ? 'd' : '*';
        }

      run = cls == last ? run + 1 : 1;
      last = cls;
      if (run > (compress ? 1 : 2))
        continue;
      out[n++] = cls;
    }
  out[n] = '\0';
}

/* @down with digits folded to 0, so years and scores share features. */
static char *
normalize (const char *down)
{
  char *lower = g_strdup (down);

  for (char *p = lower; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      *p = '0';
  return lower;
}

gboolean
pith_ner_is_all_caps (const char * const *words,
                      guint               n_words)
{
  guint letters = 0;

  for (guint i = 0; i < n_words; i++)
    for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        if (g_unichar_islower (c))
          return FALSE;
        letters += g_unichar_isalpha (c);
      }
  return letters >= 4;
}

/* The hash of "@name=@value|", as add3() begins it. */
static guint64
pair_prefix (const char *name,
             const char *value)
{
  return pith_word_hash_continue (fnv1a_string (value, name_prefix (name)), "|", 1);
}

static void
init_prefixes (PithNerToken *token)
{
  guint64 cap_first = pair_prefix ("cap|first", token->share);

  token->cap_first_prefixes[0] = pith_word_hash_continue (cap_first, "0", 1);
  token->cap_first_prefixes[1] = pith_word_hash_continue (cap_first, "1", 1);
}

/* A feature hashed already. */
static void
add_hash (Features *features,
          guint64   hash)
{
  if (features->n < features->max)
    features->hashes[features->n++] = hash;
}

/* Joins two hashes (the mixer of splitmix64), for features whose parts are
 * hashed once and combined many times. */
static guint64
join (guint64 a,
      guint64 b)
{
  guint64 z = a * 0x9e3779b97f4a7c15ULL ^ b;

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* What the joined features start from, told apart from each other and
 * from the transitions' small kinds. */
#define FEATURE_LOWER_BEFORE G_GUINT64_CONSTANT (0x6c2d317c6c000000) /* "l-1|l" */
#define FEATURE_LOWER_AFTER G_GUINT64_CONSTANT (0x6c7c6c2b31000000)  /* "l|l+1" */
#define FEATURE_AROUND G_GUINT64_CONSTANT (0x6c2d317c6c2b3100)    /* "l-1|l+1" */
#define FEATURE_SHAPES G_GUINT64_CONSTANT (0x732d317c737c7331)    /* "s-1|s|s+1" */
#define FEATURE_CLUSTER G_GUINT64_CONSTANT (0x6300000000000000)   /* "c" */
#define FEATURE_CLUSTER_SHAPE G_GUINT64_CONSTANT (0x637c737300000000) /* "c|ss" */
#define FEATURE_CLUSTER_BEFORE G_GUINT64_CONSTANT (0x632d310000000000) /* "c-1" */
#define FEATURE_CLUSTER_AFTER G_GUINT64_CONSTANT (0x632b310000000000)  /* "c+1" */
#define FEATURE_CLUSTER_SHARE G_GUINT64_CONSTANT (0x637c636170000000) /* "c|cap" */
#define FEATURE_CLUSTER_SHAPE_BEFORE G_GUINT64_CONSTANT (0x632d317c73730000) /* "c-1|ss" */
#define FEATURE_CLUSTER_SHAPE_AFTER G_GUINT64_CONSTANT (0x632b317c73730000)  /* "c+1|ss" */
#define FEATURE_SPORTS G_GUINT64_CONSTANT (0x7370000000000000)       /* "sp" */
#define FEATURE_ELSEWHERE G_GUINT64_CONSTANT (0x6177000000000000)    /* "aw" */

/* The one-word features' names, and what their hashes begin with, worked
 * out once: a word is scored at each place it may stand, and hashing the
 * names again was a third of that. */
typedef enum {
  NAME_BIAS, NAME_WORD, NAME_LOWER, NAME_SHAPE, NAME_SHORT_SHAPE,
  NAME_PREFIX_1, NAME_PREFIX_2, NAME_PREFIX_3, NAME_PREFIX_4,
  NAME_SUFFIX_1, NAME_SUFFIX_2, NAME_SUFFIX_3, NAME_SUFFIX_4,
  NAME_SHARE_SHAPE,
  NAME_LOWER_BEFORE, NAME_SHAPE_BEFORE, NAME_SHARE_SHAPE_BEFORE,
  NAME_LOWER_AFTER, NAME_SHAPE_AFTER, NAME_SHARE_SHAPE_AFTER,
  NAME_LOWER_BEFORE_PREVIOUS, NAME_SHAPE_BEFORE_PREVIOUS,
  NAME_LOWER_AFTER_NEXT, NAME_SHAPE_AFTER_NEXT,
  N_NAMES
} FeatureName;

static const char * const feature_names[N_NAMES] = {
  "b", "w", "l", "s", "ss",
  "p1", "p2", "p3", "p4",
  "x1", "x2", "x3", "x4",
  "cap|ss",
  "l-1", "s-1", "cap-1|ss-1",
  "l+1", "s+1", "cap+1|ss+1",
  "l-2", "s-2",
  "l+2", "s+2",
};

/* The kinds of cluster features, each joined with its level once. */
typedef enum {
  CLUSTERS_SELF, CLUSTERS_SHAPE, CLUSTERS_SHARE,
  CLUSTERS_BEFORE, CLUSTERS_SHAPE_BEFORE,
  CLUSTERS_AFTER, CLUSTERS_SHAPE_AFTER,
  N_CLUSTER_KINDS
} ClusterKind;

static const guint64 cluster_kind_names[N_CLUSTER_KINDS] = {
  FEATURE_CLUSTER, FEATURE_CLUSTER_SHAPE, FEATURE_CLUSTER_SHARE,
  FEATURE_CLUSTER_BEFORE, FEATURE_CLUSTER_SHAPE_BEFORE,
  FEATURE_CLUSTER_AFTER, FEATURE_CLUSTER_SHAPE_AFTER,
};

typedef struct
{
  guint64 names[N_NAMES];   /* name_prefix() of each */
  guint64 clusters[N_CLUSTER_KINDS][PITH_WORD_CLUSTER_LEVELS];
  guint64 transitions[PITH_NER_N_TRANSITIONS][PITH_NER_N_TAGS];
} Prefixes;

static const Prefixes *
prefixes (void)
{
  static Prefixes table;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (int n = 0; n < N_NAMES; n++)
        table.names[n] = name_prefix (feature_names[n]);
      for (int k = 0; k < N_CLUSTER_KINDS; k++)
        for (int level = 0; level < PITH_WORD_CLUSTER_LEVELS; level++)
          table.clusters[k][level] = join (cluster_kind_names[k], (guint64) level);
      for (int kind = 0; kind < PITH_NER_N_TRANSITIONS; kind++)
        for (int previous = 0; previous < PITH_NER_N_TAGS; previous++)
          table.transitions[kind][previous] = join ((guint64) kind + 1, (guint64) previous + 1);
      pith_tsan_release (&initialized);
      g_once_init_leave (&initialized, 1);
    }
  pith_tsan_acquire (&initialized);
  return &table;
}

/* One feature per level of @token's clusters, each joined with @with
 * when not 0 (a hash of what goes with it). */
static void
add_clusters (Features           *features,
              ClusterKind         kind,
              const PithNerToken *token,
              guint64             with)
{
  const guint64 *bases = prefixes ()->clusters[kind];

  for (int level = 0; level < PITH_WORD_CLUSTER_LEVELS; level++)
    {
      guint64 hash = join (bases[level], token->clusters[level]);

      add_hash (features, with != 0 ? join (hash, with) : hash);
    }
}

/* add3() with the name and first value hashed already. */
static void
add_after (Features   *features,
           guint64     prefix,
           const char *value2)
{
  if (features->n >= features->max)
    return;
  features->hashes[features->n++] = value2 != NULL ? fnv1a_string (value2, prefix) : prefix;
}

void
pith_ner_document_add_context (PithNerDocument    *self,
                               PithNerToken       *previous,
                               PithNerToken       *token,
                               PithNerToken       *next)
{
  WordContexts *contexts;

  if (!token->capitalised)
    return;
  pith_ner_token_need_lists (previous);
  pith_ner_token_need_lists (next);
  if (self->contexts == NULL)
    {
      self->contexts = g_hash_table_new (g_int64_hash, g_int64_equal);
      self->context_blocks = g_ptr_array_new_with_free_func (g_free);
    }
  contexts = g_hash_table_lookup (self->contexts, &token->word_hash);
  if (contexts == NULL)
    {
      if (self->n_contexts >= CONTEXT_MAX_WORDS)
        return;
      if (self->n_contexts / CONTEXT_BLOCK >= self->context_blocks->len)
        g_ptr_array_add (self->context_blocks, g_new (WordContexts, CONTEXT_BLOCK));
      contexts = (WordContexts *) g_ptr_array_index (self->context_blocks, self->n_contexts / CONTEXT_BLOCK) +
                 self->n_contexts % CONTEXT_BLOCK;
      self->n_contexts++;
      contexts->word_hash = token->word_hash;
      contexts->n_items = 0;
      contexts->sums.model = NULL;
      g_hash_table_add (self->contexts, contexts);
      self->serial = next_document_serial ();
    }
  if (contexts->n_items + CONTEXT_ITEMS_PER_PLACE > G_N_ELEMENTS (contexts->items))
    return;
  contexts->sums.model = NULL;
  contexts->items[contexts->n_items++] = join (join (FEATURE_ELSEWHERE, 1), previous->lower_hash);
  contexts->items[contexts->n_items++] = join (join (FEATURE_ELSEWHERE, 2), next->lower_hash);
  contexts->items[contexts->n_items++] = join (join (FEATURE_ELSEWHERE, 3), previous->clusters[1]);
  contexts->items[contexts->n_items++] = join (join (FEATURE_ELSEWHERE, 4), next->clusters[1]);
}

guint64
pith_ner_word_hash (const char *word,
                    gsize       length)
{
  return pith_word_hash (word, length);
}

static gboolean
is_ascii (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Lowercase ASCII letters and ASCII punctuation only: no capital, digit
 * or letter of another alphabet, none of what names are made of. */
static gboolean
is_plain (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_ispunct (*p))
      return FALSE;
  return TRUE;
}

void
pith_ner_token_init (PithNerToken *token,
                     const char   *word,
                     char         *forms)
{
  pith_ner_token_init_forms (token, word, forms);
  pith_ner_token_read_lists (token);
}

void
pith_ner_token_read_lists (PithNerToken *token)
{
  static const PithWordList *capitalization_list;
  const PithWordList *capitalization = pith_word_list_get_once (&capitalization_list,
                                                                "entities/capitalization-en.txt");
  gsize length = strlen (token->down);

  if (!pith_word_list_lookup (capitalization, token->down, length, &token->share))
    token->share = "unseen";
  pith_word_clusters_lookup (pith_word_clusters_get (), token->down, length, token->clusters);
  token->names_opened = names_opened (token->word, token->down);
  if (token->names_opened > 0)
    token->name_types = GPOINTER_TO_UINT (g_hash_table_lookup (gazetteer ()->names, token->down));
  init_prefixes (token);
  token->lists_read = TRUE;
}

void
pith_ner_token_init_forms (PithNerToken *token,
                           const char   *word,
                           char         *forms)
{
  memset (token, 0, sizeof *token);
  token->word = word;
  if (forms != NULL && is_ascii (word))
    {
      /* An ASCII word's forms are as long as it: side by side in @forms. */
      gsize n = strlen (word);

      token->down = forms;
      token->lower = forms + n + 1;
      for (gsize i = 0; i <= n; i++)
        {
          token->down[i] = pith_ascii_tolower (word[i]);
          token->lower[i] = g_ascii_isdigit (word[i]) ? '0' : token->down[i];
        }
      token->forms_inline = TRUE;
    }
  else
    {
      token->down = pith_utf8_strdown (word);
      token->lower = normalize (token->down);
    }
  shape (word, token->shape, sizeof token->shape, FALSE);
  shape (word, token->short_shape, sizeof token->short_shape, TRUE);
  token->capitalised = pith_utf8_opens_with_upper (word);
  token->plain = is_plain (word);
  token->word_hash = pith_word_hash (word, strlen (word));
  token->lower_hash = pith_word_hash (token->lower, strlen (token->lower));
  token->short_shape_hash = pith_word_hash (token->short_shape, strlen (token->short_shape));
  token->rule_kind = pith_entity_rules_kind_of (word);
}

void
pith_ner_token_clear (PithNerToken *token)
{
  if (token->forms_inline)
    token->lower = token->down = NULL;
  g_clear_pointer (&token->lower, g_free);
  g_clear_pointer (&token->down, g_free);
}

void
pith_ner_scratch_clear (PithNerScratch *scratch)
{
  g_clear_pointer (&scratch->tokens, g_free);
  g_clear_pointer (&scratch->back, g_free);
  g_clear_pointer (&scratch->lattice, g_free);
  g_clear_pointer (&scratch->shapes, g_free);
  g_clear_pointer (&scratch->kinds, g_free);
  scratch->tokens_capacity = scratch->back_capacity = scratch->lattice_capacity = 0;
}

/* Room for the sentence's tokens and two markers on each side, which
 * sentence->tokens points into. */
static PithNerToken **
sentence_tokens (PithNerSentence   *sentence,
                 PithNerVocabulary *vocabulary)
{
  PithNerScratch *scratch = sentence->scratch;
  PithNerToken **tokens;

  if (scratch == NULL)
    tokens = g_new (PithNerToken *, sentence->n_words + 4);
  else
    {
      if (scratch->tokens_capacity < sentence->n_words + 4)
        {
          scratch->tokens_capacity = MAX (sentence->n_words + 4, scratch->tokens_capacity * 2);
          scratch->tokens = g_renew (PithNerToken *, scratch->tokens, scratch->tokens_capacity);
        }
      tokens = scratch->tokens;
    }

  /* Two markers on each side, so the features two words away need no
   * bounds checks. */
  tokens[0] = tokens[1] = pith_ner_vocabulary_marker (vocabulary, FALSE);
  tokens[sentence->n_words + 2] = tokens[sentence->n_words + 3] = pith_ner_vocabulary_marker (vocabulary, TRUE);
  sentence->tokens = tokens + 2;
  return sentence->tokens;
}

void
pith_ner_sentence_prepare (PithNerSentence   *sentence,
                           PithNerVocabulary *vocabulary)
{
  pith_ner_vocabulary_lookup_all (vocabulary, sentence->words, NULL, sentence->n_words,
                                  sentence_tokens (sentence, vocabulary));
}

void
pith_ner_sentence_prepare_from (PithNerSentence      *sentence,
                                PithNerVocabulary    *vocabulary,
                                PithNerToken * const *tokens)
{
  memcpy (sentence_tokens (sentence, vocabulary), tokens, sentence->n_words * sizeof (PithNerToken *));
}

void
pith_ner_sentence_clear (PithNerSentence *sentence)
{
  if (sentence->tokens == NULL)
    return;
  if (sentence->scratch == NULL)
    g_free (sentence->tokens - 2);
  sentence->tokens = NULL;
}

const char *
pith_ner_tag_name (int tag)
{
  static const char * const names[PITH_NER_N_TAGS] = {
    "O",
    "B-PER", "I-PER", "L-PER", "U-PER",
    "B-ORG", "I-ORG", "L-ORG", "U-ORG",
    "B-LOC", "I-LOC", "L-LOC", "U-LOC",
    "B-MISC", "I-MISC", "L-MISC", "U-MISC",
  };
  return names[tag];
}

/* The word's first and last one to four letters: "p2=lo", "x3=don". */
static void
add_affixes (Features   *features,
             const char *lower)
{
  const guint64 *names = prefixes ()->names;
  gboolean ascii = is_ascii (lower);
  glong length = ascii ? (glong) strlen (lower) : g_utf8_strlen (lower, -1);
  char affix[32];

  for (glong k = 1; k <= 4 && k < length; k++)
    {
      /* An ASCII word's characters are its bytes. */
      const char *end = ascii ? lower + k : g_utf8_offset_to_pointer (lower, k);
      const char *start = ascii ? lower + length - k : g_utf8_offset_to_pointer (lower, length - k);

      memcpy (affix, lower, MIN ((gsize) (end - lower), sizeof affix - 1));
      affix[MIN ((gsize) (end - lower), sizeof affix - 1)] = '\0';
      add_named (features, names[NAME_PREFIX_1 + k - 1], affix, NULL);
      add_named (features, names[NAME_SUFFIX_1 + k - 1], start, NULL);
    }
}

guint
pith_ner_word_features_of (const PithNerToken *token,
                           PithNerPlace        place,
                           PithNerWordPart     parts,
                           guint64            *hashes)
{
  Features features = { hashes, 0, PITH_NER_MAX_FEATURES / 2 };
  const guint64 *names = prefixes ()->names;
  const char *lower = token->lower;
  gboolean own = (parts & PITH_NER_WORD_OWN) != 0;
  gboolean kind = (parts & PITH_NER_WORD_KIND) != 0;

  switch (place)
    {
    case PITH_NER_PLACE_SELF:
      {
        if (kind)
          add_named (&features, names[NAME_BIAS], NULL, NULL);
        if (own)
          {
            add_named (&features, names[NAME_WORD], token->word, NULL);
            add_named (&features, names[NAME_LOWER], lower, NULL);
            add_named (&features, names[NAME_SHAPE], token->shape, NULL);
          }
        if (kind)
          add_named (&features, names[NAME_SHORT_SHAPE], token->short_shape, NULL);
        if (own)
          add_affixes (&features, lower);
        if (kind)
          {
            add_clusters (&features, CLUSTERS_SELF, token, 0);
            add_clusters (&features, CLUSTERS_SHAPE, token, token->short_shape_hash);
            /* How the word is capitalised inside sentences of unlabelled news. */
            add_named (&features, names[NAME_SHARE_SHAPE], token->share, token->short_shape);
            add_clusters (&features, CLUSTERS_SHARE, token, pith_word_hash (token->share, strlen (token->share)));
          }
      }
      break;
    case PITH_NER_PLACE_PREVIOUS:
      if (own)
        add_named (&features, names[NAME_LOWER_BEFORE], lower, NULL);
      if (kind)
        {
          add_named (&features, names[NAME_SHAPE_BEFORE], token->short_shape, NULL);
          add_clusters (&features, CLUSTERS_BEFORE, token, 0);
          add_named (&features, names[NAME_SHARE_SHAPE_BEFORE], token->share, token->short_shape);
          add_clusters (&features, CLUSTERS_SHAPE_BEFORE, token, token->short_shape_hash);
        }
      break;
    case PITH_NER_PLACE_NEXT:
      if (own)
        add_named (&features, names[NAME_LOWER_AFTER], lower, NULL);
      if (kind)
        {
          add_named (&features, names[NAME_SHAPE_AFTER], token->short_shape, NULL);
          add_clusters (&features, CLUSTERS_AFTER, token, 0);
          add_named (&features, names[NAME_SHARE_SHAPE_AFTER], token->share, token->short_shape);
          add_clusters (&features, CLUSTERS_SHAPE_AFTER, token, token->short_shape_hash);
        }
      break;
    case PITH_NER_PLACE_BEFORE_PREVIOUS:
      if (own)
        add_named (&features, names[NAME_LOWER_BEFORE_PREVIOUS], lower, NULL);
      if (kind)
        add_named (&features, names[NAME_SHAPE_BEFORE_PREVIOUS], token->short_shape, NULL);
      break;
    case PITH_NER_PLACE_AFTER_NEXT:
      if (own)
        add_named (&features, names[NAME_LOWER_AFTER_NEXT], lower, NULL);
      if (kind)
        add_named (&features, names[NAME_SHAPE_AFTER_NEXT], token->short_shape, NULL);
      break;
    case PITH_NER_N_PLACES:
    default:
      g_assert_not_reached ();
    }
  return features.n;
}

guint
pith_ner_word_features (const PithNerToken *token,
                        PithNerPlace        place,
                        guint64            *hashes)
{
  return pith_ner_word_features_of (token, place, PITH_NER_WORD_ALL, hashes);
}

static guint
context_features (const PithNerSentence *sentence,
                  guint                  i,
                  const PithNerDocument *document,
                  gboolean               with_elsewhere,
                  guint64               *hashes)
{
  Features features = { hashes, 0, PITH_NER_MAX_FEATURES / 2 };
  const PithNerToken *token = pith_ner_token_need_lists (sentence->tokens[i]);
  const PithNerToken *previous = sentence->tokens[(int) i - 1];
  const PithNerToken *next = sentence->tokens[i + 1];

  /* Pairs of a word and a neighbour: their forms' hashes joined, not
   * their letters hashed again at every word. (Pairs of shapes add nothing
   * to the shapes of the three words below.) */
  add_hash (&features, join (join (FEATURE_LOWER_BEFORE, previous->lower_hash), token->lower_hash));
  add_hash (&features, join (join (FEATURE_LOWER_AFTER, token->lower_hash), next->lower_hash));

  if (sentence->gazetteer != NULL && sentence->gazetteer[i] != 0)
    for (int t = 0; t < PITH_NER_N_TYPES; t++)
      {
        if (sentence->gazetteer[i] & (1u << t))
          {
            add (&features, "gaz-begin", pith_ner_types[t]);
            add3 (&features, "gaz-begin|ss", pith_ner_types[t], token->short_shape);
          }
        if (sentence->gazetteer[i] & (1u << (4 + t)))
          add (&features, "gaz-inside", pith_ner_types[t]);
      }

  /* The words on both sides of the word together ("of|said"), and the
   * shapes of the three words ("Xx|Xx|x"): where a name ends and what it
   * is sits in them more than in either alone. Their words' hashes are
   * joined, not their letters hashed again. */
  add_hash (&features, join (join (FEATURE_AROUND, previous->lower_hash), next->lower_hash));
  add_hash (&features, join (join (join (FEATURE_SHAPES, previous->short_shape_hash), token->short_shape_hash),
                             next->short_shape_hash));
  add_after (&features, token->cap_first_prefixes[i == 0], NULL);
  if (i == 0)
    add (&features, "first", NULL);
  if (sentence->all_caps)
    add3 (&features, "caps|l", token->lower, NULL);

  if (document != NULL)
    {
      gboolean capitalised = token->capitalised;
      /* The document remembers the types of capitalised words only. */
      guint8 type = capitalised ? pith_word_hashes_lookup (&document->types, token->word_hash) : 0;

      if (type != 0)
        {
          add (&features, "doc-type", pith_ner_types[type - 1]);
          add3 (&features, "doc-type|ss", pith_ner_types[type - 1], token->short_shape);
        }
      if (capitalised && pith_word_hashes_lookup (&document->lowercase, token->lower_hash) != 0)
        add (&features, "doc-lowercase", NULL);
      /* In a sports report a town is often a team ("Kent had reached 108",
       * "victory over Gloucester"): a capitalised word's clusters, its
       * form, its gazetteer marks and its neighbours are read again as of
       * a sports report. On CoNLL-2003 dev, +0.15 F1 over four seeds. */
      if (capitalised && is_sports_report (document))
        {
          add_hash (&features, join (join (FEATURE_SPORTS, 1), token->clusters[1]));
          add_hash (&features, join (join (FEATURE_SPORTS, 2), token->clusters[2]));
          add_hash (&features, join (join (FEATURE_SPORTS, 3), token->lower_hash));
          if (sentence->gazetteer != NULL)
            add_hash (&features, join (join (FEATURE_SPORTS, 4), sentence->gazetteer[i]));
          add_hash (&features, join (join (FEATURE_SPORTS, 5), previous->lower_hash));
          add_hash (&features, join (join (FEATURE_SPORTS, 6), next->lower_hash));
          add_hash (&features, join (join (join (FEATURE_SPORTS, 7), previous->short_shape_hash),
                                     next->short_shape_hash));
        }
      /* Context aggregation (Ratinov and Roth 2009): what stands around
       * the word elsewhere in the document ("Mr Petofi" here, "Petofi
       * coach" there). Its own place is among them, so a word's are the
       * same wherever it stands. On CoNLL-2003 dev, +0.45 F1 over four
       * seeds (left out of half the training documents). */
      if (with_elsewhere && capitalised && document->contexts != NULL)
        {
          const WordContexts *contexts = g_hash_table_lookup (document->contexts, &token->word_hash);

          for (guint k = 0; contexts != NULL && k < contexts->n_items; k++)
            add_hash (&features, contexts->items[k]);
        }
    }

  return features.n;
}

guint
pith_ner_context_features (const PithNerSentence *sentence,
                           guint                  i,
                           const PithNerDocument *document,
                           guint64               *hashes)
{
  return context_features (sentence, i, document, TRUE, hashes);
}

guint
pith_ner_local_context_features (const PithNerSentence *sentence,
                                 guint                  i,
                                 const PithNerDocument *document,
                                 guint64               *hashes)
{
  return context_features (sentence, i, document, FALSE, hashes);
}

PithNerContextSums *
pith_ner_document_elsewhere (const PithNerDocument *self,
                             PithNerToken          *token,
                             const guint64        **items,
                             guint                 *n_items)
{
  WordContexts *contexts;

  if (self->contexts == NULL || !token->capitalised)
    return NULL;
  /* Looked up once per word and document, not at every place it stands. */
  if (token->contexts_serial != self->serial)
    {
      token->contexts = g_hash_table_lookup (self->contexts, &token->word_hash);
      token->contexts_serial = self->serial;
    }
  contexts = token->contexts;
  if (contexts == NULL)
    return NULL;
  *items = contexts->items;
  *n_items = contexts->n_items;
  return &contexts->sums;
}

guint
pith_ner_features (const PithNerSentence *sentence,
                   guint                  i,
                   const PithNerDocument *document,
                   guint64               *hashes)
{
  guint n = 0;

  for (int place = 0; place < PITH_NER_N_PLACES; place++)
    n += pith_ner_word_features (pith_ner_token_need_lists (sentence->tokens[(int) i + pith_ner_place_offsets[place]]),
                                 place, hashes + n);
  return n + pith_ner_context_features (sentence, i, document, hashes + n);
}

/* What a transition feature of @kind joins with its tag: the word's
 * lowercase form, its shape, or nothing. */
static guint64
transition_with (const PithNerToken *token,
                 PithNerTransition   kind)
{
  switch (kind)
    {
    case PITH_NER_TRANSITION_WORD:
      return token->lower_hash;
    case PITH_NER_TRANSITION_SHAPE:
      return token->short_shape_hash;
    case PITH_NER_TRANSITION_TAG:
    case PITH_NER_N_TRANSITIONS:
    default:
      return 0;
    }
}

static guint64
transition_hash (guint64           tag,
                 guint64           with,
                 PithNerTransition kind)
{
  return kind == PITH_NER_TRANSITION_TAG ? tag : join (tag, with);
}

guint64
pith_ner_transition_hash (const PithNerToken *token,
                          int                 previous,
                          PithNerTransition   kind)
{
  return transition_hash (prefixes ()->transitions[kind][previous], transition_with (token, kind), kind);
}

void
pith_ner_transition_hashes (const PithNerToken *token,
                            PithNerTransition   kind,
                            guint64            *hashes)
{
  const guint64 *tags = prefixes ()->transitions[kind];
  guint64 with = transition_with (token, kind);

  for (int previous = 0; previous < PITH_NER_N_TAGS; previous++)
    hashes[previous] = transition_hash (tags[previous], with, kind);
}
