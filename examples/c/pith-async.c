/* pith-async.c: a GLib main-loop program that processes an article without
 * blocking, and can cancel it
 *
 *   pith-async [--pipeline DESC] [--timeout MSEC] ARTICLE
 *
 * The pipeline runs in a worker thread through pith_pipeline_process_async();
 * the main loop stays free (a GUI would keep drawing). With --timeout, a
 * timer cancels the work if it has not finished in time.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>

#include <pith/pith.h>

typedef struct
{
  GMainLoop *loop;
  PithDocument *document;
  GCancellable *cancellable;
  int status;
} App;

static void
print_layers (PithDocument *document)
{
  g_auto(GStrv) layers = pith_document_list_layers (document);

  for (guint i = 0; layers[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) spans = pith_document_get_spans (document, layers[i]);

      g_print ("%s: %u spans\n", layers[i], spans->len);
      for (guint s = 0; s < spans->len && s < 5; s++)
        {
          PithSpan *span = g_ptr_array_index (spans, s);
          g_print ("  %-8s %s\n", span->label != NULL ? span->label : "-", span->text);
        }
    }
}

static void
on_processed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  App *app = user_data;
  g_autoptr(GError) error = NULL;

  if (pith_pipeline_process_finish (PITH_PIPELINE (source), result, &error))
    {
      g_print ("processed %" G_GSIZE_FORMAT " characters\n", pith_document_get_length (app->document));
      print_layers (app->document);
      app->status = EXIT_SUCCESS;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_print ("cancelled\n");
      app->status = 3;
    }
  else
    {
      g_printerr ("pith-async: %s\n", error->message);
      app->status = EXIT_FAILURE;
    }

  g_main_loop_quit (app->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  App *app = user_data;

  g_cancellable_cancel (app->cancellable);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *description = NULL;
  int timeout_msec = -1;
  const GOptionEntry entries[] = {
    { "pipeline", 'p', 0, G_OPTION_ARG_STRING, &description, "Pipeline description", "DESC" },
    { "timeout", 't', 0, G_OPTION_ARG_INT, &timeout_msec, "Cancel after MSEC milliseconds", "MSEC" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("ARTICLE");
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  App app = { 0, };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: pith-async [--pipeline DESC] [--timeout MSEC] ARTICLE\n");
      return 2;
    }

  if (description == NULL)
    description = g_strdup ("clean ! language ! segment ! entities ! summarize");
  pipeline = pith_pipeline_new_from_string (description, &error);
  if (pipeline == NULL || !g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("pith-async: %s\n", error->message);
      return EXIT_FAILURE;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  app.document = pith_document_new_from_bytes (bytes, NULL, &error);
  if (app.document == NULL)
    {
      g_printerr ("pith-async: %s\n", error->message);
      return EXIT_FAILURE;
    }
  app.loop = g_main_loop_new (NULL, FALSE);
  app.cancellable = g_cancellable_new ();

  if (timeout_msec == 0)
    g_cancellable_cancel (app.cancellable);
  else if (timeout_msec > 0)
    g_timeout_add (timeout_msec, on_timeout, &app);

  pith_pipeline_process_async (pipeline, app.document, app.cancellable, on_processed, &app);
  g_main_loop_run (app.loop);

  g_main_loop_unref (app.loop);
  g_object_unref (app.cancellable);
  g_object_unref (app.document);

  return app.status;
}
