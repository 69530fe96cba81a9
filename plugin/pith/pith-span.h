/* pith-span.h: one annotated span of a document's text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "pith-version-macros.h"

G_BEGIN_DECLS

#define PITH_TYPE_SPAN (pith_span_get_type ())

typedef struct _PithSpan PithSpan;

/**
 * PithSpan:
 * @start: start of the span in the document's text, in Unicode code points
 * @end: end of the span (exclusive), in code points
 * @raw_start: start of the corresponding part of the raw input, in code points
 * @raw_end: end of the corresponding part of the raw input, in code points
 * @label: (nullable): the span's label, such as `PER`
 * @score: the span's score; 0 when the stage gave none
 * @text: the text the span covers
 * @attributes: (nullable): further attributes the stage attached
 *
 * A copy of one span of a document layer, with offsets in code points as
 * Python `str` slicing and `GtkTextIter` use them.
 *
 * A `PithSpan` is a snapshot: changing it does not change the document.
 * C code that walks many spans reads the layer in place with
 * [method@Pith.Document.peek_layer] instead, in byte offsets.
 */
struct _PithSpan
{
  gsize start;
  gsize end;
  gsize raw_start;
  gsize raw_end;
  char *label;
  double score;
  char *text;
  JsonObject *attributes;
};

PITH_AVAILABLE_IN_ALL
GType     pith_span_get_type (void) G_GNUC_CONST;
PITH_AVAILABLE_IN_ALL
PithSpan *pith_span_copy     (const PithSpan *self);
PITH_AVAILABLE_IN_ALL
void      pith_span_free     (PithSpan       *self);
PITH_AVAILABLE_IN_ALL
JsonNode *pith_span_get_attribute (const PithSpan *self,
                                   const char     *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithSpan, pith_span_free)


G_END_DECLS
