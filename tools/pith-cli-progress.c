/* pith-cli-progress.c: the progress bar of the pith command
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "pith-cli-progress.h"

/* Shown only once the work has run for a while, and redrawn at most a
 * few times a second: short runs stay quiet. Asked for where standard
 * error is no terminal (a log file), it is a line every few seconds
 * instead of one line redrawn. */
#define SHOW_AFTER_USEC (G_USEC_PER_SEC / 2)
#define REDRAW_EVERY_USEC (G_USEC_PER_SEC / 5)
#define LOG_EVERY_USEC (5 * G_USEC_PER_SEC)
#define BAR_WIDTH 24

struct _PithCliProgress
{
  gboolean enabled;
  gboolean on_terminal;
  gboolean shown;
  gboolean on_line;         /* the bar is on the terminal's last line */
  gint64 started;
  gint64 last_drawn;
  guint64 total_bytes;      /* 0 when unknown, as for a pipe */
  guint64 bytes;
  guint documents;
};

PithCliProgress *
pith_cli_progress_new (gboolean enabled,
                       gboolean on_terminal)
{
  PithCliProgress *self = g_new0 (PithCliProgress, 1);

  self->enabled = enabled;
  self->on_terminal = on_terminal;
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

  if (self->on_terminal)
    fprintf (stderr, "\r");
  if (self->total_bytes > 0)
    {
      double fraction = MIN (1.0, (double) self->bytes / (double) self->total_bytes);
      int filled = (int) (fraction * BAR_WIDTH);
      double eta = fraction > 0 ? elapsed / fraction - elapsed : 0;

      fprintf (stderr, "[%.*s%*s] %3d%% ", filled, "========================",
               BAR_WIDTH - filled, "", (int) (fraction * 100));
      fprintf (stderr, "%u documents, %.0f/s, ETA %d:%02d", self->documents, rate,
               (int) eta / 60, (int) eta % 60);
    }
  else
    fprintf (stderr, "%u documents, %.0f/s", self->documents, rate);
  /* Padding over what a longer line drew before. */
  fprintf (stderr, self->on_terminal ? "   " : "\n");
  fflush (stderr);

  self->shown = TRUE;
  self->on_line = self->on_terminal;
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
  if (now - self->started >= SHOW_AFTER_USEC &&
      (now - self->last_drawn >= (self->on_terminal ? REDRAW_EVERY_USEC : LOG_EVERY_USEC) ||
       (self->shown && !self->on_line && self->on_terminal)))
    draw (self, now);
}

/* Takes the bar off the terminal's last line, for a message to take it;
 * the next step draws it again. */
void
pith_cli_progress_clear (PithCliProgress *self)
{
  if (!self->on_line)
    return;
  fprintf (stderr, "\r\033[K");
  fflush (stderr);
  self->on_line = FALSE;
}

void
pith_cli_progress_finish (PithCliProgress *self)
{
  if (!self->shown)
    return;
  draw (self, g_get_monotonic_time ());
  if (self->on_terminal)
    fprintf (stderr, "\n");
}
