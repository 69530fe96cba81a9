/* pith-watchdog-private.h: cancelling work that runs past its time budget
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PithWatchdogTimer PithWatchdogTimer;

/* Cancels @cancellable after @msec milliseconds unless disarmed first. The
 * timers of all threads run on one watchdog thread, started on first use. */
PithWatchdogTimer *pith_watchdog_arm    (GCancellable      *cancellable,
                                         guint              msec);
/* Stops @timer and frees it; TRUE if it had already fired. */
gboolean           pith_watchdog_disarm (PithWatchdogTimer *timer);

G_END_DECLS
