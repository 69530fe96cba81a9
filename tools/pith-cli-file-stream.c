/* pith-cli-file-stream.c: a GOutputStream onto a stdio FILE
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>

#include "pith-cli-file-stream.h"

struct _PithCliFileStream
{
  GOutputStream parent_instance;

  FILE *file;
  gsize skip;
};

G_DEFINE_FINAL_TYPE (PithCliFileStream, pith_cli_file_stream, G_TYPE_OUTPUT_STREAM)

static gssize
pith_cli_file_stream_write (GOutputStream  *stream,
                            const void     *buffer,
                            gsize           count,
                            GCancellable   *cancellable,
                            GError        **error)
{
  PithCliFileStream *self = PITH_CLI_FILE_STREAM (stream);
  gsize skipped = MIN (self->skip, count);

  self->skip -= skipped;
  if (skipped < count &&
      fwrite ((const char *) buffer + skipped, 1, count - skipped, self->file) != count - skipped)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not write the output: %s", g_strerror (saved));
      return -1;
    }
  return (gssize) count;
}

static gboolean
pith_cli_file_stream_flush (GOutputStream  *stream,
                            GCancellable   *cancellable,
                            GError        **error)
{
  PithCliFileStream *self = PITH_CLI_FILE_STREAM (stream);

  if (fflush (self->file) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not write the output: %s", g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
pith_cli_file_stream_class_init (PithCliFileStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  stream_class->write_fn = pith_cli_file_stream_write;
  stream_class->flush = pith_cli_file_stream_flush;
}

static void
pith_cli_file_stream_init (PithCliFileStream *self)
{
}

GOutputStream *
pith_cli_file_stream_new (FILE *file)
{
  PithCliFileStream *self = g_object_new (PITH_CLI_TYPE_FILE_STREAM, NULL);

  self->file = file;
  return G_OUTPUT_STREAM (self);
}

void
pith_cli_file_stream_skip (PithCliFileStream *self,
                           gsize              n_bytes)
{
  g_return_if_fail (PITH_CLI_IS_FILE_STREAM (self));

  self->skip = n_bytes;
}
