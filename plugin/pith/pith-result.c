/* pith-result.c: the outcome of one document of a batch
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithResult:
 *
 * What became of one document of a batch run with
 * [method@Pith.Pipeline.process_batch]: the document, processed in place,
 * or the error that stopped it. One failed document never stops the rest
 * of a batch.
 */

#include "config.h"

#include "pith-result-private.h"

struct _PithResult
{
  GObject parent_instance;

  guint index;
  PithDocument *document;
  GError *error;
};

G_DEFINE_FINAL_TYPE (PithResult, pith_result, G_TYPE_OBJECT)

static void
pith_result_finalize (GObject *object)
{
  PithResult *self = (PithResult *) object;

  g_clear_object (&self->document);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pith_result_parent_class)->finalize (object);
}

static void
pith_result_class_init (PithResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pith_result_finalize;
}

static void
pith_result_init (PithResult *self)
{
}

PithResult *
pith_result_new (guint         index,
                 PithDocument *document)
{
  PithResult *self = g_object_new (PITH_TYPE_RESULT, NULL);

  self->index = index;
  self->document = g_object_ref (document);

  return self;
}

void
pith_result_take_error (PithResult *self,
                        GError     *error)
{
  g_clear_error (&self->error);
  self->error = error;
}

/**
 * pith_result_get_index:
 * @self: a result
 *
 * Gets the position of the document in the batch.
 *
 * Returns: the index of the document in the input
 */
guint
pith_result_get_index (PithResult *self)
{
  g_return_val_if_fail (PITH_IS_RESULT (self), 0);

  return self->index;
}

/**
 * pith_result_get_document:
 * @self: a result
 *
 * Gets the document. If processing failed, it holds whatever the stages
 * before the failing one did.
 *
 * Returns: (transfer none): the document
 */
PithDocument *
pith_result_get_document (PithResult *self)
{
  g_return_val_if_fail (PITH_IS_RESULT (self), NULL);

  return self->document;
}

/**
 * pith_result_get_error:
 * @self: a result
 *
 * Gets the error that stopped the document, if any.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL if the document
 *   was processed
 */
const GError *
pith_result_get_error (PithResult *self)
{
  g_return_val_if_fail (PITH_IS_RESULT (self), NULL);

  return self->error;
}

/**
 * pith_result_check:
 * @self: a result
 * @error: return location for a copy of the document's error
 *
 * Checks whether the document was processed; in Python this raises the
 * document's error as `GLib.Error`.
 *
 * Returns: %TRUE if the document was processed
 */
gboolean
pith_result_check (PithResult  *self,
                   GError     **error)
{
  g_return_val_if_fail (PITH_IS_RESULT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  return TRUE;
}
