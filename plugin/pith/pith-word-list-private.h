/* pith-word-list-private.h: word lists compiled into the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PITH_WORD_LIST_MAX_WORD 64

typedef struct _PithWordList PithWordList;

const PithWordList *pith_word_list_get      (const char          *name);
const PithWordList *pith_word_list_get_once (const PithWordList **slot,
                                             const char          *name);
PithWordList       *pith_word_list_new      (void);
void                pith_word_list_add      (PithWordList        *self,
                                             const char          *word,
                                             const char          *kind);
void                pith_word_list_add_all  (PithWordList        *self,
                                             const PithWordList  *other);
void                pith_word_list_free     (PithWordList        *self);
gboolean            pith_word_list_may_hold (const PithWordList  *self,
                                             char                 first,
                                             gsize                length);
gboolean            pith_word_list_lookup   (const PithWordList  *self,
                                             const char          *word,
                                             gsize                length,
                                             const char         **kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithWordList, pith_word_list_free)

G_END_DECLS
