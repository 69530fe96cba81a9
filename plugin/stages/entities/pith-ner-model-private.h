/* pith-ner-model-private.h: the entity tagger's model and decoder
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tags: O, then B-, I-, L-, U- for each of PER, ORG, LOC, MISC (BILOU). */
#define PITH_NER_N_TYPES 4
#define PITH_NER_N_TAGS (1 + 4 * PITH_NER_N_TYPES)
#define PITH_NER_TAG_O 0

/* Bumped whenever feature extraction changes: a model trained with other
 * features is refused. */
#define PITH_NER_FEATURE_VERSION 8

extern const char * const pith_ner_types[PITH_NER_N_TYPES];

/* The index of each type in pith_ner_types. */
typedef enum {
  PITH_NER_TYPE_PER,
  PITH_NER_TYPE_ORG,
  PITH_NER_TYPE_LOC,
  PITH_NER_TYPE_MISC,
} PithNerType;

typedef enum {
  PITH_NER_PART_B,
  PITH_NER_PART_I,
  PITH_NER_PART_L,
  PITH_NER_PART_U,
} PithNerPart;

static inline int
pith_ner_tag (int         type,
              PithNerPart part)
{
  return 1 + type * 4 + (int) part;
}

static inline int
pith_ner_tag_type (int tag)
{
  return tag == PITH_NER_TAG_O ? -1 : (tag - 1) / 4;
}

static inline PithNerPart
pith_ner_tag_part (int tag)
{
  return (PithNerPart) ((tag - 1) % 4);
}

/* The last word of the name of @tags that holds word @i: the L- that
 * closes it, or the word before an O, a B- or a U-. */
static inline guint
pith_ner_name_last (const int *tags,
                    guint      n_words,
                    guint      i)
{
  guint last = i;

  while (tags[last] != PITH_NER_TAG_O &&
         (pith_ner_tag_part (tags[last]) == PITH_NER_PART_B || pith_ner_tag_part (tags[last]) == PITH_NER_PART_I) &&
         last + 1 < n_words && tags[last + 1] != PITH_NER_TAG_O &&
         pith_ner_tag_part (tags[last + 1]) != PITH_NER_PART_B && pith_ner_tag_part (tags[last + 1]) != PITH_NER_PART_U)
    last++;
  return last;
}

/* Tags the words from @first to @last as one name of @type. */
static inline void
pith_ner_tag_as_name (int   *tags,
                      guint  first,
                      guint  last,
                      int    type)
{
  for (guint k = first; k <= last; k++)
    tags[k] = pith_ner_tag (type, k == first ? (k == last ? PITH_NER_PART_U : PITH_NER_PART_B)
                                             : (k == last ? PITH_NER_PART_L : PITH_NER_PART_I));
}

gboolean    pith_ner_transition_allowed (int previous,
                                         int next);
const char *pith_ner_tag_name           (int tag);

/* Where a word stands from the word being tagged: the features a word
 * gives depend on that place alone, so a vocabulary can add them up once
 * per word and model. */
typedef enum {
  PITH_NER_PLACE_SELF,
  PITH_NER_PLACE_BEFORE_PREVIOUS,   /* two words before */
  PITH_NER_PLACE_PREVIOUS,
  PITH_NER_PLACE_NEXT,
  PITH_NER_PLACE_AFTER_NEXT,        /* two words after */
  PITH_NER_N_PLACES
} PithNerPlace;

/* Each place's offset from the tagged word: 0, -2, -1, +1, +2. */
extern const int pith_ner_place_offsets[PITH_NER_N_PLACES];

/* The (previous tag, tag) pairs the BILOU transitions allow: 9 before O,
 * each B- and each U-, 2 before each I- and L-. Transition scores are
 * kept for these pairs only, tag by tag, previous tags in increasing order. */
#define PITH_NER_N_PAIRS (9 * 9 + 8 * 2)

/* What the features read of one word, worked out once per vocabulary. */
typedef struct
{
  const char *word;         /* as written */
  char *lower;              /* lowercase, digits folded to 0 */
  char *down;               /* lowercase */
  gboolean forms_inline;    /* lower and down are in the caller's room */
  gboolean looked_up;       /* again, before the vocabulary's clock took it */
  guint clock_place;        /* where on the vocabulary's clock, or G_MAXUINT */
  gboolean capitalised;     /* begins with an uppercase letter */
  gboolean plain;           /* lowercase ASCII letters and ASCII punctuation only */
  gboolean lists_read;      /* share, clusters, names and prefixes below are set */
  guint64 contexts_serial;  /* the document whose contexts are cached, 0: none */
  gpointer contexts;        /* its WordContexts of the word, or NULL */
  char shape[32];
  char short_shape[16];
  const char *share;        /* capitalisation in news, or "unseen" */
  guint16 clusters[3];      /* word clusters, coarse to fine (pith-word-clusters-private.h) */
  guint64 word_hash;        /* FNV-1a of word, the document's memory's key */
  guint64 lower_hash;       /* hashes of lower and short_shape, which the */
  guint64 short_shape_hash; /* transition features join with a tag */
  guint names_opened;       /* most words of a gazetteer name it opens, when capitalised */
  guint name_types;         /* with names_opened, the gazetteer's types of it alone, a bit each */
  const char *rule_kind;    /* pith_entity_rules_kind_of() the word */
  guint64 cap_first_prefixes[2]; /* "cap|first=" share "|", then "0" or "1" done */

  /* The word's weights under the model numbered scored_by (0: none yet),
   * added up per place, and the weights of its word transitions for each
   * allowed pair, one feature's each, as the model stores them (half the
   * size of floats; the scale makes them scores). Shape transitions are
   * the same for every word of a shape: the decoder scores those once a
   * run, in its scratch buffers (once a sentence without them). */
  guint scored_by;
  gint32 scores[PITH_NER_N_PLACES][PITH_NER_N_TAGS];
  gint16 word_transitions[PITH_NER_N_PAIRS];
} PithNerToken;

/* @forms: nullable; room for 2 × (strlen (@word) + 1) bytes, where the
 * lowercase forms of an ASCII word are kept instead of allocated. */
void pith_ner_token_init  (PithNerToken *token,
                           const char   *word,
                           char         *forms);
/* pith_ner_token_init() but for what the word lists and the clusters say
 * of the word (share, clusters, names_opened, name_types and
 * cap_first_prefixes), which pith_ner_token_need_lists() reads when they
 * are first needed: a vocabulary's new word in a run of plain words that
 * the tagger leaves out never needs them. */
void pith_ner_token_init_forms (PithNerToken *token,
                                const char   *word,
                                char         *forms);
void pith_ner_token_read_lists (PithNerToken *token);

static inline PithNerToken *
pith_ner_token_need_lists (PithNerToken *token)
{
  if (!token->lists_read)
    pith_ner_token_read_lists (token);
  return token;
}
/* The 64-bit FNV-1a hash of the @length bytes at @word: token->word_hash. */
guint64 pith_ner_word_hash (const char *word,
                            gsize       length);
void pith_ner_token_clear (PithNerToken *token);

/* The words a run has prepared, each once: its tokens are shared by the
 * sentences prepared from it and live as long as it, or until trimmed.
 * One thread at a time uses a vocabulary. */
typedef struct _PithNerVocabulary PithNerVocabulary;

/* @max_words: how many words pith_ner_vocabulary_trim() lets it keep;
 * 0 for no limit. */
PithNerVocabulary *pith_ner_vocabulary_new    (guint              max_words);
void               pith_ner_vocabulary_free   (PithNerVocabulary *self);
/* The token of the @length bytes at @word (valid UTF-8, no nul). */
PithNerToken      *pith_ner_vocabulary_lookup (PithNerVocabulary *self,
                                               const char        *word,
                                               gsize              length);
/* The tokens of @n_words @words, into @tokens: as
 * pith_ner_vocabulary_lookup() for each, with the memory asked for the
 * words together. @lengths are the words' (%NULL: each is nul-terminated). */
void               pith_ner_vocabulary_lookup_all (PithNerVocabulary  *self,
                                                   const char * const *words,
                                                   const gsize        *lengths,
                                                   guint               n_words,
                                                   PithNerToken      **tokens);
/* The sentence start ("<s>") or end ("</s>") marker. */
PithNerToken      *pith_ner_vocabulary_marker (PithNerVocabulary *self,
                                               gboolean           end);
guint              pith_ner_vocabulary_get_size (PithNerVocabulary *self);
/* Forgets words not looked up for the longest when there are more than
 * max_words, and max_words / 64 more wait to be forgotten; call it only
 * while no prepared sentence is in use. */
void               pith_ner_vocabulary_trim   (PithNerVocabulary *self);
/* Forgets words down to @max_kept, those not looked up for the longest
 * first; call it only while no prepared sentence is in use. */
void               pith_ner_vocabulary_forget_old (PithNerVocabulary *self,
                                                   guint              max_kept);

typedef struct _PithNerShapeScores PithNerShapeScores;
typedef struct _PithNerKindScores PithNerKindScores;

/* Buffers a tagger keeps from sentence to sentence, and from document to
 * document, instead of allocating them for each sentence; zero-filled to
 * start. */
typedef struct
{
  PithNerToken **tokens;
  gsize tokens_capacity;
  guint8 *back;             /* the search's back pointers */
  gsize back_capacity;
  float *lattice;           /* per word and tag: the best path's score to
                             * it, then the emission; for the margins */
  gsize lattice_capacity;
  PithNerShapeScores *shapes; /* the shape transitions last scored */
  PithNerKindScores *kinds;   /* the kinds of words last scored */
} PithNerScratch;

void pith_ner_scratch_clear (PithNerScratch *scratch);

/* One sentence of tokens, as the features see it. */
typedef struct
{
  const char **words;       /* nul-terminated token strings */
  guint n_words;
  gboolean all_caps;        /* a headline line in capitals */
  const guint8 *gazetteer;  /* per word: bit t if a name of type t starts
                             * there, bit 4 + t if one goes on; nullable */
  PithNerToken **tokens;    /* set by pith_ner_sentence_prepare(): tokens[-2]
                             * to tokens[n_words + 1], the markers around */
  PithNerScratch *scratch;  /* nullable: buffers to reuse */
  /* Whether the decoder may take the plain words more than
   * PITH_NER_PLAIN_REACH from any other for O without searching them: in
   * a sentence that shows case, where a name of plain words alone is none
   * (see viterbi_with_model()). */
  gboolean skips_plain_runs;
} PithNerSentence;

/* How far a name reaches from the words names are made of into plain
 * words (PithNerToken.plain): "Bank of the West", "Las Vegas police". */
#define PITH_NER_PLAIN_REACH 2

/* A headline line in capitals: no lowercase letter, four letters at least. */
gboolean pith_ner_is_all_caps (const char * const *words,
                               guint               n_words);

/* Points @sentence's tokens at @vocabulary's. */
void pith_ner_sentence_prepare (PithNerSentence   *sentence,
                                PithNerVocabulary *vocabulary);
/* Points @sentence's tokens at @tokens, its words' in @vocabulary,
 * looked up already. */
void pith_ner_sentence_prepare_from (PithNerSentence      *sentence,
                                     PithNerVocabulary    *vocabulary,
                                     PithNerToken * const *tokens);
void pith_ner_sentence_clear   (PithNerSentence   *sentence);

/* The types the built-in gazetteer gives the name of the @n_words words
 * at @words (case aside): bit t for the type of pith_ner_types[t]. */
guint pith_ner_gazetteer_types (const char * const *words,
                                guint               n_words);

/* Marks where the names of the built-in gazetteer stand in @sentence;
 * @marks has one byte per word. Faster on a prepared sentence. */
void pith_ner_mark_gazetteer (const PithNerSentence *sentence,
                              guint8                *marks);

/* What the document said so far: the type a word was tagged with before,
 * whether it appears in lowercase anywhere, and what stands around its
 * capitalised words. Owned by one run. */
typedef struct _PithNerDocument PithNerDocument;

PithNerDocument *pith_ner_document_new          (void);
void             pith_ner_document_free         (PithNerDocument    *self);
/* Empties @self for another document, keeping its room. */
void             pith_ner_document_reset        (PithNerDocument    *self);
/* Notes a word of the document, for "written in lowercase somewhere" and
 * for whether the document is a sports report: every lowercase word must
 * be noted before its first sentence is tagged. */
void             pith_ner_document_add_word     (PithNerDocument    *self,
                                                 const char         *word,
                                                 gsize               length);
/* Notes where a word of the document stands, between @previous and @next
 * (a capitalised word's contexts are features wherever it stands): every
 * word must be noted before its first sentence is tagged. */
void             pith_ner_document_add_context  (PithNerDocument    *self,
                                                 PithNerToken       *previous,
                                                 PithNerToken       *token,
                                                 PithNerToken       *next);
void             pith_ner_document_remember     (PithNerDocument    *self,
                                                 const char         *word,
                                                 int                 tag);

/* Hashes of the features of token @i that do not depend on tags. */
#define PITH_NER_MAX_FEATURES 160
guint pith_ner_features            (const PithNerSentence *sentence,
                                    guint                  i,
                                    const PithNerDocument *document,
                                    guint64               *hashes);
/* Of those, the ones that @token gives the word it stands @place from;
 * at most PITH_NER_MAX_FEATURES / 2. */
guint pith_ner_word_features       (const PithNerToken    *token,
                                    PithNerPlace           place,
                                    guint64               *hashes);

/* A word's features are of two parts: those of its letters (the word,
 * its lowercase, its shape and affixes), and those of its kind alone (its
 * short shape, its share of capitals in news, its clusters), the same for
 * every word of that kind. */
typedef enum {
  PITH_NER_WORD_OWN = 1 << 0,
  PITH_NER_WORD_KIND = 1 << 1,
  PITH_NER_WORD_ALL = PITH_NER_WORD_OWN | PITH_NER_WORD_KIND
} PithNerWordPart;

/* pith_ner_word_features(), of @parts only: the two parts' together are
 * those of PITH_NER_WORD_ALL, in another order. */
guint pith_ner_word_features_of    (const PithNerToken    *token,
                                    PithNerPlace           place,
                                    PithNerWordPart        parts,
                                    guint64               *hashes);
/* The rest: pairs of words, the place in the sentence, the gazetteer and
 * the document memory; at most PITH_NER_MAX_FEATURES / 2. */
guint pith_ner_context_features    (const PithNerSentence *sentence,
                                    guint                  i,
                                    const PithNerDocument *document,
                                    guint64               *hashes);

/* pith_ner_context_features() without what stands around the word
 * elsewhere in the document, which pith_ner_document_elsewhere() gives. */
guint pith_ner_local_context_features (const PithNerSentence *sentence,
                                       guint                  i,
                                       const PithNerDocument *document,
                                       guint64               *hashes);

/* The weights of a word's features of elsewhere in the document, summed
 * for @model once per document: they are the same wherever it stands. */
typedef struct
{
  gconstpointer model;      /* whose weights these are, or NULL */
  gint32 sums[PITH_NER_N_TAGS];
} PithNerContextSums;

/* The features of elsewhere of @token (capitalised) in @items, and where
 * their sums are kept; NULL if it has none. */
PithNerContextSums *pith_ner_document_elsewhere (const PithNerDocument *self,
                                                 PithNerToken          *token,
                                                 const guint64        **items,
                                                 guint                 *n_items);

/* The features that join token @i with the tag before it: that tag alone,
 * with the word's lowercase form, with the word's shape. */
typedef enum {
  PITH_NER_TRANSITION_TAG,
  PITH_NER_TRANSITION_WORD,
  PITH_NER_TRANSITION_SHAPE,
  PITH_NER_N_TRANSITIONS
} PithNerTransition;

guint64 pith_ner_transition_hash (const PithNerToken *token,
                                  int                 previous,
                                  PithNerTransition   kind);
/* pith_ner_transition_hash() for each previous tag, in @hashes
 * (PITH_NER_N_TAGS of them). */
void    pith_ner_transition_hashes (const PithNerToken *token,
                                    PithNerTransition   kind,
                                    guint64            *hashes);

/* Adds up @weights over @hashes into one score per tag. The shipped model
 * and the trainer's float weights both score through this. */
typedef void (*PithNerScoreFunc) (gconstpointer  weights,
                                  const guint64 *hashes,
                                  guint          n_hashes,
                                  float         *scores);

/* The best tag sequence under @score, within the BILOU transitions
 * (Viterbi, first order). */
void pith_ner_viterbi_with_cost (const PithNerSentence *sentence,
                                 const PithNerDocument *document,
                                 PithNerScoreFunc       score,
                                 gconstpointer          weights,
                                 const int             *gold,
                                 float                  cost,
                                 int                   *tags);
void pith_ner_viterbi (const PithNerSentence *sentence,
                       const PithNerDocument *document,
                       PithNerScoreFunc       score,
                       gconstpointer          weights,
                       int                   *tags);

typedef struct _PithNerModel PithNerModel;

PithNerModel *pith_ner_model_new_from_bytes (GBytes        *bytes,
                                             GError       **error);
void          pith_ner_model_free           (PithNerModel  *self);
guint         pith_ner_model_get_n_buckets  (const PithNerModel *self);
void          pith_ner_model_score          (const PithNerModel *self,
                                             const guint64      *hashes,
                                             guint               n_hashes,
                                             float              *scores);

/* Tags a prepared sentence with the model: the same tags as
 * pith_ner_viterbi() with pith_ner_model_score(), from the scores its
 * vocabulary keeps per word. Then remembers its words and tags in
 * @document for the sentences after it. With @margins, also gives each
 * word the margin of its tag: how much the best path through it beats
 * the best path through any other tag there (max-marginals); NAN for
 * the words outside names, and for every word of a sentence without
 * scratch buffers or longer than PITH_NER_MAX_MARGIN_WORDS. */
#define PITH_NER_MAX_MARGIN_WORDS 1024
void          pith_ner_tag_sentence         (const PithNerModel    *model,
                                             const PithNerSentence *sentence,
                                             PithNerDocument       *document,
                                             int                   *tags,
                                             float                 *margins);

/* How sure a model's names are: a name whose words' smallest margin is m
 * is right with probability 1 / (1 + exp (-(slope × m + offset))), one of
 * unknown margin (a run-on sentence's) with probability unknown. Fitted
 * on held-out data by the trainer. */
typedef struct
{
  float slope;
  float offset;
  float unknown;
} PithNerCalibration;

/* The probability that a name the model found is right, from the smallest
 * margin of its words' tags (NAN when unknown). */
double        pith_ner_model_confidence     (const PithNerModel *self,
                                             float               margin);

/* Writes a model file from float weights [n_buckets][PITH_NER_N_TAGS]. */
GBytes       *pith_ner_model_serialize      (const float              *weights,
                                             guint                     n_buckets,
                                             const PithNerCalibration *calibration);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithNerModel, pith_ner_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithNerDocument, pith_ner_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithNerVocabulary, pith_ner_vocabulary_free)

G_END_DECLS
