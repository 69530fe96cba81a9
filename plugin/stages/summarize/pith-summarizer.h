/* pith-summarizer.h: the summarize stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include "pith-stage.h"

G_BEGIN_DECLS

/**
 * PithSummaryMethod:
 * @PITH_SUMMARY_METHOD_DEFAULT: the learned ranker of the document's
 *   language (English's, trained on news and its highlights) or the
 *   stage's [property@Pith.Summarizer:ranker]; where there is none, as
 *   @PITH_SUMMARY_METHOD_WEIGHTED
 * @PITH_SUMMARY_METHOD_TEXTRANK: centrality alone (TextRank over tf-idf
 *   cosine similarity)
 * @PITH_SUMMARY_METHOD_LEXRANK: centrality over the graph of sentences
 *   similar above 0.1 (LexRank)
 * @PITH_SUMMARY_METHOD_LEAD: the first sentences
 * @PITH_SUMMARY_METHOD_WEIGHTED: centrality, a position prior for news and
 *   entity salience, weighed by the stage's properties, for every language
 *
 * How the `summarize` stage scores sentences.
 */
typedef enum {
  PITH_SUMMARY_METHOD_DEFAULT,
  PITH_SUMMARY_METHOD_TEXTRANK,
  PITH_SUMMARY_METHOD_LEXRANK,
  PITH_SUMMARY_METHOD_LEAD,
  PITH_SUMMARY_METHOD_WEIGHTED,
} PithSummaryMethod;

/**
 * PithSummaryCoherence:
 * @PITH_SUMMARY_COHERENCE_OFF: take sentences as scored
 * @PITH_SUMMARY_COHERENCE_INCLUDE: bring in the sentence before a chosen one
 *   that opens with a pronoun or connective ("He said…", "However, …"),
 *   unless an earlier sentence of the summary names an entity
 * @PITH_SUMMARY_COHERENCE_REPLACE: take the next best sentence instead, under
 *   the same condition
 *
 * What the `summarize` stage does with a sentence that depends on the one
 * before it.
 */
typedef enum {
  PITH_SUMMARY_COHERENCE_OFF,
  PITH_SUMMARY_COHERENCE_INCLUDE,
  PITH_SUMMARY_COHERENCE_REPLACE,
} PithSummaryCoherence;

#define PITH_TYPE_SUMMARIZER (pith_summarizer_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithSummarizer, pith_summarizer, PITH, SUMMARIZER, PithStage)

PITH_AVAILABLE_IN_ALL
PithStage *pith_summarizer_new (void);

G_END_DECLS
