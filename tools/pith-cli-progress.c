/* pith-cli-progress.c: the progress bar of the pith command
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "pith-cli-progress.h"

/* Shown only on a terminal, only once the work has run for a while, and
 * redrawn at most a few times a second: short runs stay quiet. */
#define SHOW_AFTER_USEC (G_USEC_PER_SEC / 2)
#define REDRAW_EVERY_USEC (G_USEC_PER_SEC / 5)
#define BAR_WIDTH 24

struct _PithCliProgress
{
  gboolean enabled;
  gboolean shown;
  gint64 started;
  gint64 last_drawn;
  guint64 total_bytes;      /* 0 when unknown, as for a pipe */
  guint64 bytes;
  guint documents;
};

PithCliProgress *
pith_cli_progress_new (gboolean enabled)
{
  PithCliProgress *self = g_new0 (PithCliProgress, 1);

  self->enabled = enabled;
  self->started = g_get_monotonic_time ();

  return self;
}

void
pith_cli_progress_free (PithCliProgress *self)
{
  g_free (self);
}

void
pith_cli_progress_set_total (PithCliProgress *self,
                             guint64          total_bytes)
{
  self->total_bytes = total_bytes;
}

static void
draw (PithCliProgress *self,
      gint64           now)
{
  double elapsed = (now - self->started) / (double) G_USEC_PER_SEC;
  double rate = elapsed > 0 ? self->documents / elapsed : 0;

  fprintf (stderr, "\r");
  if (self->total_bytes > 0)
    {
      double fraction = MIN (1.0, (double) self->bytes / (double) self->total_bytes);
      int filled = (int) (fraction * BAR_WIDTH);
      double eta = fraction > 0 ? elapsed / fraction - elapsed : 0;

      fprintf (stderr, "[%.*s%*s] %3d%% ", filled, "========================",
               BAR_WIDTH - filled, "", (int) (fraction * 100));
      fprintf (stderr, "%u documents, %.0f/s, ETA %d:%02d   ", self->documents, rate,
               (int) eta / 60, (int) eta % 60);
    }
  else
    fprintf (stderr, "%u documents, %.0f/s   ", self->documents, rate);
  fflush (stderr);

  self->shown = TRUE;
  self->last_drawn = now;
}

void
pith_cli_progress_advance (PithCliProgress *self,
                           guint            documents,
                           guint64          bytes)
{
  gint64 now;

  self->documents += documents;
  self->bytes += bytes;
  if (!self->enabled)
    return;

  now = g_get_monotonic_time ();
  if (now - self->started >= SHOW_AFTER_USEC && now - self->last_drawn >= REDRAW_EVERY_USEC)
    draw (self, now);
}

void
pith_cli_progress_finish (PithCliProgress *self)
{
  if (!self->shown)
    return;
  draw (self, g_get_monotonic_time ());
  fprintf (stderr, "\n");
}
