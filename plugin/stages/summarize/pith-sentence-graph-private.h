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
  guint term;
  float weight;             /* tf × idf, then scaled to unit length */
} PithTermWeight;

typedef struct
{
  guint first_token;
  guint n_tokens;
  guint n_words;            /* alphanumeric tokens */
  PithTermWeight *terms;    /* sorted by term; into the graph's all_terms */
  guint n_terms;
} PithSentenceVector;

typedef struct
{
  PithSentenceVector *sentences;
  guint n_sentences;
  PithTermWeight *all_terms; /* every sentence's terms, in sentence order */
  PithWordTable *terms;     /* the stems; a term id is its stem's number */
  guint *document_frequency; /* term id -> sentences it is in */
  float *idf;
  /* Token index -> term id + 1 (0 for stop words and punctuation): its
   * low two bytes, and its high two only once the document has more
   * terms than two bytes hold, so that growing past them adds two bytes
   * a token and copies nothing. */
  guint16 *token_terms_low;
  guint16 *token_terms_high;
  guint n_tokens;
} PithSentenceGraph;

/* The term of token @t, or -1 for a stop word or punctuation. */
static inline int
pith_sentence_graph_token_term (const PithSentenceGraph *self,
                                guint                    t)
{
  guint32 stored = self->token_terms_low[t];

  if (self->token_terms_high != NULL)
    stored |= (guint32) self->token_terms_high[t] << 16;
  return (int) stored - 1;
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
/* TextRank over cosine similarities of sentences at most @window apart. */
void               pith_sentence_graph_rank    (const PithSentenceGraph *self,
                                                guint                    window,
                                                float                    threshold,
                                                float                   *ranks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithSentenceGraph, pith_sentence_graph_free)

G_END_DECLS
