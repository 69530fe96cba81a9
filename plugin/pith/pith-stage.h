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

G_END_DECLS
