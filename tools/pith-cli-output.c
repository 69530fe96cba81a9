/* pith-cli-output.c: what the pith command writes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "pith-cli.h"
#include "pith-cli-file-stream.h"

struct _PithCliWriter
{
  FILE *out;
  GOutputStream *stream;    /* onto out */
  PithCliFormat format;
  PithJsonFlags json_flags;
  gboolean several;         /* JSON: an array rather than one object */
  guint written;
};

PithCliWriter *
pith_cli_writer_new (FILE          *out,
                     PithCliFormat  format,
                     PithJsonFlags  json_flags,
                     gboolean       several)
{
  PithCliWriter *self = g_new0 (PithCliWriter, 1);

  self->out = out;
  self->stream = pith_cli_file_stream_new (out);
  self->format = format;
  self->json_flags = json_flags;
  self->several = several;
  if (format == PITH_CLI_FORMAT_JSON && several)
    fputs ("[\n", out);

  return self;
}

void
pith_cli_writer_free (PithCliWriter *self)
{
  g_clear_object (&self->stream);
  g_free (self);
}

void
pith_cli_record_clear (PithCliRecord *record)
{
  g_clear_object (&record->document);
  g_clear_error (&record->error);
  g_clear_pointer (&record->id, json_node_unref);
  g_clear_pointer (&record->source, g_free);
}

/* A stable, readable error code: the enum nick for Pith and GIO errors. */
static char *
error_code (const GError *error)
{
  GType enum_type = G_TYPE_INVALID;

  if (error->domain == PITH_ERROR)
    enum_type = PITH_TYPE_ERROR;
  else if (error->domain == G_IO_ERROR)
    enum_type = G_TYPE_IO_ERROR_ENUM;
  else if (error->domain == G_FILE_ERROR)
    {
      /* The GIO code of the same failure: "not-found", "permission-denied". */
      g_autoptr(GEnumClass) io_class = g_type_class_ref (G_TYPE_IO_ERROR_ENUM);
      GEnumValue *value = g_enum_get_value (io_class, g_io_error_from_file_error (error->code));

      return g_strdup (value != NULL ? value->value_nick : "failed");
    }

  if (enum_type != G_TYPE_INVALID)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
      GEnumValue *value = g_enum_get_value (enum_class, error->code);

      if (value != NULL)
        return g_strdup (value->value_nick);
    }

  /* One scheme of codes whatever the library: the failure in general. */
  return g_strdup ("failed");
}

static JsonNode *
error_to_json (PithCliRecord *record)
{
  JsonObject *object = json_object_new ();
  JsonObject *error = json_object_new ();
  g_autofree char *code = error_code (record->error);
  JsonNode *node;

  if (record->id != NULL)
    json_object_set_member (object, "id", json_node_copy (record->id));
  if (record->line > 0)
    json_object_set_int_member (object, "line", (gint64) record->line);
  if (record->line == 0 && record->source != NULL)
    json_object_set_string_member (object, "source", record->source);
  if (record->record > 0)
    json_object_set_int_member (object, "record", (gint64) record->record);
  json_object_set_string_member (error, "code", code);
  json_object_set_string_member (error, "message", record->error->message);
  json_object_set_object_member (object, "error", error);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static JsonNode *
document_to_json (PithCliWriter *self,
                  PithCliRecord *record)
{
  JsonNode *node = pith_document_to_json_node (record->document, self->json_flags);

  /* The id goes out as it came in, a number staying a number. */
  if (record->id != NULL)
    json_object_set_member (json_node_get_object (node), "id", json_node_copy (record->id));

  return node;
}

/* A document's compact JSON, streamed to the output without a json-glib
 * tree. Its id is the record's as a string; a record whose id was a
 * number or a boolean gets it back as it came in: the command writes the
 * id, and the stream drops the document's own opening brace. */
static void
write_compact_json (PithCliWriter *self,
                    PithCliRecord *record)
{
  PithDocument *document = record->document;
  g_autoptr(GError) error = NULL;
  g_autofree char *literal_id = NULL;
  g_autofree char *id = NULL;

  if (record->id != NULL && json_node_get_value_type (record->id) != G_TYPE_STRING)
    {
      literal_id = json_to_string (record->id, FALSE);
      if (g_strcmp0 (pith_document_get_id (document), literal_id) != 0)
        g_clear_pointer (&literal_id, g_free);
    }
  if (literal_id != NULL)
    {
      id = g_strdup (pith_document_get_id (document));
      pith_document_set_id (document, NULL);
      fprintf (self->out, "{\"id\":%s,", literal_id);
      pith_cli_file_stream_skip (PITH_CLI_FILE_STREAM (self->stream), 1);
    }

  if (!pith_document_write_json (document, self->json_flags & ~PITH_JSON_PRETTY,
                                 self->stream, NULL, &error))
    g_printerr ("pith: %s\n", error->message);

  if (literal_id != NULL)
    pith_document_set_id (document, id);
}

static void
write_json (PithCliWriter *self,
            PithCliRecord *record,
            gboolean       one_line)
{
  gboolean pretty = !one_line && (self->json_flags & PITH_JSON_PRETTY);

  if (self->format == PITH_CLI_FORMAT_JSON && self->several && self->written > 0)
    fputs (",\n", self->out);
  if (record->error == NULL && !pretty)
    write_compact_json (self, record);
  else
    {
      g_autoptr(JsonNode) node = record->error != NULL ? error_to_json (record) : document_to_json (self, record);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, pretty);
      text = json_generator_to_data (generator, NULL);
      fputs (text, self->out);
    }
  if (self->format == PITH_CLI_FORMAT_JSONL || !self->several)
    fputc ('\n', self->out);
}

static void
print_layer_lines (FILE         *out,
                   PithDocument *document,
                   const char   *layer)
{
  const char *text = pith_document_get_text (document);
  const PithLayer *spans;
  guint n_spans = 0;

  spans = pith_document_peek_layer (document, layer);
  n_spans = pith_layer_get_n_spans (spans);
  for (guint i = 0; i < n_spans; i++)
    fprintf (out, "%.*s\n", (int) (pith_layer_get_end (spans, i) - pith_layer_get_start (spans, i)), text + pith_layer_get_start (spans, i));
}

/* Entities by label, in order of first mention: each entity group once
 * with its number of mentions, other entities (dates, sums) once each. */
static void
print_entities (FILE         *out,
                PithDocument *document)
{
  const char *text = pith_document_get_text (document);
  JsonNode *groups_node = pith_document_get_report_node (document, "entity_groups");
  JsonArray *groups = groups_node != NULL && JSON_NODE_HOLDS_ARRAY (groups_node) ?
                      json_node_get_array (groups_node) : NULL;
  const PithLayer *spans;
  guint n_spans = 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  spans = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  n_spans = pith_layer_get_n_spans (spans);
  if (n_spans == 0)
    return;

  for (guint i = 0; i < n_spans; i++)
    {
      const char *label = pith_layer_get_label (spans, i) != 0 ? g_quark_to_string (pith_layer_get_label (spans, i)) : "?";
      if (!g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
        g_ptr_array_add (labels, (gpointer) label);
    }

  fprintf (out, "\nEntities:\n");
  for (guint l = 0; l < labels->len; l++)
    {
      const char *label = g_ptr_array_index (labels, l);
      gboolean first = TRUE;

      fprintf (out, "  %s:", label);
      for (guint i = 0; i < n_spans; i++)
        {
          const char *span_label = pith_layer_get_label (spans, i) != 0 ? g_quark_to_string (pith_layer_get_label (spans, i)) : "?";
          gint64 group = -1;
          g_autofree char *name = NULL;
          g_autofree char *key = NULL;

          if (strcmp (span_label, label) != 0)
            continue;
          if (pith_document_get_span_integer (document, PITH_LAYER_ENTITY, i, "entity", &group) &&
              groups != NULL && group >= 0 && group < json_array_get_length (groups))
            {
              JsonObject *entity = json_array_get_object_element (groups, (guint) group);
              name = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")",
                                      json_object_get_string_member (entity, "name"),
                                      json_object_get_int_member (entity, "mentions"));
            }
          else
            name = g_strndup (text + pith_layer_get_start (spans, i), pith_layer_get_end (spans, i) - pith_layer_get_start (spans, i));
          key = g_strconcat (label, "\x1f", name, NULL);
          if (g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, g_steal_pointer (&key));
          fprintf (out, "%s %s", first ? "" : ",", name);
          first = FALSE;
        }
      fprintf (out, "\n");
    }
}

static void
write_text (PithCliWriter *self,
            PithCliRecord *record)
{
  PithDocument *document = record->document;

  if (record->error != NULL)
    return;

  if (self->several)
    {
      const char *name = pith_document_get_id (document);
      fprintf (self->out, "%s==> %s <==\n", self->written > 0 ? "\n" : "",
               name != NULL ? name : record->source);
    }

  if (pith_document_get_n_spans (document, "summary") > 0)
    {
      fprintf (self->out, "Summary:\n");
      print_layer_lines (self->out, document, "summary");
    }
  else
    {
      const char *text = pith_document_get_text (document);
      gsize length = pith_document_get_text_size (document);

      fwrite (text, 1, length, self->out);
      if (length > 0 && text[length - 1] != '\n')
        fputc ('\n', self->out);
    }

  print_entities (self->out, document);
}

void
pith_cli_writer_write (PithCliWriter *self,
                       PithCliRecord *record)
{
  if (record->error != NULL)
    {
      if (record->line > 0)
        g_printerr ("pith: %s:%" G_GUINT64_FORMAT ": %s\n", record->source, record->line,
                    record->error->message);
      else if (record->record > 0)
        g_printerr ("pith: %s: record %" G_GUINT64_FORMAT "%s%s%s: %s\n", record->source, record->record,
                    record->id != NULL ? " (" : "", record->id != NULL ? json_node_get_string (record->id) : "",
                    record->id != NULL ? ")" : "", record->error->message);
      else
        g_printerr ("pith: %s: %s\n", record->source, record->error->message);
    }

  switch (self->format)
    {
    case PITH_CLI_FORMAT_JSON:
      write_json (self, record, FALSE);
      break;
    case PITH_CLI_FORMAT_JSONL:
      write_json (self, record, TRUE);
      break;
    case PITH_CLI_FORMAT_TEXT:
    case PITH_CLI_FORMAT_HTML:
    default:
      write_text (self, record);
      break;
    }

  if (record->error == NULL || self->format != PITH_CLI_FORMAT_TEXT)
    self->written++;
}

void
pith_cli_writer_finish (PithCliWriter *self)
{
  if (self->format == PITH_CLI_FORMAT_JSON && self->several)
    fputs (self->written > 0 ? "\n]\n" : "]\n", self->out);
  fflush (self->out);
}
