/* pith-demo-report.h: what the window shows, as JSON, for its tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pith_demo_report_after_next_frame (GtkWidget     *window,
                                        const char    *source,
                                        GtkTextBuffer *text,
                                        GtkLabel      *summary,
                                        GtkListBox    *groups,
                                        guint          main_loop_ticks,
                                        double         processing_ms);

G_END_DECLS
