/* pith-demo-window.h: an article, cleaned, with its entities and summary
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <pith/pith.h>

G_BEGIN_DECLS

#define PITH_DEMO_TYPE_WINDOW (pith_demo_window_get_type ())
G_DECLARE_FINAL_TYPE (PithDemoWindow, pith_demo_window, PITH_DEMO, WINDOW, GtkApplicationWindow)

PithDemoWindow *pith_demo_window_new        (GtkApplication *application,
                                             PithPipeline   *pipeline,
                                             gboolean        report);
void            pith_demo_window_open       (PithDemoWindow *self,
                                             GFile          *file);
void            pith_demo_window_take_input (PithDemoWindow *self,
                                             GBytes         *input,
                                             const char     *source,
                                             gboolean        html);

G_END_DECLS
