/* pith-stage.h: base class of pipeline stages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <gio/gio.h>

#include "pith-document.h"
#include "pith-version-macros.h"

G_BEGIN_DECLS

#define PITH_TYPE_STAGE (pith_stage_get_type ())

/**
 * PithStageFlags:
 * @PITH_STAGE_FLAGS_NONE: nothing special
 * @PITH_STAGE_EDITS_TEXT: the stage edits the document's text, as `clean`
 *   does, and so must come before every stage that annotates the text
 *
 * What a stage does to a document besides the layers it needs and gives.
 */
typedef enum {
  PITH_STAGE_FLAGS_NONE = 0,
  PITH_STAGE_EDITS_TEXT = 1 << 0,
} PithStageFlags;

PITH_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (PithStage, pith_stage, PITH, STAGE, GObject)

/**
 * PithStageClass:
 * @parent_class: the parent class
 * @process: processes one document in place; returns %FALSE with an error
 *   set on failure. Called from any thread, possibly from several at once
 *   for different documents, so it must only read the stage's state.
 *
 * The class of a pipeline stage. A subclass overrides @process and takes
 * its configuration as construct properties.
 */
struct _PithStageClass
{
  GObjectClass parent_class;

  gboolean (*process) (PithStage     *self,
                       PithDocument  *document,
                       GCancellable  *cancellable,
                       GError       **error);

  /*< private >*/
  gpointer _reserved[12];
};

PITH_AVAILABLE_IN_ALL
gboolean    pith_stage_process                (PithStage      *self,
                                               PithDocument   *document,
                                               GCancellable   *cancellable,
                                               GError        **error);
PITH_AVAILABLE_IN_ALL
const char *pith_stage_get_name               (PithStage      *self);
PITH_AVAILABLE_IN_ALL
void        pith_stage_class_set_description  (PithStageClass *klass,
                                               const char     *description);
PITH_AVAILABLE_IN_ALL
const char *pith_stage_class_get_description  (PithStageClass *klass);
PITH_AVAILABLE_IN_ALL
void        pith_stage_class_set_layers       (PithStageClass      *klass,
                                               const char * const  *needs,
                                               const char * const  *gives,
                                               PithStageFlags       flags);
PITH_AVAILABLE_IN_ALL
void        pith_stage_declare_layers         (GType                type,
                                               const char * const  *needs,
                                               const char * const  *gives,
                                               PithStageFlags       flags);
PITH_AVAILABLE_IN_ALL
gboolean    pith_stage_get_layers             (PithStage           *self,
                                               const char * const **needs,
                                               const char * const **gives,
                                               PithStageFlags      *flags);
PITH_AVAILABLE_IN_ALL
void        pith_stage_declare_labels         (GType                type,
                                               const char * const  *labels);
PITH_AVAILABLE_IN_ALL
void        pith_stage_class_set_labels       (PithStageClass      *klass,
                                               const char * const  *labels);
PITH_AVAILABLE_IN_ALL
const char * const *
            pith_stage_get_labels             (PithStage           *self);

G_END_DECLS
