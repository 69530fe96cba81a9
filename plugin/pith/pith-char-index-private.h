/* pith-char-index-private.h: code-point offsets of a UTF-8 string
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PithCharIndex PithCharIndex;

PithCharIndex *pith_char_index_new          (const char          *text,
                                             gsize                length);
void           pith_char_index_free         (PithCharIndex       *self);
gsize          pith_char_index_get_n_chars  (const PithCharIndex *self);
gsize          pith_char_index_char_to_byte (const PithCharIndex *self,
                                             gsize                char_offset);
gsize          pith_char_index_byte_to_char (const PithCharIndex *self,
                                             gsize                byte_offset);
gsize          pith_char_index_char_to_utf16 (const PithCharIndex *self,
                                              gsize                char_offset);
gsize          pith_char_index_utf16_to_char (const PithCharIndex *self,
                                              gsize                utf16_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithCharIndex, pith_char_index_free)

G_END_DECLS
