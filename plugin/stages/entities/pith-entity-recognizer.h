/* pith-entity-recognizer.h: the entities stage
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
 * PithEntityMerge:
 * @PITH_ENTITY_MERGE_MODEL_WINS: where a pattern overlaps an entity the
 *   model or the rules found, the latter stays
 * @PITH_ENTITY_MERGE_PATTERNS_WIN: the pattern's entity replaces what it
 *   overlaps
 * @PITH_ENTITY_MERGE_LONGEST: the longer of the two stays; on a tie, the
 *   pattern's
 *
 * How the `entities` stage merges matches of user patterns with what its
 * model and rules find.
 */
typedef enum {
  PITH_ENTITY_MERGE_MODEL_WINS,
  PITH_ENTITY_MERGE_PATTERNS_WIN,
  PITH_ENTITY_MERGE_LONGEST,
} PithEntityMerge;

#define PITH_TYPE_ENTITY_RECOGNIZER (pith_entity_recognizer_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithEntityRecognizer, pith_entity_recognizer, PITH, ENTITY_RECOGNIZER, PithStage)

PITH_AVAILABLE_IN_ALL
PithStage *pith_entity_recognizer_new (GError **error);

G_END_DECLS
