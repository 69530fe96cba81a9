/* test-document.c: documents, decoding, layers and their JSON form
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <pith/pith.h>

static void
test_new_utf8 (void)
{
  PithDocument *document = pith_document_new ("Grüße aus Köln — 東京");

  g_assert_cmpstr (pith_document_get_text (document), ==, "Grüße aus Köln — 東京");
  g_assert_cmpstr (pith_document_get_raw (document), ==, "Grüße aus Köln — 東京");
  g_assert_cmpuint (pith_document_get_length (document), ==, 19);
  g_assert_cmpuint (pith_document_get_text_size (document), ==, strlen ("Grüße aus Köln — 東京"));
  g_assert_null (pith_document_get_metadata_string (document, "encoding"));
  g_assert_finalize_object (document);
}

static void
test_invalid_utf8_falls_back (void)
{
  /* "café" in Latin-1, then a curly quote in Windows-1252. */
  static const char latin1[] = "caf\xe9 \x93quoted\x94";
  g_autoptr(GBytes) bytes = g_bytes_new_static (latin1, sizeof latin1 - 1);
  g_autoptr(PithDocument) document = pith_document_new_from_bytes (bytes, NULL, NULL);
  JsonObject *metadata = pith_document_get_metadata (document);

  g_assert_cmpstr (pith_document_get_text (document), ==, "café “quoted”");
  g_assert_cmpstr (pith_document_get_metadata_string (document, "encoding"), ==, "windows-1252");
  g_assert_true (json_object_get_boolean_member (metadata, "encoding_fallback"));
}

static void
test_every_byte_survives (void)
{
  guint8 all[256];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PithDocument) document = NULL;

  for (guint i = 0; i < 256; i++)
    all[i] = (guint8) i;
  bytes = g_bytes_new (all, sizeof all);
  document = pith_document_new_from_bytes (bytes, NULL, NULL);

  /* Every byte becomes one character; the NUL becomes U+FFFD. */
  g_assert_cmpuint (pith_document_get_length (document), ==, 256);
  g_assert_true (g_utf8_validate (pith_document_get_text (document), -1, NULL));
  g_assert_cmpint (json_object_get_int_member (pith_document_get_metadata (document),
                                               "replaced_nul_bytes"), ==, 1);
}

static void
test_charset (void)
{
  /* "Αθήνα" in ISO-8859-7. */
  static const char greek[] = "\xc1\xe8\xde\xed\xe1";
  g_autoptr(GBytes) bytes = g_bytes_new_static (greek, sizeof greek - 1);
  g_autoptr(PithDocument) document = pith_document_new_from_bytes (bytes, "ISO-8859-7", NULL);
  g_autoptr(PithDocument) unknown = NULL;

  g_assert_cmpstr (pith_document_get_text (document), ==, "Αθήνα");
  g_assert_cmpstr (pith_document_get_metadata_string (document, "encoding"), ==, "ISO-8859-7");

  /* A charset iconv does not know falls back without losing a byte. */
  unknown = pith_document_new_from_bytes (bytes, "NO-SUCH-CHARSET", NULL);
  g_assert_cmpuint (pith_document_get_length (unknown), ==, 5);
  g_assert_cmpstr (pith_document_get_metadata_string (unknown, "encoding"), ==, "windows-1252");
}

static void
test_utf16_bom (void)
{
  static const char utf16[] = "\xff\xfeH\0i\0";
  g_autoptr(GBytes) bytes = g_bytes_new_static (utf16, sizeof utf16 - 1);
  g_autoptr(PithDocument) document = pith_document_new_from_bytes (bytes, NULL, NULL);

  g_assert_cmpstr (pith_document_get_text (document), ==, "Hi");
  g_assert_cmpstr (pith_document_get_metadata_string (document, "encoding"), ==, "utf-16");
}

static void
test_nul_bytes (void)
{
  static const char with_nul[] = "one\0two";
  g_autoptr(GBytes) bytes = g_bytes_new_static (with_nul, sizeof with_nul - 1);
  g_autoptr(PithDocument) document = pith_document_new_from_bytes (bytes, NULL, NULL);

  g_assert_cmpstr (pith_document_get_text (document), ==, "one\xef\xbf\xbdtwo");
  g_assert_cmpstr (pith_document_get_metadata_string (document, "encoding"), ==, NULL);
}

static void
test_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr(PithDocument) document = pith_document_new_from_bytes (bytes, NULL, NULL);
  g_autofree char *json = NULL;
  g_autoptr(PithDocument) back = NULL;

  g_assert_cmpstr (pith_document_get_text (document), ==, "");
  g_assert_cmpuint (pith_document_get_length (document), ==, 0);
  json = pith_document_to_json (document);
  back = pith_document_new_from_json (json, -1, NULL);
  g_assert_cmpstr (pith_document_get_text (back), ==, "");
}

static void
test_char_byte_offsets (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("aé中😀b");

  g_assert_cmpuint (pith_document_char_to_byte (document, 0), ==, 0);
  g_assert_cmpuint (pith_document_char_to_byte (document, 1), ==, 1);
  g_assert_cmpuint (pith_document_char_to_byte (document, 2), ==, 3);
  g_assert_cmpuint (pith_document_char_to_byte (document, 3), ==, 6);
  g_assert_cmpuint (pith_document_char_to_byte (document, 4), ==, 10);
  g_assert_cmpuint (pith_document_char_to_byte (document, 5), ==, 11);
  g_assert_cmpuint (pith_document_char_to_byte (document, 99), ==, 11);
  g_assert_cmpuint (pith_document_byte_to_char (document, 7), ==, 3);
  g_assert_cmpuint (pith_document_byte_to_char (document, 10), ==, 4);
}

static void
test_long_text_offsets (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(PithDocument) document = NULL;

  /* Long enough for many checkpoints of the code-point index. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, i % 3 == 0 ? "é" : "a");
  document = pith_document_new (text->str);
  for (gsize c = 0; c <= 5000; c += 37)
    {
      gsize byte = pith_document_char_to_byte (document, c);
      g_assert_cmpuint (g_utf8_pointer_to_offset (text->str, text->str + byte), ==, c);
      g_assert_cmpuint (pith_document_byte_to_char (document, byte), ==, c);
    }
  g_string_free (text, TRUE);
}

static void
test_spans (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("Café in Zürich.");
  g_autoptr(GError) error = NULL;
  g_autoptr(PithSpan) span = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);

  g_assert_true (pith_document_add_span (document, "place", 8, 14, "LOC", 0.75, &error));
  g_assert_no_error (error);
  g_assert_true (pith_document_has_layer (document, "place"));
  g_assert_cmpuint (pith_document_get_n_spans (document, "place"), ==, 1);

  json_node_set_int (value, 7);
  pith_document_set_span_attribute (document, "place", 0, "entity", value);

  span = pith_document_get_span (document, "place", 0);
  g_assert_cmpuint (span->start, ==, 8);
  g_assert_cmpuint (span->end, ==, 14);
  g_assert_cmpstr (span->text, ==, "Zürich");
  g_assert_cmpstr (span->label, ==, "LOC");
  g_assert_cmpfloat (span->score, ==, 0.75);
  g_assert_cmpint (json_node_get_int (pith_span_get_attribute (span, "entity")), ==, 7);

  spans = pith_document_get_spans (document, "place");
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_null (pith_document_get_span (document, "place", 1));
  g_assert_null (pith_document_get_span (document, "nothing", 0));
  g_clear_pointer (&spans, g_ptr_array_unref);
  spans = pith_document_get_spans (document, "nothing");
  g_assert_cmpuint (spans->len, ==, 0);

  g_assert_false (pith_document_add_span (document, "place", 10, 99, NULL, 0, &error));
  g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);

  pith_document_remove_layer (document, "place");
  g_assert_false (pith_document_has_layer (document, "place"));
}

static void
test_spans_follow_edits (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("[ad] Putin met Erdogan in Sochi.");
  g_autoptr(PithSpan) putin = NULL;
  g_autoptr(PithSpan) erdogan = NULL;
  g_autoptr(PithSpan) sochi = NULL;

  pith_document_add_span (document, "entity", 5, 10, "PER", 0, NULL);
  pith_document_add_span (document, "entity", 15, 22, "PER", 0, NULL);
  pith_document_add_span (document, "entity", 26, 31, "LOC", 0, NULL);

  g_assert_true (pith_document_replace (document, 0, 5, "", NULL));
  g_assert_true (pith_document_replace (document, 9, 9, " first", NULL));

  g_assert_cmpstr (pith_document_get_text (document), ==, "Putin met first Erdogan in Sochi.");
  putin = pith_document_get_span (document, "entity", 0);
  erdogan = pith_document_get_span (document, "entity", 1);
  sochi = pith_document_get_span (document, "entity", 2);
  g_assert_cmpstr (putin->text, ==, "Putin");
  g_assert_cmpstr (erdogan->text, ==, "Erdogan");
  g_assert_cmpstr (sochi->text, ==, "Sochi");
  g_assert_cmpuint (sochi->raw_start, ==, 26);
  g_assert_cmpuint (sochi->raw_end, ==, 31);
}

static void
test_metadata_and_reports (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("x");
  g_autoptr(JsonObject) report = json_object_new ();
  g_auto(GStrv) names = NULL;

  pith_document_set_id (document, "doc-1");
  pith_document_set_language (document, "en");
  pith_document_set_metadata_string (document, "title", "A title");
  json_object_set_int_member (report, "removed", 2);
  pith_document_set_report (document, "cleaning", report);

  g_assert_cmpstr (pith_document_get_id (document), ==, "doc-1");
  g_assert_cmpstr (pith_document_get_language (document), ==, "en");
  g_assert_cmpstr (pith_document_get_metadata_string (document, "title"), ==, "A title");
  g_assert_cmpint (json_object_get_int_member (pith_document_get_report (document, "cleaning"),
                                               "removed"), ==, 2);
  names = pith_document_list_reports (document);
  g_assert_cmpstrv (names, ((const char *[]) { "cleaning", NULL }));
  pith_document_set_metadata_string (document, "title", NULL);
  g_assert_null (pith_document_get_metadata_string (document, "title"));
}

static PithDocument *
make_rich_document (void)
{
  PithDocument *document = pith_document_new ("[ad_1]\nErdogan called Putin.  Café talks.\n");
  g_autoptr(JsonObject) report = json_object_new ();
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);

  pith_document_replace (document, 0, 7, "", NULL);
  pith_document_replace (document, 22, 23, "", NULL);
  pith_document_set_id (document, "42");
  pith_document_set_language (document, "en");
  pith_document_set_metadata_string (document, "title", "Talks");
  pith_document_add_span (document, "sentence", 0, 22, NULL, 0, NULL);
  pith_document_add_span (document, "sentence", 22, 33, NULL, 0, NULL);
  pith_document_add_span (document, "token", 0, 7, NULL, 0, NULL);
  pith_document_add_span (document, "entity", 0, 7, "PER", 0.9, NULL);
  pith_document_add_span (document, "entity", 15, 20, "PER", 0.8, NULL);
  json_node_set_string (value, "Recep Erdogan");
  pith_document_set_span_attribute (document, "entity", 0, "canonical", value);
  pith_document_add_span (document, "custom", 22, 26, "FOOD", 0, NULL);
  json_object_set_int_member (report, "removed", 1);
  pith_document_set_report (document, "cleaning", report);

  return document;
}

/* Integer attributes (the entity layer's group index) are stored compactly
 * but read, written and replaced like any other attribute. */
static void
test_integer_attributes (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("Alpha met Beta.");
  g_autoptr(JsonNode) group = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) big = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) word = json_node_new (JSON_NODE_VALUE);
  g_autoptr(PithDocument) back = NULL;
  g_autoptr(PithSpan) span = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  pith_document_add_span (document, "entity", 0, 5, "PER", 1.0, NULL);
  pith_document_add_span (document, "entity", 10, 14, "PER", 1.0, NULL);
  json_node_set_int (group, 3);
  json_node_set_int (big, G_GINT64_CONSTANT (5000000000));
  json_node_set_string (word, "three");

  pith_document_set_span_attribute (document, "entity", 1, "entity", group);
  pith_document_set_span_attribute (document, "entity", 0, "size", big);
  g_assert_cmpint (json_node_get_int (pith_document_get_span_attribute (document, "entity", 1, "entity")), ==, 3);
  g_assert_cmpint (json_node_get_int (pith_document_get_span_attribute (document, "entity", 0, "size")), ==,
                   G_GINT64_CONSTANT (5000000000));
  g_assert_null (pith_document_get_span_attribute (document, "entity", 0, "entity"));

  /* Read as integers: a column value, a JSON integer, nothing else. */
  {
    g_autoptr(PithDocument) compact = pith_document_new ("Alpha met Beta.");
    gint64 value = -1;

    pith_document_add_span (compact, "entity", 0, 5, "PER", 1.0, NULL);
    pith_document_add_span (compact, "entity", 10, 14, "PER", 1.0, NULL);
    pith_document_set_span_attribute (compact, "entity", 1, "entity", group);
    pith_document_set_span_attribute (compact, "entity", 0, "size", big);
    pith_document_set_span_attribute (compact, "entity", 0, "name", word);
    g_assert_true (pith_document_get_span_integer (compact, "entity", 1, "entity", &value));
    g_assert_cmpint (value, ==, 3);
    g_assert_true (pith_document_get_span_integer (compact, "entity", 0, "size", &value));
    g_assert_cmpint (value, ==, G_GINT64_CONSTANT (5000000000));
    g_assert_false (pith_document_get_span_integer (compact, "entity", 0, "entity", &value));
    g_assert_false (pith_document_get_span_integer (compact, "entity", 0, "name", &value));
    g_assert_false (pith_document_get_span_integer (compact, "entity", 2, "entity", &value));
    g_assert_false (pith_document_get_span_integer (compact, "nope", 0, "entity", &value));
  }

  json = pith_document_to_json (document);
  g_assert_nonnull (strstr (json, "\"entity\":3"));
  back = pith_document_new_from_json (json, -1, NULL);
  json_again = pith_document_to_json (back);
  g_assert_cmpstr (json_again, ==, json);

  /* Replaced by a string, then removed. */
  pith_document_set_span_attribute (back, "entity", 1, "entity", word);
  span = pith_document_get_span (back, "entity", 1);
  g_assert_cmpstr (json_node_get_string (pith_span_get_attribute (span, "entity")), ==, "three");
  pith_document_set_span_attribute (back, "entity", 1, "entity", group);
  pith_document_set_span_attribute (back, "entity", 1, "entity", NULL);
  g_assert_null (pith_document_get_span_attribute (back, "entity", 1, "entity"));
}

static void
test_json_round_trip (void)
{
  g_autoptr(PithDocument) document = make_rich_document ();
  g_autofree char *json = pith_document_to_json (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) back = pith_document_new_from_json (json, -1, &error);
  g_autofree char *json_again = NULL;
  g_autoptr(PithSpan) entity = NULL;
  gsize raw_start;
  gsize raw_end;

  g_assert_no_error (error);
  json_again = pith_document_to_json (back);
  g_assert_cmpstr (json_again, ==, json);

  g_assert_cmpstr (pith_document_get_text (back), ==, "Erdogan called Putin. Café talks.\n");
  g_assert_cmpstr (pith_document_get_text (back), ==, pith_document_get_text (document));
  g_assert_cmpstr (pith_document_get_raw (back), ==, pith_document_get_raw (document));
  g_assert_cmpstr (pith_document_get_id (back), ==, "42");
  g_assert_cmpuint (pith_document_get_n_spans (back, "token"), ==, 1);
  entity = pith_document_get_span (back, "entity", 0);
  g_assert_cmpstr (json_node_get_string (pith_span_get_attribute (entity, "canonical")), ==,
                   "Recep Erdogan");
  g_assert_cmpuint (entity->raw_start, ==, 7);

  /* The offset map survived: the text after the second edit maps back. */
  g_assert_true (pith_document_map_to_raw (back, 22, 26, &raw_start, &raw_end, NULL));
  g_assert_cmpuint (raw_start, ==, 30);
  g_assert_cmpuint (raw_end, ==, 34);
}

static void
test_json_compact (void)
{
  g_autoptr(PithDocument) document = make_rich_document ();
  g_autofree char *json = pith_document_to_json_full (document, PITH_JSON_DEFAULT);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  JsonObject *object = json_node_get_object (node);
  JsonObject *entity;

  g_assert_false (json_object_has_member (object, "raw"));
  g_assert_false (json_object_has_member (object, "tokens"));
  g_assert_false (json_object_has_member (object, "offset_map"));
  g_assert_true (json_object_has_member (object, "sentences"));
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "layers"), "custom"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "cleaning"),
                                               "removed"), ==, 1);
  entity = json_array_get_object_element (json_object_get_array_member (object, "entities"), 1);
  g_assert_cmpstr (json_object_get_string_member (entity, "text"), ==, "Putin");
  g_assert_cmpstr (json_object_get_string_member (entity, "label"), ==, "PER");
  g_assert_cmpint (json_object_get_int_member (entity, "raw_start"), ==, 22);
  g_assert_cmpint (json_object_get_int_member (entity, "raw_end"), ==, 27);
}

/* A report with a value of each JSON kind, nested. */
static JsonObject *
make_report_of_every_kind (void)
{
  g_autoptr(JsonObject) report = json_object_new ();
  g_autoptr(JsonObject) inner = json_object_new ();
  g_autoptr(JsonArray) values = json_array_new ();

  json_array_add_int_element (values, -42);
  json_array_add_double_element (values, 0.1);
  json_array_add_double_element (values, 3.0);
  json_array_add_double_element (values, 1e300);
  json_array_add_boolean_element (values, TRUE);
  json_array_add_boolean_element (values, FALSE);
  json_array_add_null_element (values);
  json_array_add_string_element (values, "caf\xc3\xa9 \"\x02\"");
  json_array_add_array_element (values, json_array_new ());
  json_array_add_object_element (values, json_object_new ());
  json_object_set_array_member (inner, "values", g_steal_pointer (&values));
  json_object_set_string_member (inner, "b", "second");
  json_object_set_string_member (inner, "a", "third, not sorted");
  json_object_set_object_member (report, "inner", g_steal_pointer (&inner));
  json_object_set_int_member (report, "count", G_MAXINT64);
  return g_steal_pointer (&report);
}

/* The compact form is written straight to text, without a json-glib tree;
 * it must be the text json-glib gives for the tree, byte for byte. */
static void
test_json_writer_matches_tree (void)
{
  static const PithJsonFlags flags[] = { PITH_JSON_DEFAULT, PITH_JSON_TOKENS, PITH_JSON_RAW, PITH_JSON_ALL };
  g_autoptr(PithDocument) rich = make_rich_document ();
  g_autoptr(PithDocument) noisy = pith_document_new ("Ctrl \x01\x07\x1f\x7f tab\t \"quoted\" back\\slash \xc3\xa9 \xe2\x80\xa8 end");
  g_autoptr(JsonNode) group = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonObject) every_kind = make_report_of_every_kind ();
  PithDocument *documents[] = { rich, noisy };

  json_node_set_int (group, 3);
  pith_document_add_span (noisy, "entity", 0, 4, "\"odd\\label\"", 0.1, NULL);
  pith_document_add_span (noisy, "entity", 5, 9, "MISC", 0, NULL);
  pith_document_set_span_attribute (noisy, "entity", 0, "entity", group);
  pith_document_add_span (noisy, "summary", 0, 9, NULL, 1.0 / 3.0, NULL);
  pith_document_set_metadata_string (noisy, "z\tkey", "\x01value");
  pith_document_set_report (noisy, "every-kind", every_kind);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
      {
        g_autoptr(JsonNode) tree = pith_document_to_json_node (documents[d], flags[f]);
        g_autofree char *expected = json_to_string (tree, FALSE);
        g_autofree char *written = pith_document_to_json_full (documents[d], flags[f]);
        g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
        g_autoptr(GError) error = NULL;

        g_assert_cmpstr (written, ==, expected);

        /* Streamed, it is the same text. */
        g_assert_true (pith_document_write_json (documents[d], flags[f], stream, NULL, &error));
        g_assert_no_error (error);
        g_assert_true (g_output_stream_close (stream, NULL, NULL));
        g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                         g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                         expected, strlen (expected));
      }
}

/* The entities and summarize stages keep their array reports as tables
 * until asked: the JSON is the same text whether it is written from the
 * tables or from the trees a caller asked for, the reports keep their
 * places, and setting a report replaces its table. */
static void
test_reports_kept_as_tables (void)
{
  g_autoptr(PithPipeline) pipeline =
    pith_pipeline_new_from_string ("segment ! entities ! summarize keyphrases=5", NULL);
  g_autoptr(PithDocument) document =
    pith_document_new ("Maria Lopez, the mayor of Valmora, met Daniel Ferreira of the Harbour Workers Union "
                       "on Monday. Lopez said the Port of Valmora would reopen. Ferreira thanked Lopez "
                       "and the union's members in Valmora.");
  g_autoptr(GError) error = NULL;
  g_autofree char *from_tables = NULL;
  g_autofree char *from_trees = NULL;
  g_autofree char *after_asking = NULL;
  g_autofree char *replaced = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(JsonNode) other = json_node_new (JSON_NODE_ARRAY);
  JsonNode *groups;
  JsonObject *first;

  g_assert_true (pith_pipeline_process (pipeline, document, NULL, &error));
  g_assert_no_error (error);
  from_tables = pith_document_to_json_full (document, PITH_JSON_DEFAULT);
  names = pith_document_list_reports (document);
  g_assert_true (g_strv_contains ((const char * const *) names, "entity_groups"));
  g_assert_true (g_strv_contains ((const char * const *) names, "keyphrases"));
  g_assert_nonnull (strstr (from_tables, "\"entity_groups\":[{\"name\":"));
  g_assert_true (strstr (from_tables, "\"entity_groups\":") < strstr (from_tables, "\"keyphrases\":[{\"text\":"));

  /* Asked for, the groups are a tree in the same place. */
  groups = pith_document_get_report_node (document, "entity_groups");
  g_assert_nonnull (groups);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (groups));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (groups)), >, 0);
  first = json_array_get_object_element (json_node_get_array (groups), 0);
  g_assert_nonnull (json_object_get_string_member (first, "name"));
  g_assert_nonnull (json_object_get_string_member (first, "label"));
  g_assert_cmpint (json_object_get_int_member (first, "mentions"), >=, 1);
  after_asking = pith_document_to_json_full (document, PITH_JSON_DEFAULT);
  g_assert_cmpstr (after_asking, ==, from_tables);
  tree = pith_document_to_json_node (document, PITH_JSON_DEFAULT);
  from_trees = json_to_string (tree, FALSE);
  g_assert_cmpstr (from_trees, ==, from_tables);

  /* A report set over a table replaces it. */
  json_node_take_array (other, json_array_new ());
  json_array_add_string_element (json_node_get_array (other), "set by hand");
  pith_document_set_report_node (document, "keyphrases", other);
  replaced = pith_document_to_json_full (document, PITH_JSON_DEFAULT);
  g_assert_nonnull (strstr (replaced, "\"keyphrases\":[\"set by hand\"]"));
  g_clear_pointer (&tree, json_node_unref);
  g_clear_pointer (&from_trees, g_free);
  tree = pith_document_to_json_node (document, PITH_JSON_DEFAULT);
  from_trees = json_to_string (tree, FALSE);
  g_assert_cmpstr (from_trees, ==, replaced);
}

/* An integer of 1 to 63 bits, built without signed overflow. */
static gint64
random_integer (GRand   *rand,
                gboolean negative)
{
  guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
  guint64 magnitude = bits >> g_rand_int_range (rand, 1, 64);

  return negative ? -(gint64) magnitude : (gint64) magnitude;
}

/* Numbers are written without json-glib (scores, offsets, reports'
 * numbers): thousands of them, of every size and sign, as json-glib
 * writes them. */
static void
test_json_writer_numbers (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("Numbers of every size.");
  g_autoptr(JsonArray) values = json_array_new ();
  g_autoptr(JsonObject) report = json_object_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(JsonNode) tree = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      double fraction = g_rand_double (rand);

      pith_document_add_span (document, "scored", 0, 7, NULL, i % 3 == 0 ? (float) fraction : fraction, NULL);
      json_array_add_double_element (values, g_rand_double_range (rand, -1e30, 1e30));
      json_array_add_double_element (values, (fraction - 0.5) * 1e-20);
      json_array_add_double_element (values, (double) g_rand_int_range (rand, -100000, 100000));
      json_array_add_double_element (values, i / 8.0);
      json_array_add_int_element (values, random_integer (rand, i % 2 == 0));
    }
  json_array_add_int_element (values, G_MININT64);
  json_array_add_int_element (values, G_MAXINT64);
  json_array_add_int_element (values, 0);
  json_array_add_double_element (values, 0.0);
  json_array_add_double_element (values, -0.0);
  json_object_set_array_member (report, "values", g_steal_pointer (&values));
  pith_document_set_report (document, "numbers", report);

  tree = pith_document_to_json_node (document, PITH_JSON_ALL);
  expected = json_to_string (tree, FALSE);
  written = pith_document_to_json_full (document, PITH_JSON_ALL);
  g_assert_cmpstr (written, ==, expected);
}

/* A text longer than the writer's pieces, escapes across their seams. */
static void
test_json_writer_streams_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PithDocument) document = NULL;
  g_autoptr(JsonNode) tree = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  for (guint i = 0; i < 40000; i++)
    g_string_append (text, i % 7 == 0 ? "\"q\" \\ " : "word\t");
  document = pith_document_new (text->str);
  pith_document_add_span_bytes (document, "entity", 0, 4, g_quark_from_static_string ("X"), 0.5);
  pith_document_set_metadata_string (document, "long", text->str);
  tree = pith_document_to_json_node (document, PITH_JSON_ALL);
  expected = json_to_string (tree, FALSE);

  g_assert_true (pith_document_write_json (document, PITH_JSON_ALL, stream, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                   expected, strlen (expected));
}

/* A stream that fails gives its error, once. */
static void
test_json_writer_reports_stream_errors (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("Some text to write.");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  g_assert_false (pith_document_write_json (document, PITH_JSON_DEFAULT, stream, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

static void
test_json_pretokenized (void)
{
  static const char json[] =
    "{\"id\": \"s1\", \"tokens\": [[\"EU\", \"rejects\", \"German\", \"call\"], [\"Peter\", \"Blackburn\"]]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) document = pith_document_new_from_json (json, -1, &error);
  g_autoptr(PithSpan) token = NULL;
  g_autoptr(PithSpan) sentence = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (pith_document_get_text (document), ==, "EU rejects German call\nPeter Blackburn");
  g_assert_cmpuint (pith_document_get_n_spans (document, "token"), ==, 6);
  g_assert_cmpuint (pith_document_get_n_spans (document, "sentence"), ==, 2);
  token = pith_document_get_span (document, "token", 4);
  g_assert_cmpstr (token->text, ==, "Peter");
  sentence = pith_document_get_span (document, "sentence", 1);
  g_assert_cmpuint (sentence->start, ==, 23);
  g_assert_cmpuint (sentence->end, ==, 38);
}

static void
test_json_errors (void)
{
  static const char * const bad[] = {
    "[1, 2]",
    "{}",
    "{\"text\": 5}",
    "{\"text\": \"abc\", \"raw\": 5}",
    "{\"text\": \"abc\", \"sentences\": {}}",
    "{\"text\": \"abc\", \"sentences\": [{\"start\": 0}]}",
    "{\"text\": \"abc\", \"sentences\": [{\"start\": 2, \"end\": 1}]}",
    "{\"text\": \"abc\", \"sentences\": [{\"start\": 0, \"end\": 4}]}",
    "{\"text\": \"abc\", \"sentences\": [{\"start\": -1, \"end\": 1}]}",
    "{\"text\": \"abc\", \"sentences\": [{\"start\": 0, \"end\": 1.5}]}",
    "{\"text\": \"abc\", \"entities\": [{\"start\": 0, \"end\": 1, \"label\": 3}]}",
    "{\"text\": \"abc\", \"entities\": [{\"start\": 0, \"end\": 1, \"score\": \"high\"}]}",
    "{\"text\": \"abc\", \"layers\": []}",
    "{\"text\": \"abc\", \"metadata\": 1}",
    "{\"text\": \"abc\", \"id\": [1]}",
    "{\"text\": \"ab\", \"raw\": \"xab\", \"offset_map\": [[0, 2, 0, 2, 1]]}",
    "{\"text\": \"ab\", \"raw\": \"xab\", \"offset_map\": [[0, 2, 1, 2, 1]]}",
    "{\"text\": \"ab\", \"raw\": \"xab\", \"offset_map\": [[0, 2, 1]]}",
    "{\"tokens\": [[\"a\", 1]]}",
    "{\"tokens\": [[\"a\", \"\"]]}",
    "{\"text\": \"abc\"",
    "{\"text\": \"abc\", \"sentences\": [{\"start\": 0, \"end\": 99999999999999999999999}]}",
    /* Found by fuzzing: empty and blank input parse to no JSON value. */
    "",
    " \n ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PithDocument) document = pith_document_new_from_json (bad[i], -1, &error);

      if (document != NULL)
        g_error ("Accepted invalid document %s", bad[i]);
      g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
    }
}

static void
test_large_single_line (void)
{
  static const char pattern[] = "abcdefgh é";   /* 11 bytes, 10 characters */
  gsize size = (50 * 1024 * 1024 / 11) * 11;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PithDocument) document = NULL;

  for (gsize i = 0; i < size; i += 11)
    memcpy (data + i, pattern, 11);
  bytes = g_bytes_new_take (data, size);
  document = pith_document_new_from_bytes (bytes, NULL, NULL);
  g_assert_cmpuint (pith_document_get_text_size (document), ==, size);
  g_assert_true (pith_document_replace (document, 0, 1, "A", NULL));
  g_assert_cmpuint (pith_document_get_length (document), ==, size / 11 * 10);
  g_assert_cmpuint (pith_document_byte_to_char (document, size - 2), ==,
                    pith_document_get_length (document) - 1);
}

/* A layer widens its columns as spans need: lengths past one and two
 * bytes, more labels than a byte counts, scores once one is given; every
 * span reads back as it was added. */
static void
test_layer_columns_widen (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PithDocument) document = NULL;
  const PithLayer *layer;

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (text, 'a' + i % 26);
  document = pith_document_new (text->str);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *label = g_strdup_printf ("L%u", i);
      guint32 end = i == 100 ? 300 : i == 200 ? 70000 : i + 1;

      pith_document_add_span_bytes (document, "many", i, end, i % 3 ? g_quark_from_string (label) : 0,
                                    i >= 250 ? i / 1000.0 : 0.0);
    }

  layer = pith_document_peek_layer (document, "many");
  g_assert_cmpuint (pith_layer_get_n_spans (layer), ==, 300);
  g_assert_true (pith_layer_has_scores (layer));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *label = g_strdup_printf ("L%u", i);

      g_assert_cmpuint (pith_layer_get_start (layer, i), ==, i);
      g_assert_cmpuint (pith_layer_get_end (layer, i), ==, i == 100 ? 300 : i == 200 ? 70000 : i + 1);
      g_assert_cmpuint (pith_layer_get_label (layer, i), ==, i % 3 ? g_quark_from_string (label) : 0);
      /* Scores are kept in single precision. */
      g_assert_cmpfloat_with_epsilon (pith_layer_get_score (layer, i), i >= 250 ? i / 1000.0 : 0.0, 1e-6);
    }
  g_assert_cmpuint (pith_layer_get_n_spans (pith_document_peek_layer (document, "absent")), ==, 0);
}

static void
test_spans_by_place (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("Ünal met Ada. Kyiv woke.");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) around = NULL;
  g_autoptr(GPtrArray) none = NULL;

  pith_document_add_span (document, "sentence", 0, 13, NULL, 0, NULL);
  pith_document_add_span (document, "sentence", 14, 24, NULL, 0, NULL);
  pith_document_add_span (document, "entity", 0, 4, "PER", 0, NULL);
  pith_document_add_span (document, "entity", 9, 12, "PER", 0, NULL);
  pith_document_add_span (document, "entity", 14, 18, "LOC", 0, NULL);
  /* One that crosses the sentences' border belongs to neither. */
  pith_document_add_span (document, "entity", 9, 18, "MISC", 0, NULL);

  first = pith_document_get_spans_in (document, "entity", 0, 13);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpstr (((PithSpan *) first->pdata[0])->text, ==, "Ünal");
  g_assert_cmpstr (((PithSpan *) first->pdata[1])->text, ==, "Ada");
  around = pith_document_get_spans_around (document, "sentence", 14, 18);
  g_assert_cmpuint (around->len, ==, 1);
  g_assert_cmpuint (((PithSpan *) around->pdata[0])->start, ==, 14);
  none = pith_document_get_spans_around (document, "sentence", 9, 18);
  g_assert_cmpuint (none->len, ==, 0);
}

/* UTF-16 offsets, as GJS counts: checked against a walk of the text for
 * every offset, in texts of every width of character across many blocks
 * of the index. */
static void
test_utf16_offsets (void)
{
  static const char * const pieces[] = { "a", "é", "€", "😀", "𝔸", " ", "Ж" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PithDocument) document = NULL;
      guint n = g_rand_int_range (rand, 0, 400);
      /* Some texts have no character past U+FFFF; some are ASCII. */
      guint kinds = round % 3 == 0 ? 1 : round % 3 == 1 ? 4 : G_N_ELEMENTS (pieces);
      gsize units = 0;
      gsize chars = 0;
      const char *p;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, kinds)]);
      document = pith_document_new (text->str);

      for (p = text->str; ; p = g_utf8_next_char (p))
        {
          g_assert_cmpuint (pith_document_char_to_utf16 (document, chars), ==, units);
          g_assert_cmpuint (pith_document_utf16_to_char (document, units), ==, chars);
          if (*p == '\0')
            break;
          if (g_utf8_get_char (p) > 0xFFFF)
            {
              /* Between the two halves of a pair: the character's start. */
              g_assert_cmpuint (pith_document_utf16_to_char (document, units + 1), ==, chars);
              units++;
            }
          units++;
          chars++;
        }
      /* Past the end: the end. */
      g_assert_cmpuint (pith_document_char_to_utf16 (document, chars + 5), ==, units);
      g_assert_cmpuint (pith_document_utf16_to_char (document, units + 5), ==, chars);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/Document/new/utf8", test_new_utf8);
  g_test_add_func ("/Pith/Document/bytes/windows-1252-fallback", test_invalid_utf8_falls_back);
  g_test_add_func ("/Pith/Document/bytes/every-byte", test_every_byte_survives);
  g_test_add_func ("/Pith/Document/bytes/charset", test_charset);
  g_test_add_func ("/Pith/Document/bytes/utf16-bom", test_utf16_bom);
  g_test_add_func ("/Pith/Document/bytes/nul", test_nul_bytes);
  g_test_add_func ("/Pith/Document/offsets/utf16", test_utf16_offsets);
  g_test_add_func ("/Pith/Document/bytes/empty", test_empty);
  g_test_add_func ("/Pith/Document/bytes/large-single-line", test_large_single_line);
  g_test_add_func ("/Pith/Document/offsets/char-byte", test_char_byte_offsets);
  g_test_add_func ("/Pith/Document/offsets/long-text", test_long_text_offsets);
  g_test_add_func ("/Pith/Document/layers/spans", test_spans);
  g_test_add_func ("/Pith/Document/layers/follow-edits", test_spans_follow_edits);
  g_test_add_func ("/Pith/Document/metadata", test_metadata_and_reports);
  g_test_add_func ("/Pith/Document/json/round-trip", test_json_round_trip);
  g_test_add_func ("/Pith/Document/attributes/integers", test_integer_attributes);
  g_test_add_func ("/Pith/Document/json/compact", test_json_compact);
  g_test_add_func ("/Pith/Document/json/writer-matches-tree", test_json_writer_matches_tree);
  g_test_add_func ("/Pith/Document/json/writer-numbers", test_json_writer_numbers);
  g_test_add_func ("/Pith/Document/json/reports-kept-as-tables", test_reports_kept_as_tables);
  g_test_add_func ("/Pith/Document/json/writer-streams-long-text", test_json_writer_streams_long_text);
  g_test_add_func ("/Pith/Document/json/writer-reports-stream-errors", test_json_writer_reports_stream_errors);
  g_test_add_func ("/Pith/Document/json/pretokenized", test_json_pretokenized);
  g_test_add_func ("/Pith/Document/json/errors", test_json_errors);
  g_test_add_func ("/Pith/Document/spans/by-place", test_spans_by_place);
  g_test_add_func ("/Pith/Document/spans/layer-columns-widen", test_layer_columns_widen);

  return g_test_run ();
}
