/* pith-cli.c: the pith command
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pith-cli.h"
#include "pith-cli-progress.h"

/* Documents go through the pipeline in chunks, so a stream of any length
 * runs in bounded memory while every thread has work: a processed news
 * article holds about 50 KB of layers until it is written. */
#define CHUNK_DOCUMENTS_PER_THREAD 64
#define CHUNK_BYTES (16 * 1024 * 1024)

#define EXIT_SOME_FAILED 1
#define EXIT_USAGE 2

static const char *default_stages[] = { "clean", "language", "segment", "entities", "summarize" };

static char *opt_pipeline;
static char *opt_input;
static char *opt_output;
static char *opt_charset;
static char *opt_url;
static int opt_threads;
static gint64 opt_max_bytes;
static int opt_time_budget;
static gboolean opt_list_stages;
static gboolean opt_tokens;
static gboolean opt_raw;
static gboolean opt_pretty;
static gboolean opt_version;
static gboolean opt_progress;
static gboolean opt_no_progress;
static char *opt_text_field;
static char *opt_id_field;
static char **opt_args;

/* Standard input, opened early to tell what it holds. */
static PithCliInput *stdin_input;

static const GOptionEntry entries[] = {
  { "pipeline", 'p', 0, G_OPTION_ARG_STRING, &opt_pipeline,
    "Pipeline description (default: the standard stages this build has, of clean ! language ! segment ! entities ! summarize)", "DESC" },
  { "input", 'i', 0, G_OPTION_ARG_STRING, &opt_input,
    "Input format: auto, text, html, jsonl or warc (default: auto: JSON Lines for .jsonl, WARC for .warc and .warc.gz, else HTML when it looks like a page, text otherwise)", "FORMAT" },
  { "output", 'o', 0, G_OPTION_ARG_STRING, &opt_output,
    "Output format: text, json or jsonl (default: jsonl for jsonl input, else text)", "FORMAT" },
  { "threads", 't', 0, G_OPTION_ARG_INT, &opt_threads,
    "Worker threads (default: one per processor)", "N" },
  { "max-bytes", 0, 0, G_OPTION_ARG_INT64, &opt_max_bytes,
    "Refuse documents larger than N bytes of text, each with an error (default: no limit)", "N" },
  { "time-budget", 0, 0, G_OPTION_ARG_INT, &opt_time_budget,
    "Stop a document after MS milliseconds, with an error (default: no limit)", "MS" },
  { "charset", 0, 0, G_OPTION_ARG_STRING, &opt_charset,
    "Charset of text and HTML input that is not UTF-8", "CHARSET" },
  { "url", 0, 0, G_OPTION_ARG_STRING, &opt_url,
    "Where the one input page came from: its links and dates are read against it", "URL" },
  { "text-field", 0, 0, G_OPTION_ARG_STRING, &opt_text_field,
    "The member of JSON Lines records that holds the text or page (default: text, or html)", "NAME" },
  { "id-field", 0, 0, G_OPTION_ARG_STRING, &opt_id_field,
    "The member of JSON Lines records that holds the id (default: id)", "NAME" },
  { "tokens", 0, 0, G_OPTION_ARG_NONE, &opt_tokens,
    "Include tokens in JSON output", NULL },
  { "raw", 0, 0, G_OPTION_ARG_NONE, &opt_raw,
    "Include the raw input and the offset map in JSON output", NULL },
  { "pretty", 0, 0, G_OPTION_ARG_NONE, &opt_pretty,
    "Indent JSON output", NULL },
  { "progress", 0, 0, G_OPTION_ARG_NONE, &opt_progress,
    "Show progress on standard error (default: when it is a terminal and there are several documents)", NULL },
  { "no-progress", 0, 0, G_OPTION_ARG_NONE, &opt_no_progress,
    "Never show progress", NULL },
  { "list-stages", 0, 0, G_OPTION_ARG_NONE, &opt_list_stages,
    "List the stages pipelines can use", NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    "Print the version", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_args, NULL, "[FILE…]" },
  { NULL }
};

typedef struct
{
  PithPipeline *pipeline;
  guint n_threads;
  PithCliWriter *writer;
  PithCliProgress *progress;
  GArray *records;          /* of PithCliRecord */
  gsize chunk_bytes;
  guint failed;
} Runner;

static void
runner_flush (Runner *runner)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) results = NULL;
  gsize bytes = 0;

  for (guint i = 0; i < runner->records->len; i++)
    {
      PithCliRecord *record = &g_array_index (runner->records, PithCliRecord, i);

      if (record->document != NULL)
        {
          g_ptr_array_add (documents, record->document);
          g_array_append_val (positions, i);
        }
      bytes += record->size;
    }

  /* Without a cancellable the batch itself cannot fail; documents can. */
  results = pith_pipeline_process_batch (runner->pipeline,
                                         (PithDocument **) documents->pdata, documents->len,
                                         runner->n_threads, NULL, NULL, NULL, NULL);
  for (guint i = 0; i < results->len; i++)
    {
      const GError *error = pith_result_get_error (g_ptr_array_index (results, i));
      PithCliRecord *record = &g_array_index (runner->records, PithCliRecord,
                                              g_array_index (positions, guint, i));
      if (error != NULL)
        record->error = g_error_copy (error);
    }

  for (guint i = 0; i < runner->records->len; i++)
    {
      PithCliRecord *record = &g_array_index (runner->records, PithCliRecord, i);

      if (record->error != NULL)
        {
          /* Its message goes to standard error on a line of its own. */
          pith_cli_progress_clear (runner->progress);
          runner->failed++;
        }
      pith_cli_writer_write (runner->writer, record);
    }
  fflush (stdout);

  pith_cli_progress_advance (runner->progress, runner->records->len, bytes);
  g_array_set_size (runner->records, 0);
  runner->chunk_bytes = 0;
}

static void
runner_add (Runner        *runner,
            PithCliRecord *record)
{
  guint threads = runner->n_threads > 0 ? runner->n_threads : g_get_num_processors ();

  g_array_append_vals (runner->records, record, 1);
  runner->chunk_bytes += record->size;

  if (runner->records->len >= CHUNK_DOCUMENTS_PER_THREAD * threads ||
      runner->chunk_bytes >= CHUNK_BYTES)
    runner_flush (runner);
}

static void
add_record (PithCliRecord *record,
            gpointer       user_data)
{
  runner_add (user_data, record);
}

/* All of an input, up to the size a document can have: a gzip bomb stops
 * there rather than filling memory. */
static GBytes *
read_all (PithCliInput  *input,
          GError       **error)
{
  FILE *stream = pith_cli_input_get_stream (input);
  GByteArray *data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stream)) > 0)
    {
      if (data->len + n > PITH_DOCUMENT_MAX_BYTES)
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED,
                       "The input is larger than a document can be (%" G_GSIZE_FORMAT " bytes)",
                       PITH_DOCUMENT_MAX_BYTES);
          g_byte_array_unref (data);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  if (ferror (stream))
    {
      const GError *read_error = pith_cli_input_get_error (input);

      if (read_error != NULL)
        g_propagate_error (error, g_error_copy (read_error));
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                     "Cannot read: %s", g_strerror (errno));
      g_byte_array_unref (data);
      return NULL;
    }

  return g_byte_array_free_to_bytes (data);
}

/* The input at @path, or NULL with an error record added for it. */
static PithCliInput *
open_input (Runner     *runner,
            const char *path)
{
  PithCliRecord record = { 0, };
  PithCliInput *input;

  if (strcmp (path, "-") == 0 && stdin_input != NULL)
    return g_steal_pointer (&stdin_input);

  input = pith_cli_input_open (path, &record.error);
  if (input != NULL)
    return input;

  record.source = g_strdup (path);
  runner_add (runner, &record);
  return NULL;
}

/* An error for input that is no text ("This is a PNG image"), or NULL. */
static GError *
check_is_text (const guint8 *data,
               gsize         length,
               const char   *expected)
{
  const char *kind = pith_cli_sniff_binary (data, MIN (length, 4096));

  if (kind == NULL)
    return NULL;
  return g_error_new (PITH_ERROR, PITH_ERROR_INVALID_INPUT, "This is %s, not %s", kind, expected);
}

static void
read_whole_document (Runner        *runner,
                     const char    *path,
                     PithCliFormat  format)
{
  g_autoptr(PithCliInput) input = open_input (runner, path);
  PithCliRecord record = { 0, };
  g_autoptr(GBytes) bytes = NULL;

  if (input == NULL)
    return;

  record.source = g_strdup (pith_cli_input_get_source (input));
  bytes = read_all (input, &record.error);
  if (bytes != NULL)
    {
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (bytes, &length);
      const char *charset = opt_charset;

      record.size = length;
      record.error = check_is_text (data, length, "text or a web page");
      if (charset == NULL)
        charset = pith_cli_sniff_utf16 (data, MIN (length, 4096));
      if (record.error == NULL)
        record.document = pith_document_new_from_bytes (bytes, charset, &record.error);
      /* The document holds its own copy; the input's goes before the
       * pipeline runs. */
      g_clear_pointer (&bytes, g_bytes_unref);
    }
  if (record.document != NULL)
    {
      pith_document_set_metadata_string (record.document, "source", record.source);
      if (format == PITH_CLI_FORMAT_HTML)
        pith_document_set_metadata_string (record.document, "input_format", "html");
      else if (format == PITH_CLI_FORMAT_TEXT)
        pith_document_set_metadata_string (record.document, "input_format", "text");
      if (opt_url != NULL)
        pith_document_set_metadata_string (record.document, "url", opt_url);
    }

  runner_add (runner, &record);
}

static void
read_warc (Runner     *runner,
           const char *path)
{
  g_autoptr(PithCliInput) input = open_input (runner, path);

  if (input != NULL)
    pith_cli_read_warc (input, opt_charset, add_record, runner);
}

static void
read_json_lines (Runner     *runner,
                 const char *path)
{
  g_autoptr(PithCliInput) input = open_input (runner, path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  PithCliFields fields = { opt_text_field, opt_id_field };
  FILE *stream;
  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;
  guint64 line_number = 0;
  const guint8 *head;
  gsize head_length = 0;

  if (input == NULL)
    return;

  head = pith_cli_input_peek (input, 4096, &head_length);
  {
    PithCliRecord record = { 0, };

    record.error = check_is_text (head, head_length, "JSON Lines");
    if (record.error != NULL)
      {
        record.source = g_strdup (pith_cli_input_get_source (input));
        runner_add (runner, &record);
        return;
      }
  }

  stream = pith_cli_input_get_stream (input);
  while ((length = getline (&line, &capacity, stream)) >= 0)
    {
      PithCliRecord record = { 0, };
      gsize size = (gsize) length;
      gsize first = 0;

      line_number++;
      while (size > 0 && (line[size - 1] == '\n' || line[size - 1] == '\r'))
        size--;

      record.source = g_strdup (pith_cli_input_get_source (input));
      record.line = line_number;
      record.size = (gsize) length;
      /* Every line gives a line: a blank one an error, so output lines
       * stay beside their input lines. */
      while (first < size && g_ascii_isspace (line[first]))
        first++;
      if (first == size)
        g_set_error_literal (&record.error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                             "The line is blank: a JSON Lines record is one object a line");
      else
        pith_cli_record_parse_json_line (&record, parser, &fields, line, size);
      runner_add (runner, &record);
    }
  free (line);

  if (pith_cli_input_get_error (input) != NULL)
    {
      PithCliRecord record = { 0, };

      record.source = g_strdup (pith_cli_input_get_source (input));
      record.error = g_error_copy (pith_cli_input_get_error (input));
      runner_add (runner, &record);
    }
}

static gboolean
parse_format (const char     *text,
              gboolean        for_input,
              PithCliFormat  *format)
{
  if (for_input && g_strcmp0 (text, "auto") == 0)
    *format = PITH_CLI_FORMAT_AUTO;
  else if (for_input && g_strcmp0 (text, "warc") == 0)
    *format = PITH_CLI_FORMAT_WARC;
  else if (g_strcmp0 (text, "text") == 0)
    *format = PITH_CLI_FORMAT_TEXT;
  else if (for_input && g_strcmp0 (text, "html") == 0)
    *format = PITH_CLI_FORMAT_HTML;
  else if (!for_input && g_strcmp0 (text, "json") == 0)
    *format = PITH_CLI_FORMAT_JSON;
  else if (g_strcmp0 (text, "jsonl") == 0)
    *format = PITH_CLI_FORMAT_JSONL;
  else
    return FALSE;
  return TRUE;
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *gzipped = g_strconcat (suffix, ".gz", NULL);

  return g_str_has_suffix (path, suffix) || g_str_has_suffix (path, gzipped);
}

static gboolean
is_json_lines (const char *path)
{
  return has_suffix (path, ".jsonl") || has_suffix (path, ".ndjson");
}

/* What an input of --input auto holds: a file by its name, standard input
 * by its first bytes (gzipped or not): "WARC/" starts a WARC file and "{"
 * a JSON Lines stream. Anything else is one document, whose clean stage
 * tells HTML from text. */
static PithCliFormat
format_of (const char    *path,
           PithCliFormat  format)
{
  if (format != PITH_CLI_FORMAT_AUTO)
    return format;
  if (g_strcmp0 (path, "-") == 0)
    {
      const guint8 *head;
      gsize length = 0;

      if (stdin_input == NULL)
        stdin_input = pith_cli_input_open ("-", NULL);
      head = pith_cli_input_peek (stdin_input, 5, &length);
      if (length >= 1 && head[0] == '{')
        return PITH_CLI_FORMAT_JSONL;
      if (length >= 5 && memcmp (head, "WARC/", 5) == 0)
        return PITH_CLI_FORMAT_WARC;
      return PITH_CLI_FORMAT_AUTO;
    }
  if (is_json_lines (path))
    return PITH_CLI_FORMAT_JSONL;
  if (pith_cli_is_warc (path))
    return PITH_CLI_FORMAT_WARC;
  return PITH_CLI_FORMAT_AUTO;
}

/* The default pipeline is made of the standard stages this build has. */
static char *
default_pipeline (void)
{
  PithRegistry *registry = pith_registry_get_default ();
  GString *description = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_stages); i++)
    if (pith_registry_lookup (registry, default_stages[i]) != G_TYPE_INVALID)
      g_string_append_printf (description, "%s%s", description->len > 0 ? " ! " : "",
                              default_stages[i]);

  return g_string_free (description, FALSE);
}

static gboolean
is_gzipped (const char *path)
{
  guint8 magic[2] = { 0, 0 };
  FILE *file;

  if (strcmp (path, "-") == 0)
    return stdin_input != NULL && pith_cli_input_is_gzip (stdin_input);
  if ((file = fopen (path, "rb")) == NULL)
    return FALSE;
  if (fread (magic, 1, 2, file) != 2)
    magic[0] = 0;
  fclose (file);
  return magic[0] == 0x1f && magic[1] == 0x8b;
}

/* The bytes to read, for the progress bar; 0 when not known (a pipe, or
 * gzip, whose plain size shows only as it is read). */
static guint64
total_input_size (char **files)
{
  guint64 total = 0;

  for (guint i = 0; files[i] != NULL; i++)
    {
      struct stat info;
      int ok = strcmp (files[i], "-") == 0 ? fstat (STDIN_FILENO, &info) : stat (files[i], &info);

      if (ok != 0 || !S_ISREG (info.st_mode) || is_gzipped (files[i]))
        return 0;
      total += (guint64) info.st_size;
    }

  return total;
}

/* One line saying what is wrong, and where to read more. */
static int
usage_error (const char *message)
{
  g_printerr ("pith: %s\nTry “pith --help” for more information.\n", message);
  return EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = NULL;
  g_autoptr(PithCliWriter) writer = NULL;
  g_autoptr(PithCliProgress) progress = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) files = NULL;
  PithCliFormat input_format;
  PithCliFormat output_format;
  g_autofree PithCliFormat *formats = NULL;
  gboolean streams;
  PithJsonFlags json_flags = PITH_JSON_DEFAULT;
  Runner runner = { 0, };
  gboolean several;

  setlocale (LC_ALL, "");
#ifdef __GLIBC__
  /* glibc raises its mmap threshold to the size of each large block freed,
   * so that after one big document the next one's arrays come from the
   * heap, where freed memory is not given back and fragments: a fixed
   * threshold keeps blocks of a megabyte and more in their own mappings,
   * returned when freed (a 50 MB document peaks 21 MB lower). */
  mallopt (M_MMAP_THRESHOLD, 1 << 20);
#endif

  context = g_option_context_new ("[FILE…] | inspect STAGE");
  g_option_context_set_summary (context,
    "Clean scraped news text and find its sentences, entities and summary.\n"
    "Reads each FILE as one document (JSON Lines: one document per line;\n"
    "WARC: one per web page); with no FILE, or when FILE is -, reads\n"
    "standard input.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (opt_version)
    {
      printf ("pith %s\n", PITH_VERSION_S);
      return 0;
    }
  if (opt_list_stages)
    return pith_cli_list_stages ();
  if (opt_args != NULL && g_strcmp0 (opt_args[0], "inspect") == 0)
    {
      if (opt_args[1] == NULL || opt_args[2] != NULL)
        return usage_error ("inspect takes one stage name");
      return pith_cli_inspect (opt_args[1]);
    }
  if (opt_threads < 0)
    return usage_error ("--threads takes a number of threads, 0 or more");

  files = opt_args != NULL ? g_strdupv (opt_args) : g_strsplit ("-", ",", -1);

  input_format = PITH_CLI_FORMAT_AUTO;
  if (opt_input != NULL && !parse_format (opt_input, TRUE, &input_format))
    return usage_error ("--input takes auto, text, html, jsonl or warc");
  if (opt_url != NULL && g_strv_length (files) != 1)
    return usage_error ("--url is for one input; give JSON Lines records a \"url\" each");
  formats = g_new (PithCliFormat, g_strv_length (files));
  streams = FALSE;
  for (guint i = 0; files[i] != NULL; i++)
    {
      formats[i] = format_of (files[i], input_format);
      streams |= formats[i] == PITH_CLI_FORMAT_JSONL || formats[i] == PITH_CLI_FORMAT_WARC;
    }
  if (opt_url != NULL && streams)
    return usage_error ("--url is for one page; give JSON Lines records a \"url\" each");
  if (opt_output != NULL ? !parse_format (opt_output, FALSE, &output_format) : FALSE)
    return usage_error ("--output takes text, json or jsonl");
  if (opt_output == NULL)
    output_format = streams ? PITH_CLI_FORMAT_JSONL : PITH_CLI_FORMAT_TEXT;

  if (opt_pipeline != NULL && *g_strstrip (opt_pipeline) == '\0')
    return usage_error ("the pipeline description (-p) is empty: give stages, as in -p \"clean ! segment\"");
  if (opt_progress && opt_no_progress)
    return usage_error ("--progress and --no-progress say opposite things; give one");
  if ((opt_text_field != NULL && *opt_text_field == '\0') || (opt_id_field != NULL && *opt_id_field == '\0'))
    return usage_error ("--text-field and --id-field take the name of a member");
  description = opt_pipeline != NULL ? g_strdup (opt_pipeline) : default_pipeline ();
  if (*description == '\0')
    {
      g_printerr ("pith: none of the default stages is available; give --pipeline\n");
      return EXIT_USAGE;
    }
  pipeline = pith_pipeline_new_from_string (description, &error);
  if (pipeline == NULL)
    {
      g_printerr ("pith: invalid pipeline: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (opt_max_bytes < 0 || opt_time_budget < 0)
    return usage_error ("--max-bytes and --time-budget take a number of 0 or more");
  pith_pipeline_set_max_bytes (pipeline, (guint64) opt_max_bytes);
  pith_pipeline_set_time_budget (pipeline, (guint) opt_time_budget);

  if (opt_tokens)
    json_flags |= PITH_JSON_TOKENS;
  if (opt_raw)
    json_flags |= PITH_JSON_RAW;
  if (opt_pretty)
    json_flags |= PITH_JSON_PRETTY;

  several = g_strv_length (files) > 1 || streams;
  writer = pith_cli_writer_new (stdout, output_format, json_flags, several);
  progress = pith_cli_progress_new (opt_progress || (!opt_no_progress && isatty (STDERR_FILENO) && several),
                                    isatty (STDERR_FILENO));
  pith_cli_progress_set_total (progress, total_input_size (files));

  runner.pipeline = pipeline;
  runner.n_threads = (guint) opt_threads;
  runner.writer = writer;
  runner.progress = progress;
  runner.records = g_array_new (FALSE, TRUE, sizeof (PithCliRecord));
  g_array_set_clear_func (runner.records, (GDestroyNotify) pith_cli_record_clear);

  for (guint i = 0; files[i] != NULL; i++)
    {
      if (formats[i] == PITH_CLI_FORMAT_JSONL)
        read_json_lines (&runner, files[i]);
      else if (formats[i] == PITH_CLI_FORMAT_WARC)
        read_warc (&runner, files[i]);
      else
        read_whole_document (&runner, files[i], formats[i]);
    }
  runner_flush (&runner);
  pith_cli_writer_finish (writer);
  pith_cli_progress_finish (progress);
  g_array_unref (runner.records);
  g_clear_pointer (&stdin_input, pith_cli_input_free);

  return runner.failed > 0 ? EXIT_SOME_FAILED : 0;
}
