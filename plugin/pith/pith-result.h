/* pith-result.h: the outcome of one document of a batch
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <glib-object.h>

#include "pith-document.h"
#include "pith-version-macros.h"

G_BEGIN_DECLS

#define PITH_TYPE_RESULT (pith_result_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithResult, pith_result, PITH, RESULT, GObject)

PITH_AVAILABLE_IN_ALL
guint         pith_result_get_index    (PithResult  *self);
PITH_AVAILABLE_IN_ALL
PithDocument *pith_result_get_document (PithResult  *self);
PITH_AVAILABLE_IN_ALL
const GError *pith_result_get_error    (PithResult  *self);
PITH_AVAILABLE_IN_ALL
gboolean      pith_result_check        (PithResult  *self,
                                        GError     **error);

G_END_DECLS
