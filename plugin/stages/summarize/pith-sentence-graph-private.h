/* pith-sentence-graph-private.h: sentences as vectors, and their centrality
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-document.h"
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
  PithTermWeight *terms;    /* sorted by term */
  guint n_terms;
} PithSentenceVector;

typedef struct
{
  PithSentenceVector *sentences;
  guint n_sentences;
  GPtrArray *term_texts;    /* term id -> stem */
  guint *document_frequency; /* term id -> sentences it is in */
  float *idf;
  int *token_terms;         /* token index -> term id, -1 for stop words and punctuation */
  guint n_tokens;
} PithSentenceGraph;

PithSentenceGraph *pith_sentence_graph_new     (PithDocument       *document,
                                                const PithWordList *stopwords,
                                                const char         *stemmer_language);
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
