/* pith-document.c: one text under processing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithDocument:
 *
 * One text under processing: the raw input, the current text, the map
 * between them, annotation layers, metadata and stage reports.
 *
 * The raw input never changes. Cleaning stages edit the text through
 * [method@Pith.Document.replace] or [method@Pith.Document.apply_edits];
 * every edit is recorded in an offset map, so any span of the text can be
 * located in the raw input with [method@Pith.Document.map_to_raw], however
 * many edits came before. Spans already in layers move with the edits.
 *
 * A layer is a named list of spans (start, end, label, score and optional
 * attributes). The built-in stages fill the `token`, `sentence` and
 * `entity` layers; a stage written in any language may add layers of its
 * own with [method@Pith.Document.add_span].
 *
 * ## Offsets
 *
 * Offsets in this API are Unicode code points, as Python `str` slicing and
 * `GtkTextIter` count them, unless a function's name ends in `_bytes`:
 * those take and give byte offsets into the UTF-8 text, for C code on hot
 * paths. [method@Pith.Document.char_to_byte] and
 * [method@Pith.Document.byte_to_char] convert between them.
 *
 * ## Threads
 *
 * A document belongs to one thread at a time: it is not locked. Pipelines
 * may hand it to a worker thread and back, but two threads must never use
 * one document at once.
 */

#include "config.h"

#include <string.h>

#include "pith-char-index-private.h"
#include "pith-decode-private.h"
#include "pith-document-private.h"
#include "pith-error.h"
#include "pith-report-table-private.h"

struct _PithDocument
{
  GObject parent_instance;

  char *raw;
  gsize raw_length;
  char *text;               /* equals raw (same pointer) until the first edit */
  gsize text_length;
  PithOffsetMap *map;
  PithCharIndex *text_index;   /* built on first use, dropped on edit */
  PithCharIndex *raw_index;

  GPtrArray *layers;        /* of PithLayer */
  char *id;
  char *language;
  JsonObject *metadata;
  JsonObject *reports;
  /* Reports kept as tables until a caller asks for their JSON: each has a
   * null member in reports, in its place. */
  GPtrArray *report_tables; /* of ReportTable, or NULL */
};

typedef struct
{
  char *name;
  PithReportTable *table;
} ReportTable;

static void
report_table_free (gpointer data)
{
  ReportTable *entry = data;

  g_free (entry->name);
  pith_report_table_free (entry->table);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (PithDocument, pith_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LANGUAGE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
pith_document_finalize (GObject *object)
{
  PithDocument *self = (PithDocument *) object;

  if (self->text != self->raw)
    g_free (self->text);
  g_free (self->raw);
  g_clear_pointer (&self->map, pith_offset_map_free);
  g_clear_pointer (&self->text_index, pith_char_index_free);
  g_clear_pointer (&self->raw_index, pith_char_index_free);
  g_ptr_array_unref (self->layers);
  g_free (self->id);
  g_free (self->language);
  json_object_unref (self->metadata);
  json_object_unref (self->reports);
  g_clear_pointer (&self->report_tables, g_ptr_array_unref);

  G_OBJECT_CLASS (pith_document_parent_class)->finalize (object);
}

static void
pith_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PithDocument *self = PITH_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PithDocument *self = PITH_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      pith_document_set_id (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      pith_document_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_document_class_init (PithDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pith_document_finalize;
  object_class->get_property = pith_document_get_property;
  object_class->set_property = pith_document_set_property;

  /**
   * PithDocument:id: (getter get_id) (setter set_id)
   *
   * An identifier the caller gave the document, such as the `id` of a JSON
   * Lines record; %NULL if none.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PithDocument:language: (getter get_language) (setter set_language)
   *
   * The document's language as an ISO 639-1 code such as `en`, or %NULL if
   * unknown. Stages choose their word lists by it.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PithDocument:text: (getter get_text)
   *
   * The current text.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pith_document_init (PithDocument *self)
{
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) pith_layer_free);
  self->metadata = json_object_new ();
  self->reports = json_object_new ();
}

PithDocument *
pith_document_new_take_raw (char  *raw,
                            gsize  raw_length)
{
  PithDocument *self = g_object_new (PITH_TYPE_DOCUMENT, NULL);

  self->raw = raw;
  self->raw_length = raw_length;
  self->text = raw;
  self->text_length = raw_length;
  self->map = pith_offset_map_new (raw_length);

  return self;
}

static PithDocument *
new_from_data (const char  *data,
               gsize        length,
               const char  *charset)
{
  PithDecodeReport report;
  PithDocument *self;
  gsize text_length = 0;
  char *text;

  text = pith_decode_to_utf8 (data, length, charset, &text_length, &report);
  self = pith_document_new_take_raw (text, text_length);

  if (report.fallback || g_strcmp0 (report.encoding, "utf-8") != 0)
    json_object_set_string_member (self->metadata, "encoding", report.encoding);
  if (report.fallback)
    json_object_set_boolean_member (self->metadata, "encoding_fallback", TRUE);
  if (report.replaced_nuls > 0)
    json_object_set_int_member (self->metadata, "replaced_nul_bytes",
                                (gint64) report.replaced_nuls);

  return self;
}

/**
 * pith_document_new:
 * @text: the input text, normally UTF-8
 *
 * Creates a document from text. Text that is not valid UTF-8 is decoded as
 * [ctor@Pith.Document.new_from_bytes] decodes it, so nothing is lost.
 *
 * Returns: (transfer full): a new document
 */
PithDocument *
pith_document_new (const char *text)
{
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  g_return_val_if_fail (length <= PITH_DOCUMENT_MAX_BYTES, NULL);

  return new_from_data (text, length, NULL);
}

/**
 * pith_document_new_from_bytes:
 * @bytes: the input bytes
 * @charset: (nullable): the charset to decode them with, if not UTF-8
 * @error: return location for an error
 *
 * Creates a document from bytes as they came from a file or the network.
 *
 * Valid UTF-8 is taken as it is, unless @charset names another charset the
 * bytes are valid in. Bytes starting with a UTF-16 byte order mark are
 * decoded as UTF-16. Anything else is decoded as Windows-1252, which gives
 * every byte a character, so nothing is dropped; the document's metadata
 * then records `"encoding": "windows-1252"` and `"encoding_fallback": true`.
 * NUL bytes, which cannot stand in text, become U+FFFD and are counted in
 * the `replaced_nul_bytes` metadata member.
 *
 * Returns: (transfer full) (nullable): a new document, or %NULL if the input
 *   is larger than `PITH_DOCUMENT_MAX_BYTES`, 4 GiB minus one byte
 */
PithDocument *
pith_document_new_from_bytes (GBytes      *bytes,
                              const char  *charset,
                              GError     **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  /* Decoding can grow the text up to 3 times (Windows-1252 to UTF-8). */
  if (length > PITH_DOCUMENT_MAX_BYTES / 3)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED,
                   "The input has %" G_GSIZE_FORMAT " bytes; a document holds at most %"
                   G_GSIZE_FORMAT, length, PITH_DOCUMENT_MAX_BYTES / 3);
      return NULL;
    }

  return new_from_data (data != NULL ? data : "", length, charset);
}

/**
 * pith_document_get_raw:
 * @self: a document
 *
 * Gets the raw input, exactly as the document was created from it (after
 * decoding to UTF-8).
 *
 * Returns: (transfer none): the raw input
 */
const char *
pith_document_get_raw (PithDocument *self)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  return self->raw;
}

/**
 * pith_document_get_text: (get-property text)
 * @self: a document
 *
 * Gets the current text. The pointer is valid until the next edit.
 *
 * Returns: (transfer none): the current text
 */
const char *
pith_document_get_text (PithDocument *self)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  return self->text;
}

/**
 * pith_document_get_text_size:
 * @self: a document
 *
 * Gets the size of the current text in bytes, without the terminating nul.
 *
 * Returns: the size in bytes
 */
gsize
pith_document_get_text_size (PithDocument *self)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);

  return self->text_length;
}

static const PithCharIndex *
get_text_index (PithDocument *self)
{
  if (self->text_index == NULL)
    self->text_index = pith_char_index_new (self->text, self->text_length);
  return self->text_index;
}

static const PithCharIndex *
get_raw_index (PithDocument *self)
{
  if (self->raw_index == NULL)
    self->raw_index = pith_char_index_new (self->raw, self->raw_length);
  return self->raw_index;
}

/**
 * pith_document_get_length:
 * @self: a document
 *
 * Gets the length of the current text in Unicode code points.
 *
 * Returns: the number of code points
 */
gsize
pith_document_get_length (PithDocument *self)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);

  return pith_char_index_get_n_chars (get_text_index (self));
}

/**
 * pith_document_char_to_byte:
 * @self: a document
 * @char_offset: an offset into the text in code points
 *
 * Converts a code-point offset into the current text to a byte offset.
 * Offsets past the end give the text's size.
 *
 * Returns: the byte offset
 */
gsize
pith_document_char_to_byte (PithDocument *self,
                            gsize         char_offset)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);

  return pith_char_index_char_to_byte (get_text_index (self), char_offset);
}

/**
 * pith_document_byte_to_char:
 * @self: a document
 * @byte_offset: an offset into the text in bytes
 *
 * Converts a byte offset into the current text to a code-point offset. A
 * byte inside a multi-byte character counts as that character's start.
 *
 * Returns: the code-point offset
 */
gsize
pith_document_byte_to_char (PithDocument *self,
                            gsize         byte_offset)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);

  return pith_char_index_byte_to_char (get_text_index (self), byte_offset);
}

/**
 * pith_document_char_to_utf16:
 * @self: a document
 * @char_offset: an offset into the text in code points
 *
 * Converts a code-point offset, as spans give them, to an offset in UTF-16
 * code units, as JavaScript (GJS) strings count them: a character past
 * U+FFFF, as most emoji are, is one code point but two units. Slice a
 * JavaScript string of the text with these.
 *
 * Returns: the offset in UTF-16 code units
 */
gsize
pith_document_char_to_utf16 (PithDocument *self,
                             gsize         char_offset)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);

  return pith_char_index_char_to_utf16 (get_text_index (self), char_offset);
}

/**
 * pith_document_utf16_to_char:
 * @self: a document
 * @utf16_offset: an offset into the text in UTF-16 code units
 *
 * Converts an offset in UTF-16 code units (a JavaScript string index) to
 * a code-point offset, as spans and [method@Pith.Document.get_spans_in]
 * take them. An offset between the two units of one character counts as
 * that character's start.
 *
 * Returns: the code-point offset
 */
gsize
pith_document_utf16_to_char (PithDocument *self,
                             gsize         utf16_offset)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);

  return pith_char_index_utf16_to_char (get_text_index (self), utf16_offset);
}

gsize
pith_document_raw_byte_to_char (PithDocument *self,
                                gsize         byte_offset)
{
  return pith_char_index_byte_to_char (get_raw_index (self), byte_offset);
}

gsize
pith_document_raw_char_to_byte (PithDocument *self,
                                gsize         char_offset)
{
  return pith_char_index_char_to_byte (get_raw_index (self), char_offset);
}

gsize
pith_document_get_raw_length (PithDocument *self)
{
  return pith_char_index_get_n_chars (get_raw_index (self));
}

gsize
pith_document_get_raw_size (PithDocument *self)
{
  return self->raw_length;
}

const PithOffsetMap *
pith_document_get_offset_map (PithDocument *self)
{
  return self->map;
}

static ReportTable *
find_report_table (PithDocument *self,
                   const char   *name,
                   guint        *index)
{
  for (guint i = 0; self->report_tables != NULL && i < self->report_tables->len; i++)
    {
      ReportTable *entry = g_ptr_array_index (self->report_tables, i);

      if (strcmp (entry->name, name) == 0)
        {
          if (index != NULL)
            *index = i;
          return entry;
        }
    }
  return NULL;
}

/* Turns the report kept as table @index into its JSON, in its place. */
static void
resolve_report_table (PithDocument *self,
                      guint         index)
{
  ReportTable *entry = g_ptr_array_index (self->report_tables, index);

  json_object_set_member (self->reports, entry->name, pith_report_table_to_json_node (entry->table));
  g_ptr_array_remove_index (self->report_tables, index);
}

/* Turns every report kept as a table into its JSON. */
static void
resolve_report_tables (PithDocument *self)
{
  while (self->report_tables != NULL && self->report_tables->len > 0)
    resolve_report_table (self, self->report_tables->len - 1);
}

/* Forgets the table of report @name, if it has one, not its member. */
static void
drop_report_table (PithDocument *self,
                   const char   *name)
{
  guint index;

  if (find_report_table (self, name, &index) != NULL)
    g_ptr_array_remove_index (self->report_tables, index);
}

JsonObject *
pith_document_get_reports (PithDocument *self)
{
  resolve_report_tables (self);
  return self->reports;
}

JsonObject *
pith_document_peek_reports (PithDocument *self)
{
  return self->reports;
}

const PithReportTable *
pith_document_peek_report_table (PithDocument *self,
                                 const char   *name)
{
  ReportTable *entry = find_report_table (self, name, NULL);

  return entry != NULL ? entry->table : NULL;
}

void
pith_document_take_report_table (PithDocument    *self,
                                  const char      *name,
                                  PithReportTable *table)
{
  ReportTable *entry = g_new (ReportTable, 1);

  drop_report_table (self, name);
  json_object_set_null_member (self->reports, name);
  entry->name = g_strdup (name);
  entry->table = table;
  if (self->report_tables == NULL)
    self->report_tables = g_ptr_array_new_with_free_func (report_table_free);
  g_ptr_array_add (self->report_tables, entry);
}

gboolean
pith_document_get_report_n_rows (PithDocument *self,
                                 const char   *name,
                                 guint        *n_rows)
{
  const PithReportTable *table = pith_document_peek_report_table (self, name);
  JsonNode *node;

  if (table != NULL)
    {
      *n_rows = pith_report_table_get_n_rows (table);
      return TRUE;
    }
  node = json_object_get_member (self->reports, name);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  *n_rows = json_array_get_length (json_node_get_array (node));
  return TRUE;
}

/* Where member @member of row @row of report @name is, if it is of
 * @type: a column of a table (@table and @column set), or a node of a
 * JSON array of objects (@node set). FALSE when there is none. */
static gboolean
find_report_cell (PithDocument           *self,
                  const char             *name,
                  guint                   row,
                  const char             *member,
                  PithReportType          type,
                  const PithReportTable **table,
                  guint                  *column,
                  JsonNode              **node)
{
  static const GType json_types[] = {
    [PITH_REPORT_STRING] = G_TYPE_STRING,
    [PITH_REPORT_INT] = G_TYPE_INT64,
    [PITH_REPORT_DOUBLE] = G_TYPE_DOUBLE,
  };
  JsonArray *rows;
  int found;

  *table = pith_document_peek_report_table (self, name);
  *node = NULL;
  if (*table != NULL)
    {
      found = pith_report_table_find_column (*table, member);
      if (found < 0 || row >= pith_report_table_get_n_rows (*table) ||
          pith_report_table_get_column (*table, (guint) found)->type != type)
        return FALSE;
      *column = (guint) found;
      return TRUE;
    }
  *node = json_object_get_member (self->reports, name);
  if (*node == NULL || !JSON_NODE_HOLDS_ARRAY (*node))
    return FALSE;
  rows = json_node_get_array (*node);
  if (row >= json_array_get_length (rows) || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (rows, row)))
    return FALSE;
  *node = json_object_get_member (json_array_get_object_element (rows, row), member);
  return *node != NULL && json_node_get_value_type (*node) == json_types[type];
}

const char *
pith_document_get_report_row_string (PithDocument *self,
                                     const char   *name,
                                     guint         row,
                                     const char   *member)
{
  const PithReportTable *table;
  guint column;
  JsonNode *node;

  if (!find_report_cell (self, name, row, member, PITH_REPORT_STRING, &table, &column, &node))
    return NULL;
  return table != NULL ? pith_report_table_get_string (table, row, column) : json_node_get_string (node);
}

gint64
pith_document_get_report_row_int (PithDocument *self,
                                  const char   *name,
                                  guint         row,
                                  const char   *member)
{
  const PithReportTable *table;
  guint column;
  JsonNode *node;

  if (!find_report_cell (self, name, row, member, PITH_REPORT_INT, &table, &column, &node))
    return 0;
  return table != NULL ? pith_report_table_get_int (table, row, column) : json_node_get_int (node);
}

/**
 * pith_document_get_substring:
 * @self: a document
 * @start: start offset in code points
 * @end: end offset in code points
 *
 * Copies part of the current text. Offsets past the end are clamped.
 *
 * Returns: (transfer full): the text from @start to @end
 */
char *
pith_document_get_substring (PithDocument *self,
                             gsize         start,
                             gsize         end)
{
  gsize byte_start;
  gsize byte_end;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  byte_start = pith_document_char_to_byte (self, start);
  byte_end = pith_document_char_to_byte (self, MAX (start, end));

  return g_strndup (self->text + byte_start, byte_end - byte_start);
}

/**
 * pith_document_get_id: (get-property id)
 * @self: a document
 *
 * Gets the document's identifier.
 *
 * Returns: (transfer none) (nullable): the identifier
 */
const char *
pith_document_get_id (PithDocument *self)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  return self->id;
}

/**
 * pith_document_set_id: (set-property id)
 * @self: a document
 * @id: (nullable): an identifier
 *
 * Sets the document's identifier, which the JSON form carries over.
 */
void
pith_document_set_id (PithDocument *self,
                      const char   *id)
{
  g_return_if_fail (PITH_IS_DOCUMENT (self));

  if (set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * pith_document_get_language: (get-property language)
 * @self: a document
 *
 * Gets the document's language.
 *
 * Returns: (transfer none) (nullable): an ISO 639-1 code, or %NULL
 */
const char *
pith_document_get_language (PithDocument *self)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  return self->language;
}

/**
 * pith_document_set_language: (set-property language)
 * @self: a document
 * @language: (nullable): an ISO 639-1 code such as `en`
 *
 * Sets the document's language.
 */
void
pith_document_set_language (PithDocument *self,
                            const char   *language)
{
  g_return_if_fail (PITH_IS_DOCUMENT (self));

  if (set_string (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * pith_document_get_metadata:
 * @self: a document
 *
 * Gets the document's metadata: title, author, date, encoding and anything
 * else stages or callers record. Callers may add members.
 *
 * Returns: (transfer none): the metadata object
 */
JsonObject *
pith_document_get_metadata (PithDocument *self)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  return self->metadata;
}

/**
 * pith_document_get_metadata_string:
 * @self: a document
 * @key: a metadata member name
 *
 * Looks up a string member of the metadata.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if there is no
 *   such member or it is not a string
 */
const char *
pith_document_get_metadata_string (PithDocument *self,
                                   const char   *key)
{
  JsonNode *node;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = json_object_get_member (self->metadata, key);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * pith_document_set_metadata_string:
 * @self: a document
 * @key: a metadata member name
 * @value: (nullable): the value, or %NULL to remove the member
 *
 * Sets a string member of the metadata.
 */
void
pith_document_set_metadata_string (PithDocument *self,
                                   const char   *key,
                                   const char   *value)
{
  g_return_if_fail (PITH_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    json_object_remove_member (self->metadata, key);
  else
    json_object_set_string_member (self->metadata, key, value);
}

/**
 * pith_document_get_report:
 * @self: a document
 * @name: a report name, such as `cleaning`
 *
 * Gets a report a stage left on the document.
 *
 * Returns: (transfer none) (nullable): the report, or %NULL if there is none
 */
JsonObject *
pith_document_get_report (PithDocument *self,
                          const char   *name)
{
  JsonNode *node;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = pith_document_get_report_node (self, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/**
 * pith_document_set_report:
 * @self: a document
 * @name: a report name; it becomes a top-level member of the JSON form, so
 *   it must not be one of the document's own members (`text`, `entities`…)
 * @report: (nullable): the report, or %NULL to remove it
 *
 * Sets a stage's report, such as the counts of edits of the `clean` stage.
 */
void
pith_document_set_report (PithDocument *self,
                          const char   *name,
                          JsonObject   *report)
{
  g_return_if_fail (PITH_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL);

  drop_report_table (self, name);
  if (report == NULL)
    json_object_remove_member (self->reports, name);
  else
    json_object_set_object_member (self->reports, name, json_object_ref (report));
}

/**
 * pith_document_set_report_node:
 * @self: a document
 * @name: a report name, as for [method@Pith.Document.set_report]
 * @report: (nullable): the report, any JSON value, copied; %NULL removes it
 *
 * Sets a report that is not an object, such as the array of entity groups
 * the `entities` stage leaves under `entity_groups`.
 */
void
pith_document_set_report_node (PithDocument *self,
                               const char   *name,
                               JsonNode     *report)
{
  g_return_if_fail (PITH_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL);

  drop_report_table (self, name);
  if (report == NULL)
    json_object_remove_member (self->reports, name);
  else
    json_object_set_member (self->reports, name, json_node_copy (report));
}

/**
 * pith_document_get_report_node:
 * @self: a document
 * @name: a report name
 *
 * Gets a report of any JSON type.
 *
 * Returns: (transfer none) (nullable): the report, or %NULL if there is none
 */
JsonNode *
pith_document_get_report_node (PithDocument *self,
                               const char   *name)
{
  guint index;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (find_report_table (self, name, &index) != NULL)
    resolve_report_table (self, index);
  return json_object_get_member (self->reports, name);
}

/**
 * pith_document_list_reports:
 * @self: a document
 *
 * Lists the names of the reports on the document.
 *
 * Returns: (transfer full) (array zero-terminated=1): the names, sorted
 */
char **
pith_document_list_reports (PithDocument *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  builder = g_strv_builder_new ();
  members = json_object_get_members (self->reports);
  members = g_list_sort (members, (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);

  return g_strv_builder_end (builder);
}

/* Edits */

/* The new position of old position @pos after @edits; @delta_before[k] is
 * the total growth of the edits before edit k. A span's start stays after
 * an insertion at its start; a span's end stays before an insertion at its
 * end; a position inside a replaced part goes to that part's edge. */
static gsize
remap_position (gsize           pos,
                gboolean        is_end,
                const PithEdit *edits,
                const gsize    *new_lengths,
                const gssize   *delta_before,
                gsize           n_edits)
{
  gsize lo = 0;
  gsize hi = n_edits;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      gboolean passed = is_end ? edits[mid].end < pos : edits[mid].end <= pos;

      if (passed)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < n_edits && edits[lo].start < pos)
    return edits[lo].start + delta_before[lo] + (is_end ? new_lengths[lo] : 0);

  return pos + delta_before[lo];
}

static void
remap_layers (PithDocument   *self,
              const PithEdit *edits,
              const gsize    *new_lengths,
              gsize           n_edits)
{
  g_autofree gssize *delta_before = g_new (gssize, n_edits + 1);

  delta_before[0] = 0;
  for (gsize i = 0; i < n_edits; i++)
    delta_before[i + 1] = delta_before[i] + (gssize) new_lengths[i] -
                          (gssize) (edits[i].end - edits[i].start);

  for (guint l = 0; l < self->layers->len; l++)
    {
      PithLayer *layer = g_ptr_array_index (self->layers, l);

      for (guint i = 0; i < layer->n_spans; i++)
        {
          gsize start = remap_position (pith_layer_start (layer, i), FALSE, edits, new_lengths,
                                        delta_before, n_edits);
          gsize end = remap_position (pith_layer_end (layer, i), TRUE, edits, new_lengths,
                                      delta_before, n_edits);

          pith_layer_set_bounds (layer, i, (guint32) start, (guint32) MAX (start, end));
        }
    }
}

/**
 * pith_document_apply_edits: (skip)
 * @self: a document
 * @edits: (array length=n_edits): edits in byte offsets of the current text,
 *   sorted by position and not overlapping
 * @n_edits: the number of edits
 *
 * Applies a batch of edits in one pass, recording each in the offset map
 * and moving the spans of every layer. This is how cleaning stages edit:
 * the cost is linear in the text and the number of edits, where the same
 * edits made one by one would cost the text's length each.
 *
 * Edits must not split a UTF-8 character, and the resulting text must be
 * valid UTF-8 without nul bytes.
 */
void
pith_document_apply_edits (PithDocument   *self,
                           const PithEdit *edits,
                           gsize           n_edits)
{
  g_autofree gsize *new_lengths = NULL;
  gsize text_length;
  char *text;
  gsize written = 0;
  gsize pos = 0;

  g_return_if_fail (PITH_IS_DOCUMENT (self));
  g_return_if_fail (edits != NULL || n_edits == 0);

  if (n_edits == 0)
    return;

  new_lengths = g_new (gsize, n_edits);
  for (gsize i = 0; i < n_edits; i++)
    {
      g_return_if_fail (edits[i].start <= edits[i].end);
      g_return_if_fail (edits[i].end <= self->text_length);
      g_return_if_fail (i == 0 || edits[i - 1].end <= edits[i].start);
      new_lengths[i] = edits[i].replacement == NULL ? 0 :
                       edits[i].replacement_length < 0 ? strlen (edits[i].replacement) :
                       (gsize) edits[i].replacement_length;
    }

  /* The new text is allocated at its exact size: a GString would round a
   * 20 MB text up to 32 MB. */
  text_length = self->text_length;
  for (gsize i = 0; i < n_edits; i++)
    text_length = text_length - (edits[i].end - edits[i].start) + new_lengths[i];
  text = g_malloc (text_length + 1);
  for (gsize i = 0; i < n_edits; i++)
    {
      memcpy (text + written, self->text + pos, edits[i].start - pos);
      written += edits[i].start - pos;
      if (new_lengths[i] > 0)
        memcpy (text + written, edits[i].replacement, new_lengths[i]);
      written += new_lengths[i];
      pos = edits[i].end;
    }
  memcpy (text + written, self->text + pos, self->text_length - pos);
  written += self->text_length - pos;
  g_assert (written == text_length);
  text[text_length] = '\0';

  pith_offset_map_apply_edits (self->map, edits, new_lengths, n_edits, self->text_length);
  remap_layers (self, edits, new_lengths, n_edits);

  if (self->text != self->raw)
    g_free (self->text);
  self->text_length = text_length;
  self->text = text;
  g_clear_pointer (&self->text_index, pith_char_index_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * pith_document_replace:
 * @self: a document
 * @start: start of the part to replace, in code points
 * @end: end of the part to replace (exclusive), in code points
 * @replacement: the new text; empty to delete
 * @error: return location for an error
 *
 * Replaces part of the current text, recording the edit in the offset map
 * so later spans still map back to the raw input. For many edits at once,
 * C code uses [method@Pith.Document.apply_edits].
 *
 * Returns: %TRUE on success; %FALSE if the offsets lie outside the text or
 *   @replacement is not valid UTF-8
 */
gboolean
pith_document_replace (PithDocument  *self,
                       gsize          start,
                       gsize          end,
                       const char    *replacement,
                       GError       **error)
{
  gsize length;
  PithEdit edit;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (replacement != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  length = pith_document_get_length (self);
  if (start > end || end > length)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "Cannot replace %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT
                   " in a text of %" G_GSIZE_FORMAT " characters", start, end, length);
      return FALSE;
    }
  if (!g_utf8_validate (replacement, -1, NULL))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "The replacement is not valid UTF-8");
      return FALSE;
    }
  if (self->text_length - (end - start) + strlen (replacement) > PITH_DOCUMENT_MAX_BYTES)
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_LIMIT_EXCEEDED,
                           "The edited text would exceed the largest document size");
      return FALSE;
    }

  edit = (PithEdit) {
    .start = pith_document_char_to_byte (self, start),
    .end = pith_document_char_to_byte (self, end),
    .replacement = replacement,
    .replacement_length = -1,
  };
  pith_document_apply_edits (self, &edit, 1);

  return TRUE;
}

/**
 * pith_document_map_to_raw_bytes: (skip)
 * @self: a document
 * @start: start of a span of the current text, in bytes
 * @end: end of the span, in bytes
 * @raw_start: (out): return location for the start in the raw input, in bytes
 * @raw_end: (out): return location for the end in the raw input, in bytes
 *
 * Locates a span of the current text in the raw input, in bytes. Text that
 * replaced something maps to the whole of what it replaced.
 */
void
pith_document_map_to_raw_bytes (PithDocument *self,
                                gsize         start,
                                gsize         end,
                                gsize        *raw_start,
                                gsize        *raw_end)
{
  gsize mapped_start;
  gsize mapped_end;

  g_return_if_fail (PITH_IS_DOCUMENT (self));

  mapped_start = pith_offset_map_map_start (self->map, start);
  mapped_end = start == end ? mapped_start : pith_offset_map_map_end (self->map, end);
  if (raw_start != NULL)
    *raw_start = mapped_start;
  if (raw_end != NULL)
    *raw_end = MAX (mapped_start, mapped_end);
}

/**
 * pith_document_map_to_raw:
 * @self: a document
 * @start: start of a span of the current text, in code points
 * @end: end of the span, in code points
 * @raw_start: (out): return location for the start in the raw input
 * @raw_end: (out): return location for the end in the raw input
 * @error: return location for an error
 *
 * Locates a span of the current text in the raw input, in code points.
 * Text that a cleaning stage inserted or substituted maps to the whole of
 * the raw input it replaced.
 *
 * Returns: %TRUE on success; %FALSE if the span lies outside the text
 */
gboolean
pith_document_map_to_raw (PithDocument  *self,
                          gsize          start,
                          gsize          end,
                          gsize         *raw_start,
                          gsize         *raw_end,
                          GError       **error)
{
  gsize length;
  gsize byte_start;
  gsize byte_end;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  length = pith_document_get_length (self);
  if (start > end || end > length)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "The span %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT
                   " lies outside a text of %" G_GSIZE_FORMAT " characters",
                   start, end, length);
      return FALSE;
    }

  pith_document_map_to_raw_bytes (self,
                                   pith_document_char_to_byte (self, start),
                                   pith_document_char_to_byte (self, end),
                                   &byte_start, &byte_end);
  if (raw_start != NULL)
    *raw_start = pith_document_raw_byte_to_char (self, byte_start);
  if (raw_end != NULL)
    *raw_end = pith_document_raw_byte_to_char (self, byte_end);

  return TRUE;
}

void
pith_document_set_text_and_map (PithDocument  *self,
                                char          *text,
                                gsize          text_length,
                                PithOffsetMap *map)
{
  if (self->text != self->raw)
    g_free (self->text);
  self->text = text;
  self->text_length = text_length;
  g_clear_pointer (&self->map, pith_offset_map_free);
  self->map = map;
  g_clear_pointer (&self->text_index, pith_char_index_free);
}

/* Layers */

static PithLayer *
find_layer (PithDocument *self,
            const char   *name)
{
  for (guint i = 0; i < self->layers->len; i++)
    {
      PithLayer *layer = g_ptr_array_index (self->layers, i);

      /* Layer names mostly differ in their first letter. */
      if (layer->name[0] == name[0] && strcmp (layer->name, name) == 0)
        return layer;
    }
  return NULL;
}

static PithLayer *
ensure_layer (PithDocument *self,
              const char   *name)
{
  PithLayer *layer = find_layer (self, name);

  if (layer == NULL)
    {
      layer = pith_layer_new (name);
      g_ptr_array_add (self->layers, layer);
    }

  return layer;
}

/**
 * pith_document_has_layer:
 * @self: a document
 * @layer: a layer name
 *
 * Checks whether a layer exists. A layer exists once a stage added a span
 * to it, or created it empty with [method@Pith.Document.add_span_bytes].
 *
 * Returns: %TRUE if the layer exists
 */
gboolean
pith_document_has_layer (PithDocument *self,
                         const char   *layer)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (layer != NULL, FALSE);

  return find_layer (self, layer) != NULL;
}

/**
 * pith_document_list_layers:
 * @self: a document
 *
 * Lists the document's layers in the order they were created.
 *
 * Returns: (transfer full) (array zero-terminated=1): the layer names
 */
char **
pith_document_list_layers (PithDocument *self)
{
  char **names;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);

  names = g_new0 (char *, self->layers->len + 1);
  for (guint i = 0; i < self->layers->len; i++)
    names[i] = g_strdup (((PithLayer *) g_ptr_array_index (self->layers, i))->name);

  return names;
}

/**
 * pith_document_remove_layer:
 * @self: a document
 * @layer: a layer name
 *
 * Removes a layer and its spans, if it exists.
 */
void
pith_document_remove_layer (PithDocument *self,
                            const char   *layer)
{
  g_return_if_fail (PITH_IS_DOCUMENT (self));
  g_return_if_fail (layer != NULL);

  for (guint i = 0; i < self->layers->len; i++)
    if (strcmp (((PithLayer *) g_ptr_array_index (self->layers, i))->name, layer) == 0)
      {
        g_ptr_array_remove_index (self->layers, i);
        return;
      }
}

void
pith_document_take_layer (PithDocument *self,
                          PithLayer    *layer)
{
  g_return_if_fail (PITH_IS_DOCUMENT (self));
  g_return_if_fail (layer != NULL);

  pith_document_remove_layer (self, layer->name);
  g_ptr_array_add (self->layers, layer);
}

void
pith_document_trim_layers (PithDocument *self)
{
  g_return_if_fail (PITH_IS_DOCUMENT (self));

  for (guint i = 0; i < self->layers->len; i++)
    pith_layer_trim (g_ptr_array_index (self->layers, i));
}

/**
 * pith_document_add_span_bytes: (skip)
 * @self: a document
 * @layer: a layer name; the layer is created if needed
 * @start: start in bytes of the current text
 * @end: end in bytes (exclusive)
 * @label: the label as a quark from g_quark_from_static_string(), or 0
 * @score: the score
 *
 * Appends a span to a layer, in byte offsets. The caller guarantees that
 * the offsets fall on character boundaries within the text. A span with
 * @start greater than @end creates the layer without adding a span, which
 * lets a stage record that it ran and found nothing.
 *
 * Returns: the index of the new span, or the number of spans if none was
 *   added
 */
guint
pith_document_add_span_bytes (PithDocument *self,
                              const char   *layer,
                              gsize         start,
                              gsize         end,
                              GQuark        label,
                              double        score)
{
  PithLayer *target;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (layer != NULL, 0);

  target = ensure_layer (self, layer);
  if (start > end)
    return target->n_spans;

  g_return_val_if_fail (end <= self->text_length, target->n_spans);

  return pith_layer_append (target, (guint32) start, (guint32) end, label, score);
}

/**
 * pith_document_add_span:
 * @self: a document
 * @layer: a layer name; the layer is created if needed
 * @start: start in code points of the current text
 * @end: end in code points (exclusive)
 * @label: (nullable): a label, such as `PER`
 * @score: a score; 0 for none. Scores are kept in single precision (about
 *   seven digits): a probability or a weight needs no more, and a layer of
 *   millions of spans half the room
 * @error: return location for an error
 *
 * Appends a span to a layer. Spans keep the order they were added in.
 *
 * Returns: %TRUE on success; %FALSE if the span lies outside the text
 */
gboolean
pith_document_add_span (PithDocument  *self,
                        const char    *layer,
                        gsize          start,
                        gsize          end,
                        const char    *label,
                        double         score,
                        GError       **error)
{
  gsize length;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (layer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  length = pith_document_get_length (self);
  if (start > end || end > length)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "The span %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT " lies outside "
                   "a text of %" G_GSIZE_FORMAT " characters", start, end, length);
      return FALSE;
    }

  pith_document_add_span_bytes (self, layer,
                                pith_document_char_to_byte (self, start),
                                pith_document_char_to_byte (self, end),
                                label != NULL ? g_quark_from_string (label) : 0,
                                score);
  return TRUE;
}

/**
 * pith_document_get_n_spans:
 * @self: a document
 * @layer: a layer name
 *
 * Counts the spans of a layer.
 *
 * Returns: the number of spans; 0 if the layer does not exist
 */
guint
pith_document_get_n_spans (PithDocument *self,
                           const char   *layer)
{
  PithLayer *found;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (layer != NULL, 0);

  found = find_layer (self, layer);

  return found != NULL ? found->n_spans : 0;
}

/**
 * pith_document_get_memory_size:
 * @self: a document
 * @layers: (out) (optional): where to store the part of the layers' spans
 * @offset_map: (out) (optional): where to store the part of the offset map
 *
 * Measures the memory a document holds: its raw input, its text when
 * cleaning changed it, the offset map between them and the spans of its
 * layers ([method@Pith.Layer.get_memory_size]). Metadata, reports and
 * span attributes kept as JSON are not counted. For benchmarks, and for
 * callers that budget memory.
 *
 * Returns: the size in bytes
 */
gsize
pith_document_get_memory_size (PithDocument *self,
                               gsize        *layers,
                               gsize        *offset_map)
{
  gsize layer_size = 0;
  gsize map_size;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < self->layers->len; i++)
    layer_size += pith_layer_get_memory_size (g_ptr_array_index (self->layers, i));
  map_size = pith_offset_map_get_memory_size (self->map);
  if (layers != NULL)
    *layers = layer_size;
  if (offset_map != NULL)
    *offset_map = map_size;
  return sizeof *self + self->raw_length + 1 + (self->text != self->raw ? self->text_length + 1 : 0) +
         map_size + layer_size;
}

/**
 * pith_document_peek_layer: (skip)
 * @self: a document
 * @layer: a layer name
 *
 * Gives C code a layer to read in place, in byte offsets, through
 * [method@Pith.Layer.get_start] and the other accessors of
 * [struct@Pith.Layer]. The layer stays valid until the document's layers
 * or text change.
 *
 * Returns: (transfer none) (nullable): the layer, or %NULL if it does not
 *   exist
 */
const PithLayer *
pith_document_peek_layer (PithDocument *self,
                          const char   *layer)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (layer != NULL, NULL);

  return find_layer (self, layer);
}

/* Moves the column values of span @index into its JsonObject, for callers
 * that need every attribute as JSON. */
/* The JsonObject of span @index's attributes; with @create, made when
 * missing. */
static JsonObject *
span_attributes (PithLayer *layer,
                 guint      index,
                 gboolean   create)
{
  JsonObject *attributes = layer->attributes != NULL
                           ? g_hash_table_lookup (layer->attributes, GUINT_TO_POINTER (index)) : NULL;

  if (attributes != NULL || !create)
    return attributes;
  if (layer->attributes == NULL)
    layer->attributes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_object_unref);
  attributes = json_object_new ();
  g_hash_table_insert (layer->attributes, GUINT_TO_POINTER (index), attributes);
  return attributes;
}

static JsonObject *
materialize_attributes (PithLayer *layer,
                        guint      index)
{
  JsonObject *attributes = span_attributes (layer, index, FALSE);

  for (guint c = 0; layer->columns != NULL && c < layer->columns->len; c++)
    {
      PithIntegerColumn *column = &g_array_index (layer->columns, PithIntegerColumn, c);
      gint32 value;

      if (!pith_integer_column_get (column, index, &value))
        continue;
      attributes = span_attributes (layer, index, TRUE);
      json_object_set_int_member (attributes, g_quark_to_string (column->name), value);
      pith_integer_column_set (column, index, PITH_LAYER_UNSET_INTEGER);
    }
  return attributes;
}

/**
 * pith_document_get_span_integer:
 * @self: a document
 * @layer: a layer name
 * @index: the index of a span in the layer
 * @name: an attribute name, such as `entity`
 * @value: (out): where to store the attribute's value
 *
 * Reads an integer attribute of a span, such as the index of an entity's
 * group. Unlike [method@Pith.Document.get_span_attribute], it leaves the
 * layer's compact storage of integers as it is, so reading every span of
 * a large layer costs no memory.
 *
 * Returns: %TRUE if the span has an integer attribute @name
 */
gboolean
pith_document_get_span_integer (PithDocument *self,
                                const char   *layer,
                                guint         index,
                                const char   *name,
                                gint64       *value)
{
  PithLayer *found;
  PithIntegerColumn *column;
  JsonObject *attributes;
  JsonNode *node;
  gint32 stored;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (layer != NULL && name != NULL && value != NULL, FALSE);

  found = find_layer (self, layer);
  if (found == NULL || index >= found->n_spans)
    return FALSE;
  column = pith_layer_find_integer_column (found, g_quark_try_string (name), FALSE);
  if (column != NULL && pith_integer_column_get (column, index, &stored))
    {
      *value = stored;
      return TRUE;
    }
  attributes = span_attributes (found, index, FALSE);
  node = attributes != NULL ? json_object_get_member (attributes, name) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

JsonObject *
pith_document_peek_span_attributes (PithDocument *self,
                                    const char   *layer,
                                    guint         index)
{
  PithLayer *found = find_layer (self, layer);

  if (found == NULL)
    return NULL;
  return materialize_attributes (found, index);
}

gboolean
pith_document_foreach_span_integer (PithDocument        *self,
                                    const char          *layer,
                                    guint                index,
                                    PithSpanIntegerFunc  func,
                                    gpointer             user_data)
{
  PithLayer *found = find_layer (self, layer);

  if (found == NULL)
    return TRUE;
  if (span_attributes (found, index, FALSE) != NULL)
    return FALSE;

  for (guint c = 0; found->columns != NULL && c < found->columns->len; c++)
    {
      PithIntegerColumn *column = &g_array_index (found->columns, PithIntegerColumn, c);
      gint32 value;

      if (pith_integer_column_get (column, index, &value))
        func (g_quark_to_string (column->name), value, user_data);
    }
  return TRUE;
}

void
pith_document_copy_span_attributes (PithDocument       *self,
                                    const char         *layer,
                                    guint               index,
                                    JsonObject         *object,
                                    const char * const *skipped)
{
  PithLayer *found = find_layer (self, layer);
  JsonObject *attributes;

  if (found == NULL)
    return;

  for (guint c = 0; found->columns != NULL && c < found->columns->len; c++)
    {
      PithIntegerColumn *column = &g_array_index (found->columns, PithIntegerColumn, c);
      const char *name = g_quark_to_string (column->name);
      gint32 value;

      if (pith_integer_column_get (column, index, &value) && !g_strv_contains (skipped, name))
        json_object_set_int_member (object, name, value);
    }

  attributes = span_attributes (found, index, FALSE);
  if (attributes != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, attributes);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        if (!g_strv_contains (skipped, name))
          json_object_set_member (object, name, pith_json_node_deep_copy (value));
    }
}

/**
 * pith_document_get_span:
 * @self: a document
 * @layer: a layer name
 * @index: the index of a span in the layer
 *
 * Copies one span of a layer, in code points, with its text, its location
 * in the raw input and its attributes.
 *
 * Returns: (transfer full) (nullable): the span, or %NULL if the layer has
 *   no such span
 */
PithSpan *
pith_document_get_span (PithDocument *self,
                        const char   *layer,
                        guint         index)
{
  PithLayer *found;
  PithSpan *span;
  JsonObject *attributes;
  guint32 start;
  guint32 end;
  gsize raw_start;
  gsize raw_end;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (layer != NULL, NULL);

  found = find_layer (self, layer);
  if (found == NULL || index >= found->n_spans)
    return NULL;

  start = pith_layer_start (found, index);
  end = pith_layer_end (found, index);
  pith_document_map_to_raw_bytes (self, start, end, &raw_start, &raw_end);

  span = g_new0 (PithSpan, 1);
  span->start = pith_document_byte_to_char (self, start);
  span->end = pith_document_byte_to_char (self, end);
  span->raw_start = pith_document_raw_byte_to_char (self, raw_start);
  span->raw_end = pith_document_raw_byte_to_char (self, raw_end);
  span->label = g_strdup (g_quark_to_string (pith_layer_label (found, index)));
  span->score = pith_layer_score (found, index);
  span->text = g_strndup (self->text + start, end - start);
  attributes = pith_document_peek_span_attributes (self, layer, index);
  if (attributes != NULL)
    span->attributes = json_object_ref (attributes);

  return span;
}

/**
 * pith_document_get_spans:
 * @self: a document
 * @layer: a layer name
 *
 * Copies every span of a layer, as [method@Pith.Document.get_span] does.
 *
 * Returns: (transfer container) (element-type PithSpan): the spans, freed
 *   with the array (g_ptr_array_unref()); empty if the
 *   layer does not exist
 */
GPtrArray *
pith_document_get_spans (PithDocument *self,
                         const char   *layer)
{
  GPtrArray *spans;
  guint n;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (layer != NULL, NULL);

  n = pith_document_get_n_spans (self, layer);
  spans = g_ptr_array_new_full (n, (GDestroyNotify) pith_span_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (spans, pith_document_get_span (self, layer, i));

  return spans;
}

static GPtrArray *
spans_by_place (PithDocument *self,
                const char   *layer,
                gsize         start,
                gsize         end,
                gboolean      inside)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) pith_span_free);
  const PithLayer *found = find_layer (self, layer);
  gsize byte_start;
  gsize byte_end;

  if (start > end)
    return spans;
  byte_start = pith_document_char_to_byte (self, start);
  byte_end = pith_document_char_to_byte (self, end);
  for (guint i = 0; i < pith_layer_get_n_spans (found); i++)
    {
      guint32 span_start = pith_layer_start (found, i);
      guint32 span_end = pith_layer_end (found, i);
      gboolean matches = inside ? span_start >= byte_start && span_end <= byte_end
                                : span_start <= byte_start && span_end >= byte_end;

      if (matches)
        g_ptr_array_add (spans, pith_document_get_span (self, layer, i));
    }
  return spans;
}

/**
 * pith_document_get_spans_in:
 * @self: a document
 * @layer: a layer name
 * @start: where the range starts, a code-point offset into the text
 * @end: where it ends (exclusive)
 *
 * Copies the spans of @layer that lie within the range: a sentence's
 * entities are the spans of the `entity` layer within the sentence's
 * range. Spaces in the range count; a span that crosses its ends does not.
 *
 * Returns: (transfer container) (element-type PithSpan): the spans, in
 *   the layer's order; empty if there are none or the layer does not exist
 */
GPtrArray *
pith_document_get_spans_in (PithDocument *self,
                            const char   *layer,
                            gsize         start,
                            gsize         end)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (layer != NULL, NULL);

  return spans_by_place (self, layer, start, end, TRUE);
}

/**
 * pith_document_get_spans_around:
 * @self: a document
 * @layer: a layer name
 * @start: where the range starts, a code-point offset into the text
 * @end: where it ends (exclusive)
 *
 * Copies the spans of @layer that hold all of the range: an entity's
 * sentence is the span of the `sentence` layer around the entity's range.
 *
 * Returns: (transfer container) (element-type PithSpan): the spans, in
 *   the layer's order; empty if there are none or the layer does not exist
 */
GPtrArray *
pith_document_get_spans_around (PithDocument *self,
                                const char   *layer,
                                gsize         start,
                                gsize         end)
{
  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (layer != NULL, NULL);

  return spans_by_place (self, layer, start, end, FALSE);
}

/**
 * pith_document_set_span_label_bytes: (skip)
 * @self: a document
 * @layer: a layer name
 * @index: the index of a span in the layer
 * @label: the new label as a quark, or 0 for none
 *
 * Changes the label of a span, as a stage that revises its own findings
 * does.
 */
void
pith_document_set_span_label_bytes (PithDocument *self,
                                    const char   *layer,
                                    guint         index,
                                    GQuark        label)
{
  PithLayer *found;

  g_return_if_fail (PITH_IS_DOCUMENT (self));
  g_return_if_fail (layer != NULL);

  found = find_layer (self, layer);
  g_return_if_fail (found != NULL && index < found->n_spans);
  pith_layer_set_label (found, index, label);
}

/**
 * pith_document_set_span_attribute:
 * @self: a document
 * @layer: a layer name
 * @index: the index of a span in the layer
 * @name: the attribute name; not one of the span's own JSON members
 *   (`start`, `end`, `label`, `score`, `text`, `raw_start`, `raw_end`)
 * @value: (nullable): the value, copied; %NULL removes the attribute
 *
 * Attaches an attribute to a span, such as the index of the entity group
 * an entity mention belongs to.
 */
void
pith_document_set_span_attribute (PithDocument *self,
                                  const char   *layer,
                                  guint         index,
                                  const char   *name,
                                  JsonNode     *value)
{
  PithLayer *found;
  JsonObject *attributes;

  g_return_if_fail (PITH_IS_DOCUMENT (self));
  g_return_if_fail (layer != NULL);
  g_return_if_fail (name != NULL);

  found = find_layer (self, layer);
  g_return_if_fail (found != NULL && index < found->n_spans);

  /* A plain 32-bit integer goes to the layer's column of that name. */
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64 &&
      json_node_get_int (value) > PITH_LAYER_UNSET_INTEGER && json_node_get_int (value) <= G_MAXINT32)
    {
      attributes = span_attributes (found, index, FALSE);
      if (attributes != NULL)
        json_object_remove_member (attributes, name);
      pith_integer_column_set (pith_layer_find_integer_column (found, g_quark_from_string (name), TRUE), index,
                        (gint32) json_node_get_int (value));
      return;
    }

  attributes = materialize_attributes (found, index);
  if (value == NULL)
    {
      if (attributes != NULL)
        json_object_remove_member (attributes, name);
      return;
    }

  json_object_set_member (span_attributes (found, index, TRUE), name, json_node_copy (value));
}

/**
 * pith_document_get_span_attribute:
 * @self: a document
 * @layer: a layer name
 * @index: the index of a span in the layer
 * @name: the attribute name
 *
 * Looks up an attribute of a span.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
JsonNode *
pith_document_get_span_attribute (PithDocument *self,
                                  const char   *layer,
                                  guint         index,
                                  const char   *name)
{
  JsonObject *attributes;

  g_return_val_if_fail (PITH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (layer != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  attributes = pith_document_peek_span_attributes (self, layer, index);
  if (attributes == NULL)
    return NULL;

  return json_object_get_member (attributes, name);
}
