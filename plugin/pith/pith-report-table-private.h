/* pith-report-table-private.h: a report of rows of named values, kept
 * without json-glib until its JSON tree is asked for
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  PITH_REPORT_STRING,
  PITH_REPORT_INT,
  PITH_REPORT_DOUBLE,
} PithReportType;

/* A column's member name and type; tables borrow a static array of them. */
typedef struct
{
  const char *name;
  PithReportType type;
} PithReportColumn;

/* An array of objects, each with the same members in the same order, such
 * as the entity groups: a stage fills the rows, and the document turns
 * them into a JSON tree only for a caller that asks for one (the JSON
 * writer reads the rows). A tree of 30 objects of three members costs
 * some 400 allocations; the table, four. */
typedef struct _PithReportTable PithReportTable;

PithReportTable *pith_report_table_new         (const PithReportColumn *columns,
                                                guint                   n_columns);
void             pith_report_table_free        (PithReportTable        *self);
/* Appends a row whose values are empty strings and zeros; returns its index. */
guint            pith_report_table_add_row     (PithReportTable        *self);
void             pith_report_table_set_string  (PithReportTable        *self,
                                                guint                   row,
                                                guint                   column,
                                                const char             *value);
void             pith_report_table_set_int     (PithReportTable        *self,
                                                guint                   row,
                                                guint                   column,
                                                gint64                  value);
void             pith_report_table_set_double  (PithReportTable        *self,
                                                guint                   row,
                                                guint                   column,
                                                double                  value);
guint            pith_report_table_get_n_rows  (const PithReportTable  *self);
guint            pith_report_table_get_n_columns (const PithReportTable *self);
const PithReportColumn *pith_report_table_get_column (const PithReportTable *self,
                                                      guint                  column);
/* The column named @name, or -1. */
int              pith_report_table_find_column (const PithReportTable  *self,
                                                const char             *name);
/* The string is the table's, valid until the next string is set. */
const char      *pith_report_table_get_string  (const PithReportTable  *self,
                                                guint                   row,
                                                guint                   column);
gint64           pith_report_table_get_int     (const PithReportTable  *self,
                                                guint                   row,
                                                guint                   column);
double           pith_report_table_get_double  (const PithReportTable  *self,
                                                guint                   row,
                                                guint                   column);
/* The rows as json-glib would hold them: an array of objects. */
JsonNode        *pith_report_table_to_json_node (const PithReportTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithReportTable, pith_report_table_free)

G_END_DECLS
