/* pith-cli-input.c: the bytes of one input of the pith command
 *
 * An input is a file or standard input, gzip-compressed or not, and every
 * reader reads it the same way: through one FILE of its plain bytes. A
 * gzip stream may hold any number of members (as `cat a.gz b.gz` and
 * .warc.gz files make them), read one after the other. The first bytes can
 * be looked at before any is consumed, to tell what the input holds.
 *
 * Raw bytes are read with read(2) where there is a descriptor, so a JSON
 * Lines stream on a pipe goes through line by line as it comes, not in
 * blocks of 64 KB.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#define _GNU_SOURCE

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "pith-cli.h"

#define CHUNK 65536
#define HEAD_MAX 4096

struct _PithCliInput
{
  FILE *raw;
  gboolean owns_raw;
  int descriptor;           /* of @raw, or -1 for a stream without one */
  char *source;

  /* Raw bytes read and not yet passed on: the ones read to see whether
   * the input is gzip, and the inflater's input. */
  guint8 input[CHUNK];
  gsize input_length;
  gsize input_position;
  gboolean input_done;

  gboolean gzip;
  GConverter *inflater;
  gboolean in_member;       /* a gzip member is begun and not ended */

  /* Plain bytes read ahead to be looked at, and served first. */
  guint8 head[HEAD_MAX];
  gsize head_length;
  gsize head_position;

  GError *error;
  FILE *stream;
};

static gssize
read_raw (PithCliInput *self,
          guint8       *buffer,
          gsize         size)
{
  gssize n;

  if (self->descriptor < 0)
    {
      n = (gssize) fread (buffer, 1, size, self->raw);
      if (n == 0 && ferror (self->raw))
        n = -1;
    }
  else
    do
      n = read (self->descriptor, buffer, size);
    while (n < 0 && errno == EINTR);

  if (n < 0)
    g_set_error (&self->error, G_IO_ERROR, g_io_error_from_errno (errno),
                 "Cannot read: %s", g_strerror (errno));
  return n;
}

/* Refills the raw buffer once it is used up; FALSE at its end or on error. */
static gboolean
fill_input (PithCliInput *self)
{
  gssize n;

  if (self->input_position < self->input_length)
    return TRUE;
  if (self->input_done)
    return FALSE;

  n = read_raw (self, self->input, sizeof self->input);
  self->input_position = 0;
  self->input_length = n > 0 ? (gsize) n : 0;
  if (n <= 0)
    self->input_done = TRUE;
  return n > 0;
}

static gssize
read_inflated (PithCliInput *self,
               guint8       *buffer,
               gsize         size)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      GConverterResult result;

      if (!fill_input (self))
        {
          if (self->error != NULL)
            return -1;
          if (self->in_member)
            {
              g_set_error_literal (&self->error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                   "The gzip stream is cut short");
              return -1;
            }
          return 0;
        }

      result = g_converter_convert (self->inflater, self->input + self->input_position,
                                    self->input_length - self->input_position, buffer, size,
                                    G_CONVERTER_NO_FLAGS, &bytes_read, &bytes_written, &error);
      if (result == G_CONVERTER_ERROR)
        {
          g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Cannot decompress: %s", error->message);
          return -1;
        }
      if (bytes_read == 0 && bytes_written == 0 && result != G_CONVERTER_FINISHED)
        {
          g_set_error_literal (&self->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "Cannot decompress: the gzip stream makes no progress");
          return -1;
        }
      self->input_position += bytes_read;
      self->in_member = TRUE;
      /* One member ends; another may follow. */
      if (result == G_CONVERTER_FINISHED)
        {
          g_converter_reset (self->inflater);
          self->in_member = FALSE;
        }
      if (bytes_written > 0)
        return (gssize) bytes_written;
    }
}

/* Plain bytes, after those read ahead. */
static gssize
read_plain (PithCliInput *self,
            guint8       *buffer,
            gsize         size)
{
  gsize n;

  if (self->error != NULL)
    return -1;
  if (self->gzip)
    return read_inflated (self, buffer, size);

  if (self->input_position < self->input_length)
    {
      n = MIN (size, self->input_length - self->input_position);
      memcpy (buffer, self->input + self->input_position, n);
      self->input_position += n;
      return (gssize) n;
    }
  if (self->input_done)
    return 0;
  return read_raw (self, buffer, size);
}

static ssize_t
stream_read (void   *cookie,
             char   *buffer,
             size_t  size)
{
  PithCliInput *self = cookie;
  gssize n;

  if (self->head_position < self->head_length)
    {
      gsize count = MIN (size, self->head_length - self->head_position);

      memcpy (buffer, self->head + self->head_position, count);
      self->head_position += count;
      return (ssize_t) count;
    }

  n = read_plain (self, (guint8 *) buffer, size);
  if (n < 0)
    errno = EIO;
  return n;
}

static PithCliInput *
input_new (FILE       *raw,
           gboolean    owns_raw,
           const char *source)
{
  PithCliInput *self = g_new0 (PithCliInput, 1);
  cookie_io_functions_t functions = { .read = stream_read };

  self->raw = raw;
  self->owns_raw = owns_raw;
  self->descriptor = fileno (raw);
  self->source = g_strdup (source);

  /* Two bytes tell gzip (RFC 1952: 1f 8b) from anything else. */
  while (self->input_length < 2 && !self->input_done)
    {
      gssize n = read_raw (self, self->input + self->input_length,
                           sizeof self->input - self->input_length);
      if (n <= 0)
        self->input_done = TRUE;
      else
        self->input_length += (gsize) n;
    }
  self->gzip = self->input_length >= 2 && self->input[0] == 0x1f && self->input[1] == 0x8b;
  if (self->gzip)
    self->inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));

  self->stream = fopencookie (self, "rb", functions);
  return self;
}

/**
 * pith_cli_input_open:
 * @path: a file name, or "-" for standard input
 *
 * Opens an input. Returns NULL with @error set if the file cannot be
 * opened; an input that opens but cannot be read fails on its first read.
 */
PithCliInput *
pith_cli_input_open (const char  *path,
                     GError     **error)
{
  FILE *raw;

  if (strcmp (path, "-") == 0)
    return input_new (stdin, FALSE, "<stdin>");

  raw = fopen (path, "rb");
  if (raw == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot open: %s", g_strerror (errno));
      return NULL;
    }
  return input_new (raw, TRUE, path);
}

/* An input read from @raw, which stays the caller's. */
PithCliInput *
pith_cli_input_new_for_stream (FILE       *raw,
                               const char *source)
{
  return input_new (raw, FALSE, source);
}

void
pith_cli_input_free (PithCliInput *self)
{
  if (self == NULL)
    return;
  if (self->stream != NULL)
    fclose (self->stream);
  if (self->owns_raw)
    fclose (self->raw);
  g_clear_object (&self->inflater);
  g_clear_error (&self->error);
  g_free (self->source);
  g_free (self);
}

const char *
pith_cli_input_get_source (PithCliInput *self)
{
  return self->source;
}

FILE *
pith_cli_input_get_stream (PithCliInput *self)
{
  return self->stream;
}

gboolean
pith_cli_input_is_gzip (PithCliInput *self)
{
  return self->gzip;
}

/* Why reading failed, once the stream has failed; NULL before. */
const GError *
pith_cli_input_get_error (PithCliInput *self)
{
  return self->error;
}

/* The first @want plain bytes (at most 4096), or as many as there are:
 * for looking at before the stream is read. */
const guint8 *
pith_cli_input_peek (PithCliInput *self,
                     gsize         want,
                     gsize        *length)
{
  want = MIN (want, sizeof self->head);
  while (self->head_length < want)
    {
      gssize n = read_plain (self, self->head + self->head_length, want - self->head_length);

      if (n <= 0)
        break;
      self->head_length += (gsize) n;
    }

  *length = self->head_length;
  return self->head;
}
