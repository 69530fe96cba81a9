/* pith-offset-map.c: where each part of the current text came from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-error.h"
#include "pith-offset-map-private.h"

struct _PithOffsetMap
{
  GArray *pieces;        /* of PithOffsetPiece, tiling text and raw */
  gsize text_length;
  gsize raw_length;
};

PithOffsetMap *
pith_offset_map_new (gsize length)
{
  PithOffsetMap *self = g_new0 (PithOffsetMap, 1);

  self->pieces = g_array_new (FALSE, FALSE, sizeof (PithOffsetPiece));
  self->text_length = length;
  self->raw_length = length;
  if (length > 0)
    {
      PithOffsetPiece whole = { 0, length, 0, length, TRUE };
      g_array_append_val (self->pieces, whole);
    }

  return self;
}

PithOffsetMap *
pith_offset_map_new_from_pieces (const PithOffsetPiece  *pieces,
                                 gsize                   n_pieces,
                                 gsize                   text_length,
                                 gsize                   raw_length,
                                 GError                **error)
{
  g_autoptr(PithOffsetMap) self = pith_offset_map_new (0);
  gsize text_pos = 0;
  gsize raw_pos = 0;

  for (gsize i = 0; i < n_pieces; i++)
    {
      const PithOffsetPiece *piece = &pieces[i];

      if (piece->text_start != text_pos || piece->raw_start != raw_pos ||
          (piece->identity && piece->text_len != piece->raw_len) ||
          piece->text_len > text_length - text_pos ||
          piece->raw_len > raw_length - raw_pos)
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                       "Offset map piece %" G_GSIZE_FORMAT " does not continue "
                       "the pieces before it within the text and raw input", i);
          return NULL;
        }
      text_pos += piece->text_len;
      raw_pos += piece->raw_len;
    }

  if (text_pos != text_length || raw_pos != raw_length)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "Offset map covers %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                   " text and %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " raw positions",
                   text_pos, text_length, raw_pos, raw_length);
      return NULL;
    }

  g_array_append_vals (self->pieces, pieces, n_pieces);
  self->text_length = text_length;
  self->raw_length = raw_length;

  return g_steal_pointer (&self);
}

void
pith_offset_map_free (PithOffsetMap *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->pieces);
  g_free (self);
}

gboolean
pith_offset_map_is_identity (const PithOffsetMap *self)
{
  return self->text_length == self->raw_length &&
         (self->pieces->len == 0 ||
          (self->pieces->len == 1 &&
           g_array_index (self->pieces, PithOffsetPiece, 0).identity));
}

gsize
pith_offset_map_get_memory_size (const PithOffsetMap *self)
{
  return sizeof *self + self->pieces->len * sizeof (PithOffsetPiece);
}

const PithOffsetPiece *
pith_offset_map_get_pieces (const PithOffsetMap *self,
                            gsize               *n_pieces)
{
  *n_pieces = self->pieces->len;
  return (const PithOffsetPiece *) (gpointer) self->pieces->data;
}

/* The piece holding the character at @text_offset: the last piece with
 * text_len > 0 starting at or before it. Pieces of zero text length (pure
 * deletions) never hold a character. */
static const PithOffsetPiece *
find_piece (const PithOffsetMap *self,
            gsize                text_offset)
{
  const PithOffsetPiece *pieces = (const PithOffsetPiece *) (gpointer) self->pieces->data;
  gsize lo = 0;
  gsize hi = self->pieces->len;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (pieces[mid].text_start + pieces[mid].text_len <= text_offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* lo is the first piece ending after the offset; skip deletions there. */
  while (lo < self->pieces->len && pieces[lo].text_len == 0)
    lo++;

  return lo < self->pieces->len ? &pieces[lo] : NULL;
}

gsize
pith_offset_map_map_start (const PithOffsetMap *self,
                           gsize                text_offset)
{
  const PithOffsetPiece *piece;

  if (text_offset >= self->text_length)
    return self->raw_length;

  piece = find_piece (self, text_offset);
  g_assert (piece != NULL);
  if (piece->identity)
    return piece->raw_start + (text_offset - piece->text_start);

  return piece->raw_start;
}

gsize
pith_offset_map_map_end (const PithOffsetMap *self,
                         gsize                text_offset)
{
  const PithOffsetPiece *piece;

  if (text_offset == 0)
    return pith_offset_map_map_start (self, 0);
  if (text_offset > self->text_length)
    text_offset = self->text_length;

  piece = find_piece (self, text_offset - 1);
  g_assert (piece != NULL);
  if (piece->identity)
    return piece->raw_start + (text_offset - piece->text_start);

  return piece->raw_start + piece->raw_len;
}

static void
append_piece (GArray                *pieces,
              const PithOffsetPiece *piece)
{
  if (piece->text_len == 0 && piece->raw_len == 0)
    return;

  if (pieces->len > 0)
    {
      PithOffsetPiece *last = &g_array_index (pieces, PithOffsetPiece, pieces->len - 1);

      /* Neighbouring verbatim copies are one copy. */
      if (last->identity && piece->identity &&
          last->raw_start + last->raw_len == piece->raw_start)
        {
          last->text_len += piece->text_len;
          last->raw_len += piece->raw_len;
          return;
        }
    }

  g_array_append_vals (pieces, piece, 1);
}

/* Appends the part [from, to) of an old identity @piece, shifted by @delta. */
static void
append_identity_slice (GArray                *pieces,
                       const PithOffsetPiece *piece,
                       gsize                  from,
                       gsize                  to,
                       gssize                 delta)
{
  PithOffsetPiece slice = {
    .text_start = from + delta,
    .text_len = to - from,
    .raw_start = piece->raw_start + (from - piece->text_start),
    .raw_len = to - from,
    .identity = TRUE,
  };

  append_piece (pieces, &slice);
}

/* Appends old piece @piece from old position @from on, shifted by @delta. */
static void
append_rest_of_piece (GArray                *pieces,
                      const PithOffsetPiece *piece,
                      gsize                  from,
                      gssize                 delta)
{
  if (piece->identity)
    append_identity_slice (pieces, piece, MAX (from, piece->text_start),
                           piece->text_start + piece->text_len, delta);
  else
    {
      PithOffsetPiece moved = *piece;
      moved.text_start += delta;
      append_piece (pieces, &moved);
    }
}

/* Rebuilds the pieces for a batch of sorted, non-overlapping edits in one
 * pass over the old pieces and the edits: linear in both. An edit that
 * starts or ends inside a replaced (non-identity) piece swallows the whole
 * piece, since a replaced piece cannot be split: its text has no
 * position-by-position relation to its raw span. Deletions (pieces of no
 * text) at an edit's start are swallowed too, so the edit's raw span
 * covers what they deleted. */
void
pith_offset_map_apply_edits (PithOffsetMap  *self,
                             const PithEdit *edits,
                             const gsize    *replacement_lengths,
                             gsize           n_edits,
                             gsize           old_text_length)
{
  const PithOffsetPiece *old = (const PithOffsetPiece *) (gpointer) self->pieces->data;
  gsize n_old = self->pieces->len;
  GArray *pieces = g_array_sized_new (FALSE, FALSE, sizeof (PithOffsetPiece),
                                      n_old + 2 * n_edits + 1);
  gsize pi = 0;          /* current old piece */
  gsize pos = 0;         /* old text consumed so far */
  gssize delta = 0;      /* new position minus old position */

  for (gsize e = 0; e < n_edits; e++)
    {
      gsize start = edits[e].start;
      gsize end = edits[e].end;
      gsize new_len = replacement_lengths[e];
      gsize span_start = start;   /* old text the new piece stands for */
      gsize span_end = end;
      gsize new_text_start;
      gsize raw_lo;
      gsize raw_hi;
      gssize delta_after;
      PithOffsetPiece replaced;

      if (start == end && new_len == 0)
        continue;

      if (start < pos)
        {
          /* The previous edit swallowed the replaced piece this edit starts
           * in: both edits become one piece. */
          replaced = g_array_index (pieces, PithOffsetPiece, pieces->len - 1);
          g_array_set_size (pieces, pieces->len - 1);
          new_text_start = replaced.text_start;
          raw_lo = replaced.raw_start;
        }
      else
        {
          /* Copy the pieces before the edit. */
          while (pi < n_old && old[pi].text_start + old[pi].text_len <= start &&
                 !(old[pi].text_len == 0 && old[pi].text_start == start))
            append_rest_of_piece (pieces, &old[pi++], pos, delta);

          /* The piece holding the start, if the edit starts inside one. */
          if (pi < n_old && old[pi].text_start < start)
            {
              if (old[pi].identity)
                {
                  append_identity_slice (pieces, &old[pi], MAX (pos, old[pi].text_start),
                                         start, delta);
                  raw_lo = old[pi].raw_start + (start - old[pi].text_start);
                }
              else
                {
                  span_start = old[pi].text_start;
                  raw_lo = old[pi].raw_start;
                }
            }
          else
            raw_lo = pi < n_old ? old[pi].raw_start : self->raw_length;
          new_text_start = span_start + delta;
        }

      /* Swallow the pieces that end within the edit. */
      while (pi < n_old && old[pi].text_start + old[pi].text_len <= end)
        pi++;

      /* The piece holding the end, if the edit ends inside one. */
      if (pi < n_old && old[pi].text_start < end)
        {
          if (old[pi].identity)
            raw_hi = old[pi].raw_start + (end - old[pi].text_start);
          else
            {
              span_end = old[pi].text_start + old[pi].text_len;
              raw_hi = old[pi].raw_start + old[pi].raw_len;
              pi++;
            }
        }
      else
        raw_hi = pi < n_old ? old[pi].raw_start : self->raw_length;
      span_end = MAX (span_end, pos);

      delta_after = delta + (gssize) new_len - (gssize) (end - start);
      replaced = (PithOffsetPiece) {
        .text_start = new_text_start,
        .text_len = span_end + delta_after - new_text_start,
        .raw_start = raw_lo,
        .raw_len = raw_hi - raw_lo,
        .identity = FALSE,
      };
      append_piece (pieces, &replaced);

      pos = span_end;
      delta = delta_after;
    }

  for (; pi < n_old; pi++)
    append_rest_of_piece (pieces, &old[pi], pos, delta);

  g_array_unref (self->pieces);
  self->pieces = pieces;
  self->text_length = old_text_length + delta;
}
