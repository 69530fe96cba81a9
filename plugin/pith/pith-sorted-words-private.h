/* pith-sorted-words-private.h: large word lists searched where they lie
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PithSortedWords PithSortedWords;

const PithSortedWords *pith_sorted_words_get      (const char            *name);
gsize                  pith_sorted_words_size     (const PithSortedWords *self);
gboolean               pith_sorted_words_contains (const PithSortedWords *self,
                                                   const char            *word,
                                                   gsize                  length);

G_END_DECLS
