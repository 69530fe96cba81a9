/* pith-span.c: one annotated span of a document's text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-span.h"

G_DEFINE_BOXED_TYPE (PithSpan, pith_span, pith_span_copy, pith_span_free)

/**
 * pith_span_copy:
 * @self: a span
 *
 * Copies a span. The attributes object is shared, not duplicated.
 *
 * Returns: (transfer full): a copy of @self
 */
PithSpan *
pith_span_copy (const PithSpan *self)
{
  PithSpan *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new (PithSpan, 1);
  *copy = *self;
  copy->label = g_strdup (self->label);
  copy->text = g_strdup (self->text);
  if (self->attributes != NULL)
    copy->attributes = json_object_ref (self->attributes);

  return copy;
}

/**
 * pith_span_free:
 * @self: (transfer full): a span
 *
 * Frees a span made by [method@Pith.Document.get_span] or copied.
 */
void
pith_span_free (PithSpan *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->text);
  g_clear_pointer (&self->attributes, json_object_unref);
  g_free (self);
}

/**
 * pith_span_get_attribute:
 * @self: a span
 * @name: an attribute name
 *
 * Looks up one attribute a stage attached to the span, such as the
 * `entity` index of an entity mention.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if the span has
 *   no such attribute
 */
JsonNode *
pith_span_get_attribute (const PithSpan *self,
                         const char     *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->attributes == NULL)
    return NULL;

  return json_object_get_member (self->attributes, name);
}
