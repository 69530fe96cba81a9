/* pith-bench.c: throughput of each stage alone and of pipelines
 *
 *   pith-bench [--runs N] [--copies N] [--markdown FILE] CORPUS.jsonl|ARTICLE…
 *
 * Loads the documents once, then for each measured pipeline runs fresh
 * copies of them through it N times on one thread and reports the median
 * time. Stages after the first are measured alone: their input is prepared
 * by the stages before them outside the timed part.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pith/pith.h>

typedef struct
{
  const char *name;
  const char *prepare;     /* run before, untimed; NULL for none */
  const char *measure;     /* timed */
} Measure;

static const Measure measures[] = {
  { "clean", NULL, "clean" },
  { "segment", "clean", "segment" },
  { "entities", "clean ! segment", "entities" },
  { "summarize", "clean ! segment ! entities", "summarize" },
  { "clean ! segment ! entities ! summarize (default)", NULL, "clean ! segment ! entities ! summarize" },
};

static int opt_runs = 5;
static int opt_copies = 10;
static int opt_threads;
static char *opt_markdown;
static char *opt_json;
static char **opt_inputs;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs per measure (median reported)", "N" },
  { "copies", 'c', 0, G_OPTION_ARG_INT, &opt_copies, "Copies of the corpus per run", "N" },
  { "markdown", 'm', 0, G_OPTION_ARG_FILENAME, &opt_markdown, "Also write a Markdown table", "FILE" },
  { "json", 'j', 0, G_OPTION_ARG_FILENAME, &opt_json, "Also write each measure's MB/s as JSON", "FILE" },
  { "threads", 't', 0, G_OPTION_ARG_INT, &opt_threads,
    "Only measure the default pipeline as a batch on N threads", "N" },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_inputs, NULL, "CORPUS…" },
  { NULL }
};

static void
load (const char *path,
      GPtrArray  *texts)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);

  if (g_str_has_suffix (path, ".jsonl"))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
      g_autoptr(JsonParser) parser = json_parser_new ();

      for (guint i = 0; lines[i] != NULL; i++)
        {
          JsonObject *object;
          const char *text;

          if (*lines[i] == '\0' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
            continue;
          object = json_node_get_object (json_parser_get_root (parser));
          text = json_object_get_string_member_with_default (object, "text",
                   json_object_get_string_member_with_default (object, "article", NULL));
          if (text != NULL)
            g_ptr_array_add (texts, g_strdup (text));
        }
    }
  else
    g_ptr_array_add (texts, g_steal_pointer (&contents));
}

static int compare_doubles (gconstpointer a, gconstpointer b);

/* The default pipeline as a batch on @threads threads: MB/s, median. */
static void
measure_threads (GPtrArray *texts,
                 gsize      bytes,
                 GString   *table)
{
  g_autoptr(PithPipeline) pipeline =
    pith_pipeline_new_from_string ("clean ! segment ! entities ! summarize", NULL);
  g_autofree double *seconds = g_new (double, opt_runs);

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) results = NULL;
      gint64 start;

      for (int copy = 0; copy < opt_copies; copy++)
        for (guint i = 0; i < texts->len; i++)
          g_ptr_array_add (documents, pith_document_new (g_ptr_array_index (texts, i)));
      start = g_get_monotonic_time ();
      results = pith_pipeline_process_batch (pipeline, (PithDocument **) documents->pdata,
                                             documents->len, (guint) opt_threads, NULL, NULL, NULL, NULL);
      seconds[run] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }
  qsort (seconds, opt_runs, sizeof (double), compare_doubles);
  g_string_append_printf (table, "| default pipeline, %d thread%s | %.3f | %.2f |\n", opt_threads,
                          opt_threads == 1 ? "" : "s", seconds[opt_runs / 2],
                          bytes / 1e6 / seconds[opt_runs / 2]);
}

/* One document of about @size bytes made of the corpus, repeated. */
static char *
corpus_of_size (GPtrArray *texts,
                gsize      size)
{
  GString *out = g_string_sized_new (size + 65536);

  while (out->len < size)
    for (guint i = 0; i < texts->len && out->len < size; i++)
      {
        g_string_append (out, g_ptr_array_index (texts, i));
        g_string_append (out, "\n\n");
      }
  return g_string_free (out, FALSE);
}

static char *
repeat (const char *unit,
        gsize       size)
{
  GString *out = g_string_sized_new (size + strlen (unit));

  while (out->len < size)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static double
time_once (PithPipeline *pipeline,
           const char   *text)
{
  g_autoptr(PithDocument) document = pith_document_new (text);
  gint64 start = g_get_monotonic_time ();

  pith_pipeline_process (pipeline, document, NULL, NULL);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Resident memory of this process, in bytes (Linux). */
static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  unsigned long pages = 0;

  if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    sscanf (statm, "%*s %lu", &pages);
  return (gsize) pages * 4096;
}

/* What the first entities pipeline costs: the model checked and mapped,
 * the word lists read, one sentence tagged. Must run before any other
 * pipeline has loaded them. */
static void
measure_model_load (GString *table)
{
  gsize before = resident_bytes ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("segment ! entities", NULL);
  double seconds = time_once (pipeline, "Ilham Aliyev met Vladimir Putin in Moscow on Monday.");

  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_string_append_printf (table, "Entity model load (first pipeline, one sentence tagged): %.0f ms, "
                          "%.1f MB resident.\n\n", seconds * 1000, (resident_bytes () - before) / 1e6);
}

/* MB/s of one large document per size and shape: flat when the cost is
 * linear in the input. */
static void
measure_scaling (GPtrArray *texts,
                 GString   *table)
{
  static const char * const stages[] = { "clean", "segment", "segment ! entities", "segment ! summarize" };
  struct { const char *name; char *text; } inputs[] = {
    { "news, 1 MB", corpus_of_size (texts, 1 << 20) },
    { "news, 10 MB", corpus_of_size (texts, 10 << 20) },
    { "news, 50 MB", corpus_of_size (texts, 50 << 20) },
    { "one 10 MB line without punctuation", repeat ("word ", 10 << 20) },
    { "1,000,000 abbreviations (4 MB)", repeat ("Mr. ", 4000000) },
    { "1,000,000 [ad_1] markers (6 MB)", repeat ("[ad_1]", 6000000) },
    { "1,000,000 one-character lines (2 MB)", repeat ("a\n", 2000000) },
    { "HTML nested 100,000 deep, 10 times (24 MB)", repeat ("<div><span><b><i>x</i></b></span></div>", 24000000) },
    { "1,000,000 mojibake quotes (10 MB)", repeat ("Itâ€™s ", 10000000) },
  };

  g_string_append (table, "\n### Cost against input size and shape (MB/s, one document, 1 thread)\n\n");
  g_string_append (table, "| input | `clean` | `segment` | `segment ! entities` | `segment ! summarize` |\n"
                          "| --- | ---: | ---: | ---: | ---: |\n");
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      gsize size = strlen (inputs[i].text);

      g_string_append_printf (table, "| %s |", inputs[i].name);
      for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
        {
          g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (stages[s], NULL);
          double seconds = time_once (pipeline, inputs[i].text);

          g_string_append_printf (table, " %.1f |", size / 1e6 / seconds);
        }
      g_string_append (table, "\n");
      g_free (inputs[i].text);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CORPUS…");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) table = g_string_new (NULL);
  g_autoptr(JsonBuilder) figures = json_builder_new ();
  gsize bytes = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_inputs == NULL)
    {
      g_printerr ("usage: pith-bench [--runs N] [--copies N] [--markdown FILE] CORPUS…\n");
      return 2;
    }

  for (guint i = 0; opt_inputs[i] != NULL; i++)
    load (opt_inputs[i], texts);
  for (guint i = 0; i < texts->len; i++)
    bytes += strlen (g_ptr_array_index (texts, i));
  bytes *= (gsize) opt_copies;

  if (opt_threads > 0)
    {
      measure_threads (texts, bytes, table);
      fputs (table->str, stdout);
      return 0;
    }

  measure_model_load (table);
  g_string_append_printf (table, "%u documents × %d copies, %.1f MB per run, median of %d runs, 1 thread\n\n",
                          texts->len, opt_copies, bytes / 1e6, opt_runs);
  json_builder_begin_object (figures);
  g_string_append (table, "| measure | median s | MB/s | documents/s | tokens/s |\n");
  g_string_append (table, "| --- | ---: | ---: | ---: | ---: |\n");

  for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
    {
      g_autoptr(PithPipeline) prepare = NULL;
      g_autoptr(PithPipeline) measure = pith_pipeline_new_from_string (measures[m].measure, &error);
      g_autofree double *seconds = g_new (double, opt_runs);
      guint64 tokens = 0;
      double median;

      if (measure == NULL)
        g_error ("%s", error->message);
      if (measures[m].prepare != NULL)
        prepare = pith_pipeline_new_from_string (measures[m].prepare, NULL);

      for (int run = 0; run < opt_runs; run++)
        {
          g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
          gint64 start;

          for (int copy = 0; copy < opt_copies; copy++)
            for (guint i = 0; i < texts->len; i++)
              {
                PithDocument *document = pith_document_new (g_ptr_array_index (texts, i));
                if (prepare != NULL)
                  pith_pipeline_process (prepare, document, NULL, NULL);
                g_ptr_array_add (documents, document);
              }

          start = g_get_monotonic_time ();
          for (guint i = 0; i < documents->len; i++)
            pith_pipeline_process (measure, g_ptr_array_index (documents, i), NULL, NULL);
          seconds[run] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

          if (run == 0)
            for (guint i = 0; i < documents->len; i++)
              tokens += pith_document_get_n_spans (g_ptr_array_index (documents, i), PITH_LAYER_TOKEN);
        }

      qsort (seconds, opt_runs, sizeof (double), compare_doubles);
      median = seconds[opt_runs / 2];
      json_builder_set_member_name (figures, measures[m].measure);
      json_builder_add_double_value (figures, bytes / 1e6 / median);
      {
        char tokens_per_second[32] = "–";

        if (tokens > 0)
          g_snprintf (tokens_per_second, sizeof tokens_per_second, "%.0f", tokens / median);
        g_string_append_printf (table, "| `%s` | %.3f | %.1f | %.0f | %s |\n", measures[m].name, median,
                                bytes / 1e6 / median, texts->len * opt_copies / median, tokens_per_second);
      }
    }

  json_builder_end_object (figures);
  if (opt_json != NULL)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (figures);
      g_autofree char *text = json_to_string (root, TRUE);

      if (!g_file_set_contents (opt_json, text, -1, &error))
        g_error ("%s", error->message);
    }

  measure_scaling (texts, table);

  fputs (table->str, stdout);
  if (opt_markdown != NULL && !g_file_set_contents (opt_markdown, table->str, -1, &error))
    g_error ("%s", error->message);

  return 0;
}
