/* pith-cli-file-stream.h: a GOutputStream onto a stdio FILE
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <stdio.h>

G_BEGIN_DECLS

#define PITH_CLI_TYPE_FILE_STREAM (pith_cli_file_stream_get_type ())

G_DECLARE_FINAL_TYPE (PithCliFileStream, pith_cli_file_stream, PITH_CLI, FILE_STREAM, GOutputStream)

/* Writes through @file, which it does not own, so that what the command
 * writes with stdio and through the stream stays in order. */
GOutputStream *pith_cli_file_stream_new  (FILE              *file);
/* Drops the next @n_bytes written, as the numeric id of a JSON Lines
 * record replaces the document's opening brace. */
void           pith_cli_file_stream_skip (PithCliFileStream *self,
                                          gsize              n_bytes);

G_END_DECLS
