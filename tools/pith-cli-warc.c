/* pith-cli-warc.c: web pages from WARC files, as crawlers store them
 *
 * A WARC file (ISO 28500; Common Crawl and its news crawl publish them) is
 * a run of records, each a block of "WARC/1.x" headers, a blank line and
 * Content-Length bytes of content; a .warc.gz is the same with each record
 * a gzip member of its own, which the input reads as one stream. Every "response" record whose HTTP payload is
 * a web page becomes one document: its id and URL the record's target
 * URI, its charset the one the HTTP headers give. A record that cannot be
 * read becomes an error naming it, and reading goes on at the next record.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <gio/gio.h>

#include "pith-cli.h"

#define CHUNK 65536
#define MAX_HEADERS (64 * 1024)
#define MAX_RECORD ((gsize) 256 * 1024 * 1024)

typedef struct
{
  PithCliInput *input;
  FILE *stream;
  guint8 input_buffer[CHUNK];
  GByteArray *buffer;       /* read and not yet consumed */
  gsize position;
  gboolean done;
  GError *error;
} Reader;

/* Reads more input into the buffer; FALSE at the end. */
static gboolean
reader_more (Reader *reader)
{
  size_t n;

  if (reader->done)
    return FALSE;

  /* Drop what was consumed before growing. */
  if (reader->position > CHUNK)
    {
      g_byte_array_remove_range (reader->buffer, 0, (guint) reader->position);
      reader->position = 0;
    }

  n = fread (reader->input_buffer, 1, sizeof reader->input_buffer, reader->stream);
  if (n == 0)
    {
      const GError *error = pith_cli_input_get_error (reader->input);

      if (error != NULL)
        reader->error = g_error_copy (error);
      reader->done = TRUE;
      return FALSE;
    }
  g_byte_array_append (reader->buffer, reader->input_buffer, (guint) n);
  return TRUE;
}

static gsize
available (Reader *reader)
{
  return reader->buffer->len - reader->position;
}

/* Makes @n bytes available, if the input has them. */
static gboolean
reader_want (Reader *reader,
             gsize   n)
{
  while (available (reader) < n)
    if (!reader_more (reader))
      return FALSE;
  return TRUE;
}

static const char *
peek (Reader *reader)
{
  return (const char *) reader->buffer->data + reader->position;
}

/* Where the headers at the reader end (past the blank line), looking at
 * most @limit bytes ahead; 0 if not found. */
static gsize
find_headers_end (Reader *reader,
                  gsize   limit)
{
  gsize searched = 0;

  for (;;)
    {
      gsize n = MIN (available (reader), limit);
      const char *data = peek (reader);

      for (gsize i = searched; i + 1 < n; i++)
        {
          if (data[i] == '\n' && data[i + 1] == '\n')
            return i + 2;
          if (data[i] == '\n' && data[i + 1] == '\r' && i + 2 < n && data[i + 2] == '\n')
            return i + 3;
        }
      searched = n > 2 ? n - 2 : 0;
      if (n >= limit || !reader_more (reader))
        return 0;
    }
}

/* Skips to the next line that starts "WARC/", after a record that could
 * not be read. */
static void
resynchronize (Reader *reader)
{
  if (available (reader) > 0)
    reader->position++;
  for (;;)
    {
      const char *data = peek (reader);
      gsize n = available (reader);

      for (gsize i = 0; i + 5 <= n; i++)
        if ((i == 0 || data[i - 1] == '\n') && memcmp (data + i, "WARC/", 5) == 0)
          {
            reader->position += i;
            return;
          }
      reader->position += n > 5 ? n - 5 : 0;
      if (!reader_more (reader))
        {
          reader->position = reader->buffer->len;
          return;
        }
    }
}

/* The value of header @name in @headers ("Name: value" lines), or NULL. */
static char *
header_value (const char *headers,
              gsize       length,
              const char *name)
{
  gsize name_length = strlen (name);
  const char *line = headers;
  const char *end = headers + length;

  while (line < end)
    {
      const char *eol = memchr (line, '\n', end - line);
      const char *stop = eol != NULL ? eol : end;

      if ((gsize) (stop - line) > name_length && g_ascii_strncasecmp (line, name, name_length) == 0 &&
          line[name_length] == ':')
        {
          const char *value = line + name_length + 1;

          while (value < stop && (*value == ' ' || *value == '\t'))
            value++;
          while (stop > value && g_ascii_isspace (stop[-1]))
            stop--;
          return g_strndup (value, stop - value);
        }
      line = stop + 1;
    }
  return NULL;
}

/* "text/html; charset=ISO-8859-1" → "ISO-8859-1". */
static char *
charset_of (const char *content_type)
{
  const char *charset;
  gsize n = 0;

  if (content_type == NULL || (charset = strstr (content_type, "charset=")) == NULL)
    {
      g_autofree char *lower = content_type != NULL ? g_ascii_strdown (content_type, -1) : NULL;

      if (lower == NULL || (charset = strstr (lower, "charset=")) == NULL)
        return NULL;
      charset = content_type + (charset - lower);
    }
  charset += strlen ("charset=");
  if (*charset == '"' || *charset == '\'')
    charset++;
  while (g_ascii_isalnum (charset[n]) || charset[n] == '-' || charset[n] == '_' || charset[n] == ':' ||
         charset[n] == '.')
    n++;
  return n > 0 ? g_strndup (charset, n) : NULL;
}

static gboolean
is_html_type (const char *content_type)
{
  g_autofree char *lower = content_type != NULL ? g_ascii_strdown (content_type, -1) : NULL;

  return lower != NULL && (strstr (lower, "text/html") != NULL || strstr (lower, "xhtml") != NULL);
}

/* The body of chunked transfer coding, or NULL if it is broken. */
static GBytes *
dechunk (const char *body,
         gsize       length)
{
  GByteArray *out = g_byte_array_new ();
  gsize i = 0;

  for (;;)
    {
      guint64 size = 0;
      gsize digits = 0;

      while (i < length && g_ascii_isxdigit (body[i]) && digits < 16)
        {
          size = size * 16 + (guint64) g_ascii_xdigit_value (body[i++]);
          digits++;
        }
      if (digits == 0)
        break;
      while (i < length && body[i] != '\n')
        i++;
      i++;
      if (size == 0)
        return g_byte_array_free_to_bytes (out);
      if (i > length || size > length - i)
        break;
      g_byte_array_append (out, (const guint8 *) body + i, (guint) size);
      i += size;
      if (i < length && body[i] == '\r')
        i++;
      if (i < length && body[i] == '\n')
        i++;
    }
  g_byte_array_unref (out);
  return NULL;
}

static GBytes *
inflate (GBytes              *bytes,
         GZlibCompressorFormat format,
         GError             **error)
{
  g_autoptr(GZlibDecompressor) inflater = g_zlib_decompressor_new (format);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (in, G_CONVERTER (inflater));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* An HTTP response: the page it carries and its charset, NULL and no
 * error when it carries no page, NULL and an error when it is broken. */
static GBytes *
http_page (const char  *block,
           gsize        length,
           char       **charset,
           GError     **error)
{
  const char *body = NULL;
  gsize headers_length;
  g_autofree char *content_type = NULL;
  g_autofree char *transfer = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GBytes) payload = NULL;

  if (length < 12 || strncmp (block, "HTTP/", 5) != 0)
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "The response holds no HTTP status line");
      return NULL;
    }
  for (gsize i = 0; i + 1 < length; i++)
    if (block[i] == '\n' && (block[i + 1] == '\n' || (block[i + 1] == '\r' && i + 2 < length && block[i + 2] == '\n')))
      {
        body = block + i + (block[i + 1] == '\n' ? 2 : 3);
        break;
      }
  if (body == NULL)
    body = block + length;
  headers_length = body - block;

  content_type = header_value (block, headers_length, "Content-Type");
  transfer = header_value (block, headers_length, "Transfer-Encoding");
  encoding = header_value (block, headers_length, "Content-Encoding");
  if (!is_html_type (content_type))
    return NULL;

  payload = g_bytes_new (body, (gsize) (block + length - body));
  if (transfer != NULL && g_ascii_strcasecmp (transfer, "chunked") == 0)
    {
      GBytes *joined = dechunk (body, (gsize) (block + length - body));

      /* Crawlers often store the body already joined, keeping the header. */
      if (joined != NULL)
        {
          g_bytes_unref (payload);
          payload = joined;
        }
    }
  if (encoding != NULL && (g_ascii_strcasecmp (encoding, "gzip") == 0 ||
                           g_ascii_strcasecmp (encoding, "x-gzip") == 0 ||
                           g_ascii_strcasecmp (encoding, "deflate") == 0))
    {
      const guint8 *data = g_bytes_get_data (payload, NULL);

      /* Stored decoded despite the header, as many crawlers do. */
      if (g_bytes_get_size (payload) >= 2 && (data[0] == 0x1f || data[0] == 0x78))
        {
          GBytes *inflated = inflate (payload, data[0] == 0x1f ? G_ZLIB_COMPRESSOR_FORMAT_GZIP
                                                               : G_ZLIB_COMPRESSOR_FORMAT_ZLIB, error);
          if (inflated == NULL)
            return NULL;
          g_bytes_unref (payload);
          payload = inflated;
        }
    }
  else if (encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "The page is %s-encoded, which pith cannot decode", encoding);
      return NULL;
    }

  *charset = charset_of (content_type);
  return g_steal_pointer (&payload);
}

static void
record_error (PithCliRecord *record,
              const char    *message)
{
  if (record->error == NULL)
    g_set_error_literal (&record->error, PITH_ERROR, PITH_ERROR_INVALID_INPUT, message);
}

/* Reads one record at the reader into @record. FALSE at the end of the
 * input; TRUE with no document and no error for a record that holds no
 * page. */
static gboolean
read_record (Reader        *reader,
             const char    *charset,
             PithCliRecord *record)
{
  gsize headers_end;
  g_autofree char *headers = NULL;
  g_autofree char *type = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *date = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *length_text = NULL;
  guint64 content_length;
  char *end = NULL;

  /* Blank lines between records. */
  for (;;)
    {
      if (!reader_want (reader, 1))
        return FALSE;
      if (*peek (reader) != '\r' && *peek (reader) != '\n')
        break;
      reader->position++;
    }
  if (!reader_want (reader, 5) || memcmp (peek (reader), "WARC/", 5) != 0)
    {
      record_error (record, "Not a WARC record: it does not start with “WARC/”");
      resynchronize (reader);
      return TRUE;
    }
  headers_end = find_headers_end (reader, MAX_HEADERS);
  if (headers_end == 0)
    {
      record_error (record, "The record's headers do not end");
      resynchronize (reader);
      return TRUE;
    }
  headers = g_strndup (peek (reader), headers_end);
  reader->position += headers_end;

  type = header_value (headers, headers_end, "WARC-Type");
  uri = header_value (headers, headers_end, "WARC-Target-URI");
  date = header_value (headers, headers_end, "WARC-Date");
  content_type = header_value (headers, headers_end, "Content-Type");
  length_text = header_value (headers, headers_end, "Content-Length");
  if (uri != NULL)
    {
      /* Some writers put the URI in angle brackets. */
      if (uri[0] == '<' && uri[strlen (uri) - 1] == '>')
        {
          memmove (uri, uri + 1, strlen (uri));
          uri[strlen (uri) - 1] = '\0';
        }
      record->id = json_node_init_string (json_node_alloc (), uri);
    }
  content_length = length_text != NULL ? g_ascii_strtoull (length_text, &end, 10) : 0;
  if (length_text == NULL || end == length_text || *end != '\0')
    {
      record_error (record, "The record has no valid Content-Length");
      resynchronize (reader);
      return TRUE;
    }
  if (content_length > MAX_RECORD)
    {
      g_set_error (&record->error, PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED,
                   "The record's content has %" G_GUINT64_FORMAT " bytes; pith reads at most %"
                   G_GSIZE_FORMAT, content_length, MAX_RECORD);
      /* Skip it without holding it. */
      while (content_length > 0)
        {
          gsize n = MIN ((guint64) available (reader), content_length);

          reader->position += n;
          content_length -= n;
          if (content_length > 0 && !reader_more (reader))
            break;
        }
      return TRUE;
    }
  if (!reader_want (reader, (gsize) content_length))
    {
      record_error (record, "The record ends before its Content-Length");
      reader->position = reader->buffer->len;
      return TRUE;
    }

  {
    const char *block = peek (reader);
    gsize length = (gsize) content_length;
    g_autoptr(GBytes) page = NULL;
    g_autofree char *page_charset = NULL;

    record->size = length;
    if (type != NULL && g_ascii_strcasecmp (type, "response") == 0 &&
        content_type != NULL && strstr (content_type, "application/http") != NULL)
      page = http_page (block, length, &page_charset, &record->error);
    else if (type != NULL && g_ascii_strcasecmp (type, "resource") == 0 && is_html_type (content_type))
      {
        page = g_bytes_new (block, length);
        page_charset = charset_of (content_type);
      }
    reader->position += length;

    if (page != NULL)
      {
        record->document = pith_document_new_from_bytes (page, charset != NULL ? charset : page_charset,
                                                         &record->error);
        if (record->document != NULL)
          {
            pith_document_set_metadata_string (record->document, "source", record->source);
            pith_document_set_metadata_string (record->document, "input_format", "html");
            if (uri != NULL)
              {
                pith_document_set_id (record->document, uri);
                pith_document_set_metadata_string (record->document, "url", uri);
              }
            if (date != NULL)
              pith_document_set_metadata_string (record->document, "crawled", date);
          }
      }
  }
  return TRUE;
}

gboolean
pith_cli_is_warc (const char *path)
{
  return g_str_has_suffix (path, ".warc") || g_str_has_suffix (path, ".warc.gz");
}

void
pith_cli_read_warc (PithCliInput      *input,
                    const char        *charset,
                    PithCliRecordFunc  func,
                    gpointer           user_data)
{
  Reader reader = { input, pith_cli_input_get_stream (input), };
  const char *source = pith_cli_input_get_source (input);
  guint64 number = 0;

  reader.buffer = g_byte_array_new ();

  for (;;)
    {
      PithCliRecord record = { 0, };
      gboolean more;

      record.source = g_strdup (source);
      record.record = number + 1;
      more = read_record (&reader, charset, &record);
      if (record.error == NULL && reader.error != NULL)
        record.error = g_steal_pointer (&reader.error);
      if (!more && record.error == NULL)
        {
          pith_cli_record_clear (&record);
          break;
        }
      number++;
      if (record.document == NULL && record.error == NULL)
        {
          /* Requests, metadata, pages that are not HTML. */
          pith_cli_record_clear (&record);
          continue;
        }
      func (&record, user_data);
      if (!more)
        break;
    }

  g_byte_array_unref (reader.buffer);
  g_clear_error (&reader.error);
}
