/* pith-document-private.h: internals shared by the document's own files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-document.h"
#include "pith-layer-private.h"
#include "pith-offset-map-private.h"
#include "pith-report-table-private.h"

G_BEGIN_DECLS

PithDocument        *pith_document_new_take_raw     (char          *raw,
                                                     gsize          raw_length);
void                 pith_document_set_text_and_map (PithDocument  *self,
                                                     char          *text,
                                                     gsize          text_length,
                                                     PithOffsetMap *map);
const PithOffsetMap *pith_document_get_offset_map   (PithDocument  *self);
gsize                pith_document_get_raw_size     (PithDocument  *self);
gsize                pith_document_raw_byte_to_char (PithDocument  *self,
                                                     gsize          byte_offset);
gsize                pith_document_raw_char_to_byte (PithDocument  *self,
                                                     gsize          char_offset);
gsize                pith_document_get_raw_length   (PithDocument  *self);
JsonObject          *pith_document_peek_span_attributes (PithDocument *self,
                                                         const char   *layer,
                                                         guint         index);
/* A copy of @node that shares nothing with it. */
JsonNode            *pith_json_node_deep_copy (JsonNode *node);
/* Adds the attributes of span @index to @object (a copy), all but the
 * members named in @skipped, without changing how the document stores them. */
void                 pith_document_copy_span_attributes (PithDocument       *self,
                                                         const char         *layer,
                                                         guint               index,
                                                         JsonObject         *object,
                                                         const char * const *skipped);
/* The reports, every one as JSON (reports kept as tables are turned into
 * their trees first). */
JsonObject          *pith_document_get_reports      (PithDocument  *self);
/* The reports as they are: a report kept as a table is a null member,
 * whose rows pith_document_peek_report_table() gives. */
JsonObject          *pith_document_peek_reports     (PithDocument  *self);
const PithReportTable *pith_document_peek_report_table (PithDocument *self,
                                                        const char   *name);
/* Makes @table report @name, in place of any; its JSON tree is built only
 * when a caller asks for the report. Takes ownership. */
void                 pith_document_take_report_table (PithDocument    *self,
                                                      const char      *name,
                                                      PithReportTable *table);
/* Whether report @name is an array (of objects, kept as a table or as
 * JSON), and its length. */
gboolean             pith_document_get_report_n_rows (PithDocument *self,
                                                      const char   *name,
                                                      guint        *n_rows);
/* Member @member of row @row of such a report: %NULL or 0 when the row has
 * no such member of that type. */
const char          *pith_document_get_report_row_string (PithDocument *self,
                                                          const char   *name,
                                                          guint         row,
                                                          const char   *member);
gint64               pith_document_get_report_row_int (PithDocument *self,
                                                       const char   *name,
                                                       guint         row,
                                                       const char   *member);
/* Makes @layer (its spans in order, on character boundaries of the text)
 * the document's layer of its name, replacing any; takes ownership. */
void                 pith_document_take_layer       (PithDocument  *self,
                                                     PithLayer     *layer);
/* Gives back the room each layer reserved for spans it did not get. */
void                 pith_document_trim_layers      (PithDocument  *self);

typedef void (*PithSpanIntegerFunc) (const char *name,
                                     gint32      value,
                                     gpointer    user_data);
/* Calls @func for each integer attribute of span @index, as
 * pith_document_copy_span_attributes() would add them; FALSE, calling
 * nothing, if the span has other attributes too. */
gboolean             pith_document_foreach_span_integer (PithDocument        *self,
                                                         const char          *layer,
                                                         guint                index,
                                                         PithSpanIntegerFunc  func,
                                                         gpointer             user_data);

G_END_DECLS
