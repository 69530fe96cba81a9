/* pith-layer-private.h: the column store behind a layer, for the library's
 * own stages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pith-layer.h"

G_BEGIN_DECLS

/* Spans are stored column by column, each column only as wide as the
 * layer needs: a token costs its 32-bit start and a length of one byte
 * (two or four once a longer span arrives), and the label and score
 * columns exist only once a span has a label or a score. */
struct _PithLayer
{
  char *name;
  guint n_spans;
  guint capacity;
  guint32 *starts;
  gpointer lengths;         /* of guint8, guint16 or guint32, as length_size says */
  guint8 length_size;
  guint8 *label_ids;        /* NULL until labelled: indices into label_table */
  GQuark *wide_labels;      /* replaces label_ids once there are too many labels */
  GArray *label_table;      /* of GQuark by id; id 0 is no label */
  float *scores;            /* NULL until a span has a nonzero score; a float holds a probability well */
  GHashTable *attributes;   /* span index -> JsonObject; NULL until used */
  GArray *columns;          /* of PithIntegerColumn; NULL until used */
};

/* An attribute that holds a 32-bit integer on many spans of a layer (the
 * entity layer's "entity" group index) is kept in a column, 4 bytes a
 * span, rather than in a JsonObject of several hundred bytes per span. */
typedef struct
{
  GQuark name;
  gint32 *values;           /* by span index; PITH_LAYER_UNSET_INTEGER where unset */
  guint length;             /* spans up to the last one set */
  guint capacity;
} PithIntegerColumn;

#define PITH_LAYER_UNSET_INTEGER G_MININT32

PithIntegerColumn *pith_layer_find_integer_column (PithLayer         *self,
                                                   GQuark             name,
                                                   gboolean           create);
void               pith_integer_column_set        (PithIntegerColumn *column,
                                                   guint              index,
                                                   gint32             value);

static inline gboolean
pith_integer_column_get (const PithIntegerColumn *column,
                         guint                    index,
                         gint32                  *value)
{
  if (index >= column->length || column->values[index] == PITH_LAYER_UNSET_INTEGER)
    return FALSE;
  *value = column->values[index];
  return TRUE;
}

PithLayer *pith_layer_new        (const char *name);
void       pith_layer_free       (PithLayer  *self);
void       pith_layer_reserve    (PithLayer  *self,
                                  guint       n_spans);
void       pith_layer_trim       (PithLayer  *self);
guint      pith_layer_append     (PithLayer  *self,
                                  guint32     start,
                                  guint32     end,
                                  GQuark      label,
                                  double      score);
void       pith_layer_set_bounds (PithLayer  *self,
                                  guint       index,
                                  guint32     start,
                                  guint32     end);
void       pith_layer_set_label  (PithLayer  *self,
                                  guint       index,
                                  GQuark      label);

static inline guint32
pith_layer_start (const PithLayer *self,
                  guint            index)
{
  return self->starts[index];
}

static inline guint32
pith_layer_length (const PithLayer *self,
                   guint            index)
{
  switch (self->length_size)
    {
    case 1:
      return ((const guint8 *) self->lengths)[index];
    case 2:
      return ((const guint16 *) self->lengths)[index];
    default:
      return ((const guint32 *) self->lengths)[index];
    }
}

static inline guint32
pith_layer_end (const PithLayer *self,
                guint            index)
{
  return self->starts[index] + pith_layer_length (self, index);
}

/* pith_layer_append() of a span without label or score, inlined for the
 * tokenizer: one store of the start and one of the length while there is
 * room and the length fits the column. */
static inline guint
pith_layer_append_plain (PithLayer *self,
                         guint32    start,
                         guint32    end)
{
  guint index = self->n_spans;
  guint32 length = end - start;

  if (G_LIKELY (index < self->capacity && self->length_size == 1 && length <= G_MAXUINT8 &&
                self->label_ids == NULL && self->wide_labels == NULL && self->scores == NULL))
    {
      self->starts[index] = start;
      ((guint8 *) self->lengths)[index] = (guint8) length;
      self->n_spans++;
      return index;
    }
  return pith_layer_append (self, start, end, 0, 0.0);
}

static inline GQuark
pith_layer_label (const PithLayer *self,
                  guint            index)
{
  if (self->wide_labels != NULL)
    return self->wide_labels[index];
  if (self->label_ids == NULL)
    return 0;
  return g_array_index (self->label_table, GQuark, self->label_ids[index]);
}

static inline double
pith_layer_score (const PithLayer *self,
                  guint            index)
{
  return self->scores != NULL ? self->scores[index] : 0.0;
}

G_END_DECLS
