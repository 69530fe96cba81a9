/* pith-cli.h: parts of the pith command
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdio.h>

#include <pith/pith.h>

G_BEGIN_DECLS

typedef enum {
  PITH_CLI_FORMAT_AUTO,
  PITH_CLI_FORMAT_TEXT,
  PITH_CLI_FORMAT_HTML,
  PITH_CLI_FORMAT_JSON,
  PITH_CLI_FORMAT_JSONL,
  PITH_CLI_FORMAT_WARC,
} PithCliFormat;

/* One input record: a document to process, or the error that kept it from
 * becoming one. */
typedef struct
{
  PithDocument *document;   /* NULL if reading or parsing failed */
  GError *error;
  JsonNode *id;             /* the input's "id", kept as given (string or number) */
  char *source;             /* file name, or "<stdin>" */
  guint64 line;             /* line number in JSON Lines input; 0 otherwise */
  guint64 record;           /* record number in WARC input; 0 otherwise */
  gsize size;               /* input bytes, for progress */
} PithCliRecord;

void pith_cli_record_clear           (PithCliRecord *record);
/* Fills @record from one line of JSON Lines input: its document and id, or
 * its error. @parser is reused from line to line. */
void pith_cli_record_parse_json_line (PithCliRecord *record,
                                      JsonParser    *parser,
                                      const char    *line,
                                      gsize          length);

typedef void (*PithCliRecordFunc) (PithCliRecord *record,
                                   gpointer       user_data);

/* pith-cli-warc.c: each web page of a WARC file (gzipped or not) goes to
 * @func as a record, each record that cannot be read as an error. */
gboolean pith_cli_is_warc   (const char        *path);
void     pith_cli_read_warc (FILE              *stream,
                             const char        *source,
                             const char        *charset,
                             PithCliRecordFunc  func,
                             gpointer           user_data);

/* pith-cli-inspect.c */
int  pith_cli_list_stages  (void);
int  pith_cli_inspect      (const char *name);

/* pith-cli-output.c */
typedef struct _PithCliWriter PithCliWriter;

PithCliWriter *pith_cli_writer_new    (FILE          *out,
                                       PithCliFormat  format,
                                       PithJsonFlags  json_flags,
                                       gboolean       several);
void           pith_cli_writer_write  (PithCliWriter *self,
                                       PithCliRecord *record);
void           pith_cli_writer_finish (PithCliWriter *self);
void           pith_cli_writer_free   (PithCliWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithCliWriter, pith_cli_writer_free)

G_END_DECLS
