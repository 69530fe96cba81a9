/* pith-cli-progress.h: the progress bar of the pith command
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PithCliProgress PithCliProgress;

PithCliProgress *pith_cli_progress_new         (gboolean         enabled,
                                                gboolean         on_terminal);
void             pith_cli_progress_free        (PithCliProgress *self);
void             pith_cli_progress_set_total   (PithCliProgress *self,
                                                guint64          total_bytes);
void             pith_cli_progress_advance     (PithCliProgress *self,
                                                guint            documents,
                                                guint64          bytes);
void             pith_cli_progress_clear       (PithCliProgress *self);
void             pith_cli_progress_finish      (PithCliProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithCliProgress, pith_cli_progress_free)

G_END_DECLS
