/* pith-layer.h: a document's layer of spans, as C code reads it in place
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <glib.h>

#include "pith-version-macros.h"

G_BEGIN_DECLS

typedef struct _PithLayer PithLayer;

PITH_AVAILABLE_IN_ALL
const char *pith_layer_get_name        (const PithLayer *self);
PITH_AVAILABLE_IN_ALL
guint       pith_layer_get_n_spans     (const PithLayer *self);
PITH_AVAILABLE_IN_ALL
guint32     pith_layer_get_start       (const PithLayer *self,
                                        guint            index);
PITH_AVAILABLE_IN_ALL
guint32     pith_layer_get_end         (const PithLayer *self,
                                        guint            index);
PITH_AVAILABLE_IN_ALL
GQuark      pith_layer_get_label       (const PithLayer *self,
                                        guint            index);
PITH_AVAILABLE_IN_ALL
double      pith_layer_get_score       (const PithLayer *self,
                                        guint            index);
PITH_AVAILABLE_IN_ALL
gboolean    pith_layer_has_scores      (const PithLayer *self);
PITH_AVAILABLE_IN_ALL
gsize       pith_layer_get_memory_size (const PithLayer *self);

G_END_DECLS
