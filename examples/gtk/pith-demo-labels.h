/* pith-demo-labels.h: the colour of each entity label, in the text and the lists
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        pith_demo_labels_install_css  (GdkDisplay    *display);
void        pith_demo_labels_create_tags  (GtkTextBuffer *buffer);
const char *pith_demo_labels_tag_name     (const char    *label);
GtkWidget  *pith_demo_labels_new_chip     (const char    *label);
void        pith_demo_labels_fill_legend  (GtkFlowBox    *legend);

G_END_DECLS
