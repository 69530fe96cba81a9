/* pith-cli-record.c: one JSON Lines record of the pith command's input
 *
 * A line is parsed on its own: a bad one becomes that record's error and
 * the stream goes on.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "pith-cli.h"
#include "pith-json-private.h"

/* The member named as the id is copied to "id"; copied, not moved, since
 * it may mean more ("url"). */
static void
copy_id_field (JsonObject          *object,
               const PithCliFields *fields)
{
  JsonNode *id;

  if (fields->id_field == NULL || strcmp (fields->id_field, "id") == 0)
    return;
  id = json_object_get_member (object, fields->id_field);
  if (id != NULL)
    json_object_set_member (object, "id", json_node_copy (id));
}

/* The member named as the text becomes "text" (or "html", for a field of
 * that name), moved so that the output does not repeat the input text as
 * a member of its own. */
static gboolean
move_text_field (JsonObject          *object,
                 const PithCliFields *fields,
                 GError             **error)
{
  JsonNode *text;
  const char *target;

  if (fields->text_field == NULL)
    return TRUE;

  text = json_object_get_member (object, fields->text_field);
  target = strcmp (fields->text_field, "html") == 0 ? "html" : "text";
  if (text == NULL || JSON_NODE_HOLDS_NULL (text))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "The record has no “%s” member (--text-field)", fields->text_field);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "The record's “%s” member is not a string (--text-field)", fields->text_field);
      return FALSE;
    }
  if (strcmp (fields->text_field, target) != 0)
    {
      json_object_set_member (object, target, json_node_ref (text));
      json_object_remove_member (object, fields->text_field);
    }
  return TRUE;
}

void
pith_cli_record_parse_json_line (PithCliRecord       *record,
                                 JsonParser          *parser,
                                 const PithCliFields *fields,
                                 const char          *line,
                                 gsize                length)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonNode *id;

  if (pith_json_too_deep (line, length, PITH_JSON_MAX_DEPTH))
    {
      g_set_error (&record->error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "Invalid JSON: nested deeper than %d levels", PITH_JSON_MAX_DEPTH);
      return;
    }
  if (!json_parser_load_from_data (parser, line, (gssize) length, &error))
    {
      pith_json_set_parse_error (&record->error, error);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (&record->error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                           "A JSON Lines record must be an object");
      return;
    }

  if (fields != NULL)
    copy_id_field (json_node_get_object (root), fields);
  id = json_object_get_member (json_node_get_object (root), "id");
  if (id != NULL && JSON_NODE_HOLDS_VALUE (id))
    record->id = json_node_copy (id);
  if (fields != NULL && !move_text_field (json_node_get_object (root), fields, &record->error))
    return;

  if (record->id != NULL && json_node_get_value_type (record->id) != G_TYPE_STRING)
    {
      /* The document's id is a string; the output keeps the original. */
      JsonObject *object = json_node_get_object (root);
      g_autofree char *text = json_to_string (record->id, FALSE);
      json_object_set_string_member (object, "id", text);
    }

  record->document = pith_document_new_from_json_node (root, &record->error);
}
