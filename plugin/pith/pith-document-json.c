/* pith-document-json.c: the JSON form of a document
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pith-document-private.h"
#include "pith-error.h"
#include "pith-json-private.h"

/* Members of the document itself; every other top-level member is a report. */
static const char * const document_members[] = {
  "id", "text", "html", "url", "raw", "language", "metadata", "offset_map",
  "sentences", "tokens", "entities", "layers", NULL,
};

/* Members of a span itself; every other member is an attribute. */
static const char * const span_members[] = {
  "start", "end", "label", "score", "text", "raw_start", "raw_end", NULL,
};

static const struct {
  const char *layer;
  const char *member;
} layer_members[] = {
  { PITH_LAYER_SENTENCE, "sentences" },
  { PITH_LAYER_TOKEN, "tokens" },
  { PITH_LAYER_ENTITY, "entities" },
};

static const char *
member_for_layer (const char *layer)
{
  for (guint i = 0; i < G_N_ELEMENTS (layer_members); i++)
    if (strcmp (layer_members[i].layer, layer) == 0)
      return layer_members[i].member;
  return NULL;
}

/* json_node_init_object() adds a reference; these take the caller's. */
static JsonNode *
node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
node_take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

/* json_node_copy() shares objects and arrays; output must not. */
JsonNode *
pith_json_node_deep_copy (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *copy = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (copy, name, pith_json_node_deep_copy (member));
        return node_take_object (copy);
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *copy = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (copy, pith_json_node_deep_copy (json_array_get_element (array, i)));
        return node_take_array (copy);
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* Writing */

static JsonArray *
offset_map_to_json (PithDocument *self)
{
  const PithOffsetMap *map = pith_document_get_offset_map (self);
  const PithOffsetPiece *pieces;
  gsize n_pieces;
  JsonArray *array;

  pieces = pith_offset_map_get_pieces (map, &n_pieces);
  array = json_array_sized_new (n_pieces);
  for (gsize i = 0; i < n_pieces; i++)
    {
      JsonArray *piece = json_array_sized_new (5);
      gsize text_start = pith_document_byte_to_char (self, pieces[i].text_start);
      gsize text_end = pith_document_byte_to_char (self, pieces[i].text_start + pieces[i].text_len);
      gsize raw_start = pith_document_raw_byte_to_char (self, pieces[i].raw_start);
      gsize raw_end = pith_document_raw_byte_to_char (self, pieces[i].raw_start + pieces[i].raw_len);

      json_array_add_int_element (piece, (gint64) text_start);
      json_array_add_int_element (piece, (gint64) (text_end - text_start));
      json_array_add_int_element (piece, (gint64) raw_start);
      json_array_add_int_element (piece, (gint64) (raw_end - raw_start));
      json_array_add_int_element (piece, pieces[i].identity ? 1 : 0);
      json_array_add_array_element (array, piece);
    }

  return array;
}

static JsonArray *
layer_to_json (PithDocument *self,
               const char   *layer,
               gboolean      with_text)
{
  const char *text = pith_document_get_text (self);
  const PithLayer *spans;
  guint n_spans = 0;
  JsonArray *array;

  spans = pith_document_peek_layer (self, layer);
  n_spans = pith_layer_get_n_spans (spans);
  array = json_array_sized_new (n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "start",
                                  (gint64) pith_document_byte_to_char (self, pith_layer_start (spans, i)));
      json_object_set_int_member (object, "end",
                                  (gint64) pith_document_byte_to_char (self, pith_layer_end (spans, i)));
      if (with_text)
        {
          g_autofree char *span_text = g_strndup (text + pith_layer_start (spans, i),
                                                  pith_layer_end (spans, i) - pith_layer_start (spans, i));
          json_object_set_string_member (object, "text", span_text);
        }
      if (pith_layer_label (spans, i) != 0)
        json_object_set_string_member (object, "label", g_quark_to_string (pith_layer_label (spans, i)));
      if (pith_layer_score (spans, i) != 0.0)
        json_object_set_double_member (object, "score", pith_layer_score (spans, i));
      if (with_text)
        {
          gsize raw_start;
          gsize raw_end;

          pith_document_map_to_raw_bytes (self, pith_layer_start (spans, i), pith_layer_end (spans, i),
                                          &raw_start, &raw_end);
          json_object_set_int_member (object, "raw_start",
                                      (gint64) pith_document_raw_byte_to_char (self, raw_start));
          json_object_set_int_member (object, "raw_end",
                                      (gint64) pith_document_raw_byte_to_char (self, raw_end));
        }

      pith_document_copy_span_attributes (self, layer, i, object, span_members);

      json_array_add_object_element (array, object);
    }

  return array;
}

/**
 * pith_document_to_json_node:
 * @self: a document
 * @flags: what to include
 *
 * Builds the JSON form of a document as a json-glib tree: the members
 * `id`, `text`, `language`, `metadata`, `sentences`, `entities`, the other
 * layers under `layers`, and each report as a member of its own; with
 * %PITH_JSON_TOKENS also `tokens`; with %PITH_JSON_RAW also `raw` and
 * `offset_map`. Offsets are code points. Members of layers that do not
 * exist are absent.
 *
 * Each span is an object with `start`, `end`, `label` (if any), `score`
 * (if not 0) and its attributes. Spans of layers other than tokens and
 * sentences also carry their `text` and their location in the raw input,
 * `raw_start` and `raw_end`.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
pith_document_to_json_node (PithDocument  *self,
                            PithJsonFlags  flags)
{
  JsonObject *object;
  JsonObject *other_layers = NULL;
  JsonObject *metadata;
  JsonObject *reports;
  g_auto(GStrv) layers = NULL;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  object = json_object_new ();

  if (pith_document_get_id (self) != NULL)
    json_object_set_string_member (object, "id", pith_document_get_id (self));
  json_object_set_string_member (object, "text", pith_document_get_text (self));
  if (pith_document_get_language (self) != NULL)
    json_object_set_string_member (object, "language", pith_document_get_language (self));

  if (flags & PITH_JSON_RAW)
    {
      json_object_set_string_member (object, "raw", pith_document_get_raw (self));
      if (!pith_offset_map_is_identity (pith_document_get_offset_map (self)))
        json_object_set_array_member (object, "offset_map", offset_map_to_json (self));
    }

  metadata = pith_document_get_metadata (self);
  if (json_object_get_size (metadata) > 0)
    {
      JsonNode *copy = json_node_init_object (json_node_alloc (), metadata);
      json_object_set_member (object, "metadata", pith_json_node_deep_copy (copy));
      json_node_unref (copy);
    }

  /* The standard layers in a fixed order, so a document read back from
   * JSON writes the same JSON; other layers in the order they were made. */
  for (guint i = 0; i < G_N_ELEMENTS (layer_members); i++)
    {
      const char *layer = layer_members[i].layer;

      if (!pith_document_has_layer (self, layer) ||
          (g_strcmp0 (layer, PITH_LAYER_TOKEN) == 0 && !(flags & PITH_JSON_TOKENS)))
        continue;
      json_object_set_array_member (object, layer_members[i].member,
                                    layer_to_json (self, layer,
                                                   g_strcmp0 (layer, PITH_LAYER_ENTITY) == 0));
    }

  layers = pith_document_list_layers (self);
  for (guint i = 0; layers[i] != NULL; i++)
    {
      if (member_for_layer (layers[i]) != NULL)
        continue;
      if (other_layers == NULL)
        other_layers = json_object_new ();
      json_object_set_array_member (other_layers, layers[i],
                                    layer_to_json (self, layers[i], TRUE));
    }
  if (other_layers != NULL)
    json_object_set_object_member (object, "layers", other_layers);

  reports = pith_document_get_reports (self);
  {
    JsonObjectIter iter;
    const char *name;
    JsonNode *value;

    json_object_iter_init_ordered (&iter, reports);
    while (json_object_iter_next_ordered (&iter, &name, &value))
      if (!g_strv_contains (document_members, name))
        json_object_set_member (object, name, pith_json_node_deep_copy (value));
  }

  return node_take_object (object);
}

/* Compact writing, straight into a string: the same text json-glib's
 * generator gives for the tree above, without the tree, whose nodes cost
 * about a kilobyte a span. Members that are arbitrary JSON (metadata,
 * reports, spans with JSON attributes) still go through json-glib. */

/* The compact JSON form is written without a json-glib tree, into a
 * buffer that, when the writer has a stream, goes out each time it fills:
 * a document of any size is written in a few kilobytes. */
#define WRITER_CHUNK (64 * 1024)

typedef struct
{
  GString *buffer;
  GOutputStream *stream;    /* nullable: then the buffer is the result */
  GCancellable *cancellable;
  GError *error;
  gboolean failed;
} JsonWriter;

static void
writer_flush (JsonWriter *out)
{
  gsize written = 0;

  if (out->stream == NULL || out->failed || out->buffer->len == 0)
    return;
  if (!g_output_stream_write_all (out->stream, out->buffer->str, out->buffer->len,
                                  &written, out->cancellable, &out->error))
    out->failed = TRUE;
  g_string_truncate (out->buffer, 0);
}

static inline void
writer_maybe_flush (JsonWriter *out)
{
  if (out->stream != NULL && out->buffer->len >= WRITER_CHUNK)
    writer_flush (out);
}

static inline void
write_c (JsonWriter *out,
         char        c)
{
  if (!out->failed)
    g_string_append_c (out->buffer, c);
}

static void
write_len (JsonWriter *out,
           const char *data,
           gsize       length)
{
  if (out->failed)
    return;
  g_string_append_len (out->buffer, data, (gssize) length);
  writer_maybe_flush (out);
}

static void
write_str (JsonWriter *out,
           const char *string)
{
  write_len (out, string, strlen (string));
}

G_GNUC_PRINTF (2, 3)
static void
write_printf (JsonWriter *out,
              const char *format,
              ...)
{
  va_list args;

  if (out->failed)
    return;
  va_start (args, format);
  g_string_append_vprintf (out->buffer, format, args);
  va_end (args);
  writer_maybe_flush (out);
}

/* A JSON string as json-glib writes it: quotes and backslashes escaped,
 * control characters but 0x1f as \b \f \n \r \t or \u00XX, and DEL as
 * \u007f; everything else, UTF-8 included, as it is. Like json-glib, it
 * stops at a nul. */
static void
append_string (JsonWriter *out,
               const char *string,
               gsize       length)
{
  const char *end = string + length;
  const char *run = string;

  write_c (out, '"');
  for (const char *p = string; p < end; p++)
    {
      guchar c = (guchar) *p;
      char escaped[8];

      if ((c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) || c == 0x1f)
        {
          /* A long text goes out in pieces, never whole. */
          if (G_UNLIKELY ((gsize) (p - run) >= WRITER_CHUNK))
            {
              write_len (out, run, p - run);
              run = p;
            }
          continue;
        }
      write_len (out, run, p - run);
      run = p + 1;
      if (c == '\0')
        {
          end = p;
          break;
        }
      switch (c)
        {
        case '"': write_str (out, "\\\""); break;
        case '\\': write_str (out, "\\\\"); break;
        case '\b': write_str (out, "\\b"); break;
        case '\f': write_str (out, "\\f"); break;
        case '\n': write_str (out, "\\n"); break;
        case '\r': write_str (out, "\\r"); break;
        case '\t': write_str (out, "\\t"); break;
        default:
          g_snprintf (escaped, sizeof escaped, "\\u00%02x", c);
          write_str (out, escaped);
          break;
        }
    }
  if (run < end)
    write_len (out, run, end - run);
  write_c (out, '"');
}

static void
append_name (JsonWriter *out,
             gboolean   *first,
             const char *name)
{
  if (!*first)
    write_c (out, ',');
  *first = FALSE;
  append_string (out, name, strlen (name));
  write_c (out, ':');
}

/* An integer in decimal, without printf(): a document has one or two for
 * every span. */
static void
append_int (JsonWriter *out,
            gint64      value)
{
  char digits[24];
  char *start = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--start = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--start = '-';
  write_len (out, start, (gsize) (digits + sizeof digits - start));
}

static void
append_int_member (JsonWriter *out,
                   gboolean   *first,
                   const char *name,
                   gint64      value)
{
  append_name (out, first, name);
  append_int (out, value);
}

/* json-glib's own text for a node; doubles too, for its number format. */
static void
append_node (JsonWriter *out,
             JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  write_str (out, text);
}

static void append_double (JsonWriter *out,
                           double      value);

/* Metadata and reports as json-glib writes the tree: members in their
 * order, strings escaped as append_string() does and written in pieces,
 * other values in json-glib's own text. Nothing is copied, so a report
 * holding a long summary costs no second copy of it. */
static void
append_tree (JsonWriter *out,
             JsonNode   *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        write_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            append_name (out, &first, name);
            append_tree (out, member);
          }
        write_c (out, '}');
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        write_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              write_c (out, ',');
            append_tree (out, json_array_get_element (array, i));
          }
        write_c (out, ']');
        break;
      }
    case JSON_NODE_NULL:
      write_str (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          {
            const char *string = json_node_get_string (node);

            if (string == NULL)
              string = "";
            append_string (out, string, strlen (string));
            break;
          }
        case G_TYPE_INT64:
          append_int (out, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          write_str (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        default:
          append_node (out, node);
          break;
        }
      break;
    }
}

static void
append_double (JsonWriter *out,
               double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE + 2];

  /* json-glib's text for a finite double: g_ascii_dtostr(), and ".0"
   * after one that reads as an integer (the test compares the two on
   * millions of values); anything else as json-glib writes it. */
  if (isfinite (value))
    {
      g_ascii_dtostr (text, G_ASCII_DTOSTR_BUF_SIZE, value);
      if (strpbrk (text, ".eE") == NULL)
        strcat (text, ".0");
      write_str (out, text);
    }
  else
    {
      g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), value);

      append_node (out, node);
    }
}

typedef struct
{
  JsonWriter *out;
  gboolean *first;
} IntegerWriter;

static void
append_span_integer (const char *name,
                     gint32      value,
                     gpointer    user_data)
{
  IntegerWriter *writer = user_data;

  if (!g_strv_contains (span_members, name))
    append_int_member (writer->out, writer->first, name, value);
}

static void
append_offset_map (JsonWriter   *out,
                   PithDocument *self)
{
  const PithOffsetPiece *pieces;
  gsize n_pieces;

  pieces = pith_offset_map_get_pieces (pith_document_get_offset_map (self), &n_pieces);
  write_c (out, '[');
  for (gsize i = 0; i < n_pieces; i++)
    {
      gsize text_start = pith_document_byte_to_char (self, pieces[i].text_start);
      gsize text_end = pith_document_byte_to_char (self, pieces[i].text_start + pieces[i].text_len);
      gsize raw_start = pith_document_raw_byte_to_char (self, pieces[i].raw_start);
      gsize raw_end = pith_document_raw_byte_to_char (self, pieces[i].raw_start + pieces[i].raw_len);

      write_printf (out, "%s[%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT
                              ",%" G_GSIZE_FORMAT ",%d]", i > 0 ? "," : "", text_start,
                              text_end - text_start, raw_start, raw_end - raw_start,
                              pieces[i].identity ? 1 : 0);
    }
  write_c (out, ']');
}

static void
append_layer (JsonWriter   *out,
              PithDocument *self,
              const char   *layer,
              gboolean      with_text)
{
  const char *text = pith_document_get_text (self);
  const PithLayer *spans;
  guint n_spans = 0;

  spans = pith_document_peek_layer (self, layer);
  n_spans = pith_layer_get_n_spans (spans);
  write_c (out, '[');
  for (guint i = 0; i < n_spans; i++)
    {
      gboolean first = TRUE;
      IntegerWriter integers = { out, &first };

      if (i > 0)
        write_c (out, ',');
      write_c (out, '{');
      append_int_member (out, &first, "start", (gint64) pith_document_byte_to_char (self, pith_layer_start (spans, i)));
      append_int_member (out, &first, "end", (gint64) pith_document_byte_to_char (self, pith_layer_end (spans, i)));
      if (with_text)
        {
          append_name (out, &first, "text");
          append_string (out, text + pith_layer_start (spans, i), pith_layer_end (spans, i) - pith_layer_start (spans, i));
        }
      if (pith_layer_label (spans, i) != 0)
        {
          const char *label = g_quark_to_string (pith_layer_label (spans, i));

          append_name (out, &first, "label");
          append_string (out, label, strlen (label));
        }
      if (pith_layer_score (spans, i) != 0.0)
        {
          append_name (out, &first, "score");
          append_double (out, pith_layer_score (spans, i));
        }
      if (with_text)
        {
          gsize raw_start;
          gsize raw_end;

          pith_document_map_to_raw_bytes (self, pith_layer_start (spans, i), pith_layer_end (spans, i), &raw_start, &raw_end);
          append_int_member (out, &first, "raw_start", (gint64) pith_document_raw_byte_to_char (self, raw_start));
          append_int_member (out, &first, "raw_end", (gint64) pith_document_raw_byte_to_char (self, raw_end));
        }

      if (!pith_document_foreach_span_integer (self, layer, i, append_span_integer, &integers))
        {
          /* JSON attributes too: all of them as the tree has them. */
          g_autoptr(JsonObject) attributes = json_object_new ();
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          pith_document_copy_span_attributes (self, layer, i, attributes, span_members);
          json_object_iter_init_ordered (&iter, attributes);
          while (json_object_iter_next_ordered (&iter, &name, &value))
            {
              append_name (out, &first, name);
              append_node (out, value);
            }
        }
      write_c (out, '}');
      if (out->failed)
        return;
    }
  write_c (out, ']');
}

/* A report kept as a table, as json-glib writes the array of objects
 * pith_report_table_to_json_node() makes of it. */
static void
append_report_table (JsonWriter            *out,
                     const PithReportTable *table)
{
  guint n_columns = pith_report_table_get_n_columns (table);

  write_c (out, '[');
  for (guint row = 0; row < pith_report_table_get_n_rows (table); row++)
    {
      gboolean first = TRUE;

      if (row > 0)
        write_c (out, ',');
      write_c (out, '{');
      for (guint c = 0; c < n_columns; c++)
        {
          const PithReportColumn *column = pith_report_table_get_column (table, c);

          append_name (out, &first, column->name);
          switch (column->type)
            {
            case PITH_REPORT_STRING:
              {
                const char *value = pith_report_table_get_string (table, row, c);

                append_string (out, value, strlen (value));
                break;
              }
            case PITH_REPORT_INT:
              append_int (out, pith_report_table_get_int (table, row, c));
              break;
            case PITH_REPORT_DOUBLE:
            default:
              append_double (out, pith_report_table_get_double (table, row, c));
              break;
            }
        }
      write_c (out, '}');
    }
  write_c (out, ']');
}

static void
write_document (JsonWriter    *out,
                PithDocument  *self,
                PithJsonFlags  flags)
{
  const char *text = pith_document_get_text (self);
  JsonObject *metadata = pith_document_get_metadata (self);
  JsonObject *reports = pith_document_peek_reports (self);
  g_auto(GStrv) layers = pith_document_list_layers (self);
  gboolean first = TRUE;
  gboolean other_layers = FALSE;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  write_c (out, '{');
  if (pith_document_get_id (self) != NULL)
    {
      append_name (out, &first, "id");
      append_string (out, pith_document_get_id (self), strlen (pith_document_get_id (self)));
    }
  append_name (out, &first, "text");
  append_string (out, text, strlen (text));
  if (pith_document_get_language (self) != NULL)
    {
      append_name (out, &first, "language");
      append_string (out, pith_document_get_language (self), strlen (pith_document_get_language (self)));
    }

  if (flags & PITH_JSON_RAW)
    {
      const char *raw = pith_document_get_raw (self);

      append_name (out, &first, "raw");
      append_string (out, raw, strlen (raw));
      if (!pith_offset_map_is_identity (pith_document_get_offset_map (self)))
        {
          append_name (out, &first, "offset_map");
          append_offset_map (out, self);
        }
    }

  if (json_object_get_size (metadata) > 0)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), metadata);

      append_name (out, &first, "metadata");
      append_tree (out, node);
    }

  for (guint i = 0; i < G_N_ELEMENTS (layer_members); i++)
    {
      const char *layer = layer_members[i].layer;

      if (!pith_document_has_layer (self, layer) ||
          (g_strcmp0 (layer, PITH_LAYER_TOKEN) == 0 && !(flags & PITH_JSON_TOKENS)))
        continue;
      append_name (out, &first, layer_members[i].member);
      append_layer (out, self, layer, g_strcmp0 (layer, PITH_LAYER_ENTITY) == 0);
    }

  for (guint i = 0; layers[i] != NULL; i++)
    {
      gboolean first_layer = !other_layers;

      if (member_for_layer (layers[i]) != NULL)
        continue;
      if (!other_layers)
        {
          append_name (out, &first, "layers");
          write_c (out, '{');
          other_layers = TRUE;
        }
      append_name (out, &first_layer, layers[i]);
      append_layer (out, self, layers[i], TRUE);
    }
  if (other_layers)
    write_c (out, '}');

  json_object_iter_init_ordered (&iter, reports);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (!g_strv_contains (document_members, name))
      {
        const PithReportTable *table = pith_document_peek_report_table (self, name);

        append_name (out, &first, name);
        if (table != NULL)
          append_report_table (out, table);
        else
          append_tree (out, value);
      }

  write_c (out, '}');
}

static char *
to_compact_json (PithDocument  *self,
                 PithJsonFlags  flags)
{
  JsonWriter out = { g_string_sized_new (2 * strlen (pith_document_get_text (self)) + 256), };

  write_document (&out, self, flags);
  return g_string_free (out.buffer, FALSE);
}

/**
 * pith_document_write_json:
 * @self: a document
 * @flags: what to include; %PITH_JSON_PRETTY is ignored
 * @stream: where to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the compact JSON form of [method@Pith.Document.to_json_full] to
 * a stream as it goes, so that memory stays a few kilobytes whatever the
 * size of the document. The text is byte for byte what
 * [method@Pith.Document.to_json_full] gives, without a newline at the end.
 *
 * Returns: %TRUE on success; %FALSE if writing to @stream failed
 */
gboolean
pith_document_write_json (PithDocument   *self,
                          PithJsonFlags   flags,
                          GOutputStream  *stream,
                          GCancellable   *cancellable,
                          GError        **error)
{
  JsonWriter out = { g_string_sized_new (WRITER_CHUNK + 1024), stream, cancellable, };

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  write_document (&out, self, flags & ~PITH_JSON_PRETTY);
  writer_flush (&out);
  g_string_free (out.buffer, TRUE);
  if (out.failed)
    {
      g_propagate_error (error, out.error);
      return FALSE;
    }
  return TRUE;
}

/**
 * pith_document_to_json_full:
 * @self: a document
 * @flags: what to include
 *
 * Writes the JSON form described at [method@Pith.Document.to_json_node].
 *
 * Returns: (transfer full): the JSON text
 */
char *
pith_document_to_json_full (PithDocument  *self,
                            PithJsonFlags  flags)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  if (!(flags & PITH_JSON_PRETTY))
    return to_compact_json (self, flags);

  node = pith_document_to_json_node (self, flags);

  return json_to_string (node, TRUE);
}

/**
 * pith_document_to_json:
 * @self: a document
 *
 * Writes everything about the document as JSON, raw input, offset map and
 * tokens included, so that [ctor@Pith.Document.new_from_json] gives back an
 * equal document. For the compact form the CLI prints, use
 * [method@Pith.Document.to_json_full].
 *
 * Returns: (transfer full): the JSON text
 */
char *
pith_document_to_json (PithDocument *self)
{
  return pith_document_to_json_full (self, PITH_JSON_ALL);
}

/* Reading */

static gboolean
get_offset (JsonNode    *node,
            gsize       *offset)
{
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  value = json_node_get_int (node);
  if (value < 0 || (guint64) value > PITH_DOCUMENT_MAX_BYTES)
    return FALSE;

  *offset = (gsize) value;
  return TRUE;
}

static gboolean
read_span (PithDocument  *self,
           const char    *layer,
           const char    *where,
           guint          index,
           JsonNode      *node,
           gsize          length,
           GError       **error)
{
  JsonObject *object;
  JsonNode *label_node;
  JsonNode *score_node;
  gsize start;
  gsize end;
  GQuark label = 0;
  double score = 0.0;
  guint span_index;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "%s[%u] is not an object", where, index);
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!get_offset (json_object_get_member (object, "start"), &start) ||
      !get_offset (json_object_get_member (object, "end"), &end) ||
      start > end || end > length)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "%s[%u] needs integer “start” and “end” with "
                   "0 ≤ start ≤ end ≤ %" G_GSIZE_FORMAT, where, index, length);
      return FALSE;
    }

  label_node = json_object_get_member (object, "label");
  if (label_node != NULL && !JSON_NODE_HOLDS_NULL (label_node))
    {
      if (json_node_get_value_type (label_node) != G_TYPE_STRING)
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                       "%s[%u].label is not a string", where, index);
          return FALSE;
        }
      label = g_quark_from_string (json_node_get_string (label_node));
    }

  score_node = json_object_get_member (object, "score");
  if (score_node != NULL)
    {
      GType type = JSON_NODE_HOLDS_VALUE (score_node) ?
                   json_node_get_value_type (score_node) : G_TYPE_INVALID;

      if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                       "%s[%u].score is not a number", where, index);
          return FALSE;
        }
      score = json_node_get_double (score_node);
    }

  span_index = pith_document_add_span_bytes (self, layer,
                                             pith_document_char_to_byte (self, start),
                                             pith_document_char_to_byte (self, end),
                                             label, score);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (!g_strv_contains (span_members, name))
      {
        g_autoptr(JsonNode) copy = pith_json_node_deep_copy (value);
        pith_document_set_span_attribute (self, layer, span_index, name, copy);
      }

  return TRUE;
}

static gboolean
read_layer (PithDocument  *self,
            const char    *layer,
            const char    *where,
            JsonNode      *node,
            GError       **error)
{
  JsonArray *array;
  gsize length = pith_document_get_length (self);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "“%s” is not an array", where);
      return FALSE;
    }

  array = json_node_get_array (node);
  /* Create the layer even when empty: a stage ran and found nothing. */
  pith_document_add_span_bytes (self, layer, 1, 0, 0, 0.0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read_span (self, layer, where, i, json_array_get_element (array, i), length, error))
      return FALSE;

  return TRUE;
}

static gboolean
is_pretokenized (JsonNode *tokens)
{
  JsonArray *array;

  if (tokens == NULL || !JSON_NODE_HOLDS_ARRAY (tokens))
    return FALSE;
  array = json_node_get_array (tokens);

  return json_array_get_length (array) == 0 ||
         JSON_NODE_HOLDS_ARRAY (json_array_get_element (array, 0));
}

/* Builds a document from sentences of tokens: tokens joined by spaces,
 * sentences by line breaks, with the token and sentence layers filled in,
 * so evaluation data keeps its own tokenisation. */
static PithDocument *
new_from_tokens (JsonArray  *sentences,
                 GError    **error)
{
  g_autoptr(GArray) token_bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) sentence_bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(PithDocument) document = NULL;
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < json_array_get_length (sentences); s++)
    {
      JsonNode *sentence_node = json_array_get_element (sentences, s);
      JsonArray *sentence;
      gsize sentence_start;

      if (!JSON_NODE_HOLDS_ARRAY (sentence_node))
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                       "tokens[%u] is not an array of token strings", s);
          g_string_free (text, TRUE);
          return NULL;
        }
      sentence = json_node_get_array (sentence_node);
      if (json_array_get_length (sentence) == 0)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      sentence_start = text->len;

      for (guint t = 0; t < json_array_get_length (sentence); t++)
        {
          JsonNode *token = json_array_get_element (sentence, t);
          const char *token_text;
          gsize start;

          if (!JSON_NODE_HOLDS_VALUE (token) ||
              json_node_get_value_type (token) != G_TYPE_STRING ||
              *(token_text = json_node_get_string (token)) == '\0')
            {
              g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "tokens[%u][%u] is not a non-empty string", s, t);
              g_string_free (text, TRUE);
              return NULL;
            }

          if (t > 0)
            g_string_append_c (text, ' ');
          start = text->len;
          g_string_append (text, token_text);
          g_array_append_val (token_bounds, start);
          g_array_append_val (token_bounds, text->len);
        }

      g_array_append_val (sentence_bounds, sentence_start);
      g_array_append_val (sentence_bounds, text->len);

      if (text->len > PITH_DOCUMENT_MAX_BYTES)
        {
          g_set_error_literal (error, PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED,
                               "The tokens make a text larger than a document holds");
          g_string_free (text, TRUE);
          return NULL;
        }
    }

  {
    gsize length = text->len;
    document = pith_document_new_take_raw (g_string_free (text, FALSE), length);
  }

  pith_document_add_span_bytes (document, PITH_LAYER_TOKEN, 1, 0, 0, 0.0);
  for (guint i = 0; i < token_bounds->len; i += 2)
    pith_document_add_span_bytes (document, PITH_LAYER_TOKEN,
                                  g_array_index (token_bounds, gsize, i),
                                  g_array_index (token_bounds, gsize, i + 1), 0, 0.0);
  pith_document_add_span_bytes (document, PITH_LAYER_SENTENCE, 1, 0, 0, 0.0);
  for (guint i = 0; i < sentence_bounds->len; i += 2)
    pith_document_add_span_bytes (document, PITH_LAYER_SENTENCE,
                                  g_array_index (sentence_bounds, gsize, i),
                                  g_array_index (sentence_bounds, gsize, i + 1), 0, 0.0);
  json_object_set_boolean_member (pith_document_get_metadata (document), "pretokenized", TRUE);

  return g_steal_pointer (&document);
}

static const char *
get_string_member (JsonObject  *object,
                   const char  *name,
                   gboolean     required,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                     "The document has no “%s” member", name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "The document's “%s” member is not a string", name);
      return NULL;
    }

  return json_node_get_string (node);
}

static gboolean
read_offset_map (PithDocument  *self,
                 JsonNode      *node,
                 GError       **error)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (PithOffsetPiece));
  JsonArray *array;
  gsize text_length = pith_document_get_length (self);
  gsize raw_length = pith_document_get_raw_length (self);
  PithOffsetMap *map;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "“offset_map” is not an array");
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonArray *fields;
      gsize values[5];
      PithOffsetPiece piece;

      if (!JSON_NODE_HOLDS_ARRAY (element) ||
          json_array_get_length (fields = json_node_get_array (element)) != 5)
        goto invalid;
      for (guint f = 0; f < 5; f++)
        if (!get_offset (json_array_get_element (fields, f), &values[f]))
          goto invalid;
      if (values[0] + values[1] > text_length || values[2] + values[3] > raw_length ||
          values[4] > 1)
        goto invalid;

      piece.text_start = pith_document_char_to_byte (self, values[0]);
      piece.text_len = pith_document_char_to_byte (self, values[0] + values[1]) - piece.text_start;
      piece.raw_start = pith_document_raw_char_to_byte (self, values[2]);
      piece.raw_len = pith_document_raw_char_to_byte (self, values[2] + values[3]) - piece.raw_start;
      piece.identity = values[4] == 1;
      if (piece.identity &&
          (piece.text_len != piece.raw_len ||
           memcmp (pith_document_get_text (self) + piece.text_start,
                   pith_document_get_raw (self) + piece.raw_start, piece.text_len) != 0))
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                       "offset_map[%u] is marked as a copy but the text differs from the raw input", i);
          return FALSE;
        }
      g_array_append_val (pieces, piece);
      continue;

invalid:
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "offset_map[%u] is not [text_start, text_length, raw_start, raw_length, "
                   "copy] within the text and raw input", i);
      return FALSE;
    }

  map = pith_offset_map_new_from_pieces ((PithOffsetPiece *) (gpointer) pieces->data, pieces->len,
                                         pith_document_get_text_size (self),
                                         pith_document_get_raw_size (self), error);
  if (map == NULL)
    return FALSE;

  pith_document_set_text_and_map (self, g_strdup (pith_document_get_text (self)),
                                  pith_document_get_text_size (self), map);
  return TRUE;
}

/**
 * pith_document_new_from_json_node:
 * @node: a JSON object node
 * @error: return location for an error
 *
 * Rebuilds a document from its JSON form (see
 * [method@Pith.Document.to_json_node]). The only required member is
 * `text`; `raw` defaults to the text.
 *
 * Instead of `text`, `tokens` may give the text pre-tokenised, as an array
 * of sentences, each an array of token strings: the text is then the
 * tokens joined by spaces and the sentences by line breaks, and the token
 * and sentence layers are filled in from them. Or `html` may give a web
 * page, as scrapers store it: it becomes the text, with the metadata
 * `input_format` set to `html` so that `clean` finds its article.
 *
 * A `url` member (where the page came from) goes into the metadata, where
 * `clean` reads it to resolve links and to date the page.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set if the JSON is not a valid document
 */
PithDocument *
pith_document_new_from_json_node (JsonNode  *node,
                                  GError   **error)
{
  g_autoptr(PithDocument) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *tokens;
  JsonNode *member;
  gboolean tokens_built = FALSE;
  const char *text;
  const char *raw;
  const char *id;
  const char *language;
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "A document must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (node);
  tokens = json_object_get_member (object, "tokens");

  if (!json_object_has_member (object, "text") && is_pretokenized (tokens))
    {
      self = new_from_tokens (json_node_get_array (tokens), error);
      if (self == NULL)
        return NULL;
      tokens_built = TRUE;
    }
  else
    {
      gboolean html = !json_object_has_member (object, "text") && json_object_has_member (object, "html");

      if ((text = get_string_member (object, html ? "html" : "text", TRUE, error)) == NULL)
        return NULL;
      raw = get_string_member (object, "raw", FALSE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (raw == NULL || strcmp (raw, text) == 0)
        self = pith_document_new (text);
      else
        {
          PithEdit whole = { 0, 0, text, -1 };

          /* The raw input with the text as one edit over all of it; an
           * offset_map member, if present, then gives the real pieces. */
          self = pith_document_new (raw);
          whole.end = pith_document_get_text_size (self);
          pith_document_apply_edits (self, &whole, 1);
        }

      if ((member = json_object_get_member (object, "offset_map")) != NULL &&
          !read_offset_map (self, member, error))
        return NULL;
      if (html)
        pith_document_set_metadata_string (self, "input_format", "html");
    }

  id = get_string_member (object, "id", FALSE, &local_error);
  if (local_error == NULL)
    language = get_string_member (object, "language", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  pith_document_set_id (self, id);
  pith_document_set_language (self, language);
  {
    const char *url = get_string_member (object, "url", FALSE, error);

    if (url == NULL && error != NULL && *error != NULL)
      return NULL;
    if (url != NULL)
      pith_document_set_metadata_string (self, "url", url);
  }

  if ((member = json_object_get_member (object, "metadata")) != NULL)
    {
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                               "“metadata” is not an object");
          return NULL;
        }
      json_object_iter_init_ordered (&iter, json_node_get_object (member));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        json_object_set_member (pith_document_get_metadata (self), name, pith_json_node_deep_copy (value));
    }

  for (guint i = 0; i < G_N_ELEMENTS (layer_members); i++)
    {
      member = json_object_get_member (object, layer_members[i].member);
      if (member == NULL || (member == tokens && tokens_built))
        continue;
      if (!read_layer (self, layer_members[i].layer, layer_members[i].member, member, error))
        return NULL;
    }

  if ((member = json_object_get_member (object, "layers")) != NULL)
    {
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                               "“layers” is not an object");
          return NULL;
        }
      json_object_iter_init_ordered (&iter, json_node_get_object (member));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        if (!read_layer (self, name, name, value, error))
          return NULL;
    }

  {
    JsonNode *value;

    json_object_iter_init_ordered (&iter, object);
    while (json_object_iter_next_ordered (&iter, &name, &value))
      if (!g_strv_contains (document_members, name))
        json_object_set_member (pith_document_get_reports (self), name, pith_json_node_deep_copy (value));
  }

  return g_steal_pointer (&self);
}

/**
 * pith_document_new_from_json:
 * @json: JSON text
 * @length: length of @json in bytes, or -1 if it is nul-terminated
 * @error: return location for an error
 *
 * Parses the JSON form of a document; see
 * [ctor@Pith.Document.new_from_json_node].
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set
 */
PithDocument *
pith_document_new_from_json (const char  *json,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (pith_json_too_deep (json, length < 0 ? strlen (json) : (gsize) length, PITH_JSON_MAX_DEPTH))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "Invalid JSON: nested deeper than %d levels", PITH_JSON_MAX_DEPTH);
      return NULL;
    }
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      pith_json_set_parse_error (error, parse_error);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "Invalid JSON: the input is empty");
      return NULL;
    }

  return pith_document_new_from_json_node (json_parser_get_root (parser), error);
}
