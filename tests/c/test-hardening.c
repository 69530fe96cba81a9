/* test-hardening.c: limits, threads and cancellation with the real stages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <pith/pith.h>

#define DEFAULT_PIPELINE "clean ! segment ! entities ! summarize"

/* A short news item that differs with @i: names, places and numbers
 * change, so the stages do different work per document. */
static char *
news_item (guint i)
{
  static const char * const people[] = { "Ilham Aliyev", "Maria Lopez", "Tom Becker", "Ana Silva" };
  static const char * const places[] = { "Baku", "Madrid", "Hamburg", "Lisbon", "Nairobi" };

  return g_strdup_printf ("[ad_1] %s met officials in %s on Monday.The talks lasted %u hours, "
                          "officials said. “We agreed on %u points,” %s told reporters. "
                          "Prices rose %u.%u percent in %s last month.\n",
                          people[i % 4], places[i % 5], 1 + i % 9, i % 40, people[(i + 1) % 4],
                          i % 7, i % 10, places[(i + 2) % 5]);
}

static GPtrArray *
news_documents (guint n)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = news_item (i);
      g_ptr_array_add (documents, pith_document_new (text));
    }
  return documents;
}

/* On two threads each document is a chunk of its own; on one, the three
 * are one chunk, run stage by stage. */
static void
test_max_bytes_on (guint n_threads)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("segment", NULL);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *big = g_strnfill (101, 'a');
  g_autofree char *fits = g_strnfill (100, 'a');

  g_object_set (pipeline, "max-bytes", (guint64) 100, NULL);
  g_assert_cmpuint (pith_pipeline_get_max_bytes (pipeline), ==, 100);

  g_ptr_array_add (documents, pith_document_new (fits));
  g_ptr_array_add (documents, pith_document_new (big));
  g_ptr_array_add (documents, pith_document_new ("After it. Still processed."));
  results = pith_pipeline_process_batch (pipeline, (PithDocument **) documents->pdata, documents->len,
                                         n_threads, NULL, NULL, NULL, NULL);

  g_assert_no_error (pith_result_get_error (g_ptr_array_index (results, 0)));
  g_assert_error (pith_result_get_error (g_ptr_array_index (results, 1)), PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED);
  g_assert_no_error (pith_result_get_error (g_ptr_array_index (results, 2)));
  g_assert_cmpuint (pith_document_get_n_spans (g_ptr_array_index (documents, 2), PITH_LAYER_SENTENCE), ==, 2);
  /* The refused document is left as it came. */
  g_assert_false (pith_document_has_layer (g_ptr_array_index (documents, 1), PITH_LAYER_TOKEN));
}

static void
test_max_bytes (void)
{
  test_max_bytes_on (2);
  test_max_bytes_on (1);
}

static void
test_time_budget (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (DEFAULT_PIPELINE, NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) documents = news_documents (2);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(PithDocument) overlong = NULL;
  guint budget;

  /* Seconds of work even for an optimised build. */
  while (long_text->len < 5 * 1000 * 1000)
    {
      g_autofree char *item = news_item (long_text->len);
      g_string_append (long_text, item);
    }
  budget = g_getenv ("PITH_SANITIZED") != NULL ? 2000 : 200;
  /* The first document loads the models, which the budget is not about. */
  g_assert_true (pith_pipeline_process (pipeline, g_ptr_array_index (documents, 0), NULL, NULL));
  pith_pipeline_set_time_budget (pipeline, budget);
  g_assert_cmpuint (pith_pipeline_get_time_budget (pipeline), ==, budget);

  overlong = pith_document_new (long_text->str);
  g_ptr_array_insert (documents, 1, g_object_ref (overlong));
  results = pith_pipeline_process_batch (pipeline, (PithDocument **) documents->pdata, documents->len,
                                         1, NULL, NULL, NULL, NULL);

  g_assert_no_error (pith_result_get_error (g_ptr_array_index (results, 0)));
  g_assert_error (pith_result_get_error (g_ptr_array_index (results, 1)), PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED);
  g_assert_no_error (pith_result_get_error (g_ptr_array_index (results, 2)));
  g_assert_true (pith_document_has_layer (g_ptr_array_index (documents, 2), "summary"));
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (50 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

/* With a budget set, the caller's own cancel is still a cancel. */
static void
test_time_budget_keeps_cancel (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (DEFAULT_PIPELINE, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(PithDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GThread *canceller;

  while (long_text->len < 5 * 1000 * 1000)
    {
      g_autofree char *item = news_item (long_text->len);
      g_string_append (long_text, item);
    }
  document = pith_document_new (long_text->str);
  pith_pipeline_set_time_budget (pipeline, 60 * 1000);

  canceller = g_thread_new ("cancel", cancel_soon, cancellable);
  g_assert_false (pith_pipeline_process (pipeline, document, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (canceller);
}

typedef struct
{
  PithPipeline *pipeline;
  GPtrArray *documents;
  char **json;              /* one per document, filled by the threads */
  guint first;
  guint step;
} Share;

static gpointer
process_share (gpointer data)
{
  Share *share = data;

  for (guint i = share->first; i < share->documents->len; i += share->step)
    {
      PithDocument *document = g_ptr_array_index (share->documents, i);
      g_autoptr(GError) error = NULL;

      if (!pith_pipeline_process (share->pipeline, document, NULL, &error))
        g_error ("document %u: %s", i, error->message);
      share->json[i] = pith_document_to_json (document);
    }
  return NULL;
}

/* One pipeline shared by 8 threads over 10,000 documents gives the JSON
 * of one thread, byte for byte. */
static void
test_shared_by_eight_threads (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (DEFAULT_PIPELINE, NULL);
  guint n = g_getenv ("PITH_SANITIZED") != NULL ? 2000 : 10000;
  g_autoptr(GPtrArray) alone = news_documents (n);
  g_autoptr(GPtrArray) shared = news_documents (n);
  g_autofree char **expected = g_new0 (char *, n);
  g_autofree char **got = g_new0 (char *, n);
  Share single = { pipeline, alone, expected, 0, 1 };
  Share shares[8];
  GThread *threads[8];

  process_share (&single);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      shares[t] = (Share) { pipeline, shared, got, t, G_N_ELEMENTS (threads) };
      threads[t] = g_thread_new ("share", process_share, &shares[t]);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (got[i], ==, expected[i]);
      g_free (got[i]);
      g_free (expected[i]);
    }
}

typedef struct
{
  GMainLoop *loop;
  gint64 cancelled_at;
  gint64 done_at;
  GError *error;
} CancelState;

static void
on_batch_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CancelState *state = user_data;
  g_autoptr(GPtrArray) results = pith_pipeline_process_batch_finish (PITH_PIPELINE (source), result,
                                                                      &state->error);

  state->done_at = g_get_monotonic_time ();
  g_main_loop_quit (state->loop);
}

static gboolean
cancel_batch (gpointer data)
{
  CancelState *state = g_object_get_data (data, "state");

  state->cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* Cancelling a running batch of the default pipeline stops it promptly:
 * every stage checks between its steps, and no document is started after. */
static void
test_cancel_running_batch (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (DEFAULT_PIPELINE, NULL);
  g_autoptr(GPtrArray) documents = news_documents (20000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelState state = { g_main_loop_new (NULL, FALSE), };
  double latency_ms;

  g_object_set_data (G_OBJECT (cancellable), "state", &state);
  pith_pipeline_process_batch_async (pipeline, (PithDocument **) documents->pdata, documents->len, 2,
                                     cancellable, NULL, NULL, NULL, on_batch_done, &state);
  g_timeout_add (100, cancel_batch, cancellable);
  g_main_loop_run (state.loop);

  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  latency_ms = (state.done_at - state.cancelled_at) / 1000.0;
  g_test_message ("a batch stopped %.1f ms after the cancel", latency_ms);
  /* Generous for sanitizer and valgrind builds; an optimised build stops
   * within a few milliseconds (see the bench report). */
  g_assert_cmpfloat (latency_ms, <, 2000);
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/Hardening/limits/max-bytes", test_max_bytes);
  g_test_add_func ("/Pith/Hardening/limits/time-budget", test_time_budget);
  g_test_add_func ("/Pith/Hardening/limits/time-budget-keeps-cancel", test_time_budget_keeps_cancel);
  g_test_add_func ("/Pith/Hardening/threads/shared-by-eight", test_shared_by_eight_threads);
  g_test_add_func ("/Pith/Hardening/cancel/running-batch", test_cancel_running_batch);

  return g_test_run ();
}
