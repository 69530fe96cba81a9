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
/* Which members of a JSON Lines record hold its text and its id; NULL
 * for "text" (or "html") and "id". */
typedef struct
{
  const char *text_field;
  const char *id_field;
} PithCliFields;

/* Fills @record from one line of JSON Lines input: its document and id, or
 * its error. @parser is reused from line to line. */
void pith_cli_record_parse_json_line (PithCliRecord       *record,
                                      JsonParser          *parser,
                                      const PithCliFields *fields,
                                      const char          *line,
                                      gsize                length);

typedef void (*PithCliRecordFunc) (PithCliRecord *record,
                                   gpointer       user_data);

/* pith-cli-input.c: one input file or standard input, gzipped or not,
 * read as plain bytes through one FILE. */
typedef struct _PithCliInput PithCliInput;

PithCliInput *pith_cli_input_open           (const char    *path,
                                             GError       **error);
PithCliInput *pith_cli_input_new_for_stream (FILE          *raw,
                                             const char    *source);
void          pith_cli_input_free           (PithCliInput  *self);
const char   *pith_cli_input_get_source     (PithCliInput  *self);
FILE         *pith_cli_input_get_stream     (PithCliInput  *self);
gboolean      pith_cli_input_is_gzip        (PithCliInput  *self);
const GError *pith_cli_input_get_error      (PithCliInput  *self);
const guint8 *pith_cli_input_peek           (PithCliInput  *self,
                                             gsize          want,
                                             gsize         *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithCliInput, pith_cli_input_free)

/* pith-cli-sniff.c: what the first bytes of an input say it is. */
const char *pith_cli_sniff_binary (const guint8 *data,
                                   gsize         length);
const char *pith_cli_sniff_utf16  (const guint8 *data,
                                   gsize         length);

/* pith-cli-warc.c: each web page of a WARC file goes to @func as a
 * record, each record that cannot be read as an error. */
gboolean pith_cli_is_warc   (const char        *path);
void     pith_cli_read_warc (PithCliInput      *input,
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
