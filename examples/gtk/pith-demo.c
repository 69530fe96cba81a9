/* pith-demo.c: a GTK 4 window onto Pith
 *
 *   pith-gtk-demo [--report] [ARTICLE]
 *
 * Open or paste a news article and see its cleaned text with the entities
 * highlighted by label, the entities the mentions make up, and the
 * summary. The pipeline runs on a worker thread, so the window never
 * freezes. --report prints what the window shows as JSON each time it has
 * drawn a document (its tests read it).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <gtk/gtk.h>
#include <pith/pith.h>

#include "pith-demo-labels.h"
#include "pith-demo-window.h"

#define DEMO_PIPELINE "clean ! language ! segment ! entities ! summarize sentences=3"

typedef struct
{
  PithPipeline *pipeline;
  gboolean report;
} Demo;

static PithDemoWindow *
new_window (GtkApplication *application,
            Demo           *demo)
{
  PithDemoWindow *window = pith_demo_window_new (application, demo->pipeline, demo->report);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
on_startup (GApplication *application,
            gpointer      user_data)
{
  Demo *demo = user_data;
  g_autoptr(GError) error = NULL;

  pith_demo_labels_install_css (gdk_display_get_default ());
  demo->pipeline = pith_pipeline_new_from_string (DEMO_PIPELINE, &error);
  if (demo->pipeline == NULL)
    g_error ("The demo's pipeline does not build: %s", error->message);
}

static void
on_activate (GApplication *application,
             gpointer      user_data)
{
  new_window (GTK_APPLICATION (application), user_data);
}

static void
on_open (GApplication  *application,
         GFile        **files,
         int            n_files,
         const char    *hint,
         gpointer       user_data)
{
  for (int i = 0; i < n_files; i++)
    pith_demo_window_open (new_window (GTK_APPLICATION (application), user_data), files[i]);
}

static int
on_handle_local_options (GApplication *application,
                         GVariantDict *options,
                         gpointer      user_data)
{
  Demo *demo = user_data;

  demo->report = g_variant_dict_contains (options, "report");
  return -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application = NULL;
  Demo demo = { NULL, FALSE };
  int status;

  application = gtk_application_new ("org.example.PithDemo",
                                     G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_add_main_option (G_APPLICATION (application), "report", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 "Print what the window shows as JSON, each time it has drawn a document",
                                 NULL);
  g_signal_connect (application, "handle-local-options", G_CALLBACK (on_handle_local_options), &demo);
  g_signal_connect (application, "startup", G_CALLBACK (on_startup), &demo);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate), &demo);
  g_signal_connect (application, "open", G_CALLBACK (on_open), &demo);

  status = g_application_run (G_APPLICATION (application), argc, argv);
  g_clear_object (&demo.pipeline);
  return status;
}
