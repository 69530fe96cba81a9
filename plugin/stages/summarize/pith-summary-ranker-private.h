/* pith-summary-ranker-private.h: sentence scores learned from summaries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-document.h"
#include "pith-sentence-graph-private.h"

G_BEGIN_DECLS

/* What the ranker knows of a candidate sentence. The names are those of
 * the model file and of the `summary_features` report. */
typedef enum
{
  PITH_SUMMARY_FEATURE_FIRST,
  PITH_SUMMARY_FEATURE_SECOND,
  PITH_SUMMARY_FEATURE_THIRD,
  PITH_SUMMARY_FEATURE_FOURTH,
  PITH_SUMMARY_FEATURE_FIFTH,
  PITH_SUMMARY_FEATURE_INVERSE_POSITION,
  PITH_SUMMARY_FEATURE_RELATIVE_POSITION,
  PITH_SUMMARY_FEATURE_EARLY_POSITION,
  PITH_SUMMARY_FEATURE_LOG_WORDS,
  PITH_SUMMARY_FEATURE_UNDER_8_WORDS,
  PITH_SUMMARY_FEATURE_UNDER_15_WORDS,
  PITH_SUMMARY_FEATURE_OVER_35_WORDS,
  PITH_SUMMARY_FEATURE_OVER_50_WORDS,
  PITH_SUMMARY_FEATURE_CENTRALITY,
  PITH_SUMMARY_FEATURE_DEGREE,
  PITH_SUMMARY_FEATURE_ENTITY_SALIENCE,
  PITH_SUMMARY_FEATURE_ENTITY_MENTIONS,
  PITH_SUMMARY_FEATURE_FIRST_MENTIONS,
  PITH_SUMMARY_FEATURE_FIRST_MENTION_SALIENCE,
  PITH_SUMMARY_FEATURE_LEAD_SIMILARITY,
  PITH_SUMMARY_FEATURE_TERM_SPREAD,
  PITH_SUMMARY_FEATURE_FIRST_TERM_SALIENCE,
  PITH_SUMMARY_FEATURE_OPENS_WITH_QUOTE,
  PITH_SUMMARY_FEATURE_QUOTES,
  PITH_SUMMARY_FEATURE_ATTRIBUTION,
  PITH_SUMMARY_FEATURE_DIGITS,
  PITH_SUMMARY_FEATURE_DANGLING,
  PITH_SUMMARY_FEATURE_PERSONAL,
  PITH_SUMMARY_FEATURE_CAPITALS,
  PITH_SUMMARY_FEATURE_QUESTION_OR_EXCLAMATION,
  PITH_SUMMARY_FEATURE_OPENS_WITH_NAME,
  PITH_SUMMARY_FEATURE_WORD_PRIOR_MEAN,
  PITH_SUMMARY_FEATURE_WORD_PRIOR_MAX,
  PITH_SUMMARY_FEATURE_WORD_PRIOR_TOP,
  PITH_N_SUMMARY_FEATURES
} PithSummaryFeature;

/* How many of a sentence's best word priors the "word-prior-top"
 * feature averages. */
#define PITH_SUMMARY_WORD_PRIOR_TOP 5

typedef struct _PithSummaryRanker PithSummaryRanker;

/* What a document offers the features, computed once by the stage. */
typedef struct
{
  PithDocument *document;
  const PithSentenceGraph *graph;
  const gboolean *excluded;        /* by sentence */
  const float *centrality;         /* TextRank, by sentence, the largest 1 */
  const float *degrees;            /* sum of similarities, by sentence, the largest 1 */
  const float *entity_salience;    /* by sentence, the largest 1 */
  const guint *entity_mentions;    /* by sentence */
  const guint *first_mentions;     /* of an entity the sentences before do not name, by sentence */
  const float *first_salience;     /* the salience of those entities, by sentence, the largest 1 */
  const PithWordList *dangling;    /* nullable */
  const PithWordList *attribution; /* nullable */
  const PithWordList *personal;    /* nullable: "I", "we", "you" */
} PithSummaryEvidence;

const char        *pith_summary_feature_name       (PithSummaryFeature feature);

PithSummaryRanker *pith_summary_ranker_new_from_bytes (GBytes      *bytes,
                                                       GError     **error);
PithSummaryRanker *pith_summary_ranker_new_from_file  (const char  *path,
                                                       GError     **error);
/* The built-in ranker for the language @code ("en"), loaded once and
 * kept for the process; NULL when there is none. */
const PithSummaryRanker *pith_summary_ranker_get_builtin (const char *code);
void               pith_summary_ranker_free        (PithSummaryRanker *self);

/* The features of every candidate sentence (the sentences not
 * excluded), row by row: PITH_N_SUMMARY_FEATURES floats a candidate.
 * @ranker gives the word priors, and may be NULL (they are then 0).
 * @candidates receives the candidates' sentence indices. Free both with
 * g_free(). */
float             *pith_summary_features_compute   (const PithSummaryEvidence *evidence,
                                                    const PithSummaryRanker   *ranker,
                                                    guint                    **candidates,
                                                    guint                     *n_candidates);

/* Scores the sentences of @evidence: the model's weighed sum of the
 * standardised features, scaled so that the best candidate has 1 and the
 * worst 0.05; excluded sentences get 0. */
void               pith_summary_ranker_score       (const PithSummaryRanker   *self,
                                                    const PithSummaryEvidence *evidence,
                                                    float                     *scores);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithSummaryRanker, pith_summary_ranker_free)

G_END_DECLS
