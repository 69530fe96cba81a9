/* pith-entity-recognizer.c: the entities stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithEntityRecognizer:
 *
 * The `entities` stage: fills the `entity` layer with mentions labelled
 * `PER`, `ORG`, `LOC` or `MISC` (the CoNLL-2003 scheme).
 *
 * It tags the tokens of each sentence with an averaged structured
 * perceptron over BILOU tags, decoded with Viterbi within the tag transitions,
 * with the features of the strong feature-based taggers of CoNLL-2003 and
 * two document-level ones: how the same word was tagged earlier in the
 * document, and whether the document writes it in lowercase anywhere.
 *
 * Two models, trained by `tools/pith-train-ner` on CoNLL-2003, are
 * compiled into the library: one for text written as usual, and one for
 * text without case, which tags each sentence that shows none (a headline
 * in capitals, a comment in lowercase), so that neither kind of text
 * costs the other accuracy. [property@Pith.EntityRecognizer:model] loads
 * another model for every sentence, and
 * [property@Pith.EntityRecognizer:caseless-model] another for sentences
 * without case.
 *
 * Each name's score is the probability that it is right, as the model's
 * calibration on held-out data gives it from the margin of its tags.
 *
 * The built-in models know English. A document in another language (as
 * [property@Pith.Document:language] says: run `language` before, as the
 * default pipeline does) is not given to them, whose guesses there are
 * noise ("Banken" a person); the `entity_recognition` report says so
 * (`"skipped": "no model for \"de\""`), and the rules that need no
 * words of a language still run: numbers, percentages, sums with a
 * currency sign, ISO dates and the user's patterns. A model given by
 * [property@Pith.EntityRecognizer:model] runs on every document, whatever
 * its language: it may be a model of another language.
 *
 * It needs the `token` and `sentence` layers: put `segment` before it.
 *
 * The stage implements `GInitable`: a model that cannot be read is
 * reported when the stage is created, as a [error@Pith.Error.MODEL] error.
 */

#include "config.h"

#include "pith-tsan-private.h"

#include <math.h>
#include <string.h>

#include "pith-document-private.h"
#include "pith-enum-types.h"
#include "pith-entity-appositions-private.h"
#include "pith-entity-joins-private.h"
#include "pith-entity-groups-private.h"
#include "pith-entity-recognizer.h"
#include "pith-entity-rules-private.h"
#include "pith-error.h"
#include "pith-language-tag-private.h"
#include "pith-model-file-private.h"
#include "pith-layer-private.h"
#include "pith-ner-model-private.h"
#include "pith-utf8-private.h"
#include "pith-word-list-private.h"

#define BUILTIN_MODEL "/org/gnome/Pith/entities/ner-en.model"
#define BUILTIN_CASELESS_MODEL "/org/gnome/Pith/entities/ner-en-caseless.model"
/* The most tokens tagged as one sequence; longer sentences go in pieces. */
#define MAX_TAGGED_TOKENS 1000
/* Tokens past which a document is long: a book, not an article. */
#define LONG_DOCUMENT_TOKENS 100000
/* A document of this many tokens at most has them looked up once, while
 * the contexts of its capitalised words are noted, and tagged from there. */
#define KEPT_TOKENS_MAX 2048
/* Tokens longer than this are never names, patterns or rule matches: the
 * tagger sees them as this word. */
#define MAX_NAME_TOKEN_BYTES 256
#define LONG_TOKEN "<long-token>"
/* Words a run's vocabulary keeps, about 0.75 KB each; fewer for the
 * caseless model's, which tags the few sentences of a document written
 * without case. After a long document they keep fewer still, the most
 * used: the next stages need the memory more. On 1,000 CNN articles in a
 * stream (simulated on their words), 8,192 words leave 9% of tokens to
 * prepare again, 6,144 11%. */
#define VOCABULARY_MAX_WORDS 8192
#define CASELESS_VOCABULARY_MAX_WORDS 1024
#define VOCABULARY_KEPT_AFTER_LONG 1536
#define CASELESS_VOCABULARY_KEPT_AFTER_LONG 256

typedef struct
{
  char **tokens;            /* to match, lowercased when @fold */
  guint n_tokens;
  gboolean fold;
  GQuark label;
} Pattern;

struct _PithEntityRecognizer
{
  PithStage parent_instance;

  char *model_path;
  char *caseless_model_path;
  char *patterns_path;
  PithEntityMerge merge;
  const PithNerModel *model;  /* read-only once initialised: own_model or the shared built-in one */
  PithNerModel *own_model;    /* loaded from model-path */
  const PithNerModel *caseless_model; /* for sentences without case: the same, or another */
  PithNerModel *own_caseless_model;
  GPtrArray *patterns;      /* of Pattern; NULL without a patterns file */
  GQuark labels[PITH_NER_N_TYPES];

  /* Vocabularies not in use, kept from one document to the next: one per
   * run at a time, so runs on other threads never share one. */
  GMutex workspaces_lock;
  GPtrArray *workspaces;    /* of Workspace, one per run at a time */
};

static void pith_entity_recognizer_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PithEntityRecognizer, pith_entity_recognizer, PITH_TYPE_STAGE,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      pith_entity_recognizer_initable_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_CASELESS_MODEL,
  PROP_PATTERNS,
  PROP_MERGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pattern_free (gpointer data)
{
  Pattern *pattern = data;

  g_strfreev (pattern->tokens);
  g_free (pattern);
}

/* Reads the patterns file: JSON Lines of {"label": "ORG", "pattern":
 * "Pith Project"} or {"label": …, "pattern": ["Pith", "Project"],
 * "lower": true}. A phrase is split at spaces into tokens, as the
 * segment stage would split it. */
static GPtrArray *
load_patterns (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (pattern_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_VALUE, "Cannot read the patterns: %s",
                   local_error->message);
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      JsonObject *object;
      JsonNode *pattern_node;
      const char *label;
      Pattern *pattern;
      g_autoptr(GStrvBuilder) tokens = g_strv_builder_new ();
      gboolean fold;

      if (*g_strstrip (lines[l]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[l], -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        goto invalid;
      object = json_node_get_object (json_parser_get_root (parser));
      label = json_object_get_string_member_with_default (object, "label", NULL);
      pattern_node = json_object_get_member (object, "pattern");
      if (label == NULL || *label == '\0' || pattern_node == NULL)
        goto invalid;
      fold = json_object_get_boolean_member_with_default (object, "lower", FALSE);

      if (JSON_NODE_HOLDS_VALUE (pattern_node) && json_node_get_value_type (pattern_node) == G_TYPE_STRING)
        {
          g_auto(GStrv) words = g_strsplit (json_node_get_string (pattern_node), " ", -1);
          for (guint w = 0; words[w] != NULL; w++)
            if (*words[w] != '\0')
              {
                g_autofree char *word = fold ? g_utf8_strdown (words[w], -1) : g_strdup (words[w]);
                g_strv_builder_add (tokens, word);
              }
        }
      else if (JSON_NODE_HOLDS_ARRAY (pattern_node))
        {
          JsonArray *array = json_node_get_array (pattern_node);
          for (guint w = 0; w < json_array_get_length (array); w++)
            {
              JsonNode *word = json_array_get_element (array, w);
              g_autofree char *folded = NULL;

              if (!JSON_NODE_HOLDS_VALUE (word) || json_node_get_value_type (word) != G_TYPE_STRING)
                goto invalid;
              folded = fold ? g_utf8_strdown (json_node_get_string (word), -1)
                            : g_strdup (json_node_get_string (word));
              g_strv_builder_add (tokens, folded);
            }
        }
      else
        goto invalid;

      pattern = g_new0 (Pattern, 1);
      pattern->tokens = g_strv_builder_end (tokens);
      pattern->n_tokens = g_strv_length (pattern->tokens);
      pattern->fold = fold;
      pattern->label = g_quark_from_string (label);
      if (pattern->n_tokens == 0)
        {
          pattern_free (pattern);
          goto invalid;
        }
      g_ptr_array_add (patterns, pattern);
      continue;

invalid:
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_VALUE,
                   "%s:%u: a pattern is {\"label\": \"…\", \"pattern\": \"words\" or [\"tokens\"]}",
                   path, l + 1);
      return NULL;
    }

  return g_steal_pointer (&patterns);
}

/* A built-in model (0: for text with case, 1: without), checked once and
 * shared by every recognizer of the process: it is read-only, and
 * checking 9 MB per pipeline would cost more than most documents. */
static const PithNerModel *
builtin_model (gboolean   caseless,
               GError   **error)
{
  static GMutex lock;
  static PithNerModel *models[2];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  PithNerModel *loaded;

  g_mutex_lock (&lock);
  pith_tsan_acquire (&lock);
  if (models[caseless] == NULL)
    {
      bytes = g_resources_lookup_data (caseless ? BUILTIN_CASELESS_MODEL : BUILTIN_MODEL,
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "The built-in entity model is missing: %s",
                     local_error->message);
      else
        models[caseless] = pith_ner_model_new_from_bytes (bytes, error);
    }
  loaded = models[caseless];
  pith_tsan_release (&lock);
  g_mutex_unlock (&lock);
  return loaded;
}

/* The model in the file at @path. */
static PithNerModel *
load_model (const char  *path,
            GError     **error)
{
  g_autoptr(GBytes) bytes = pith_model_file_map (path, "entity model", error);

  return bytes != NULL ? pith_ner_model_new_from_bytes (bytes, error) : NULL;
}

static gboolean
pith_entity_recognizer_initable_init_impl (GInitable     *initable,
                                           GCancellable  *cancellable,
                                           GError       **error)
{
  PithEntityRecognizer *self = PITH_ENTITY_RECOGNIZER (initable);

  if (self->model != NULL)
    return TRUE;

  if (self->patterns_path != NULL && self->patterns == NULL &&
      (self->patterns = load_patterns (self->patterns_path, error)) == NULL)
    return FALSE;

  /* A model of the user's serves every sentence, unless a caseless one of
   * theirs is given too: a model for another language or kind of text
   * must not meet the built-in English one halfway. */
  if (self->model_path == NULL)
    self->model = builtin_model (FALSE, error);
  else
    self->model = self->own_model = load_model (self->model_path, error);
  if (self->model == NULL)
    return FALSE;
  if (self->caseless_model_path != NULL)
    self->caseless_model = self->own_caseless_model = load_model (self->caseless_model_path, error);
  else if (self->model_path != NULL)
    self->caseless_model = self->model;
  else
    self->caseless_model = builtin_model (TRUE, error);
  if (self->caseless_model == NULL)
    {
      self->model = NULL;
      g_clear_pointer (&self->own_model, pith_ner_model_free);
      return FALSE;
    }
  return TRUE;
}

static void
pith_entity_recognizer_initable_init (GInitableIface *iface)
{
  iface->init = pith_entity_recognizer_initable_init_impl;
}

static gboolean
is_punctuation (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

typedef struct
{
  guint first;              /* token index */
  guint last;               /* inclusive */
  GQuark label;
  double score;             /* the tagger's confidence; 1 for rules and patterns */
  gboolean by_apposition;   /* labelled by what follows its comma */
} Mention;

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const Mention *x = a;
  const Mention *y = b;

  return (x->first > y->first) - (x->first < y->first);
}

static gboolean
pattern_matches (const Pattern *pattern,
                 GPtrArray     *words,
                 guint          at,
                 guint          end)
{
  if (at + pattern->n_tokens > end)
    return FALSE;
  for (guint k = 0; k < pattern->n_tokens; k++)
    {
      const char *word = g_ptr_array_index (words, at + k);
      g_autofree char *folded = pattern->fold ? g_utf8_strdown (word, -1) : NULL;

      if (strcmp (folded != NULL ? folded : word, pattern->tokens[k]) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
mentions_overlap (const Mention *a,
                  const Mention *b)
{
  return a->first <= b->last && b->first <= a->last;
}

/* Matches the user's patterns in the sentence, longest first at each
 * token, and merges them with @mentions by the merge policy. Patterns are
 * tried at every token: a user's list is short beside the text. */
static void
merge_patterns (PithEntityRecognizer *self,
                GPtrArray            *words,
                guint                 end,
                GArray               *mentions)
{
  for (guint i = 0; i < end; i++)
    {
      Mention found = { 0, 0, 0, 1.0 };
      gboolean matched = FALSE;
      gboolean keep = TRUE;

      for (guint p = 0; p < self->patterns->len; p++)
        {
          const Pattern *pattern = g_ptr_array_index (self->patterns, p);

          if ((!matched || pattern->n_tokens > found.last - found.first + 1) &&
              pattern_matches (pattern, words, i, end))
            {
              found = (Mention) { i, i + pattern->n_tokens - 1, pattern->label, 1.0 };
              matched = TRUE;
            }
        }
      if (!matched)
        continue;

      for (guint m = 0; m < mentions->len && keep; m++)
        {
          Mention *other = &g_array_index (mentions, Mention, m);

          if (!mentions_overlap (&found, other))
            continue;
          if (self->merge == PITH_ENTITY_MERGE_MODEL_WINS ||
              (self->merge == PITH_ENTITY_MERGE_LONGEST &&
               other->last - other->first > found.last - found.first))
            keep = FALSE;
        }
      if (keep)
        {
          for (guint m = mentions->len; m > 0; m--)
            if (mentions_overlap (&found, &g_array_index (mentions, Mention, m - 1)))
              g_array_remove_index (mentions, m - 1);
          g_array_append_val (mentions, found);
        }
      i = found.last;
    }
}

static gboolean
has_upper (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (pith_utf8_opens_with_upper (p))
      return TRUE;
  return FALSE;
}

static gboolean
has_lower (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x80 ? g_ascii_islower (*p) : g_unichar_islower (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Whether the sentence's words show case: some in lowercase, and some
 * longer than a letter capitalised. Names in such a sentence are written
 * with a capital; the tagger, trained on lower-cased copies too, would
 * otherwise take a common noun ("the harbour", "a quay") for one. */
static gboolean
shows_case (GPtrArray *words)
{
  gboolean lower = FALSE;
  gboolean upper = FALSE;

  for (guint k = 0; k < words->len && !(lower && upper); k++)
    {
      const char *word = g_ptr_array_index (words, k);

      lower = lower || has_lower (word);
      upper = upper || (word[0] != '\0' && word[1] != '\0' && has_upper (word));
    }
  return lower && upper;
}

/* Whether the sentence is text without case: it shows none, and has four
 * letters or more to show it with. A scrap of a sentence ("7-4", "Q.")
 * says nothing of case; the usual model takes it. */
static gboolean
is_caseless (GPtrArray *words)
{
  guint letters = 0;

  if (shows_case (words))
    return FALSE;
  for (guint k = 0; k < words->len && letters < 4; k++)
    for (const char *p = g_ptr_array_index (words, k); *p != '\0' && letters < 4; p = g_utf8_next_char (p))
      letters += g_unichar_isalpha (g_utf8_get_char (p));
  return letters >= 4;
}

static gboolean
mention_has_upper (GPtrArray     *words,
                   const Mention *mention)
{
  for (guint k = mention->first; k <= mention->last; k++)
    if (has_upper (g_ptr_array_index (words, k)))
      return TRUE;
  return FALSE;
}

/* Whether @mention is all the words of its sentence, opened by a quote or a
 * bracket: "… Stepanakert. “GORDON”)." A name standing alone like that is
 * the credit of the outlet a report came from, whatever its words look
 * like (a given name, an all-caps headline word). */
static gboolean
is_credit (GPtrArray     *words,
           guint          end,
           const Mention *mention)
{
  const char *before;

  if (mention->first == 0)
    return FALSE;
  before = g_ptr_array_index (words, mention->first - 1);
  if (strstr (before, "\"") == NULL && strstr (before, "“") == NULL && strstr (before, "«") == NULL &&
      strstr (before, "(") == NULL && strstr (before, "[") == NULL)
    return FALSE;
  for (guint k = 0; k < end; k++)
    if ((k < mention->first || k > mention->last) && !is_punctuation (g_ptr_array_index (words, k)))
      return FALSE;
  return TRUE;
}

static int
bracket_kind (const char *word)
{
  if (strcmp (word, "(") == 0 || strcmp (word, ")") == 0)
    return 1;
  if (strcmp (word, "[") == 0 || strcmp (word, "]") == 0)
    return 2;
  return 0;
}

static gboolean
is_opening_bracket (const char *word)
{
  return strcmp (word, "(") == 0 || strcmp (word, "[") == 0;
}

/* The partner of each bracket among the words from @first to @last, the
 * brackets matched inside that run alone (-1 for the others, and for
 * words that are no bracket); @partner holds @last - @first + 1 places. */
static void
match_brackets (GPtrArray *words,
                guint      first,
                guint      last,
                int       *partner)
{
  /* The brackets still open, innermost last. */
  guint open_here[32];
  g_autofree guint *open_elsewhere = last - first + 1 > G_N_ELEMENTS (open_here) ? g_new (guint, last - first + 1)
                                                                                 : NULL;
  guint *open = open_elsewhere != NULL ? open_elsewhere : open_here;
  guint n_open = 0;

  for (guint k = first; k <= last; k++)
    {
      const char *word = g_ptr_array_index (words, k);
      int kind = bracket_kind (word);

      partner[k - first] = -1;
      if (kind == 0)
        continue;
      if (is_opening_bracket (word))
        open[n_open++] = k;
      else if (n_open > 0 && bracket_kind (g_ptr_array_index (words, open[n_open - 1])) == kind)
        {
          guint opening = open[--n_open];

          partner[k - first] = (int) opening;
          partner[opening - first] = (int) k;
        }
    }
}

/* Whether the word at @k, at an edge of the piece from @start to @last,
 * is punctuation the name does without: any but a bracket whose partner
 * is in the piece ("Mladost (BJ)", "(Tom) Seaver" keep theirs). */
static gboolean
is_loose_punctuation (GPtrArray *words,
                      guint      first,
                      const int *partner,
                      guint      k,
                      guint      start,
                      guint      last)
{
  int other = partner[k - first];

  if (!is_punctuation (g_ptr_array_index (words, k)))
    return FALSE;
  return other < 0 || (guint) other < start || (guint) other > last;
}

/* Whether a word from @first to @last is a token too long for a name: a
 * base64 blob or a 10 MB "word" is none, whatever the tagger makes of the
 * word that stands for it. */
static gboolean
holds_long_token (GPtrArray *words,
                  guint      first,
                  guint      last)
{
  for (guint k = first; k <= last; k++)
    if (strcmp (g_ptr_array_index (words, k), LONG_TOKEN) == 0)
      return TRUE;
  return FALSE;
}

/* Lowercase words that begin names in the languages news borrows them
 * from: "al Qaeda", "bin Laden", "van Gogh", "de Gaulle". */
static const char * const name_particles[] = {
  "al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de", "da", "di", "du", "del", "della",
  "dos", "das", "le", "la", NULL
};

/* The letters the particles begin with, a bit each from 'a': most words
 * before a name are told apart from them without the list. */
static gsize
particle_first_letters (void)
{
  static gsize letters;

  if (g_once_init_enter (&letters))
    {
      gsize found = 0;

      for (guint i = 0; name_particles[i] != NULL; i++)
        found |= (gsize) 1 << (name_particles[i][0] - 'a');
      pith_tsan_release (&letters);
      g_once_init_leave (&letters, found);
    }
  pith_tsan_acquire (&letters);
  return letters;
}

/* Whether the word before @start is a particle that begins the name: a
 * lowercase particle after a word that is no name ("of al Qaeda"). */
static gboolean
particle_opens_name (GPtrArray *words,
                     guint      start)
{
  const char *particle;

  if (start == 0)
    return FALSE;
  particle = g_ptr_array_index (words, start - 1);
  /* Every particle is two or more lowercase ASCII letters. */
  if (!g_ascii_islower (particle[0]) || particle[1] == '\0' ||
      (particle_first_letters () & ((gsize) 1 << (particle[0] - 'a'))) == 0 ||
      !g_strv_contains (name_particles, particle))
    return FALSE;
  return start == 1 || !g_unichar_isupper (g_utf8_get_char (g_ptr_array_index (words, start - 2)));
}

/* A name the tagger is unsure is a place or a person, which the gazetteer
 * knows as an organisation and as nothing else, is one: the companies,
 * sites and groups of the years after the training's ("on Facebook", "al
 * Qaeda said"). So is one it took for another kind of name, if it is more
 * than a word or a brand's (entities/brands-en.txt, tools/build-brands):
 * a word alone of that kind is as often a faith ("Sunni") as a group. And
 * so is a brand's name the gazetteer does not know ("posted on
 * Instagram"). Places and people the gazetteer knows by other names. */
#define UNSURE_OF_TYPE 0.9

static gboolean
is_brand (const char * const *name,
          guint               n_words)
{
  static const PithWordList *brands;

  return n_words == 1 &&
         pith_word_list_lookup (pith_word_list_get_once (&brands, "entities/brands-en.txt"), name[0],
                                strlen (name[0]), NULL);
}

static GQuark
label_by_gazetteer (PithEntityRecognizer *self,
                    GPtrArray            *words,
                    const Mention        *mention)
{
  const char * const *name = (const char * const *) words->pdata + mention->first;
  guint n_words = mention->last - mention->first + 1;
  guint types;
  int type = -1;

  for (int t = 0; t < PITH_NER_N_TYPES; t++)
    if (mention->label == self->labels[t])
      type = t;
  if (type < 0 || type == PITH_NER_TYPE_ORG || mention->score >= UNSURE_OF_TYPE || mention->by_apposition)
    return mention->label;
  types = pith_ner_gazetteer_types (name, n_words);
  if (types == 1u << PITH_NER_TYPE_ORG && (type != PITH_NER_TYPE_MISC || n_words > 1))
    return self->labels[PITH_NER_TYPE_ORG];
  if ((types == 0 || types == 1u << PITH_NER_TYPE_ORG) && is_brand (name, n_words))
    return self->labels[PITH_NER_TYPE_ORG];
  return mention->label;
}

/* Whether the document defines @word as a name of its own: in brackets
 * or quotes, after "the" or not ("the Port of Valmora (the Port)",
 * "the “Ministry”"). Each word is looked for once per document. */
static gboolean
document_defines (const char *text,
                  GHashTable *definitions,
                  const char *word)
{
  gpointer found;
  gsize length = strlen (word);
  gboolean defined = FALSE;

  if (g_hash_table_lookup_extended (definitions, word, NULL, &found))
    return GPOINTER_TO_INT (found);
  for (const char *at = strstr (text, word); at != NULL && !defined; at = strstr (at + 1, word))
    {
      const char *before = at;
      const char *after = at + length;

      if (before - text >= 4 && g_ascii_strncasecmp (before - 4, "the ", 4) == 0)
        before -= 4;
      while (before > text && (before[-1] == ' ' || before[-1] == '"'))
        before--;
      if (before - text >= 3 && memcmp (before - 3, "“", 3) == 0)
        before -= 3;
      while (*after == '"' || *after == ' ')
        after++;
      if (strncmp (after, "”", 3) == 0)
        after += 3;
      defined = before > text && (before[-1] == '(' || at[-1] == '"' || (at - text >= 3 && memcmp (at - 3, "“", 3) == 0)) &&
                (*after == ')' || *after == '"' || after[-1] == '"' || strncmp (after - 3, "”", 3) == 0);
    }
  g_hash_table_insert (definitions, g_strdup (word), GINT_TO_POINTER (defined));
  return defined;
}

/* Whether the one-word name at @k is a common noun the report uses for a
 * name it gave in full, "the Port" after "the Port of Valmora", "the
 * Ministry": a word that ends names of organisations and places, that news
 * writes in lowercase more often than not, after "the". It is a name of
 * its own only where the document makes it one. */
static gboolean
is_generic_reference (GPtrArray  *words,
                      guint       k,
                      const char *text,
                      GHashTable *definitions)
{
  const char *word = g_ptr_array_index (words, k);
  const char *previous;
  const char *share = NULL;
  g_autofree char *lower = NULL;

  if (k == 0)
    return FALSE;
  previous = g_ptr_array_index (words, k - 1);
  if (g_ascii_strcasecmp (previous, "the") != 0 ||
      !pith_word_list_lookup (pith_word_list_get ("lexicon/name-heads-en.txt"), word, strlen (word), NULL))
    return FALSE;
  lower = g_utf8_strdown (word, -1);
  if (!pith_word_list_lookup (pith_word_list_get ("entities/capitalization-en.txt"), lower, strlen (lower), &share) ||
      (strcmp (share, "rarely") != 0 && strcmp (share, "mixed") != 0))
    return FALSE;
  return !document_defines (text, definitions, word);
}

/* Adds the name the tagger found from @first to @last as mentions: a name
 * neither starts nor ends with a full stop or a bracket of its own, and a
 * bracket the name does not close ("Lindsay ) Davenport", the tail of a
 * parenthesis) divides it into the names on either side. */
/* A month's name, in any case: no name of a place, an organisation or an
 * event in CoNLL-2003's 29,441 begins with one, though the tagger
 * sometimes joins the month before a name to it ("August National
 * Association of Purchasing Management", "March Eurodollars"). A person's
 * may ("June Carter"). */
static gboolean
is_month (const char *word)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    if (g_ascii_strcasecmp (word, months[m]) == 0)
      return TRUE;
  return FALSE;
}

/* Two to six capitals and nothing else ("ISIS", "NATO"), not a Roman
 * numeral ("III"): in a sentence that shows case, no person's name. Of such names in CoNLL-2003's
 * training split, 631 are organisations, 101 other names, 77 places and
 * 1 a person ("REUTER"), but a tagger that has not seen one takes it for
 * a person where the news says what it did ("ISIS claimed"). */
static gboolean
is_acronym (const char *word)
{
  gsize length = strlen (word);

  if (length < 2 || length > 6 || strspn (word, "IVXLCDM") == length)
    return FALSE;
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static void
add_name_pieces (PithEntityRecognizer *self,
                 const PithNerModel   *model,
                 GPtrArray            *words,
                 guint                 first,
                 guint                 last,
                 int                   type,
                 const float          *margins,
                 const guint8         *defined,
                 gboolean              cased,
                 const char           *text,
                 GHashTable           *definitions,
                 GArray               *mentions)
{
  /* On the stack for a name of usual length (this runs for every name). */
  int partner_here[32];
  g_autofree int *partner_elsewhere = last - first + 1 > G_N_ELEMENTS (partner_here) ? g_new (int, last - first + 1)
                                                                                     : NULL;
  int *partner = partner_elsewhere != NULL ? partner_elsewhere : partner_here;
  guint piece_start = first;

  match_brackets (words, first, last, partner);
  for (guint k = first; k <= last + 1; k++)
    {
      guint start = piece_start;
      guint piece_last;
      float margin;
      Mention mention;

      if (k <= last && !(bracket_kind (g_ptr_array_index (words, k)) != 0 && partner[k - first] < 0))
        continue;
      piece_start = k + 1;
      if (k == start)
        continue;
      piece_last = k - 1;
      while (start < piece_last && is_loose_punctuation (words, first, partner, start, start, piece_last))
        start++;
      while (piece_last > start && is_loose_punctuation (words, first, partner, piece_last, start, piece_last))
        piece_last--;
      if ((is_punctuation (g_ptr_array_index (words, start)) && start == piece_last) ||
          holds_long_token (words, start, piece_last))
        continue;
      if (type != PITH_NER_TYPE_PER && start < piece_last && is_month (g_ptr_array_index (words, start)))
        start++;

      margin = margins[first];
      for (guint m = first + 1; m <= last; m++)
        margin = MIN (margin, margins[m]);
      if (start == piece_last && is_generic_reference (words, start, text, definitions))
        continue;
      if (particle_opens_name (words, start))
        start--;
      mention = (Mention) { start, piece_last, self->labels[type], pith_ner_model_confidence (model, margin),
                            defined[piece_last] };
      mention.label = label_by_gazetteer (self, words, &mention);
      if (cased && !mention_has_upper (words, &mention))
        continue;
      if ((type == PITH_NER_TYPE_PER || type == PITH_NER_TYPE_MISC) && is_credit (words, words->len, &mention))
        mention.label = self->labels[PITH_NER_TYPE_ORG];
      if (cased && mention.label == self->labels[PITH_NER_TYPE_PER] && start == piece_last &&
          is_acronym (g_ptr_array_index (words, start)))
        mention.label = self->labels[PITH_NER_TYPE_ORG];
      g_array_append_val (mentions, mention);
    }
}

/* What a run of the tagger works in: the vocabulary of words it has seen,
 * and the buffers of one sentence, kept for the next sentence and the next
 * document instead of allocated for each. */
typedef struct
{
  PithNerVocabulary *vocabulary;
  PithNerVocabulary *caseless_vocabulary; /* the caseless model's words; NULL until needed */
  PithNerScratch scratch;
  GPtrArray *words;         /* the sentence's words, into buffer */
  GString *buffer;
  GArray *tags;             /* of int */
  GArray *margins;          /* of float, each tag's */
  GByteArray *marks;
  GByteArray *defined;      /* each word's: labelled by an apposition */
  GHashTable *definitions;  /* the document's: word -> whether it defines it as a name */
  GHashTable *possessives;  /* the document's companies known by a possessive ("Boatmen") */
  GPtrArray *rule_kinds;    /* each word's, from its token */
  GArray *mentions;         /* of Mention: the sentence's names */
  GArray *rules;            /* of PithRuleEntity: the sentence's rule entities */
  GPtrArray *noted_words;   /* the words look_up_piece() looks up, into the text */
  GArray *noted_lengths;    /* of gsize, theirs */
  GPtrArray *noted_tokens;  /* their tokens */
  GByteArray *noted_needed; /* each token's of the piece: whether looked up */
  GPtrArray *document_tokens; /* a short document's: each token's, looked up once */
  PithNerDocument *ner_document; /* the tagger's memory of the document; NULL until needed */
} Workspace;

/* The names @model found in one sentence, which shows case if @cased,
 * and the rules' numbers and dates, in text order. Where a rule entity
 * overlaps a name, the name wins. */
static void
add_sentence_entities (PithEntityRecognizer *self,
                       const PithNerModel   *model,
                       gboolean              cased,
                       PithDocument         *document,
                       const PithLayer      *tokens,
                       guint                 first,
                       Workspace            *workspace)
{
  GPtrArray *words = workspace->words;
  const char * const *rule_kinds = (const char * const *) workspace->rule_kinds->pdata;
  const int *tags = (const int *) (gconstpointer) workspace->tags->data;
  const float *margins = (const float *) (gconstpointer) workspace->margins->data;
  const guint8 *defined = workspace->defined->data;
  GHashTable *definitions = workspace->definitions;
  guint end = words->len;
  GArray *mentions = workspace->mentions;
  GArray *rules = workspace->rules;

  g_array_set_size (mentions, 0);
  g_array_set_size (rules, 0);

  for (guint i = 0; i < end; i++)
    {
      int tag = tags[i];
      guint last;

      if (tag == PITH_NER_TAG_O)
        {
          const char *word = g_ptr_array_index (words, i);

          /* A brand's name the tagger passed over ("said on Twitter"):
           * the training's reports of 1996 never name the web's companies,
           * and the brands are names news always capitalises (so most
           * words need no look-up). */
          if (model != NULL && cased && (g_ascii_isupper (*word) || (guchar) *word >= 0x80) &&
              is_brand ((const char * const *) words->pdata + i, 1))
            {
              Mention mention = { i, i, self->labels[PITH_NER_TYPE_ORG], pith_ner_model_confidence (model, NAN) };
              g_array_append_val (mentions, mention);
            }
          continue;
        }
      last = pith_ner_name_last (tags, end, i);
      add_name_pieces (self, model, words, i, last, pith_ner_tag_type (tag), margins, defined, cased,
                       pith_document_get_text (document), definitions, mentions);
      i = last;
    }

  pith_entity_rules_find ((const char * const *) words->pdata, rule_kinds, end, rules);
  for (guint r = 0; r < rules->len; r++)
    {
      PithRuleEntity *rule = &g_array_index (rules, PithRuleEntity, r);
      gboolean overlaps = FALSE;

      for (guint k = rule->first; k <= rule->last; k++)
        overlaps |= tags[k] != PITH_NER_TAG_O;
      if (!overlaps)
        {
          Mention mention = { rule->first, rule->last,
                              g_quark_from_static_string (rule->label), 1.0 };
          g_array_append_val (mentions, mention);
        }
    }

  if (self->patterns != NULL)
    merge_patterns (self, words, end, mentions);

  g_array_sort (mentions, compare_mentions);
  for (guint m = 0; m < mentions->len; m++)
    {
      Mention *mention = &g_array_index (mentions, Mention, m);
      guint index = pith_document_add_span_bytes (document, PITH_LAYER_ENTITY,
                                                  pith_layer_start (tokens, first + mention->first),
                                                  pith_layer_end (tokens, first + mention->last), mention->label,
                                                  mention->score);

      /* The grouping gives such a name's label to its whole group. */
      if (mention->by_apposition)
        {
          g_autoptr(JsonNode) evidence = json_node_new (JSON_NODE_VALUE);

          json_node_set_string (evidence, PITH_ENTITY_EVIDENCE_APPOSITION);
          pith_document_set_span_attribute (document, PITH_LAYER_ENTITY, index, "evidence", evidence);
        }
    }
}

static Workspace *
workspace_new (void)
{
  Workspace *workspace = g_new0 (Workspace, 1);

  workspace->vocabulary = pith_ner_vocabulary_new (VOCABULARY_MAX_WORDS);
  workspace->words = g_ptr_array_new ();
  workspace->buffer = g_string_new (NULL);
  workspace->tags = g_array_new (FALSE, TRUE, sizeof (int));
  workspace->margins = g_array_new (FALSE, TRUE, sizeof (float));
  workspace->marks = g_byte_array_new ();
  workspace->defined = g_byte_array_new ();
  workspace->definitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  workspace->possessives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  workspace->rule_kinds = g_ptr_array_new ();
  workspace->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  workspace->rules = g_array_new (FALSE, FALSE, sizeof (PithRuleEntity));
  workspace->noted_words = g_ptr_array_new ();
  workspace->noted_lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  workspace->noted_tokens = g_ptr_array_new ();
  workspace->noted_needed = g_byte_array_new ();
  workspace->document_tokens = g_ptr_array_new ();
  return workspace;
}

static void
workspace_free (Workspace *workspace)
{
  pith_ner_vocabulary_free (workspace->vocabulary);
  g_clear_pointer (&workspace->caseless_vocabulary, pith_ner_vocabulary_free);
  pith_ner_scratch_clear (&workspace->scratch);
  g_ptr_array_unref (workspace->words);
  g_string_free (workspace->buffer, TRUE);
  g_array_unref (workspace->tags);
  g_array_unref (workspace->margins);
  g_byte_array_unref (workspace->marks);
  g_byte_array_unref (workspace->defined);
  g_hash_table_unref (workspace->definitions);
  g_hash_table_unref (workspace->possessives);
  g_ptr_array_unref (workspace->rule_kinds);
  g_array_unref (workspace->mentions);
  g_array_unref (workspace->rules);
  g_ptr_array_unref (workspace->noted_words);
  g_array_unref (workspace->noted_lengths);
  g_ptr_array_unref (workspace->noted_tokens);
  g_byte_array_unref (workspace->noted_needed);
  g_ptr_array_unref (workspace->document_tokens);
  g_clear_pointer (&workspace->ner_document, pith_ner_document_free);
  g_free (workspace);
}

/* The word the tagger reads for token @i, @length bytes at the result:
 * a token longer than any name (a base64 blob, a 10 MB "word") is tagged
 * as what it is, a long token, instead of being copied thrice. */
static const char *
token_word (const char      *text,
            const PithLayer *tokens,
            guint            i,
            gsize           *length)
{
  guint32 start = pith_layer_start (tokens, i);

  *length = pith_layer_end (tokens, i) - start;
  if (*length > MAX_NAME_TOKEN_BYTES)
    {
      *length = strlen (LONG_TOKEN);
      return LONG_TOKEN;
    }
  return text + start;
}

/* Looks up the words of the @n_tokens tokens from @first that
 * note_contexts() reads, into @found by token (NULL for the others): the
 * capitalised words and their neighbours, or with @all every word, for
 * tag_tokens() to read again. They are looked up together, each once. */
static void
look_up_piece (PithNerVocabulary  *vocabulary,
               Workspace          *workspace,
               const char         *text,
               const PithLayer    *tokens,
               guint               first,
               guint               n_tokens,
               gboolean            all,
               PithNerToken      **found)
{
  GPtrArray *words = workspace->noted_words;
  GArray *lengths = workspace->noted_lengths;
  GPtrArray *compact = workspace->noted_tokens;
  guint8 *needed;

  g_byte_array_set_size (workspace->noted_needed, n_tokens);
  needed = workspace->noted_needed->data;
  memset (needed, all, n_tokens);
  for (guint k = 0; k < n_tokens && !all; k++)
    if (pith_utf8_opens_with_upper (text + pith_layer_start (tokens, first + k)))
      for (guint at = MAX (k, 1) - 1; at <= k + 1 && at < n_tokens; at++)
        needed[at] = TRUE;

  {
    guint n_words = 0;

    /* Room for every token, then as many as are needed: this runs for
     * every token of the document. */
    g_ptr_array_set_size (words, n_tokens);
    g_array_set_size (lengths, n_tokens);
    for (guint k = 0; k < n_tokens; k++)
      if (needed[k])
        {
          words->pdata[n_words] = (gpointer) token_word (text, tokens, first + k,
                                                         &g_array_index (lengths, gsize, n_words));
          n_words++;
        }
    g_ptr_array_set_size (words, n_words);
    g_array_set_size (lengths, n_words);
  }
  g_ptr_array_set_size (compact, words->len);
  pith_ner_vocabulary_lookup_all (vocabulary, (const char * const *) words->pdata,
                                  (const gsize *) (gpointer) lengths->data, words->len,
                                  all ? found : (PithNerToken **) compact->pdata);
  for (guint k = 0, n = 0; k < n_tokens && !all; k++)
    found[k] = needed[k] ? compact->pdata[n++] : NULL;
}

/* Notes where the capitalised words of the @n_tokens tokens from @first,
 * tagged together, stand, as tag_tokens() will read them; @found holds
 * the tokens look_up_piece() found. */
static void
note_contexts (PithNerDocument   *context,
               PithNerVocabulary *vocabulary,
               const char        *text,
               const PithLayer   *tokens,
               guint              first,
               guint              n_tokens,
               PithNerToken     **found)
{
  for (guint k = 0; k < n_tokens; k++)
    if (pith_utf8_opens_with_upper (text + pith_layer_start (tokens, first + k)))
      pith_ner_document_add_context (context,
                                     k == 0 ? pith_ner_vocabulary_marker (vocabulary, FALSE) : found[k - 1],
                                     found[k],
                                     k + 1 < n_tokens ? found[k + 1] : pith_ner_vocabulary_marker (vocabulary, TRUE));
}

/* Tags the @n_tokens tokens from @first of one sentence and adds their
 * entities; with no @context, the rules' entities alone (a document in a
 * language the models do not know). */
static void
tag_tokens (PithEntityRecognizer *self,
            PithDocument         *document,
            const char           *text,
            const PithLayer      *tokens,
            guint                 first,
            guint                 n_tokens,
            PithNerDocument      *context,
            PithNerToken * const *noted,
            Workspace            *workspace)
{
  GPtrArray *words = workspace->words;
  GString *buffer = workspace->buffer;
  int *tags;
  float *margins;
  guint8 *marks;
  PithNerSentence sentence = { NULL, };
  gboolean cased;
  gboolean relabelled;
  const PithNerModel *model;
  PithNerVocabulary *vocabulary;

  g_ptr_array_set_size (words, 0);
  g_string_truncate (buffer, 0);
  g_array_set_size (workspace->tags, 0);
  g_array_set_size (workspace->tags, n_tokens);
  tags = (int *) (gpointer) workspace->tags->data;
  g_array_set_size (workspace->margins, n_tokens);
  margins = (float *) (gpointer) workspace->margins->data;
  g_byte_array_set_size (workspace->marks, n_tokens);
  marks = workspace->marks->data;
  memset (marks, 0, n_tokens);
  g_byte_array_set_size (workspace->defined, n_tokens);
  memset (workspace->defined->data, 0, n_tokens);

  /* The sentence's words, nul-terminated, side by side in one buffer. A
   * token longer than any name (a base64 blob, a 10 MB "word") is tagged
   * as what it is, a long token, instead of being copied thrice. The
   * buffer is sized first, so it does not move while it is filled. */
  {
    gsize size = 0;
    char *out;

    for (guint i = 0; i < n_tokens; i++)
      {
        gsize length;

        token_word (text, tokens, first + i, &length);
        size += length + 1;
      }
    g_string_set_size (buffer, size);
    g_ptr_array_set_size (words, n_tokens);
    out = buffer->str;
    for (guint i = 0; i < n_tokens; i++)
      {
        gsize length;
        const char *word = token_word (text, tokens, first + i, &length);

        memcpy (out, word, length);
        out[length] = '\0';
        words->pdata[i] = out;
        out += length + 1;
      }
  }

  if (context == NULL)
    {
      /* Tags zeroed above are all O; no word has a kind of the English
       * word list, so only digits and signs make rule entities. */
      g_ptr_array_set_size (workspace->rule_kinds, 0);
      g_ptr_array_set_size (workspace->rule_kinds, n_tokens);
      add_sentence_entities (self, NULL, TRUE, document, tokens, first, workspace);
      return;
    }

  /* A sentence without case goes to the model for such text, with a
   * vocabulary of its own: its scores per word are that model's. */
  cased = shows_case (words);
  model = is_caseless (words) ? self->caseless_model : self->model;
  vocabulary = workspace->vocabulary;
  if (model != self->model)
    {
      if (workspace->caseless_vocabulary == NULL)
        workspace->caseless_vocabulary = pith_ner_vocabulary_new (CASELESS_VOCABULARY_MAX_WORDS);
      vocabulary = workspace->caseless_vocabulary;
    }

  sentence.words = (const char **) words->pdata;
  sentence.n_words = n_tokens;
  sentence.all_caps = pith_ner_is_all_caps (sentence.words, sentence.n_words);
  sentence.gazetteer = marks;
  sentence.tokens = NULL;
  sentence.scratch = &workspace->scratch;
  /* A name in a sentence that shows case holds a capital (those without
   * are dropped): the tagger need not search runs of plain words. */
  sentence.skips_plain_runs = cased;
  if (noted != NULL && vocabulary == workspace->vocabulary)
    pith_ner_sentence_prepare_from (&sentence, vocabulary, noted);
  else
    pith_ner_sentence_prepare (&sentence, vocabulary);
  pith_ner_mark_gazetteer (&sentence, marks);
  pith_ner_tag_sentence (model, &sentence, context, tags, margins);
  /* A name the conventions of news overrule or join is remembered as
   * they say; both conventions apply, whatever the first changed. */
  relabelled = pith_entity_appositions_apply (sentence.words, n_tokens, marks, tags, margins,
                                              workspace->defined->data);
  relabelled |= pith_entity_joins_apply (sentence.words, n_tokens, marks, tags, margins, workspace->possessives);
  if (relabelled)
    for (guint i = 0; i < n_tokens; i++)
      pith_ner_document_remember (context, sentence.words[i], tags[i]);
  g_ptr_array_set_size (workspace->rule_kinds, n_tokens);
  for (guint i = 0; i < n_tokens; i++)
    workspace->rule_kinds->pdata[i] = (gpointer) sentence.tokens[i]->rule_kind;
  pith_ner_sentence_clear (&sentence);

  add_sentence_entities (self, model, cased, document, tokens, first, workspace);
}

static Workspace *
take_workspace (PithEntityRecognizer *self)
{
  Workspace *workspace = NULL;

  g_mutex_lock (&self->workspaces_lock);
  pith_tsan_acquire (&self->workspaces_lock);
  if (self->workspaces->len > 0)
    workspace = g_ptr_array_steal_index_fast (self->workspaces, self->workspaces->len - 1);
  pith_tsan_release (&self->workspaces_lock);
  g_mutex_unlock (&self->workspaces_lock);

  return workspace != NULL ? workspace : workspace_new ();
}

static void
give_back_workspace (PithEntityRecognizer *self,
                     Workspace            *workspace)
{
  g_mutex_lock (&self->workspaces_lock);
  pith_tsan_acquire (&self->workspaces_lock);
  g_ptr_array_add (self->workspaces, workspace);
  pith_tsan_release (&self->workspaces_lock);
  g_mutex_unlock (&self->workspaces_lock);
}

/* Where the walk over the runs of tokens tagged together stands. */
typedef struct
{
  guint sentence;           /* the next sentence */
  guint token;              /* the next token */
  guint sentence_end;       /* the end of the current sentence's tokens */
} PieceCursor;

/* The next run of tokens tagged together, @first and @n_tokens: each
 * sentence's tokens (tokens and sentences are sorted), and a "sentence" of
 * a million tokens (a list, a page without full stops) in pieces, so the
 * tagger's memory per sentence stays bounded; no real sentence is this
 * long. FALSE after the last. */
static gboolean
next_piece (const PithLayer *tokens,
            const PithLayer *sentences,
            PieceCursor     *cursor,
            guint           *first,
            guint           *n_tokens)
{
  guint n_all = pith_layer_get_n_spans (tokens);

  while (cursor->token >= cursor->sentence_end)
    {
      if (cursor->sentence >= pith_layer_get_n_spans (sentences))
        return FALSE;
      while (cursor->token < n_all && pith_layer_end (tokens, cursor->token) <= pith_layer_start (sentences, cursor->sentence))
        cursor->token++;
      cursor->sentence_end = cursor->token;
      while (cursor->sentence_end < n_all &&
             pith_layer_start (tokens, cursor->sentence_end) < pith_layer_end (sentences, cursor->sentence))
        cursor->sentence_end++;
      cursor->sentence++;
    }
  *first = cursor->token;
  *n_tokens = MIN (MAX_TAGGED_TOKENS, cursor->sentence_end - cursor->token);
  cursor->token += *n_tokens;
  return TRUE;
}

static gboolean
recognize (PithEntityRecognizer  *self,
           PithDocument          *document,
           gboolean               with_model,
           Workspace             *workspace,
           GCancellable          *cancellable,
           GError               **error)
{
  const char *text = pith_document_get_text (document);
  const PithLayer *tokens;
  const PithLayer *sentences;
  guint n_tokens = 0;
  PithNerDocument *context = NULL;
  PieceCursor noting = { 0, };
  PieceCursor tagging = { 0, };
  gboolean keeps_tokens;
  guint first;
  guint n_piece;

  if (!pith_document_has_layer (document, PITH_LAYER_TOKEN) ||
      !pith_document_has_layer (document, PITH_LAYER_SENTENCE))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "The entities stage needs tokens and sentences: put segment before it");
      return FALSE;
    }

  /* The document's words are read three times: once for the words it
   * writes in lowercase (and whether they are a sports report's), once for
   * where its capitalised words stand, then sentence by sentence; only one
   * sentence's words are copied at a time. */
  tokens = pith_document_peek_layer (document, PITH_LAYER_TOKEN);
  n_tokens = pith_layer_get_n_spans (tokens);
  /* The document's memory is the workspace's, emptied: its tables keep
   * their room from one document to the next. */
  if (with_model)
    {
      if (workspace->ner_document == NULL)
        workspace->ner_document = pith_ner_document_new ();
      context = workspace->ner_document;
      pith_ner_document_reset (context);
    }
  for (guint i = 0; i < n_tokens && with_model; i++)
    {
      guint32 start = pith_layer_start (tokens, i);

      if (g_ascii_islower (text[start]) || (guchar) text[start] >= 0x80)
        pith_ner_document_add_word (context, text + start, pith_layer_end (tokens, i) - start);
    }

  pith_document_add_span_bytes (document, PITH_LAYER_ENTITY, 1, 0, 0, 0.0);
  sentences = pith_document_peek_layer (document, PITH_LAYER_SENTENCE);

  /* Then where its capitalised words stand, all before the first is
   * tagged. A short document's words are all looked up then, once, and
   * tagged from there: the vocabulary forgets none until it is tagged,
   * and holds at most a short document's words more than it keeps. */
  keeps_tokens = with_model && n_tokens <= KEPT_TOKENS_MAX;
  g_ptr_array_set_size (workspace->document_tokens, keeps_tokens ? n_tokens : 0);
  while (with_model && next_piece (tokens, sentences, &noting, &first, &n_piece))
    {
      PithNerToken **found;

      if (keeps_tokens)
        found = (PithNerToken **) workspace->document_tokens->pdata + first;
      else
        {
          pith_ner_vocabulary_trim (workspace->vocabulary);
          g_ptr_array_set_size (workspace->document_tokens, n_piece);
          found = (PithNerToken **) workspace->document_tokens->pdata;
        }
      look_up_piece (workspace->vocabulary, workspace, text, tokens, first, n_piece, keeps_tokens, found);
      note_contexts (context, workspace->vocabulary, text, tokens, first, n_piece, found);
    }

  while (next_piece (tokens, sentences, &tagging, &first, &n_piece))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!keeps_tokens)
        pith_ner_vocabulary_trim (workspace->vocabulary);
      if (workspace->caseless_vocabulary != NULL)
        pith_ner_vocabulary_trim (workspace->caseless_vocabulary);
      tag_tokens (self, document, text, tokens, first, n_piece, context,
                  keeps_tokens ? (PithNerToken * const *) workspace->document_tokens->pdata + first : NULL,
                  workspace);
    }
  g_ptr_array_set_size (workspace->document_tokens, 0);
  pith_ner_vocabulary_trim (workspace->vocabulary);

  /* After a long document most of the vocabulary is its own words, which
   * the next stages' memory can take instead: it keeps the most used. A
   * stream of articles keeps them all for the next. */
  if (n_tokens > LONG_DOCUMENT_TOKENS)
    {
      pith_ner_vocabulary_forget_old (workspace->vocabulary, VOCABULARY_KEPT_AFTER_LONG);
      if (workspace->caseless_vocabulary != NULL)
        pith_ner_vocabulary_forget_old (workspace->caseless_vocabulary, CASELESS_VOCABULARY_KEPT_AFTER_LONG);
    }

  g_hash_table_remove_all (workspace->definitions);
  g_hash_table_remove_all (workspace->possessives);
  pith_document_take_report_table (document, "entity_groups", pith_entity_groups_build (document));
  return TRUE;
}

static gboolean
pith_entity_recognizer_process (PithStage     *stage,
                                PithDocument  *document,
                                GCancellable  *cancellable,
                                GError       **error)
{
  PithEntityRecognizer *self = PITH_ENTITY_RECOGNIZER (stage);
  const char *language;
  gboolean with_model;
  Workspace *workspace;
  gboolean recognized;

  if (self->model == NULL &&
      !g_initable_init (G_INITABLE (self), cancellable, error))
    return FALSE;

  language = pith_document_get_language (document);
  with_model = self->model_path != NULL || language == NULL || pith_language_tag_is (language, "en");
  if (!with_model)
    {
      g_autoptr(JsonObject) report = json_object_new ();
      g_autofree char *reason = g_strdup_printf ("no model for \"%s\"", language);

      json_object_set_string_member (report, "skipped", reason);
      pith_document_set_report (document, "entity_recognition", report);
    }

  workspace = take_workspace (self);
  recognized = recognize (self, document, with_model, workspace, cancellable, error);
  give_back_workspace (self, workspace);
  return recognized;
}

static void
pith_entity_recognizer_finalize (GObject *object)
{
  PithEntityRecognizer *self = PITH_ENTITY_RECOGNIZER (object);

  g_free (self->model_path);
  g_free (self->caseless_model_path);
  g_free (self->patterns_path);
  g_clear_pointer (&self->own_model, pith_ner_model_free);
  g_clear_pointer (&self->own_caseless_model, pith_ner_model_free);
  g_clear_pointer (&self->patterns, g_ptr_array_unref);
  g_ptr_array_unref (self->workspaces);
  g_mutex_clear (&self->workspaces_lock);

  G_OBJECT_CLASS (pith_entity_recognizer_parent_class)->finalize (object);
}

static void
pith_entity_recognizer_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PithEntityRecognizer *self = PITH_ENTITY_RECOGNIZER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_string (value, self->model_path);
      break;
    case PROP_CASELESS_MODEL:
      g_value_set_string (value, self->caseless_model_path);
      break;
    case PROP_PATTERNS:
      g_value_set_string (value, self->patterns_path);
      break;
    case PROP_MERGE:
      g_value_set_enum (value, self->merge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_entity_recognizer_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PithEntityRecognizer *self = PITH_ENTITY_RECOGNIZER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_free (self->model_path);
      self->model_path = g_value_dup_string (value);
      break;
    case PROP_CASELESS_MODEL:
      g_free (self->caseless_model_path);
      self->caseless_model_path = g_value_dup_string (value);
      break;
    case PROP_PATTERNS:
      g_free (self->patterns_path);
      self->patterns_path = g_value_dup_string (value);
      break;
    case PROP_MERGE:
      self->merge = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_entity_recognizer_class_init (PithEntityRecognizerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PithStageClass *stage_class = PITH_STAGE_CLASS (klass);

  object_class->finalize = pith_entity_recognizer_finalize;
  object_class->get_property = pith_entity_recognizer_get_property;
  object_class->set_property = pith_entity_recognizer_set_property;
  stage_class->process = pith_entity_recognizer_process;

  pith_stage_class_set_description (stage_class,
                                    "Finds the names of people, organisations, places and other "
                                    "things (PER, ORG, LOC, MISC), grouped by what they name, and "
                                    "dates, times, sums of money, percentages, quantities and "
                                    "numbers (DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL)");
  {
    static const char * const needs[] = { PITH_LAYER_TOKEN, PITH_LAYER_SENTENCE, NULL };
    static const char * const gives[] = { PITH_LAYER_ENTITY, NULL };
    static const char * const labels[] = {
      "PER", "ORG", "LOC", "MISC",
      "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", NULL,
    };

    pith_stage_class_set_layers (stage_class, needs, gives, PITH_STAGE_FLAGS_NONE);
    pith_stage_class_set_labels (stage_class, labels);
  }

  /**
   * PithEntityRecognizer:model:
   *
   * A model file to use instead of the built-in English models, as written
   * by `tools/pith-train-ner`; %NULL for the built-in ones. It tags every
   * sentence unless [property@Pith.EntityRecognizer:caseless-model] is
   * set too.
   */
  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, "A model file instead of the built-in English models", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithEntityRecognizer:caseless-model:
   *
   * A model file for the sentences that show no case (all in capitals or
   * all in lowercase), as `tools/pith-train-ner --caseless` writes it;
   * %NULL for the built-in one, or for the one of
   * [property@Pith.EntityRecognizer:model] when that is set.
   */
  properties[PROP_CASELESS_MODEL] =
    g_param_spec_string ("caseless-model", NULL, "A model file for sentences without case", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithEntityRecognizer:patterns:
   *
   * A file of the user's own entities, JSON Lines of
   * `{"label": "ORG", "pattern": "Pith Project"}`, or with `"pattern"` a
   * list of tokens, and `"lower": true` to match without regard to case.
   * Labels may be new ones. [property@Pith.EntityRecognizer:merge] says
   * what happens where a match overlaps what the model found.
   */
  properties[PROP_PATTERNS] =
    g_param_spec_string ("patterns", NULL, "A JSON Lines file of {\"label\", \"pattern\"} entities", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithEntityRecognizer:merge:
   *
   * How matches of [property@Pith.EntityRecognizer:patterns] merge with
   * the model's entities.
   */
  properties[PROP_MERGE] =
    g_param_spec_enum ("merge", NULL, "Pattern matches against the model: model-wins, patterns-win or longest",
                       PITH_TYPE_ENTITY_MERGE, PITH_ENTITY_MERGE_MODEL_WINS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pith_entity_recognizer_init (PithEntityRecognizer *self)
{
  for (guint i = 0; i < PITH_NER_N_TYPES; i++)
    self->labels[i] = g_quark_from_static_string (pith_ner_types[i]);
  g_mutex_init (&self->workspaces_lock);
  self->workspaces = g_ptr_array_new_with_free_func ((GDestroyNotify) workspace_free);
}

/**
 * pith_entity_recognizer_new:
 * @error: return location for an error
 *
 * Creates an `entities` stage with the built-in model.
 *
 * Returns: (transfer full) (nullable): a new stage, or %NULL if the model
 *   cannot be read
 */
PithStage *
pith_entity_recognizer_new (GError **error)
{
  return g_initable_new (PITH_TYPE_ENTITY_RECOGNIZER, NULL, error, NULL);
}
