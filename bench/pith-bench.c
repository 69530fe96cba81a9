/* pith-bench.c: throughput of each stage alone and of pipelines
 *
 *   pith-bench [--runs N] [--copies N] [--markdown FILE] CORPUS.jsonl|ARTICLE…
 *   pith-bench --html [--runs N] DIRECTORY|PAGE…
 *
 * Loads the documents once, then for each measured pipeline runs fresh
 * copies of them through it N times on one thread and reports the median
 * time. Stages after the first are measured alone: their input is prepared
 * by the stages before them outside the timed part.
 *
 * With --html, the inputs are web pages (files, or a directory of .html
 * and .html.gz files such as html-eval's pages): `clean input-format=html`
 * runs over all of them, and over hostile pages of two sizes, so that a
 * cost that grows faster than the input shows.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
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
  { "language", "clean", "language" },
  { "entities", "clean ! segment", "entities" },
  { "summarize", "clean ! segment ! entities", "summarize" },
  { "clean ! language ! segment ! entities ! summarize (default)", NULL, "clean ! language ! segment ! entities ! summarize" },
};

static int opt_runs = 5;
static int opt_copies = 10;
static int opt_threads;
static char *opt_markdown;
static char *opt_json;
static gboolean opt_html;
static gboolean opt_no_scaling;
static char **opt_inputs;
static char **opt_only;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs per measure (median reported)", "N" },
  { "copies", 'c', 0, G_OPTION_ARG_INT, &opt_copies, "Copies of the corpus per run", "N" },
  { "markdown", 'm', 0, G_OPTION_ARG_FILENAME, &opt_markdown, "Also write a Markdown table", "FILE" },
  { "json", 'j', 0, G_OPTION_ARG_FILENAME, &opt_json, "Also write each measure's MB/s as JSON", "FILE" },
  { "html", 0, 0, G_OPTION_ARG_NONE, &opt_html, "Measure the clean stage on web pages", NULL },
  { "no-scaling", 0, 0, G_OPTION_ARG_NONE, &opt_no_scaling,
    "Measure the stages only, not the cost against size and shape", NULL },
  { "threads", 't', 0, G_OPTION_ARG_INT, &opt_threads,
    "Only measure the default pipeline as a batch on N threads", "N" },
  { "only", 'o', 0, G_OPTION_ARG_STRING_ARRAY, &opt_only,
    "Only this measure (a stage's name, or \"default\"); repeatable", "NAME" },
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
    pith_pipeline_new_from_string ("clean ! language ! segment ! entities ! summarize", NULL);
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

/* What the corpus costs in memory once cleaned and segmented: the token
 * layer and the offset map, per token. */
static void
measure_layers (GPtrArray *texts,
                GString   *table)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("clean ! segment", NULL);
  gsize token_bytes = 0;
  gsize map_bytes = 0;
  gsize text_bytes = 0;
  guint64 tokens = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(PithDocument) document = pith_document_new (g_ptr_array_index (texts, i));
      gsize offset_map = 0;

      pith_pipeline_process (pipeline, document, NULL, NULL);
      pith_document_get_memory_size (document, NULL, &offset_map);
      token_bytes += pith_layer_get_memory_size (pith_document_peek_layer (document, PITH_LAYER_TOKEN));
      map_bytes += offset_map;
      text_bytes += pith_document_get_text_size (document);
      tokens += pith_document_get_n_spans (document, PITH_LAYER_TOKEN);
    }
  g_string_append_printf (table, "\nToken layer after `clean ! segment`: %.2f bytes a token (%.2f with the "
                          "offset map's share); %" G_GUINT64_FORMAT " tokens, a token every %.1f bytes of "
                          "text.\n", token_bytes / (double) MAX (tokens, 1),
                          (token_bytes + map_bytes) / (double) MAX (tokens, 1), tokens,
                          text_bytes / (double) MAX (tokens, 1));
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

static GBytes *
read_page (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (stream == NULL)
    g_error ("%s", error->message);
  if (g_str_has_suffix (path, ".gz"))
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      GInputStream *plain = g_converter_input_stream_new (stream, G_CONVERTER (gunzip));

      g_object_unref (stream);
      stream = plain;
    }
  if (g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error) < 0)
    g_error ("%s: %s", path, error->message);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
load_pages (const char *path,
            GPtrArray  *pages)
{
  g_autoptr(GDir) directory = g_file_test (path, G_FILE_TEST_IS_DIR) ? g_dir_open (path, 0, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (directory == NULL)
    {
      g_ptr_array_add (pages, read_page (path));
      return;
    }
  while ((name = g_dir_read_name (directory)) != NULL)
    if (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".html.gz") ||
        g_str_has_suffix (name, ".htm"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (pages, read_page (g_ptr_array_index (names, i)));
}

static char *
wrapped (const char *head,
         const char *unit,
         const char *tail,
         gsize       size)
{
  GString *out = g_string_sized_new (size + 1024);

  g_string_append (out, head);
  while (out->len < size)
    g_string_append (out, unit);
  g_string_append (out, tail);
  return g_string_free (out, FALSE);
}

/* MB/s of one page, median of three runs. */
static double
html_megabytes_per_second (PithPipeline *pipeline,
                           const char   *text)
{
  double seconds[3];

  for (guint run = 0; run < G_N_ELEMENTS (seconds); run++)
    {
      g_autoptr(PithDocument) document = pith_document_new (text);
      gint64 start;

      pith_document_set_metadata_string (document, "input_format", "html");
      start = g_get_monotonic_time ();
      pith_pipeline_process (pipeline, document, NULL, NULL);
      seconds[run] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }
  qsort (seconds, G_N_ELEMENTS (seconds), sizeof (double), compare_doubles);
  return strlen (text) / 1e6 / seconds[1];
}

/* `clean input-format=html` over real pages, then over hostile ones at
 * 1 and 8 MB: the MB/s of both sizes stay alike when the cost is linear. */
static int
measure_html (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("clean input-format=html", NULL);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autofree double *seconds = g_new (double, opt_runs);
  gsize bytes = 0;
  struct { const char *name; const char *head; const char *unit; const char *tail; } shapes[] = {
    { "nested 100,000 deep and more", "<html><body>", "<div><span><b>", "x</b></span></div>" },
    { "a million tags", "<html><body><p>", "<b>a</b> ", "</p>" },
    { "an entity bomb", "<p>", "&amp;&#8217;&eacute;", "</p>" },
    { "huge attributes", "<div class=\"", "sidebar related-posts share ", "\">text</div>" },
    { "unclosed p and li", "<body>", "<p>one<li>two<td>three ", "" },
    { "stray end tags", "<body><div><p>text", "</span></b></i></em></a>", "</p></div>" },
    { "an unclosed comment", "<p>text</p><!--", "<p>hidden</p>", "" },
    { "unclosed scripts", "<p>text</p>", "<script>var a = 1; ", "" },
    { "links everywhere", "<body><ul>", "<li><a href=\"/x\">Related story</a></li>", "</ul><p>Text.</p>" },
  };

  for (guint i = 0; opt_inputs[i] != NULL; i++)
    load_pages (opt_inputs[i], pages);
  for (guint i = 0; i < pages->len; i++)
    bytes += g_bytes_get_size (g_ptr_array_index (pages, i));

  for (int run = 0; run < opt_runs; run++)
    {
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 start;

      for (guint i = 0; i < pages->len; i++)
        {
          PithDocument *document = pith_document_new_from_bytes (g_ptr_array_index (pages, i), NULL, NULL);

          pith_document_set_metadata_string (document, "input_format", "html");
          g_ptr_array_add (documents, document);
        }
      start = g_get_monotonic_time ();
      for (guint i = 0; i < documents->len; i++)
        pith_pipeline_process (pipeline, g_ptr_array_index (documents, i), NULL, NULL);
      seconds[run] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
    }
  qsort (seconds, opt_runs, sizeof (double), compare_doubles);

  printf ("%u pages, %.1f MB of HTML, median of %d runs, 1 thread\n\n", pages->len, bytes / 1e6, opt_runs);
  printf ("| measure | median s | MB/s | pages/s |\n| --- | ---: | ---: | ---: |\n");
  printf ("| `clean input-format=html` | %.3f | %.1f | %.0f |\n\n", seconds[opt_runs / 2],
          bytes / 1e6 / seconds[opt_runs / 2], pages->len / seconds[opt_runs / 2]);

  printf ("Hostile pages, `clean input-format=html`, MB/s (one document, 1 thread):\n\n");
  printf ("| page | 1 MB | 8 MB |\n| --- | ---: | ---: |\n");
  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      g_autofree char *small = wrapped (shapes[s].head, shapes[s].unit, shapes[s].tail, 1 << 20);
      g_autofree char *large = wrapped (shapes[s].head, shapes[s].unit, shapes[s].tail, 8 << 20);

      printf ("| %s | %.1f | %.1f |\n", shapes[s].name, html_megabytes_per_second (pipeline, small),
              html_megabytes_per_second (pipeline, large));
    }
  return 0;
}

/* Whether --only asks for @measure (or says nothing). */
static gboolean
wanted (const Measure *measure)
{
  if (opt_only == NULL)
    return TRUE;
  for (guint i = 0; opt_only[i] != NULL; i++)
    if (g_strcmp0 (opt_only[i], measure->name) == 0 ||
        (g_strcmp0 (opt_only[i], "default") == 0 && g_str_has_suffix (measure->name, "(default)")))
      return TRUE;
  return FALSE;
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

  if (opt_html)
    return measure_html ();

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
      g_autoptr(PithPipeline) measure = NULL;
      g_autofree double *seconds = NULL;
      guint64 tokens = 0;
      double median;

      if (!wanted (&measures[m]))
        continue;
      measure = pith_pipeline_new_from_string (measures[m].measure, &error);
      seconds = g_new (double, opt_runs);

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

  measure_layers (texts, table);
  if (!opt_no_scaling && opt_only == NULL)
    measure_scaling (texts, table);

  fputs (table->str, stdout);
  if (opt_markdown != NULL && !g_file_set_contents (opt_markdown, table->str, -1, &error))
    g_error ("%s", error->message);

  return 0;
}
