/* pith-cleaner.h: the clean stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include "pith-stage.h"

G_BEGIN_DECLS

#define PITH_TYPE_CLEANER (pith_cleaner_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithCleaner, pith_cleaner, PITH, CLEANER, PithStage)

PITH_AVAILABLE_IN_ALL
PithStage *pith_cleaner_new (void);

G_END_DECLS
