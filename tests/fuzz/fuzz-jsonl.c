/* fuzz-jsonl.c: the pith command's JSON Lines reader and writer
 *
 * Each line of the input becomes a record as the CLI reads it, goes
 * through `segment`, and is written back as JSON Lines: a bad line is that
 * line's error, and the others go on.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>

#include "pith-fuzz.h"
#include "pith-cli.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static PithPipeline *pipeline;
  g_autoptr(JsonParser) parser = json_parser_new ();
  FILE *sink = fopen ("/dev/null", "w");
  g_autoptr(PithCliWriter) writer = pith_cli_writer_new (sink, PITH_CLI_FORMAT_JSONL, PITH_JSON_DEFAULT, TRUE);
  const char *text = (const char *) data;
  const char *end = text + size;

  if (pipeline == NULL)
    pipeline = pith_pipeline_new_from_string ("segment", NULL);

  while (text < end)
    {
      const char *newline = memchr (text, '\n', (size_t) (end - text));
      const char *line_end = newline != NULL ? newline : end;
      PithCliRecord record = { 0, };

      record.source = g_strdup ("<fuzz>");
      pith_cli_record_parse_json_line (&record, parser, NULL, text, (gsize) (line_end - text));
      g_assert_true ((record.document == NULL) != (record.error == NULL));
      if (record.document != NULL && !pith_pipeline_process (pipeline, record.document, NULL, &record.error))
        g_assert_nonnull (record.error);
      pith_cli_writer_write (writer, &record);
      pith_cli_record_clear (&record);
      text = line_end + 1;
    }

  pith_cli_writer_finish (writer);
  fclose (sink);
  return 0;
}
