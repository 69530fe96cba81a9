/* pith-segmenter.h: the segment stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include "pith-stage.h"

G_BEGIN_DECLS

#define PITH_TYPE_SEGMENTER (pith_segmenter_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithSegmenter, pith_segmenter, PITH, SEGMENTER, PithStage)

PITH_AVAILABLE_IN_ALL
PithStage *pith_segmenter_new (void);

G_END_DECLS
