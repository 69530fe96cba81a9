/* pith-stage.c: base class of pipeline stages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithStage:
 *
 * One step of a [class@Pith.Pipeline]: cleaning, segmentation, entity
 * recognition, summarisation, or anything a C, Python or JavaScript
 * subclass does to a [class@Pith.Document].
 *
 * A stage takes its configuration as GObject properties, set when it is
 * constructed (in Python, `Pith.Summarizer(sentences=3)`; in a pipeline
 * description, `summarize sentences=3`). After construction a stage only
 * reads its own state, so one stage serves any number of threads at once:
 * that is the contract every subclass keeps.
 *
 * A subclass in C overrides [vfunc@Pith.Stage.process]; in Python it
 * defines `do_process(self, document, cancellable)` and returns `True` or
 * raises `GLib.Error`. Registered with [method@Pith.Registry.register_stage],
 * it can be named in pipeline descriptions like a built-in stage.
 */

#include "config.h"

#include "pith-document-private.h"
#include "pith-registry.h"
#include "pith-stage.h"

G_DEFINE_ABSTRACT_TYPE (PithStage, pith_stage, G_TYPE_OBJECT)

static GQuark description_quark;

static gboolean
pith_stage_real_process (PithStage     *self,
                         PithDocument  *document,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "%s does not implement process()", G_OBJECT_TYPE_NAME (self));
  return FALSE;
}

static void
pith_stage_class_init (PithStageClass *klass)
{
  description_quark = g_quark_from_static_string ("pith-stage-description");
  klass->process = pith_stage_real_process;
}

static void
pith_stage_init (PithStage *self)
{
}

/**
 * pith_stage_process: (virtual process)
 * @self: a stage
 * @document: the document to process in place
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Processes one document. Fails with `G_IO_ERROR_CANCELLED` without calling
 * the stage if @cancellable is already cancelled.
 *
 * Returns: %TRUE on success; %FALSE with @error set otherwise
 */
gboolean
pith_stage_process (PithStage     *self,
                    PithDocument  *document,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ret;

  g_return_val_if_fail (PITH_IS_STAGE (self), FALSE);
  g_return_val_if_fail (PITH_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  ret = PITH_STAGE_GET_CLASS (self)->process (self, document, cancellable, &local_error);
  /* Layers grow by half as spans arrive; what a stage did not fill goes
   * back before the next one runs. */
  pith_document_trim_layers (document);

  if (!ret && local_error == NULL)
    {
      g_critical ("%s.process() returned FALSE without setting an error",
                  G_OBJECT_TYPE_NAME (self));
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Stage “%s” failed without saying why", pith_stage_get_name (self));
    }
  else if (ret && local_error != NULL)
    {
      g_critical ("%s.process() returned TRUE but set an error: %s",
                  G_OBJECT_TYPE_NAME (self), local_error->message);
      g_clear_error (&local_error);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * pith_stage_get_name:
 * @self: a stage
 *
 * Gets the name the stage's type is registered under in the default
 * [class@Pith.Registry], such as `clean`; for an unregistered type, the
 * type name.
 *
 * Returns: (transfer none): the stage's name
 */
const char *
pith_stage_get_name (PithStage *self)
{
  const char *name;

  g_return_val_if_fail (PITH_IS_STAGE (self), NULL);

  name = pith_registry_get_type_name (pith_registry_get_default (), G_OBJECT_TYPE (self));

  return name != NULL ? name : G_OBJECT_TYPE_NAME (self);
}

/**
 * pith_stage_class_set_description:
 * @klass: a stage class
 * @description: one sentence saying what the stage does
 *
 * Sets the description that `pith --list-stages` and `pith inspect` show.
 * Call it from the class initialiser.
 */
void
pith_stage_class_set_description (PithStageClass *klass,
                                  const char     *description)
{
  g_return_if_fail (PITH_IS_STAGE_CLASS (klass));
  g_return_if_fail (description != NULL);

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), description_quark,
                    (gpointer) g_intern_string (description));
}

/**
 * pith_stage_class_get_description:
 * @klass: a stage class
 *
 * Gets the description set with [method@Pith.StageClass.set_description].
 *
 * Returns: (transfer none) (nullable): the description
 */
const char *
pith_stage_class_get_description (PithStageClass *klass)
{
  g_return_val_if_fail (PITH_IS_STAGE_CLASS (klass), NULL);

  return g_type_get_qdata (G_TYPE_FROM_CLASS (klass), description_quark);
}

typedef struct
{
  char **needs;
  char **gives;
  PithStageFlags flags;
} Layers;

static GQuark
layers_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("pith-stage-layers"));
  return (GQuark) quark;
}

/**
 * pith_stage_declare_layers:
 * @type: a stage type, a subtype of [class@Pith.Stage]
 * @needs: (nullable) (array zero-terminated=1): the layers the stage reads,
 *   which a stage before it in a pipeline must give
 * @gives: (nullable) (array zero-terminated=1): the layers the stage adds
 * @flags: whether the stage edits the text
 *
 * Declares what a stage needs and gives, so that a pipeline that cannot
 * work fails when it is built, naming what is missing: `segment` gives
 * `token` and `sentence`, `summarize` needs `sentence`, and `clean`, which
 * edits the text, comes before every stage that annotates it. A stage that
 * declares nothing is trusted. Stages written in C call
 * [method@Pith.StageClass.set_layers] from their class initialiser; in
 * Python a stage class sets `needs`, `gives` and `edits_text` attributes.
 */
void
pith_stage_declare_layers (GType                type,
                           const char * const  *needs,
                           const char * const  *gives,
                           PithStageFlags       flags)
{
  Layers *layers;

  g_return_if_fail (g_type_is_a (type, PITH_TYPE_STAGE));

  /* Type data lives as long as the type: the declaration is kept for good. */
  layers = g_new0 (Layers, 1);
  layers->needs = g_strdupv ((char **) needs);
  layers->gives = g_strdupv ((char **) gives);
  layers->flags = flags;
  if (layers->needs == NULL)
    layers->needs = g_new0 (char *, 1);
  if (layers->gives == NULL)
    layers->gives = g_new0 (char *, 1);
  g_type_set_qdata (type, layers_quark (), layers);
}

/**
 * pith_stage_class_set_layers:
 * @klass: a stage class
 * @needs: (nullable) (array zero-terminated=1): the layers the stage reads
 * @gives: (nullable) (array zero-terminated=1): the layers the stage adds
 * @flags: whether the stage edits the text
 *
 * Declares what the stage needs and gives, as
 * [func@Pith.Stage.declare_layers] does for its type. Call it from the
 * class initialiser.
 */
void
pith_stage_class_set_layers (PithStageClass      *klass,
                             const char * const  *needs,
                             const char * const  *gives,
                             PithStageFlags       flags)
{
  g_return_if_fail (PITH_IS_STAGE_CLASS (klass));

  pith_stage_declare_layers (G_TYPE_FROM_CLASS (klass), needs, gives, flags);
}

/**
 * pith_stage_get_layers:
 * @self: a stage
 * @needs: (out) (optional) (transfer none) (array zero-terminated=1): the
 *   layers the stage needs
 * @gives: (out) (optional) (transfer none) (array zero-terminated=1): the
 *   layers it gives
 * @flags: (out) (optional): what else it does
 *
 * Gets what the stage's type declared, or what its nearest declaring
 * parent type did.
 *
 * Returns: whether the stage declared anything
 */
gboolean
pith_stage_get_layers (PithStage           *self,
                       const char * const **needs,
                       const char * const **gives,
                       PithStageFlags      *flags)
{
  Layers *layers = NULL;

  g_return_val_if_fail (PITH_IS_STAGE (self), FALSE);

  for (GType type = G_OBJECT_TYPE (self); type != PITH_TYPE_STAGE && layers == NULL;
       type = g_type_parent (type))
    layers = g_type_get_qdata (type, layers_quark ());
  if (needs != NULL)
    *needs = layers != NULL ? (const char * const *) layers->needs : NULL;
  if (gives != NULL)
    *gives = layers != NULL ? (const char * const *) layers->gives : NULL;
  if (flags != NULL)
    *flags = layers != NULL ? layers->flags : PITH_STAGE_FLAGS_NONE;
  return layers != NULL;
}

static GQuark
labels_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("pith-stage-labels"));
  return (GQuark) quark;
}

/**
 * pith_stage_declare_labels:
 * @type: a stage type, a subtype of [class@Pith.Stage]
 * @labels: (array zero-terminated=1): the labels of the spans the stage
 *   gives, as `PER` or `DATE`
 *
 * Declares the labels a stage puts on its spans, for tools and users to
 * list (`pith inspect`, a legend of colours), as a spaCy user reads
 * `ner.labels`. In Python a stage class sets a `labels` attribute.
 */
void
pith_stage_declare_labels (GType               type,
                           const char * const *labels)
{
  g_return_if_fail (g_type_is_a (type, PITH_TYPE_STAGE));
  g_return_if_fail (labels != NULL);

  /* Type data lives as long as the type, as the layers do. */
  g_type_set_qdata (type, labels_quark (), g_strdupv ((char **) labels));
}

/**
 * pith_stage_class_set_labels:
 * @klass: a stage class
 * @labels: (array zero-terminated=1): the labels of the spans the stage
 *   gives
 *
 * Declares the labels of the stage's spans, as
 * [func@Pith.Stage.declare_labels] does for its type. Call it from the
 * class initialiser.
 */
void
pith_stage_class_set_labels (PithStageClass     *klass,
                             const char * const *labels)
{
  g_return_if_fail (PITH_IS_STAGE_CLASS (klass));

  pith_stage_declare_labels (G_TYPE_FROM_CLASS (klass), labels);
}

/**
 * pith_stage_get_labels:
 * @self: a stage
 *
 * Gets the labels the stage's type declared for its spans, or its nearest
 * declaring parent type did.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   labels, or %NULL if none were declared
 */
const char * const *
pith_stage_get_labels (PithStage *self)
{
  g_return_val_if_fail (PITH_IS_STAGE (self), NULL);

  for (GType type = G_OBJECT_TYPE (self); type != PITH_TYPE_STAGE; type = g_type_parent (type))
    {
      const char * const *labels = g_type_get_qdata (type, labels_quark ());

      if (labels != NULL)
        return labels;
    }
  return NULL;
}
