/* pith-layer.c: a layer's spans, stored column by column
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-layer-private.h"

/* Past this many labels in one layer, ids no longer fit a byte. */
#define MAX_SMALL_LABELS 256

/**
 * PithLayer:
 *
 * A named list of spans of a document, as the document stores it:
 * byte offsets into the current text, a label and a score per span.
 *
 * C code that walks many spans reads a layer in place, got from
 * [method@Pith.Document.peek_layer], through these accessors; nothing is
 * copied. The layer stays valid until the document's layers or text
 * change. Bindings use [method@Pith.Document.get_spans] instead.
 *
 * A layer stores its spans compactly: a token costs about five bytes.
 */

PithLayer *
pith_layer_new (const char *name)
{
  PithLayer *self = g_new0 (PithLayer, 1);

  self->name = g_strdup (name);
  self->length_size = 1;
  return self;
}

void
pith_layer_free (PithLayer *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->starts);
  g_free (self->lengths);
  g_free (self->label_ids);
  g_free (self->wide_labels);
  g_clear_pointer (&self->label_table, g_array_unref);
  g_free (self->scores);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  if (self->columns != NULL)
    for (guint c = 0; c < self->columns->len; c++)
      g_free (g_array_index (self->columns, PithIntegerColumn, c).values);
  g_clear_pointer (&self->columns, g_array_unref);
  g_free (self);
}

static void
resize (PithLayer *self,
        guint      capacity)
{
  self->capacity = capacity;
  self->starts = g_renew (guint32, self->starts, capacity);
  self->lengths = g_realloc_n (self->lengths, capacity, self->length_size);
  if (self->label_ids != NULL)
    self->label_ids = g_renew (guint8, self->label_ids, capacity);
  if (self->wide_labels != NULL)
    self->wide_labels = g_renew (GQuark, self->wide_labels, capacity);
  if (self->scores != NULL)
    self->scores = g_renew (float, self->scores, capacity);
}

/* Makes room for @n_spans spans in all, so a stage that knows how many it
 * will add allocates once. */
void
pith_layer_reserve (PithLayer *self,
                    guint      n_spans)
{
  if (n_spans > self->capacity)
    resize (self, n_spans);
}

static void
trim_integer_columns (PithLayer *self)
{
  for (guint c = 0; self->columns != NULL && c < self->columns->len; c++)
    {
      PithIntegerColumn *column = &g_array_index (self->columns, PithIntegerColumn, c);

      if (column->capacity > column->length)
        {
          column->capacity = column->length;
          column->values = g_renew (gint32, column->values, MAX (column->capacity, 1));
        }
    }
}

/* Gives back the room reserved past the last span. glibc moves large
 * blocks by remapping, so this costs no copy. */
void
pith_layer_trim (PithLayer *self)
{
  trim_integer_columns (self);
  if (self->capacity == self->n_spans)
    return;
  if (self->n_spans == 0)
    {
      g_clear_pointer (&self->starts, g_free);
      g_clear_pointer (&self->lengths, g_free);
      g_clear_pointer (&self->label_ids, g_free);
      g_clear_pointer (&self->wide_labels, g_free);
      g_clear_pointer (&self->scores, g_free);
      self->capacity = 0;
      return;
    }
  resize (self, self->n_spans);
}


/* Growing by half rather than doubling keeps the slack at a third of the
 * layer at worst. */
static void
grow (PithLayer *self)
{
  guint64 capacity = (guint64) self->capacity + self->capacity / 2;

  capacity = MAX (capacity, 16);
  capacity = MIN (capacity, G_MAXUINT);
  g_assert (capacity > self->capacity);
  resize (self, (guint) capacity);
}

static guint8
size_for_length (guint32 length)
{
  return length <= G_MAXUINT8 ? 1 : length <= G_MAXUINT16 ? 2 : 4;
}

/* Widens the length column to @size bytes, once per step of width. */
static void
widen_lengths (PithLayer *self,
               guint8     size)
{
  gpointer wider = g_malloc_n (MAX (self->capacity, 1), size);

  for (guint i = 0; i < self->n_spans; i++)
    {
      guint32 length = pith_layer_length (self, i);

      if (size == 2)
        ((guint16 *) wider)[i] = (guint16) length;
      else
        ((guint32 *) wider)[i] = length;
    }
  g_free (self->lengths);
  self->lengths = wider;
  self->length_size = size;
}

static void
store_length (PithLayer *self,
              guint      index,
              guint32    length)
{
  guint8 size = size_for_length (length);

  if (size > self->length_size)
    widen_lengths (self, size);
  switch (self->length_size)
    {
    case 1:
      ((guint8 *) self->lengths)[index] = (guint8) length;
      break;
    case 2:
      ((guint16 *) self->lengths)[index] = (guint16) length;
      break;
    default:
      ((guint32 *) self->lengths)[index] = length;
      break;
    }
}

static guint
label_id (PithLayer *self,
          GQuark     label)
{
  for (guint id = 0; id < self->label_table->len; id++)
    if (g_array_index (self->label_table, GQuark, id) == label)
      return id;
  g_array_append_val (self->label_table, label);
  return self->label_table->len - 1;
}

static void
store_label (PithLayer *self,
             guint      index,
             GQuark     label)
{
  guint id;

  if (self->wide_labels != NULL)
    {
      self->wide_labels[index] = label;
      return;
    }
  if (self->label_ids == NULL)
    {
      const GQuark none = 0;

      if (label == 0)
        return;
      self->label_ids = g_new0 (guint8, MAX (self->capacity, 1));
      self->label_table = g_array_new (FALSE, FALSE, sizeof (GQuark));
      g_array_append_val (self->label_table, none);
    }

  id = label_id (self, label);
  if (id < MAX_SMALL_LABELS)
    {
      self->label_ids[index] = (guint8) id;
      return;
    }

  /* A layer of many labels (a user stage's, say) stores quarks instead. */
  self->wide_labels = g_new0 (GQuark, MAX (self->capacity, 1));
  for (guint i = 0; i < self->n_spans; i++)
    self->wide_labels[i] = g_array_index (self->label_table, GQuark, self->label_ids[i]);
  g_clear_pointer (&self->label_ids, g_free);
  g_clear_pointer (&self->label_table, g_array_unref);
  self->wide_labels[index] = label;
}

static void
store_score (PithLayer *self,
             guint      index,
             double     score)
{
  if (self->scores == NULL)
    {
      if (score == 0.0)
        return;
      self->scores = g_new0 (float, MAX (self->capacity, 1));
    }
  self->scores[index] = (float) score;
}

/* Appends a span; @start ≤ @end, in bytes. Returns its index. */
guint
pith_layer_append (PithLayer *self,
                   guint32    start,
                   guint32    end,
                   GQuark     label,
                   double     score)
{
  guint index = self->n_spans;

  g_assert (start <= end);
  if (index == self->capacity)
    grow (self);

  self->starts[index] = start;
  store_length (self, index, end - start);
  if (self->label_ids != NULL)
    self->label_ids[index] = 0;
  if (self->wide_labels != NULL)
    self->wide_labels[index] = 0;
  if (self->scores != NULL)
    self->scores[index] = 0.0f;
  self->n_spans++;
  store_label (self, index, label);
  store_score (self, index, score);
  return index;
}

void
pith_layer_set_bounds (PithLayer *self,
                       guint      index,
                       guint32    start,
                       guint32    end)
{
  g_assert (index < self->n_spans && start <= end);
  self->starts[index] = start;
  store_length (self, index, end - start);
}

void
pith_layer_set_label (PithLayer *self,
                      guint      index,
                      GQuark     label)
{
  g_assert (index < self->n_spans);
  store_label (self, index, label);
}

PithIntegerColumn *
pith_layer_find_integer_column (PithLayer *self,
                                GQuark     name,
                                gboolean   create)
{
  PithIntegerColumn column = { name, NULL, 0, 0 };

  for (guint c = 0; self->columns != NULL && c < self->columns->len; c++)
    if (g_array_index (self->columns, PithIntegerColumn, c).name == name)
      return &g_array_index (self->columns, PithIntegerColumn, c);
  if (!create)
    return NULL;

  if (self->columns == NULL)
    self->columns = g_array_new (FALSE, FALSE, sizeof (PithIntegerColumn));
  g_array_append_val (self->columns, column);
  return &g_array_index (self->columns, PithIntegerColumn, self->columns->len - 1);
}

void
pith_integer_column_set (PithIntegerColumn *column,
                         guint              index,
                         gint32             value)
{
  if (index >= column->length && value == PITH_LAYER_UNSET_INTEGER)
    return;
  if (index >= column->capacity)
    {
      /* By half again, like the layer, not by doubling. */
      guint64 capacity = MAX ((guint64) index + 1, (guint64) column->capacity + column->capacity / 2);

      column->capacity = (guint) MIN (MAX (capacity, 16), G_MAXUINT);
      column->values = g_renew (gint32, column->values, column->capacity);
    }
  for (guint i = column->length; i < index; i++)
    column->values[i] = PITH_LAYER_UNSET_INTEGER;
  column->length = MAX (column->length, index + 1);
  column->values[index] = value;
}

/**
 * pith_layer_get_name: (skip)
 * @self: a layer
 *
 * Gets the layer's name, such as `token`.
 *
 * Returns: (transfer none): the name
 */
const char *
pith_layer_get_name (const PithLayer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * pith_layer_get_n_spans: (skip)
 * @self: (nullable): a layer
 *
 * Counts the layer's spans. A missing layer, as
 * [method@Pith.Document.peek_layer] gives %NULL for, has none.
 *
 * Returns: the number of spans
 */
guint
pith_layer_get_n_spans (const PithLayer *self)
{
  return self != NULL ? self->n_spans : 0;
}

/**
 * pith_layer_get_start: (skip)
 * @self: a layer
 * @index: the index of a span
 *
 * Gets where a span starts.
 *
 * Returns: the start in bytes of the document's current text
 */
guint32
pith_layer_get_start (const PithLayer *self,
                      guint            index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n_spans, 0);

  return pith_layer_start (self, index);
}

/**
 * pith_layer_get_end: (skip)
 * @self: a layer
 * @index: the index of a span
 *
 * Gets where a span ends.
 *
 * Returns: the end in bytes (exclusive) of the document's current text
 */
guint32
pith_layer_get_end (const PithLayer *self,
                    guint            index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n_spans, 0);

  return pith_layer_end (self, index);
}

/**
 * pith_layer_get_label: (skip)
 * @self: a layer
 * @index: the index of a span
 *
 * Gets a span's label.
 *
 * Returns: the label as a quark, or 0 for none
 */
GQuark
pith_layer_get_label (const PithLayer *self,
                      guint            index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n_spans, 0);

  return pith_layer_label (self, index);
}

/**
 * pith_layer_get_score: (skip)
 * @self: a layer
 * @index: the index of a span
 *
 * Gets a span's score.
 *
 * Returns: the score; 0 when the stage gave none
 */
double
pith_layer_get_score (const PithLayer *self,
                      guint            index)
{
  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (index < self->n_spans, 0.0);

  return pith_layer_score (self, index);
}

/**
 * pith_layer_has_scores: (skip)
 * @self: a layer
 *
 * Checks whether any span of the layer was given a nonzero score. A layer
 * without scores stores none.
 *
 * Returns: %TRUE if the layer keeps scores
 */
gboolean
pith_layer_has_scores (const PithLayer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->scores != NULL;
}

/**
 * pith_layer_get_memory_size: (skip)
 * @self: a layer
 *
 * Measures the memory the layer's spans take, their offsets, labels,
 * scores and integer attributes, for benchmarks and for callers that
 * budget memory. Attributes stored as JSON are not counted.
 *
 * Returns: the size in bytes
 */
gsize
pith_layer_get_memory_size (const PithLayer *self)
{
  gsize per_span;
  gsize size;

  g_return_val_if_fail (self != NULL, 0);

  per_span = sizeof (guint32) + self->length_size +
             (self->label_ids != NULL ? sizeof (guint8) : 0) +
             (self->wide_labels != NULL ? sizeof (GQuark) : 0) +
             (self->scores != NULL ? sizeof (float) : 0);
  size = sizeof (PithLayer) + (gsize) self->capacity * per_span;
  if (self->label_table != NULL)
    size += self->label_table->len * sizeof (GQuark);
  for (guint c = 0; self->columns != NULL && c < self->columns->len; c++)
    size += g_array_index (self->columns, PithIntegerColumn, c).capacity * sizeof (gint32);
  return size;
}
