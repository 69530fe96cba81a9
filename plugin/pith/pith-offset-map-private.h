/* pith-offset-map-private.h: where each part of the current text came from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-document.h"

G_BEGIN_DECLS

/* A piece covers text [text_start, text_start + text_len) and raw
 * [raw_start, raw_start + raw_len). Pieces tile both strings in order. An
 * identity piece is a verbatim copy of raw (equal lengths, so positions
 * inside it map one to one); any other piece is text that replaced its raw
 * span as a whole, and positions inside it map to the span's ends.
 * Documents are under 4 GiB, so a piece takes 20 bytes. */
typedef struct
{
  guint32 text_start;
  guint32 text_len;
  guint32 raw_start;
  guint32 raw_len;
  gboolean identity;
} PithOffsetPiece;

typedef struct _PithOffsetMap PithOffsetMap;

PithOffsetMap *pith_offset_map_new          (gsize                  length);
PithOffsetMap *pith_offset_map_new_from_pieces (const PithOffsetPiece *pieces,
                                             gsize                  n_pieces,
                                             gsize                  text_length,
                                             gsize                  raw_length,
                                             GError               **error);
void           pith_offset_map_free         (PithOffsetMap         *self);
gsize          pith_offset_map_map_start    (const PithOffsetMap   *self,
                                             gsize                  text_offset);
gsize          pith_offset_map_map_end      (const PithOffsetMap   *self,
                                             gsize                  text_offset);
gboolean       pith_offset_map_is_identity  (const PithOffsetMap   *self);
gsize          pith_offset_map_get_memory_size (const PithOffsetMap *self);
const PithOffsetPiece *pith_offset_map_get_pieces (const PithOffsetMap *self,
                                                   gsize               *n_pieces);
void           pith_offset_map_apply_edits  (PithOffsetMap         *self,
                                             const PithEdit        *edits,
                                             const gsize           *replacement_lengths,
                                             gsize                  n_edits,
                                             gsize                  old_text_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithOffsetMap, pith_offset_map_free)

G_END_DECLS
