/* pith-pipeline.h: an ordered list of stages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <gio/gio.h>

#include "pith-document.h"
#include "pith-stage.h"
#include "pith-version-macros.h"

G_BEGIN_DECLS

/**
 * PithProgressFunc:
 * @done: the number of documents finished, failed ones included
 * @total: the number of documents in the batch
 * @user_data: the data given with the function
 *
 * Reports the progress of a batch.
 */
typedef void (*PithProgressFunc) (guint    done,
                                  guint    total,
                                  gpointer user_data);

#define PITH_TYPE_PIPELINE (pith_pipeline_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithPipeline, pith_pipeline, PITH, PIPELINE, GObject)

PITH_AVAILABLE_IN_ALL
PithPipeline *pith_pipeline_new                  (void);
PITH_AVAILABLE_IN_ALL
PithPipeline *pith_pipeline_new_from_string      (const char           *description,
                                                  GError              **error);
PITH_AVAILABLE_IN_ALL
gboolean      pith_pipeline_validate             (PithPipeline         *self,
                                                  GError              **error);
PITH_AVAILABLE_IN_ALL
void          pith_pipeline_append               (PithPipeline         *self,
                                                  PithStage            *stage);
PITH_AVAILABLE_IN_ALL
guint         pith_pipeline_get_n_stages         (PithPipeline         *self);
PITH_AVAILABLE_IN_ALL
PithStage    *pith_pipeline_get_stage            (PithPipeline         *self,
                                                  guint                 index);
PITH_AVAILABLE_IN_ALL
char         *pith_pipeline_to_string            (PithPipeline         *self);

PITH_AVAILABLE_IN_ALL
void          pith_pipeline_set_max_bytes        (PithPipeline         *self,
                                                  guint64               max_bytes);
PITH_AVAILABLE_IN_ALL
guint64       pith_pipeline_get_max_bytes        (PithPipeline         *self);
PITH_AVAILABLE_IN_ALL
void          pith_pipeline_set_time_budget      (PithPipeline         *self,
                                                  guint                 msec);
PITH_AVAILABLE_IN_ALL
guint         pith_pipeline_get_time_budget      (PithPipeline         *self);

PITH_AVAILABLE_IN_ALL
gboolean      pith_pipeline_process              (PithPipeline         *self,
                                                  PithDocument         *document,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
PITH_AVAILABLE_IN_ALL
PithDocument *pith_pipeline_process_text         (PithPipeline         *self,
                                                  const char           *text,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
PITH_AVAILABLE_IN_ALL
void          pith_pipeline_process_async        (PithPipeline         *self,
                                                  PithDocument         *document,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PITH_AVAILABLE_IN_ALL
gboolean      pith_pipeline_process_finish       (PithPipeline         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

PITH_AVAILABLE_IN_ALL
GPtrArray    *pith_pipeline_process_batch        (PithPipeline         *self,
                                                  PithDocument        **documents,
                                                  guint                 n_documents,
                                                  guint                 n_threads,
                                                  GCancellable         *cancellable,
                                                  PithProgressFunc      progress,
                                                  gpointer              progress_data,
                                                  GError              **error);
PITH_AVAILABLE_IN_ALL
void          pith_pipeline_process_batch_async  (PithPipeline         *self,
                                                  PithDocument        **documents,
                                                  guint                 n_documents,
                                                  guint                 n_threads,
                                                  GCancellable         *cancellable,
                                                  PithProgressFunc      progress,
                                                  gpointer              progress_data,
                                                  GDestroyNotify        progress_destroy,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PITH_AVAILABLE_IN_ALL
GPtrArray    *pith_pipeline_process_batch_finish (PithPipeline         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
