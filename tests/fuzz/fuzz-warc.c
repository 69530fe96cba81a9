/* fuzz-warc.c: the pith command's WARC reader
 *
 * Any bytes read as a WARC file (gzipped when they start as gzip does):
 * each record becomes a document or its error, and its document goes
 * through `clean`. Nothing crashes, and reading always ends.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "pith-fuzz.h"
#include "pith-cli.h"

static void
check_record (PithCliRecord *record,
              gpointer       user_data)
{
  PithPipeline *pipeline = user_data;

  g_assert_true (record->document != NULL || record->error != NULL);
  g_assert_cmpuint (record->record, >, 0);
  if (record->document != NULL && !pith_pipeline_process (pipeline, record->document, NULL, &record->error))
    g_assert_nonnull (record->error);
  pith_cli_record_clear (record);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static PithPipeline *pipeline;
  PithCliInput *input;
  FILE *stream;

  if (pipeline == NULL)
    pipeline = pith_pipeline_new_from_string ("clean", NULL);
  if (size == 0)
    return 0;
  stream = fmemopen ((void *) data, size, "rb");
  input = pith_cli_input_new_for_stream (stream, "<fuzz>");
  pith_cli_read_warc (input, NULL, check_record, pipeline);
  pith_cli_input_free (input);
  fclose (stream);
  return 0;
}
