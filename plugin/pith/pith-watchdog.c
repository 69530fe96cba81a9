/* pith-watchdog.c: cancelling work that runs past its time budget
 *
 * A stage already stops when its GCancellable is cancelled, so a time
 * budget needs nothing from the stages: a timer on a thread of its own
 * cancels the document's cancellable when the budget runs out, while the
 * document's thread is busy inside a stage.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-tsan-private.h"

#include "pith-watchdog-private.h"

struct _PithWatchdogTimer
{
  GSource *source;
  GCancellable *cancellable;
  gint fired;               /* atomic */
};

static gpointer
run_watchdog (gpointer data)
{
  GMainContext *context = data;
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);

  g_main_loop_run (loop);
  return NULL;
}

static GMainContext *
watchdog_context (void)
{
  static GMainContext *context;

  if (g_once_init_enter (&context))
    {
      GMainContext *created = g_main_context_new ();

      /* Lives as long as the process, as GLib's own worker thread does. */
      g_thread_unref (g_thread_new ("pith-watchdog", run_watchdog, created));
      pith_tsan_release (&context);
      g_once_init_leave (&context, created);
    }
  pith_tsan_acquire (&context);
  return context;
}

static gboolean
on_budget_spent (gpointer data)
{
  PithWatchdogTimer *timer = data;

  pith_tsan_acquire (timer);
  g_atomic_int_set (&timer->fired, 1);
  g_cancellable_cancel (timer->cancellable);
  return G_SOURCE_REMOVE;
}

static void
timer_clear (gpointer data)
{
  PithWatchdogTimer *timer = data;

  pith_tsan_acquire (timer);
  g_object_unref (timer->cancellable);
}

/* The caller and the source's callback each hold a reference: the source
 * drops its own when it is destroyed, whether it fired or not. */
static void
timer_release (gpointer data)
{
  pith_tsan_release (data);
  g_atomic_rc_box_release_full (data, timer_clear);
}

PithWatchdogTimer *
pith_watchdog_arm (GCancellable *cancellable,
                   guint         msec)
{
  PithWatchdogTimer *timer = g_atomic_rc_box_new0 (PithWatchdogTimer);

  timer->cancellable = g_object_ref (cancellable);
  timer->source = g_timeout_source_new (msec);
  g_source_set_callback (timer->source, on_budget_spent, g_atomic_rc_box_acquire (timer), timer_release);
  g_source_set_static_name (timer->source, "[pith] time budget");
  pith_tsan_release (timer);
  g_source_attach (timer->source, watchdog_context ());
  return timer;
}

gboolean
pith_watchdog_disarm (PithWatchdogTimer *timer)
{
  gboolean fired;

  /* Once destroyed, the callback cannot start, but one may be running on
   * the watchdog thread: the flag is atomic and set before the cancel. */
  g_source_destroy (timer->source);
  fired = g_atomic_int_get (&timer->fired) != 0;
  g_source_unref (timer->source);
  timer_release (timer);
  return fired;
}
