/* pith-report-table.c: a report of rows of named values
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-report-table-private.h"

#include <string.h>

typedef union
{
  gsize string;             /* where in strings */
  gint64 integer;
  double number;
} Value;

struct _PithReportTable
{
  const PithReportColumn *columns;
  guint n_columns;
  GArray *values;           /* of Value, n_columns a row */
  /* Every string, nul-terminated, one after the other; the first is "". */
  GString *strings;
};

PithReportTable *
pith_report_table_new (const PithReportColumn *columns,
                       guint                   n_columns)
{
  PithReportTable *self;

  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  self = g_new0 (PithReportTable, 1);
  self->columns = columns;
  self->n_columns = n_columns;
  self->values = g_array_new (FALSE, TRUE, sizeof (Value));
  self->strings = g_string_sized_new (256);
  g_string_append_c (self->strings, '\0');
  return self;
}

void
pith_report_table_free (PithReportTable *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->values);
  g_string_free (self->strings, TRUE);
  g_free (self);
}

guint
pith_report_table_add_row (PithReportTable *self)
{
  guint row = pith_report_table_get_n_rows (self);

  g_array_set_size (self->values, self->values->len + self->n_columns);
  return row;
}

static Value *
value_at (const PithReportTable *self,
          guint                  row,
          guint                  column,
          PithReportType         type)
{
  g_return_val_if_fail (row < pith_report_table_get_n_rows (self), NULL);
  g_return_val_if_fail (column < self->n_columns && self->columns[column].type == type, NULL);

  return &g_array_index (self->values, Value, (gsize) row * self->n_columns + column);
}

void
pith_report_table_set_string (PithReportTable *self,
                              guint            row,
                              guint            column,
                              const char      *value)
{
  Value *slot = value_at (self, row, column, PITH_REPORT_STRING);

  g_return_if_fail (slot != NULL && value != NULL);

  slot->string = self->strings->len;
  g_string_append_len (self->strings, value, (gssize) strlen (value) + 1);
}

void
pith_report_table_set_int (PithReportTable *self,
                           guint            row,
                           guint            column,
                           gint64           value)
{
  Value *slot = value_at (self, row, column, PITH_REPORT_INT);

  g_return_if_fail (slot != NULL);
  slot->integer = value;
}

void
pith_report_table_set_double (PithReportTable *self,
                              guint            row,
                              guint            column,
                              double           value)
{
  Value *slot = value_at (self, row, column, PITH_REPORT_DOUBLE);

  g_return_if_fail (slot != NULL);
  slot->number = value;
}

guint
pith_report_table_get_n_rows (const PithReportTable *self)
{
  return self->values->len / self->n_columns;
}

guint
pith_report_table_get_n_columns (const PithReportTable *self)
{
  return self->n_columns;
}

const PithReportColumn *
pith_report_table_get_column (const PithReportTable *self,
                              guint                  column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  return &self->columns[column];
}

int
pith_report_table_find_column (const PithReportTable *self,
                               const char            *name)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (strcmp (self->columns[c].name, name) == 0)
      return (int) c;
  return -1;
}

const char *
pith_report_table_get_string (const PithReportTable *self,
                              guint                  row,
                              guint                  column)
{
  const Value *slot = value_at (self, row, column, PITH_REPORT_STRING);

  return slot != NULL ? self->strings->str + slot->string : NULL;
}

gint64
pith_report_table_get_int (const PithReportTable *self,
                           guint                  row,
                           guint                  column)
{
  const Value *slot = value_at (self, row, column, PITH_REPORT_INT);

  return slot != NULL ? slot->integer : 0;
}

double
pith_report_table_get_double (const PithReportTable *self,
                              guint                  row,
                              guint                  column)
{
  const Value *slot = value_at (self, row, column, PITH_REPORT_DOUBLE);

  return slot != NULL ? slot->number : 0.0;
}

JsonNode *
pith_report_table_to_json_node (const PithReportTable *self)
{
  JsonArray *array = json_array_sized_new (pith_report_table_get_n_rows (self));
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint row = 0; row < pith_report_table_get_n_rows (self); row++)
    {
      JsonObject *object = json_object_new ();

      for (guint c = 0; c < self->n_columns; c++)
        switch (self->columns[c].type)
          {
          case PITH_REPORT_STRING:
            json_object_set_string_member (object, self->columns[c].name, pith_report_table_get_string (self, row, c));
            break;
          case PITH_REPORT_INT:
            json_object_set_int_member (object, self->columns[c].name, pith_report_table_get_int (self, row, c));
            break;
          case PITH_REPORT_DOUBLE:
          default:
            json_object_set_double_member (object, self->columns[c].name, pith_report_table_get_double (self, row, c));
            break;
          }
      json_array_add_object_element (array, object);
    }
  json_node_take_array (node, array);
  return node;
}
