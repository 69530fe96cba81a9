/* pith-sentence-graph-private.h: sentences as vectors, and their centrality
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-document.h"
#include "pith-stemmer-private.h"
#include "pith-word-table-private.h"
#include "pith-word-list-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint first_token;
  guint n_tokens;
  guint n_words;            /* alphanumeric tokens */
  guint n_terms;
  guint terms_start;        /* into the graph's all_terms and all_tf */
  float norm;               /* of the sentence's tf × idf vector; 1 when that is 0 */
} PithSentenceVector;

typedef struct
{
  PithSentenceVector *sentences;
  guint n_sentences;
  /* Every sentence's terms in sentence order, each sentence's sorted by
   * term, and each term's count in its sentence (at most 255): five
   * bytes a term, the weights computed where they are read. */
  guint32 *all_terms;
  guint8 *all_tf;
  float log_tf[256];        /* logf (tf) */
  PithWordTable *terms;     /* the stems; a term id is its stem's number */
  guint *document_frequency; /* term id -> sentences it is in */
  float *idf;
  /* Token index -> term id + 1 (0 for stop words and punctuation), in
   * two bytes; PITH_SENTENCE_GRAPH_LATE_TERM for a term numbered past
   * what two bytes hold, whose id is then in late_terms. Those are the
   * document's rarest stems, met once or twice each: a few of its tokens
   * where two more bytes for every token would be tens of megabytes. */
  guint16 *token_terms;
  GArray *late_terms;       /* of PithLateTerm, by token */
  guint n_tokens;
  gsize text_length;        /* bytes of the document's text */
} PithSentenceGraph;

#define PITH_SENTENCE_GRAPH_LATE_TERM G_MAXUINT16

typedef struct
{
  guint32 token;
  guint32 stored;           /* term id + 1 */
} PithLateTerm;

guint32 pith_sentence_graph_late_term (const PithSentenceGraph *self,
                                       guint                    t);

/* The term of token @t, or -1 for a stop word or punctuation. */
static inline int
pith_sentence_graph_token_term (const PithSentenceGraph *self,
                                guint                    t)
{
  guint32 stored = self->token_terms[t];

  if (G_UNLIKELY (stored == PITH_SENTENCE_GRAPH_LATE_TERM))
    stored = pith_sentence_graph_late_term (self, t);
  return (int) stored - 1;
}

/* The terms of sentence @s, sorted; pith_sentence_graph_term_weight()
 * gives the weight of each. */
static inline const guint32 *
pith_sentence_graph_sentence_terms (const PithSentenceGraph *self,
                                    guint                    s)
{
  return self->all_terms + self->sentences[s].terms_start;
}

/* The weight of sentence @s's @k-th term: (1 + log tf) × idf, scaled to
 * unit length, in the float steps it was always computed in. */
static inline float
pith_sentence_graph_term_weight (const PithSentenceGraph *self,
                                 guint                    s,
                                 guint                    k)
{
  const PithSentenceVector *vector = &self->sentences[s];
  gsize i = (gsize) vector->terms_start + k;

  return (1.0f + self->log_tf[self->all_tf[i]]) * self->idf[self->all_terms[i]] / vector->norm;
}

/* How many terms the document has. */
static inline guint
pith_sentence_graph_n_terms (const PithSentenceGraph *self)
{
  return pith_word_table_size (self->terms);
}

/* The stem term @term stands for. */
static inline const char *
pith_sentence_graph_term_text (const PithSentenceGraph *self,
                               guint                    term)
{
  return pith_word_table_get_word (self->terms, term);
}

/* The document's sentences as vectors of the stems @stemmer gives. */
PithSentenceGraph *pith_sentence_graph_new     (PithDocument       *document,
                                                PithStemmer        *stemmer);
void               pith_sentence_graph_free    (PithSentenceGraph  *self);
float              pith_sentence_graph_similarity (const PithSentenceGraph *self,
                                                   guint                    a,
                                                   guint                    b);
/* TextRank over cosine similarities of sentences at most @window apart
 * (or fewer, for a document of many short sentences that all share their
 * stems: the graph holds no more pairs than half the text's bytes); @degrees,
 * when not NULL, gets each sentence's sum of similarities. */
void               pith_sentence_graph_rank    (const PithSentenceGraph *self,
                                                guint                    window,
                                                float                    threshold,
                                                float                   *ranks,
                                                float                   *degrees);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithSentenceGraph, pith_sentence_graph_free)

G_END_DECLS
