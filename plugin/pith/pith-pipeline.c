/* pith-pipeline.c: an ordered list of stages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithPipeline:
 *
 * An ordered list of [class@Pith.Stage]s that a document goes through.
 *
 * A pipeline is built in code with [method@Pith.Pipeline.append] or from a
 * description in the style of `gst-launch`:
 *
 * ```c
 * g_autoptr(PithPipeline) pipeline =
 *   pith_pipeline_new_from_string ("clean ! segment ! summarize sentences=3", &error);
 * g_autoptr(PithDocument) document =
 *   pith_pipeline_process_text (pipeline, text, NULL, &error);
 * ```
 *
 * ## Threads
 *
 * A pipeline and its stages are immutable once built: one pipeline serves
 * any number of threads at once, each with documents of its own. Append
 * every stage before the first document goes through.
 * [method@Pith.Pipeline.process_async] runs in a worker thread;
 * [method@Pith.Pipeline.process_batch] runs documents on a pool of threads
 * and gives back one [class@Pith.Result] per document, in input order.
 * Progress and completion callbacks run in the thread-default main context
 * of the thread that started the call.
 *
 * ## Limits
 *
 * A service that takes documents from the web sets
 * [property@Pith.Pipeline:max-bytes] and
 * [property@Pith.Pipeline:time-budget]: a document over either limit fails
 * alone with `PITH_ERROR_LIMIT_EXCEEDED`, and the rest of a batch goes on.
 */

#include "config.h"

#include <string.h>

#include "pith-tsan-private.h"

#include "pith-error.h"
#include "pith-pipeline-private.h"
#include "pith-registry.h"
#include "pith-result-private.h"
#include "pith-watchdog-private.h"

struct _PithPipeline
{
  GObject parent_instance;

  GPtrArray *stages;
  guint64 max_bytes;
  guint time_budget;        /* milliseconds */
};

G_DEFINE_FINAL_TYPE (PithPipeline, pith_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAX_BYTES,
  PROP_TIME_BUDGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pith_pipeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PithPipeline *self = PITH_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, self->max_bytes);
      break;
    case PROP_TIME_BUDGET:
      g_value_set_uint (value, self->time_budget);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_pipeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PithPipeline *self = PITH_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_MAX_BYTES:
      pith_pipeline_set_max_bytes (self, g_value_get_uint64 (value));
      break;
    case PROP_TIME_BUDGET:
      pith_pipeline_set_time_budget (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_pipeline_finalize (GObject *object)
{
  PithPipeline *self = (PithPipeline *) object;

  g_ptr_array_unref (self->stages);

  G_OBJECT_CLASS (pith_pipeline_parent_class)->finalize (object);
}

static void
pith_pipeline_class_init (PithPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pith_pipeline_finalize;
  object_class->get_property = pith_pipeline_get_property;
  object_class->set_property = pith_pipeline_set_property;

  /**
   * PithPipeline:max-bytes:
   *
   * The largest document, in bytes of text, the pipeline takes; a larger
   * one fails with `PITH_ERROR_LIMIT_EXCEEDED` before any stage runs. 0,
   * the default, sets no limit.
   */
  properties[PROP_MAX_BYTES] =
    g_param_spec_uint64 ("max-bytes", NULL, "Largest document in bytes of text; 0 for no limit",
                         0, G_MAXUINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PithPipeline:time-budget:
   *
   * The most time, in milliseconds, one document may spend in the
   * pipeline. A document still in a stage when it runs out is stopped
   * there, at the stage's next cancellation check, and fails with
   * `PITH_ERROR_LIMIT_EXCEEDED`. 0, the default, sets no limit.
   */
  properties[PROP_TIME_BUDGET] =
    g_param_spec_uint ("time-budget", NULL, "Most milliseconds per document; 0 for no limit",
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pith_pipeline_init (PithPipeline *self)
{
  self->stages = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pith_pipeline_new:
 *
 * Creates an empty pipeline.
 *
 * Returns: (transfer full): a new pipeline
 */
PithPipeline *
pith_pipeline_new (void)
{
  return g_object_new (PITH_TYPE_PIPELINE, NULL);
}

/**
 * pith_pipeline_new_from_string:
 * @description: a pipeline description
 * @error: return location for an error
 *
 * Builds a pipeline from a description: stage names separated by `!`, each
 * followed by `property=value` settings, as in
 * `clean ! segment ! summarize sentences=3 method="lead"`. Stage names are
 * looked up in the default [class@Pith.Registry].
 *
 * A value is a bare word or a quoted string (`"…"` or `'…'`) in which `\`
 * escapes a quote, a backslash, `\n` or `\t`; any other backslash stays as
 * written, so `pattern="\d+"` means what it says. Booleans are `true`/`false`
 * (`yes`/`no`, `1`/`0`); enumerations take a value's nick; flags join
 * nicks with `+`; string lists separate items with commas.
 *
 * Errors are in the [error@Pith.Error] domain: `INVALID_PIPELINE`,
 * `UNKNOWN_STAGE`, `INVALID_PROPERTY` or `INVALID_VALUE`; the message
 * names the problem and its position (a 1-based character column) and
 * shows the description with a caret under the position.
 *
 * Returns: (transfer full) (nullable): the pipeline, or %NULL with @error set
 */
PithPipeline *
pith_pipeline_new_from_string (const char  *description,
                               GError     **error)
{
  g_autoptr(PithPipeline) self = NULL;

  g_return_val_if_fail (description != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = pith_pipeline_new ();
  if (!pith_pipeline_parse_into (self, pith_registry_get_default (), description, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
in_list (GPtrArray  *list,
         const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (strcmp (g_ptr_array_index (list, i), name) == 0)
      return TRUE;
  return FALSE;
}

/* A registered stage that declares it gives @layer, to name in a hint. */
static const char *
giver_of (const char *layer)
{
  PithRegistry *registry = pith_registry_get_default ();
  g_auto(GStrv) names = pith_registry_list_stages (registry);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GType type = pith_registry_lookup (registry, names[i]);
      g_autoptr(PithStage) stage = NULL;
      const char * const *gives;

      if (type == G_TYPE_INVALID || G_TYPE_IS_ABSTRACT (type))
        continue;
      stage = g_object_new (type, NULL);
      if (pith_stage_get_layers (stage, NULL, &gives, NULL) && gives != NULL &&
          g_strv_contains (gives, layer))
        return pith_registry_get_type_name (registry, type);
    }
  return NULL;
}

gboolean
pith_pipeline_check_layers (PithPipeline  *self,
                            guint         *stage_index,
                            char         **message)
{
  g_autoptr(GPtrArray) available = g_ptr_array_new ();
  const char *annotator = NULL;
  gboolean from_input = TRUE;

  for (guint i = 0; i < self->stages->len; i++)
    {
      PithStage *stage = g_ptr_array_index (self->stages, i);
      const char * const *needs;
      const char * const *gives;
      PithStageFlags flags;

      /* After a stage that declares nothing, anything may be there. */
      if (!pith_stage_get_layers (stage, &needs, &gives, &flags))
        return TRUE;

      if ((flags & PITH_STAGE_EDITS_TEXT) && annotator != NULL)
        {
          *stage_index = i;
          *message = g_strdup_printf ("Stage “%s” edits the text, so it must come before “%s”, "
                                      "which annotates it", pith_stage_get_name (stage), annotator);
          return FALSE;
        }
      if (flags & PITH_STAGE_EDITS_TEXT)
        from_input = FALSE;

      for (guint n = 0; needs[n] != NULL; n++)
        {
          const char *giver;

          if (in_list (available, needs[n]))
            continue;
          /* A pipeline that starts by reading layers reads them from its
           * input: a JSON document, pre-tokenised text. */
          if (from_input)
            {
              g_ptr_array_add (available, (gpointer) needs[n]);
              continue;
            }
          giver = giver_of (needs[n]);
          *stage_index = i;
          *message = giver != NULL
                     ? g_strdup_printf ("Stage “%s” needs the “%s” layer, which no stage before it "
                                        "gives (put “%s” before it)", pith_stage_get_name (stage),
                                        needs[n], giver)
                     : g_strdup_printf ("Stage “%s” needs the “%s” layer, which no stage before it gives",
                                        pith_stage_get_name (stage), needs[n]);
          return FALSE;
        }
      for (guint n = 0; gives[n] != NULL; n++)
        {
          if (!in_list (available, gives[n]))
            g_ptr_array_add (available, (gpointer) gives[n]);
          annotator = pith_stage_get_name (stage);
          from_input = FALSE;
        }
    }
  return TRUE;
}

/**
 * pith_pipeline_validate:
 * @self: a pipeline
 * @error: return location for an error
 *
 * Checks that each stage finds the layers it needs (see
 * [func@Pith.Stage.declare_layers]) and that no stage edits the text
 * after another has annotated it. [ctor@Pith.Pipeline.new_from_string]
 * checks this itself; a pipeline built with [method@Pith.Pipeline.append]
 * can be checked once its stages are in. A pipeline whose first stages
 * read layers is taken to get them from its input; after a stage that
 * declares nothing, nothing more is checked.
 *
 * Returns: %TRUE if the pipeline can work, %FALSE with a
 *   `PITH_ERROR_INVALID_PIPELINE` error saying what is missing
 */
gboolean
pith_pipeline_validate (PithPipeline  *self,
                        GError       **error)
{
  g_autofree char *message = NULL;
  guint index = 0;

  g_return_val_if_fail (PITH_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pith_pipeline_check_layers (self, &index, &message))
    return TRUE;
  g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_PIPELINE, "%s (stage %u of the pipeline)",
               message, index + 1);
  return FALSE;
}

/**
 * pith_pipeline_append:
 * @self: a pipeline
 * @stage: (transfer none): a stage
 *
 * Appends a stage. A stage may appear in several pipelines.
 */
void
pith_pipeline_append (PithPipeline *self,
                      PithStage    *stage)
{
  g_return_if_fail (PITH_IS_PIPELINE (self));
  g_return_if_fail (PITH_IS_STAGE (stage));

  g_ptr_array_add (self->stages, g_object_ref (stage));
}

/**
 * pith_pipeline_get_n_stages:
 * @self: a pipeline
 *
 * Counts the stages.
 *
 * Returns: the number of stages
 */
guint
pith_pipeline_get_n_stages (PithPipeline *self)
{
  g_return_val_if_fail (PITH_IS_PIPELINE (self), 0);

  return self->stages->len;
}

/**
 * pith_pipeline_get_stage:
 * @self: a pipeline
 * @index: the position of a stage
 *
 * Gets a stage by position.
 *
 * Returns: (transfer none) (nullable): the stage, or %NULL if @index is
 *   out of range
 */
PithStage *
pith_pipeline_get_stage (PithPipeline *self,
                         guint         index)
{
  g_return_val_if_fail (PITH_IS_PIPELINE (self), NULL);

  if (index >= self->stages->len)
    return NULL;

  return g_ptr_array_index (self->stages, index);
}

static gboolean
is_settable (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         !(pspec->flags & G_PARAM_DEPRECATED);
}

/**
 * pith_pipeline_to_string:
 * @self: a pipeline
 *
 * Writes the pipeline as a description that
 * [ctor@Pith.Pipeline.new_from_string] reads back: each stage's name and
 * the properties that differ from their defaults.
 *
 * Returns: (transfer full): the description
 */
char *
pith_pipeline_to_string (PithPipeline *self)
{
  GString *out;

  g_return_val_if_fail (PITH_IS_PIPELINE (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->stages->len; i++)
    {
      PithStage *stage = g_ptr_array_index (self->stages, i);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;

      if (i > 0)
        g_string_append (out, " ! ");
      g_string_append (out, pith_stage_get_name (stage));

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (stage), &n_pspecs);
      for (guint p = 0; p < n_pspecs; p++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *text = NULL;

          if (!is_settable (pspecs[p]))
            continue;

          g_value_init (&value, pspecs[p]->value_type);
          g_object_get_property (G_OBJECT (stage), pspecs[p]->name, &value);
          if (g_param_value_defaults (pspecs[p], &value))
            continue;

          text = pith_value_to_string (&value);
          if (text != NULL)
            g_string_append_printf (out, " %s=%s", pspecs[p]->name, text);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * pith_pipeline_process:
 * @self: a pipeline
 * @document: the document to process in place
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Runs a document through every stage in order, stopping at the first
 * stage that fails.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 */
static void
cancel_other (GCancellable *cancellable,
              gpointer      other)
{
  g_cancellable_cancel (other);
}

/* Whether @document is within the pipeline's max-bytes. */
static gboolean
fits (PithPipeline  *self,
      PithDocument  *document,
      GError       **error)
{
  if (self->max_bytes > 0 && pith_document_get_text_size (document) > self->max_bytes)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED,
                   "The document has %" G_GSIZE_FORMAT " bytes of text, more than the pipeline's "
                   "max-bytes (%" G_GUINT64_FORMAT ")",
                   pith_document_get_text_size (document), self->max_bytes);
      return FALSE;
    }
  return TRUE;
}

gboolean
pith_pipeline_process (PithPipeline  *self,
                       PithDocument  *document,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GCancellable) budget = NULL;
  g_autoptr(GError) local_error = NULL;
  PithWatchdogTimer *timer;
  gulong handler = 0;
  gboolean done = TRUE;
  gboolean budget_spent;

  g_return_val_if_fail (PITH_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (PITH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fits (self, document, error))
    return FALSE;

  if (self->time_budget == 0)
    {
      for (guint i = 0; i < self->stages->len; i++)
        if (!pith_stage_process (g_ptr_array_index (self->stages, i), document, cancellable, error))
          return FALSE;
      return TRUE;
    }

  /* The stages watch a cancellable of the document's own, which the
   * caller's cancellable and the watchdog both cancel. */
  budget = g_cancellable_new ();
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_other),
                                     g_object_ref (budget), g_object_unref);
  timer = pith_watchdog_arm (budget, self->time_budget);

  for (guint i = 0; i < self->stages->len && done; i++)
    done = pith_stage_process (g_ptr_array_index (self->stages, i), document, budget, &local_error);

  budget_spent = pith_watchdog_disarm (timer);
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  if (done)
    return TRUE;
  if (budget_spent && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED,
                   "The document took longer than the pipeline's time-budget (%u ms)", self->time_budget);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * pith_pipeline_set_max_bytes:
 * @self: a pipeline
 * @max_bytes: the largest document in bytes of text, or 0 for no limit
 *
 * Sets [property@Pith.Pipeline:max-bytes].
 */
void
pith_pipeline_set_max_bytes (PithPipeline *self,
                             guint64       max_bytes)
{
  g_return_if_fail (PITH_IS_PIPELINE (self));

  if (self->max_bytes == max_bytes)
    return;
  self->max_bytes = max_bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BYTES]);
}

/**
 * pith_pipeline_get_max_bytes:
 * @self: a pipeline
 *
 * Gets the size limit of a document, in bytes of its text, which
 * [method@Pith.Pipeline.process] checks before any stage runs.
 *
 * Returns: [property@Pith.Pipeline:max-bytes], 0 for no limit
 */
guint64
pith_pipeline_get_max_bytes (PithPipeline *self)
{
  g_return_val_if_fail (PITH_IS_PIPELINE (self), 0);

  return self->max_bytes;
}

/**
 * pith_pipeline_set_time_budget:
 * @self: a pipeline
 * @msec: the most milliseconds one document may take, or 0 for no limit
 *
 * Sets [property@Pith.Pipeline:time-budget].
 */
void
pith_pipeline_set_time_budget (PithPipeline *self,
                               guint         msec)
{
  g_return_if_fail (PITH_IS_PIPELINE (self));

  if (self->time_budget == msec)
    return;
  self->time_budget = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_BUDGET]);
}

/**
 * pith_pipeline_get_time_budget:
 * @self: a pipeline
 *
 * Gets the time one document may take through the whole pipeline before
 * it is cancelled with %PITH_ERROR_LIMIT_EXCEEDED.
 *
 * Returns: [property@Pith.Pipeline:time-budget] in milliseconds, 0 for no
 *   limit
 */
guint
pith_pipeline_get_time_budget (PithPipeline *self)
{
  g_return_val_if_fail (PITH_IS_PIPELINE (self), 0);

  return self->time_budget;
}

/**
 * pith_pipeline_process_text:
 * @self: a pipeline
 * @text: the input text
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Creates a document from text, as [ctor@Pith.Document.new] does, and runs
 * it through the pipeline.
 *
 * Returns: (transfer full) (nullable): the processed document, or %NULL
 *   with @error set
 */
PithDocument *
pith_pipeline_process_text (PithPipeline  *self,
                            const char    *text,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(PithDocument) document = NULL;

  g_return_val_if_fail (PITH_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = pith_document_new (text);
  if (!pith_pipeline_process (self, document, cancellable, error))
    return NULL;

  return g_steal_pointer (&document);
}

static void
process_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  pith_tsan_acquire (task);
  if (pith_pipeline_process (source_object, task_data, cancellable, &error))
    {
      pith_tsan_release (task);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      pith_tsan_release (task);
      g_task_return_error (task, error);
    }
}

/**
 * pith_pipeline_process_async:
 * @self: a pipeline
 * @document: the document to process in place
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called when the document is processed
 * @user_data: (closure callback): data for @callback
 *
 * Runs a document through the pipeline in a worker thread. The caller must
 * not touch the document until @callback runs, in the thread-default main
 * context of the calling thread; it then calls
 * [method@Pith.Pipeline.process_finish].
 */
void
pith_pipeline_process_async (PithPipeline        *self,
                             PithDocument        *document,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PITH_IS_PIPELINE (self));
  g_return_if_fail (PITH_IS_DOCUMENT (document));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pith_pipeline_process_async);
  g_task_set_task_data (task, g_object_ref (document), g_object_unref);
  pith_tsan_release (task);
  g_task_run_in_thread (task, process_thread);
}

/**
 * pith_pipeline_process_finish:
 * @self: a pipeline
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Completes [method@Pith.Pipeline.process_async].
 *
 * Returns: %TRUE if the document was processed; %FALSE with @error set
 */
gboolean
pith_pipeline_process_finish (PithPipeline  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (PITH_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pith_pipeline_process_async, FALSE);

  pith_tsan_acquire (result);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Batches */

/* The most documents a worker runs stage by stage (batch_process_chunk()). */
#define BATCH_CHUNK_MAX 256

typedef struct
{
  PithPipeline *pipeline;
  GPtrArray *documents;
  GPtrArray *results;       /* slot i is written once, by whoever runs document i */
  GCancellable *cancellable;
  guint n_threads;
  guint chunk_size;         /* documents a worker runs stage by stage */

  GMutex mutex;
  GCond cond;
  guint done;
} Batch;

static Batch *
batch_new (PithPipeline  *pipeline,
           PithDocument **documents,
           guint          n_documents,
           guint          n_threads,
           GCancellable  *cancellable)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->pipeline = g_object_ref (pipeline);
  batch->documents = g_ptr_array_new_full (n_documents, g_object_unref);
  for (guint i = 0; i < n_documents; i++)
    g_ptr_array_add (batch->documents, g_object_ref (documents[i]));
  batch->results = g_ptr_array_new_full (n_documents, g_object_unref);
  g_ptr_array_set_size (batch->results, n_documents);
  batch->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  batch->n_threads = n_threads > 0 ? n_threads : (guint) g_get_num_processors ();
  batch->chunk_size = CLAMP (n_documents / batch->n_threads, 1, BATCH_CHUNK_MAX);
  g_mutex_init (&batch->mutex);
  g_cond_init (&batch->cond);

  return batch;
}

static void
batch_free (Batch *batch)
{
  pith_tsan_acquire (batch->pipeline);
  g_object_unref (batch->pipeline);
  g_ptr_array_unref (batch->documents);
  g_clear_pointer (&batch->results, g_ptr_array_unref);
  g_clear_object (&batch->cancellable);
  g_mutex_clear (&batch->mutex);
  g_cond_clear (&batch->cond);
  g_free (batch);
}

/* Runs the documents from @first to @end (at most BATCH_CHUNK_MAX) stage
 * by stage: each stage over all of them before the next. A stage's
 * tables are megabytes (the entity tagger's model and vocabulary, the
 * summarizer's lexicon and caches), and between two documents of the
 * same stage the other stages' tables push them out of the processor's
 * caches; a stage that runs a few hundred documents in a row finds them
 * there. Each document sees the stages in order and stops at the first
 * that fails, as pith_pipeline_process() runs it. A time budget is per
 * document over all its stages: with one, documents run one at a time. */
static void
batch_process_chunk (Batch *batch,
                     guint  first,
                     guint  end)
{
  PithPipeline *pipeline = batch->pipeline;
  GError *errors[BATCH_CHUNK_MAX] = { NULL, };

  g_assert (end - first <= BATCH_CHUNK_MAX);
  if (pipeline->time_budget != 0)
    for (guint i = first; i < end; i++)
      pith_pipeline_process (pipeline, g_ptr_array_index (batch->documents, i), batch->cancellable,
                             &errors[i - first]);
  else
    {
      for (guint i = first; i < end; i++)
        fits (pipeline, g_ptr_array_index (batch->documents, i), &errors[i - first]);
      for (guint s = 0; s < pipeline->stages->len; s++)
        for (guint i = first; i < end; i++)
          if (errors[i - first] == NULL)
            pith_stage_process (g_ptr_array_index (pipeline->stages, s), g_ptr_array_index (batch->documents, i),
                                batch->cancellable, &errors[i - first]);
    }
  for (guint i = first; i < end; i++)
    {
      PithResult *result = pith_result_new (i, g_ptr_array_index (batch->documents, i));

      if (errors[i - first] != NULL)
        pith_result_take_error (result, errors[i - first]);
      batch->results->pdata[i] = result;
    }
}

static void
batch_worker (gpointer data,
              gpointer user_data)
{
  Batch *batch = user_data;
  guint first = GPOINTER_TO_UINT (data) - 1;
  guint end = MIN (first + batch->chunk_size, batch->documents->len);

  pith_tsan_acquire (batch);
  batch_process_chunk (batch, first, end);

  g_mutex_lock (&batch->mutex);
  pith_tsan_acquire (&batch->mutex);
  batch->done += end - first;
  g_cond_signal (&batch->cond);
  pith_tsan_release (&batch->mutex);
  g_mutex_unlock (&batch->mutex);
}

/* Runs every document and reports progress from the calling thread. */
static gboolean
batch_run (Batch             *batch,
           PithProgressFunc   progress,
           gpointer           progress_data,
           GError           **error)
{
  guint total = batch->documents->len;
  GThreadPool *pool;
  guint reported = 0;

  if (batch->n_threads == 1 || total <= 1)
    {
      for (guint first = 0; first < total; first += batch->chunk_size)
        {
          guint end = MIN (first + batch->chunk_size, total);

          batch_process_chunk (batch, first, end);
          /* The chunk's documents, done together, each reported. */
          for (guint done = first + 1; done <= end && progress != NULL; done++)
            progress (done, total, progress_data);
        }
    }
  else
    {
      pith_tsan_release (batch);
      pool = g_thread_pool_new (batch_worker, batch, MIN (batch->n_threads, total), FALSE, NULL);
      for (guint first = 0; first < total; first += batch->chunk_size)
        g_thread_pool_push (pool, GUINT_TO_POINTER (first + 1), NULL);

      g_mutex_lock (&batch->mutex);
      pith_tsan_acquire (&batch->mutex);
      while (reported < total)
        {
          guint done;

          while (batch->done == reported)
            {
              pith_tsan_release (&batch->mutex);
              g_cond_wait (&batch->cond, &batch->mutex);
              pith_tsan_acquire (&batch->mutex);
            }
          done = batch->done;
          pith_tsan_release (&batch->mutex);
          g_mutex_unlock (&batch->mutex);
          if (progress != NULL)
            progress (done, total, progress_data);
          reported = done;
          g_mutex_lock (&batch->mutex);
          pith_tsan_acquire (&batch->mutex);
        }
      pith_tsan_release (&batch->mutex);
      g_mutex_unlock (&batch->mutex);

      g_thread_pool_free (pool, FALSE, TRUE);
    }

  if (g_cancellable_set_error_if_cancelled (batch->cancellable, error))
    return FALSE;

  return TRUE;
}

/**
 * pith_pipeline_process_batch:
 * @self: a pipeline
 * @documents: (array length=n_documents): the documents to process in place
 * @n_documents: the number of documents
 * @n_threads: the number of worker threads; 0 for one per processor
 * @cancellable: (nullable): a cancellable
 * @progress: (scope call) (nullable) (closure progress_data): called in the
 *   calling thread as documents finish
 * @progress_data: data for @progress
 * @error: return location for an error
 *
 * Runs many documents through the pipeline on a pool of threads and waits
 * for them all. Each document gets a [class@Pith.Result], in input order,
 * holding either the processed document or the error that stopped it: one
 * bad document never stops the others.
 *
 * Each thread takes the documents up to 256 at a time and runs them
 * stage by stage, each stage over all of them before the next, which
 * keeps a stage's tables in the processor's caches: on news, a batch on
 * one thread runs the default pipeline about a sixth faster than
 * [method@Pith.Pipeline.process] document by document. Each document
 * still sees the stages in order and stops at the first that fails, and
 * its result is the same. With a [property@Pith.Pipeline:time-budget],
 * documents run one at a time.
 *
 * Returns: (transfer container) (element-type PithResult) (nullable): one result
 *   per document, in input order, or %NULL with `G_IO_ERROR_CANCELLED` if
 *   the batch was cancelled
 */
GPtrArray *
pith_pipeline_process_batch (PithPipeline      *self,
                             PithDocument     **documents,
                             guint              n_documents,
                             guint              n_threads,
                             GCancellable      *cancellable,
                             PithProgressFunc   progress,
                             gpointer           progress_data,
                             GError           **error)
{
  Batch *batch;
  GPtrArray *results = NULL;

  g_return_val_if_fail (PITH_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (documents != NULL || n_documents == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  for (guint i = 0; i < n_documents; i++)
    g_return_val_if_fail (PITH_IS_DOCUMENT (documents[i]), NULL);

  batch = batch_new (self, documents, n_documents, n_threads, cancellable);
  if (batch_run (batch, progress, progress_data, error))
    results = g_steal_pointer (&batch->results);
  batch_free (batch);

  return results;
}

/* Carries progress from the worker thread to the caller's main context.
 * Updates coalesce: while one delivery is pending, later counts only
 * update the number it will deliver, so a fast batch cannot flood the
 * context; the last count is always delivered. */
typedef struct
{
  gatomicrefcount ref_count;
  GMainContext *context;
  PithProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
  guint total;
  gint pending;
  guint latest;
} ProgressRelay;

static ProgressRelay *
progress_relay_ref (ProgressRelay *relay)
{
  g_atomic_ref_count_inc (&relay->ref_count);
  return relay;
}

static void
progress_relay_unref (gpointer data)
{
  ProgressRelay *relay = data;

  if (!g_atomic_ref_count_dec (&relay->ref_count))
    return;
  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_main_context_unref (relay->context);
  g_free (relay);
}

static gboolean
progress_relay_deliver (gpointer data)
{
  ProgressRelay *relay = data;

  g_atomic_int_set (&relay->pending, 0);
  relay->func ((guint) g_atomic_int_get (&relay->latest), relay->total, relay->data);

  return G_SOURCE_REMOVE;
}

static void
progress_relay_post (guint    done,
                     guint    total,
                     gpointer data)
{
  ProgressRelay *relay = data;

  g_atomic_int_set (&relay->latest, done);
  if (g_atomic_int_compare_and_exchange (&relay->pending, 0, 1))
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_relay_deliver,
                             progress_relay_ref (relay), progress_relay_unref);
      g_source_set_static_name (source, "[pith] batch progress");
      g_source_attach (source, relay->context);
      g_source_unref (source);
    }
}

typedef struct
{
  Batch *batch;
  ProgressRelay *relay;     /* NULL without a progress function */
} BatchTaskData;

static void
batch_task_data_free (gpointer data)
{
  BatchTaskData *task_data = data;

  batch_free (task_data->batch);
  g_clear_pointer (&task_data->relay, progress_relay_unref);
  g_free (task_data);
}

static void
batch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      data,
              GCancellable *cancellable)
{
  BatchTaskData *task_data = data;
  GError *error = NULL;
  gboolean done;

  pith_tsan_acquire (task);
  done = batch_run (task_data->batch,
                    task_data->relay != NULL ? progress_relay_post : NULL,
                    task_data->relay, &error);
  pith_tsan_release (task);
  if (done)
    g_task_return_pointer (task, g_steal_pointer (&task_data->batch->results),
                           (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/**
 * pith_pipeline_process_batch_async:
 * @self: a pipeline
 * @documents: (array length=n_documents): the documents to process in place
 * @n_documents: the number of documents
 * @n_threads: the number of worker threads; 0 for one per processor
 * @cancellable: (nullable): a cancellable
 * @progress: (scope notified) (nullable) (closure progress_data) (destroy progress_destroy):
 *   called in the caller's main context as documents finish
 * @progress_data: data for @progress
 * @progress_destroy: (nullable): frees @progress_data when no longer needed
 * @callback: (scope async): called when every document is done
 * @user_data: (closure callback): data for @callback
 *
 * Runs many documents through the pipeline without blocking, as
 * [method@Pith.Pipeline.process_batch] does. @progress and @callback run in
 * the thread-default main context of the calling thread, every progress
 * report before @callback. The caller must not touch the documents until
 * @callback runs; it then calls
 * [method@Pith.Pipeline.process_batch_finish].
 */
void
pith_pipeline_process_batch_async (PithPipeline         *self,
                                   PithDocument        **documents,
                                   guint                 n_documents,
                                   guint                 n_threads,
                                   GCancellable         *cancellable,
                                   PithProgressFunc      progress,
                                   gpointer              progress_data,
                                   GDestroyNotify        progress_destroy,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  BatchTaskData *task_data;

  g_return_if_fail (PITH_IS_PIPELINE (self));
  g_return_if_fail (documents != NULL || n_documents == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  for (guint i = 0; i < n_documents; i++)
    g_return_if_fail (PITH_IS_DOCUMENT (documents[i]));

  task_data = g_new0 (BatchTaskData, 1);
  task_data->batch = batch_new (self, documents, n_documents, n_threads, cancellable);
  if (progress != NULL)
    {
      task_data->relay = g_new0 (ProgressRelay, 1);
      g_atomic_ref_count_init (&task_data->relay->ref_count);
      task_data->relay->context = g_main_context_ref_thread_default ();
      task_data->relay->func = progress;
      task_data->relay->data = progress_data;
      task_data->relay->destroy = progress_destroy;
      task_data->relay->total = n_documents;
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pith_pipeline_process_batch_async);
  g_task_set_task_data (task, task_data, batch_task_data_free);
  pith_tsan_release (task);
  g_task_run_in_thread (task, batch_thread);
}

/**
 * pith_pipeline_process_batch_finish:
 * @self: a pipeline
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Completes [method@Pith.Pipeline.process_batch_async].
 *
 * Returns: (transfer container) (element-type PithResult) (nullable): one result
 *   per document, in input order, or %NULL with `G_IO_ERROR_CANCELLED`
 */
GPtrArray *
pith_pipeline_process_batch_finish (PithPipeline  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (PITH_IS_PIPELINE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pith_pipeline_process_batch_async, NULL);

  pith_tsan_acquire (result);
  /* The task's data, which holds the pipeline, may be freed on the worker. */
  pith_tsan_release (self);
  return g_task_propagate_pointer (G_TASK (result), error);
}
