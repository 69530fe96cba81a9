/* test-pipeline.c: descriptions, processing, async and batches
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <pith/pith.h>

#include "pith-test-stages.h"

static void
test_parse_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-upper ! test-words min-length=3", &error);
  g_autofree char *description = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (pith_pipeline_get_n_stages (pipeline), ==, 2);
  g_assert_cmpstr (pith_stage_get_name (pith_pipeline_get_stage (pipeline, 0)), ==, "test-upper");
  g_assert_null (pith_pipeline_get_stage (pipeline, 2));
  description = pith_pipeline_to_string (pipeline);
  g_assert_cmpstr (description, ==, "test-upper ! test-words min-length=3");
}

static void
test_parse_whitespace (void)
{
  static const char * const variants[] = {
    "test-upper!test-words",
    "  test-upper  !  test-words  ",
    "test-upper\n!\ttest-words",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (variants[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (pith_pipeline_get_n_stages (pipeline), ==, 2);
    }
}

static void
test_parse_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = NULL;
  g_autofree char *prefix = NULL;
  guint min_length = 0;
  int mode = 0;
  double ratio = 0;
  gboolean enabled = TRUE;
  g_autofree char *description = NULL;
  g_autoptr(PithPipeline) again = NULL;

  pipeline = pith_pipeline_new_from_string (
    "test-upper prefix=\"say \\\"hi\\\" \\\\ ok!\\n\" ! "
    "test-words min-length = 5 mode=cancelled ratio=0.25 enabled=no", &error);
  g_assert_no_error (error);
  g_object_get (pith_pipeline_get_stage (pipeline, 0), "prefix", &prefix, NULL);
  g_assert_cmpstr (prefix, ==, "say \"hi\" \\ ok!\n");
  g_object_get (pith_pipeline_get_stage (pipeline, 1), "min-length", &min_length, "mode", &mode,
                "ratio", &ratio, "enabled", &enabled, NULL);
  g_assert_cmpuint (min_length, ==, 5);
  g_assert_cmpint (mode, ==, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (ratio, ==, 0.25);
  g_assert_false (enabled);

  /* to_string writes what new_from_string reads back. */
  description = pith_pipeline_to_string (pipeline);
  again = pith_pipeline_new_from_string (description, &error);
  g_assert_no_error (error);
  g_clear_pointer (&prefix, g_free);
  g_object_get (pith_pipeline_get_stage (again, 0), "prefix", &prefix, NULL);
  g_assert_cmpstr (prefix, ==, "say \"hi\" \\ ok!\n");

  g_clear_object (&pipeline);
  pipeline = pith_pipeline_new_from_string ("test-upper prefix=\"\\d+ \\p{Lu}\"", &error);
  g_assert_no_error (error);
  g_clear_pointer (&prefix, g_free);
  g_object_get (pith_pipeline_get_stage (pipeline, 0), "prefix", &prefix, NULL);
  g_assert_cmpstr (prefix, ==, "\\d+ \\p{Lu}");

  g_clear_object (&pipeline);
  pipeline = pith_pipeline_new_from_string ("test-upper prefix='single \"quoted\"'", &error);
  g_assert_no_error (error);
  g_clear_pointer (&prefix, g_free);
  g_object_get (pith_pipeline_get_stage (pipeline, 0), "prefix", &prefix, NULL);
  g_assert_cmpstr (prefix, ==, "single \"quoted\"");
}

static void
test_parse_errors (void)
{
  static const struct {
    const char *description;
    int code;
    const char *position;
  } cases[] = {
    { "", PITH_ERROR_INVALID_PIPELINE, "position 1" },
    { "   ", PITH_ERROR_INVALID_PIPELINE, "position 4" },
    { "nope", PITH_ERROR_UNKNOWN_STAGE, "position 1" },
    { "test-upper ! nope", PITH_ERROR_UNKNOWN_STAGE, "position 14" },
    { "test-upper !", PITH_ERROR_INVALID_PIPELINE, "position 13" },
    { "! test-upper", PITH_ERROR_INVALID_PIPELINE, "position 1" },
    { "test-upper !! test-words", PITH_ERROR_INVALID_PIPELINE, "position 13" },
    { "test-words foo=1", PITH_ERROR_INVALID_PROPERTY, "position 12" },
    { "test-words min-length", PITH_ERROR_INVALID_PIPELINE, "position 22" },
    { "test-words min-length=", PITH_ERROR_INVALID_PIPELINE, "position 23" },
    { "test-words min-length=abc", PITH_ERROR_INVALID_VALUE, "position 23" },
    { "test-words min-length=0", PITH_ERROR_INVALID_VALUE, "position 23" },
    { "test-words min-length=101", PITH_ERROR_INVALID_VALUE, "position 23" },
    { "test-words min-length=-1", PITH_ERROR_INVALID_VALUE, "position 23" },
    { "test-words min-length=99999999999", PITH_ERROR_INVALID_VALUE, "position 23" },
    { "test-words ratio=1.5", PITH_ERROR_INVALID_VALUE, "position 18" },
    { "test-words ratio=nan", PITH_ERROR_INVALID_VALUE, "position 18" },
    { "test-words ratio=0.5x", PITH_ERROR_INVALID_VALUE, "position 18" },
    { "test-words enabled=maybe", PITH_ERROR_INVALID_VALUE, "position 20" },
    { "test-words mode=bogus", PITH_ERROR_INVALID_VALUE, "position 17" },
    { "test-upper prefix=\"open", PITH_ERROR_INVALID_PIPELINE, "position 19" },
    { "test-upper prefix='open", PITH_ERROR_INVALID_PIPELINE, "position 19" },
    { "test-upper prefix=\"ends in a backslash\\", PITH_ERROR_INVALID_PIPELINE, "position 19" },
    { "test-upper 5=x", PITH_ERROR_INVALID_PIPELINE, "position 12" },
    { "tëst", PITH_ERROR_UNKNOWN_STAGE, "position 1" },
    { "test-upper ! ünïcode", PITH_ERROR_INVALID_PIPELINE, "position 14" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (cases[i].description, &error);

      if (pipeline != NULL)
        g_error ("“%s” was accepted", cases[i].description);
      if (!g_error_matches (error, PITH_ERROR, cases[i].code) ||
          strstr (error->message, cases[i].position) == NULL)
        g_error ("“%s”: expected code %d at %s, got %d: %s", cases[i].description,
                 cases[i].code, cases[i].position, error->code, error->message);
      /* The message shows the description with a caret. */
      g_assert_nonnull (strchr (error->message, '^'));
    }
}

static void
test_enum_error_lists_choices (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-words mode=bogus", &error);

  g_assert_null (pipeline);
  g_assert_nonnull (strstr (error->message, "one of: failed, not-found"));
}

static void
test_process (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-upper ! test-words min-length=4", &error);
  g_autoptr(PithDocument) document = pith_pipeline_process_text (pipeline, "abc defg hij", NULL, &error);
  g_autoptr(PithSpan) word = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (pith_document_get_text (document), ==, "ABC DEFG HIJ");
  g_assert_cmpuint (pith_document_get_n_spans (document, "word"), ==, 1);
  word = pith_document_get_span (document, "word", 0);
  g_assert_cmpstr (word->text, ==, "DEFG");
  g_assert_cmpuint (word->raw_start, ==, 4);
}

static void
test_process_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-fail ! test-upper", &error);
  g_autoptr(PithDocument) document = pith_document_new ("this will FAIL");

  g_assert_false (pith_pipeline_process (pipeline, document, NULL, &error));
  g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
  /* The stage after the failing one did not run. */
  g_assert_cmpstr (pith_document_get_text (document), ==, "this will FAIL");
}

static void
test_process_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-upper", &error);
  g_autoptr(PithDocument) document = pith_document_new ("abc");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_false (pith_pipeline_process (pipeline, document, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (pith_document_get_text (document), ==, "abc");
}

static void
test_empty_pipeline (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new ();
  g_autoptr(PithDocument) document = pith_pipeline_process_text (pipeline, "unchanged", NULL, NULL);
  g_autofree char *description = pith_pipeline_to_string (pipeline);

  g_assert_cmpstr (pith_document_get_text (document), ==, "unchanged");
  g_assert_cmpstr (description, ==, "");
}

typedef struct
{
  GMainLoop *loop;
  gboolean ok;
  GError *error;
  GPtrArray *results;
  guint last_done;
  guint progress_calls;
  gboolean progress_before_done;
  GThread *main_thread;
  gboolean progress_in_main_thread;
} AsyncState;

static void
on_processed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = pith_pipeline_process_finish (PITH_PIPELINE (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_process_async (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-upper", NULL);
  g_autoptr(PithDocument) document = pith_document_new ("async text");
  AsyncState state = { g_main_loop_new (NULL, FALSE), };

  pith_pipeline_process_async (pipeline, document, NULL, on_processed, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpstr (pith_document_get_text (document), ==, "ASYNC TEXT");
  g_main_loop_unref (state.loop);
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_process_async_cancel (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-sleep msec=10000", NULL);
  g_autoptr(PithDocument) document = pith_document_new ("slow");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { g_main_loop_new (NULL, FALSE), };
  gint64 started = g_get_monotonic_time ();

  pith_pipeline_process_async (pipeline, document, cancellable, on_processed, &state);
  g_timeout_add (20, cancel_later, cancellable);
  g_main_loop_run (state.loop);

  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpuint (done, >=, state->last_done);
  g_assert_cmpuint (done, <=, total);
  state->last_done = done;
  state->progress_calls++;
  if (g_thread_self () != state->main_thread)
    state->progress_in_main_thread = FALSE;
}

static GPtrArray *
make_documents (guint n)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("document %u%s", i, i % 7 == 3 ? " FAIL" : "");
      g_ptr_array_add (documents, pith_document_new (text));
    }
  return documents;
}

static void
check_results (GPtrArray *documents,
               GPtrArray *results)
{
  g_assert_cmpuint (results->len, ==, documents->len);
  for (guint i = 0; i < results->len; i++)
    {
      PithResult *result = g_ptr_array_index (results, i);
      g_autofree char *expected = g_strdup_printf ("DOCUMENT %u", i);

      g_assert_cmpuint (pith_result_get_index (result), ==, i);
      g_assert_true (pith_result_get_document (result) == g_ptr_array_index (documents, i));
      if (i % 7 == 3)
        {
          g_autoptr(GError) error = NULL;

          g_assert_nonnull (pith_result_get_error (result));
          g_assert_false (pith_result_check (result, &error));
          g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
          /* A document stops at the stage that failed: the next one, which
           * the batch may run over the other documents of its chunk in
           * the meantime, never sees it. */
          {
            g_autofree char *unchanged = g_strdup_printf ("document %u FAIL", i);

            g_assert_cmpstr (pith_document_get_text (pith_result_get_document (result)), ==, unchanged);
          }
        }
      else
        {
          g_assert_null (pith_result_get_error (result));
          g_assert_true (pith_result_check (result, NULL));
          g_assert_cmpstr (pith_document_get_text (pith_result_get_document (result)), ==, expected);
        }
    }
}

static void
test_batch (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-fail ! test-upper", NULL);
  g_autoptr(GPtrArray) documents = make_documents (2000);
  g_autoptr(GError) error = NULL;
  AsyncState state = { .main_thread = g_thread_self (), .progress_in_main_thread = TRUE };
  g_autoptr(GPtrArray) results = NULL;

  results = pith_pipeline_process_batch (pipeline, (PithDocument **) documents->pdata, documents->len,
                                         4, NULL, count_progress, &state, &error);
  g_assert_no_error (error);
  check_results (documents, results);
  g_assert_cmpuint (state.last_done, ==, 2000);
  g_assert_true (state.progress_in_main_thread);
}

static void
test_batch_single_thread (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-fail ! test-upper", NULL);
  g_autoptr(GPtrArray) documents = make_documents (50);
  g_autoptr(GPtrArray) results = NULL;
  AsyncState state = { .main_thread = g_thread_self (), .progress_in_main_thread = TRUE };

  results = pith_pipeline_process_batch (pipeline, (PithDocument **) documents->pdata, documents->len,
                                         1, NULL, count_progress, &state, NULL);
  check_results (documents, results);
  g_assert_cmpuint (state.progress_calls, ==, 50);
}

static void
test_batch_empty (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-upper", NULL);
  g_autoptr(GPtrArray) results = pith_pipeline_process_batch (pipeline, NULL, 0, 0, NULL, NULL, NULL, NULL);

  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, 0);
}

static void
on_batch_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;

  state->results = pith_pipeline_process_batch_finish (PITH_PIPELINE (source), result, &state->error);
  state->progress_before_done = state->last_done == 300;
  g_main_loop_quit (state->loop);
}

static void
free_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
test_batch_async (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-fail ! test-upper", NULL);
  g_autoptr(GPtrArray) documents = make_documents (300);
  AsyncState state = {
    .loop = g_main_loop_new (NULL, FALSE),
    .main_thread = g_thread_self (),
    .progress_in_main_thread = TRUE,
  };
  gboolean freed = FALSE;

  pith_pipeline_process_batch_async (pipeline, (PithDocument **) documents->pdata, documents->len,
                                     2, NULL, count_progress, &state, NULL,
                                     on_batch_done, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  check_results (documents, state.results);
  g_assert_true (state.progress_before_done);
  g_assert_true (state.progress_in_main_thread);
  g_ptr_array_unref (state.results);

  /* The progress data's destroy function runs once the batch is over. */
  state.results = NULL;
  state.last_done = 0;
  pith_pipeline_process_batch_async (pipeline, (PithDocument **) documents->pdata, 10, 2, NULL,
                                     count_progress, &state, NULL, on_batch_done, &state);
  g_main_loop_run (state.loop);
  g_ptr_array_unref (state.results);
  pith_pipeline_process_batch_async (pipeline, (PithDocument **) documents->pdata, 10, 2, NULL,
                                     NULL, &freed, free_flag, on_batch_done, &state);
  g_main_loop_run (state.loop);
  g_assert_true (freed);
  g_ptr_array_unref (state.results);
  g_main_loop_unref (state.loop);
}

static void
test_batch_cancel (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-sleep msec=200", NULL);
  g_autoptr(GPtrArray) documents = make_documents (200);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { .loop = g_main_loop_new (NULL, FALSE), .main_thread = g_thread_self () };
  gint64 started = g_get_monotonic_time ();

  pith_pipeline_process_batch_async (pipeline, (PithDocument **) documents->pdata, documents->len,
                                     2, cancellable, NULL, NULL, NULL, on_batch_done, &state);
  g_timeout_add (50, cancel_later, cancellable);
  g_main_loop_run (state.loop);

  g_assert_null (state.results);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* 200 documents of 200 ms on 2 threads would take 20 s. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

/* One pipeline, many threads: the contract that stages only read state. */
static gpointer
run_pipeline_in_thread (gpointer data)
{
  PithPipeline *pipeline = data;
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *text = g_strdup_printf ("thread text number %u", i);
      g_autoptr(PithDocument) document = pith_pipeline_process_text (pipeline, text, NULL, NULL);
      g_autofree char *json = pith_document_to_json (document);

      g_string_append (out, json);
    }
  return g_string_free (out, FALSE);
}

static void
test_shared_across_threads (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("test-upper ! test-words", NULL);
  g_autofree char *expected = run_pipeline_in_thread (pipeline);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("pipeline", run_pipeline_in_thread, pipeline);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *got = g_thread_join (threads[i]);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_layers_checked_when_built (void)
{
  struct { const char *description; const char *message; } wrong[] = {
    { "clean ! summarize",
      "Stage “summarize” needs the “token” layer, which no stage before it gives (put “segment” before it) "
      "at position 9\n  clean ! summarize\n          ^" },
    { "segment ! clean",
      "Stage “clean” edits the text, so it must come before “segment”, which annotates it at position 11" },
    { "clean ! segment ! clean", "Stage “clean” edits the text" },
    { "clean ! entities", "needs the “token” layer" },
  };
  static const char * const right[] = {
    "clean ! segment ! entities ! summarize", "clean ! segment ! summarize", "segment ! entities",
    /* The input may carry the layers a pipeline starts by reading. */
    "summarize", "entities ! summarize",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (wrong[i].description, &error);

      g_assert_null (pipeline);
      g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_PIPELINE);
      g_assert_true (g_str_has_prefix (error->message, wrong[i].message) ||
                     strstr (error->message, wrong[i].message) != NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (right); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (right[i], &error);

      g_assert_no_error (error);
      g_assert_true (pith_pipeline_validate (pipeline, &error));
    }

  /* A pipeline built in code is checked when asked. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PithPipeline) pipeline = pith_pipeline_new ();
    g_autoptr(PithStage) segment = pith_segmenter_new ();
    g_autoptr(PithStage) clean = pith_cleaner_new ();

    pith_pipeline_append (pipeline, segment);
    pith_pipeline_append (pipeline, clean);
    g_assert_false (pith_pipeline_validate (pipeline, &error));
    g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_PIPELINE);
    g_assert_nonnull (strstr (error->message, "(stage 2 of the pipeline)"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pith_test_register_stages ();

  g_test_add_func ("/Pith/Pipeline/parse/simple", test_parse_simple);
  g_test_add_func ("/Pith/Pipeline/parse/whitespace", test_parse_whitespace);
  g_test_add_func ("/Pith/Pipeline/parse/values", test_parse_values);
  g_test_add_func ("/Pith/Pipeline/parse/errors", test_parse_errors);
  g_test_add_func ("/Pith/Pipeline/parse/enum-choices", test_enum_error_lists_choices);
  g_test_add_func ("/Pith/Pipeline/parse/layers", test_layers_checked_when_built);
  g_test_add_func ("/Pith/Pipeline/process/text", test_process);
  g_test_add_func ("/Pith/Pipeline/process/failure", test_process_failure);
  g_test_add_func ("/Pith/Pipeline/process/cancelled", test_process_cancelled);
  g_test_add_func ("/Pith/Pipeline/process/empty", test_empty_pipeline);
  g_test_add_func ("/Pith/Pipeline/async/process", test_process_async);
  g_test_add_func ("/Pith/Pipeline/async/cancel", test_process_async_cancel);
  g_test_add_func ("/Pith/Pipeline/batch/threads", test_batch);
  g_test_add_func ("/Pith/Pipeline/batch/single-thread", test_batch_single_thread);
  g_test_add_func ("/Pith/Pipeline/batch/empty", test_batch_empty);
  g_test_add_func ("/Pith/Pipeline/batch/async", test_batch_async);
  g_test_add_func ("/Pith/Pipeline/batch/cancel", test_batch_cancel);
  g_test_add_func ("/Pith/Pipeline/threads/shared", test_shared_across_threads);

  return g_test_run ();
}
