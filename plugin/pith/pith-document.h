/* pith-document.h: one text under processing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pith-layer.h"
#include "pith-span.h"
#include "pith-version-macros.h"

G_BEGIN_DECLS

/**
 * PITH_LAYER_TOKEN:
 *
 * The name of the layer of tokens.
 */
#define PITH_LAYER_TOKEN "token"

/**
 * PITH_LAYER_SENTENCE:
 *
 * The name of the layer of sentences.
 */
#define PITH_LAYER_SENTENCE "sentence"

/**
 * PITH_LAYER_ENTITY:
 *
 * The name of the layer of entity mentions.
 */
#define PITH_LAYER_ENTITY "entity"

/**
 * PITH_LAYER_COMMENT:
 *
 * The name of the layer of readers' comments on a web page, which `clean`
 * keeps in the text with [property@Pith.Cleaner:comments].
 */
#define PITH_LAYER_COMMENT "comment"

/**
 * PITH_LAYER_DATELINE:
 *
 * The name of the layer of the dateline that opens a story ("London
 * (CNN)"), which `clean` parts from the first sentence.
 */
#define PITH_LAYER_DATELINE "dateline"

/**
 * PITH_LAYER_KEYPHRASE:
 *
 * The name of the layer of the mentions of the key phrases `summarize`
 * finds; each mention's `keyphrase` attribute is its index in the
 * `keyphrases` report.
 */
#define PITH_LAYER_KEYPHRASE "keyphrases"

/**
 * PITH_DOCUMENT_MAX_BYTES:
 *
 * The largest text a document holds, in bytes (4 GiB minus one), so that
 * spans store 32-bit offsets.
 */
#define PITH_DOCUMENT_MAX_BYTES ((gsize) G_MAXUINT32)

/**
 * PithJsonFlags:
 * @PITH_JSON_DEFAULT: the compact form: id, text, language, metadata,
 *   reports and every layer but tokens
 * @PITH_JSON_TOKENS: include the token layer
 * @PITH_JSON_RAW: include the raw input and the offset map
 * @PITH_JSON_PRETTY: indent the output
 * @PITH_JSON_ALL: everything, so that [ctor@Pith.Document.new_from_json]
 *   rebuilds an equal document
 *
 * What [method@Pith.Document.to_json_full] writes.
 */
typedef enum /*< flags >*/
{
  PITH_JSON_DEFAULT = 0,
  PITH_JSON_TOKENS = 1 << 0,
  PITH_JSON_RAW = 1 << 1,
  PITH_JSON_PRETTY = 1 << 2,
  PITH_JSON_ALL = PITH_JSON_TOKENS | PITH_JSON_RAW,
} PithJsonFlags;

/**
 * PithEdit:
 * @start: start of the replaced part of the current text, in bytes
 * @end: end of the replaced part (exclusive), in bytes
 * @replacement: (nullable): the new text, or %NULL to delete
 * @replacement_length: length of @replacement in bytes, or -1 if it is
 *   nul-terminated
 *
 * One edit of a batch given to [method@Pith.Document.apply_edits].
 */
typedef struct
{
  gsize start;
  gsize end;
  const char *replacement;
  gssize replacement_length;
} PithEdit;

#define PITH_TYPE_DOCUMENT (pith_document_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithDocument, pith_document, PITH, DOCUMENT, GObject)

PITH_AVAILABLE_IN_ALL
PithDocument *pith_document_new                (const char    *text);
PITH_AVAILABLE_IN_ALL
PithDocument *pith_document_new_from_bytes     (GBytes        *bytes,
                                                const char    *charset,
                                                GError       **error);
PITH_AVAILABLE_IN_ALL
PithDocument *pith_document_new_from_json      (const char    *json,
                                                gssize         length,
                                                GError       **error);
PITH_AVAILABLE_IN_ALL
PithDocument *pith_document_new_from_json_node (JsonNode      *node,
                                                GError       **error);

PITH_AVAILABLE_IN_ALL
char         *pith_document_to_json            (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
char         *pith_document_to_json_full       (PithDocument  *self,
                                                PithJsonFlags  flags);
PITH_AVAILABLE_IN_ALL
gboolean      pith_document_write_json         (PithDocument   *self,
                                                PithJsonFlags   flags,
                                                GOutputStream  *stream,
                                                GCancellable   *cancellable,
                                                GError        **error);
PITH_AVAILABLE_IN_ALL
JsonNode     *pith_document_to_json_node       (PithDocument  *self,
                                                PithJsonFlags  flags);

PITH_AVAILABLE_IN_ALL
const char   *pith_document_get_raw            (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
const char   *pith_document_get_text           (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
gsize         pith_document_get_length         (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
gsize         pith_document_get_text_size      (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
char         *pith_document_get_substring      (PithDocument  *self,
                                                gsize          start,
                                                gsize          end);

PITH_AVAILABLE_IN_ALL
const char   *pith_document_get_id             (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
void          pith_document_set_id             (PithDocument  *self,
                                                const char    *id);
PITH_AVAILABLE_IN_ALL
const char   *pith_document_get_language       (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
void          pith_document_set_language       (PithDocument  *self,
                                                const char    *language);
PITH_AVAILABLE_IN_ALL
JsonObject   *pith_document_get_metadata       (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
const char   *pith_document_get_metadata_string (PithDocument *self,
                                                 const char   *key);
PITH_AVAILABLE_IN_ALL
void          pith_document_set_metadata_string (PithDocument *self,
                                                 const char   *key,
                                                 const char   *value);
PITH_AVAILABLE_IN_ALL
JsonObject   *pith_document_get_report         (PithDocument  *self,
                                                const char    *name);
PITH_AVAILABLE_IN_ALL
void          pith_document_set_report         (PithDocument  *self,
                                                const char    *name,
                                                JsonObject    *report);
PITH_AVAILABLE_IN_ALL
void          pith_document_set_report_node    (PithDocument  *self,
                                                const char    *name,
                                                JsonNode      *report);
PITH_AVAILABLE_IN_ALL
JsonNode     *pith_document_get_report_node    (PithDocument  *self,
                                                const char    *name);
PITH_AVAILABLE_IN_ALL
char        **pith_document_list_reports       (PithDocument  *self);

PITH_AVAILABLE_IN_ALL
gboolean      pith_document_replace            (PithDocument  *self,
                                                gsize          start,
                                                gsize          end,
                                                const char    *replacement,
                                                GError       **error);
PITH_AVAILABLE_IN_ALL
void          pith_document_apply_edits        (PithDocument  *self,
                                                const PithEdit *edits,
                                                gsize          n_edits);
PITH_AVAILABLE_IN_ALL
gboolean      pith_document_map_to_raw         (PithDocument  *self,
                                                gsize          start,
                                                gsize          end,
                                                gsize         *raw_start,
                                                gsize         *raw_end,
                                                GError       **error);
PITH_AVAILABLE_IN_ALL
void          pith_document_map_to_raw_bytes   (PithDocument  *self,
                                                gsize          start,
                                                gsize          end,
                                                gsize         *raw_start,
                                                gsize         *raw_end);
PITH_AVAILABLE_IN_ALL
gsize         pith_document_char_to_byte       (PithDocument  *self,
                                                gsize          char_offset);
PITH_AVAILABLE_IN_ALL
gsize         pith_document_byte_to_char       (PithDocument  *self,
                                                gsize          byte_offset);
PITH_AVAILABLE_IN_ALL
gsize         pith_document_char_to_utf16      (PithDocument  *self,
                                                gsize          char_offset);
PITH_AVAILABLE_IN_ALL
gsize         pith_document_utf16_to_char      (PithDocument  *self,
                                                gsize          utf16_offset);

PITH_AVAILABLE_IN_ALL
gboolean      pith_document_has_layer          (PithDocument  *self,
                                                const char    *layer);
PITH_AVAILABLE_IN_ALL
char        **pith_document_list_layers        (PithDocument  *self);
PITH_AVAILABLE_IN_ALL
void          pith_document_remove_layer       (PithDocument  *self,
                                                const char    *layer);
PITH_AVAILABLE_IN_ALL
gboolean      pith_document_add_span           (PithDocument  *self,
                                                const char    *layer,
                                                gsize          start,
                                                gsize          end,
                                                const char    *label,
                                                double         score,
                                                GError       **error);
PITH_AVAILABLE_IN_ALL
guint         pith_document_add_span_bytes     (PithDocument  *self,
                                                const char    *layer,
                                                gsize          start,
                                                gsize          end,
                                                GQuark         label,
                                                double         score);
PITH_AVAILABLE_IN_ALL
guint         pith_document_get_n_spans        (PithDocument  *self,
                                                const char    *layer);
PITH_AVAILABLE_IN_ALL
GPtrArray    *pith_document_get_spans_in       (PithDocument  *self,
                                                const char    *layer,
                                                gsize          start,
                                                gsize          end);
PITH_AVAILABLE_IN_ALL
GPtrArray    *pith_document_get_spans_around   (PithDocument  *self,
                                                const char    *layer,
                                                gsize          start,
                                                gsize          end);
PITH_AVAILABLE_IN_ALL
PithSpan     *pith_document_get_span           (PithDocument  *self,
                                                const char    *layer,
                                                guint          index);
PITH_AVAILABLE_IN_ALL
GPtrArray    *pith_document_get_spans          (PithDocument  *self,
                                                const char    *layer);
PITH_AVAILABLE_IN_ALL
gsize         pith_document_get_memory_size    (PithDocument  *self,
                                                gsize         *layers,
                                                gsize         *offset_map);
PITH_AVAILABLE_IN_ALL
const PithLayer *pith_document_peek_layer   (PithDocument  *self,
                                             const char    *layer);
PITH_AVAILABLE_IN_ALL
void          pith_document_set_span_label_bytes (PithDocument *self,
                                                  const char   *layer,
                                                  guint         index,
                                                  GQuark        label);
PITH_AVAILABLE_IN_ALL
void          pith_document_set_span_attribute (PithDocument  *self,
                                                const char    *layer,
                                                guint          index,
                                                const char    *name,
                                                JsonNode      *value);
PITH_AVAILABLE_IN_ALL
JsonNode     *pith_document_get_span_attribute (PithDocument  *self,
                                                const char    *layer,
                                                guint          index,
                                                const char    *name);
PITH_AVAILABLE_IN_ALL
gboolean      pith_document_get_span_integer   (PithDocument  *self,
                                                const char    *layer,
                                                guint          index,
                                                const char    *name,
                                                gint64        *value);

G_END_DECLS
