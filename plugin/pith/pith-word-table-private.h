/* pith-word-table-private.h: words to small numbers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PithWordTable PithWordTable;

/* What pith_word_table_find() gives for a word the table lacks, and
 * pith_word_table_add() for one it has no room for. */
#define PITH_WORD_TABLE_NONE G_MAXUINT32

PithWordTable *pith_word_table_new      (void);
PithWordTable *pith_word_table_new_sized (guint n_words);
void           pith_word_table_free     (PithWordTable       *self);
void           pith_word_table_clear    (PithWordTable       *self);
guint          pith_word_table_size     (const PithWordTable *self);
gsize          pith_word_table_memory_size (const PithWordTable *self);
guint32        pith_word_table_add      (PithWordTable       *self,
                                         const char          *word,
                                         gsize                length,
                                         guint32              hash,
                                         gboolean            *added);
guint32        pith_word_table_find     (const PithWordTable *self,
                                         const char          *word,
                                         gsize                length,
                                         guint32              hash);
const char    *pith_word_table_get_word (const PithWordTable *self,
                                         guint32              number);

/* FNV-1a, one byte at a time, so that a caller can hash a word while
 * it folds it: pith_word_table_hash_step() from
 * PITH_WORD_TABLE_HASH_START over each byte. */
#define PITH_WORD_TABLE_HASH_START 2166136261u

static inline guint32
pith_word_table_hash_step (guint32 hash,
                           guchar  byte)
{
  return (hash ^ byte) * 16777619u;
}

static inline guint32
pith_word_table_hash (const char *word,
                      gsize       length)
{
  guint32 hash = PITH_WORD_TABLE_HASH_START;

  for (gsize i = 0; i < length; i++)
    hash = pith_word_table_hash_step (hash, (guchar) word[i]);
  return hash;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithWordTable, pith_word_table_free)

G_END_DECLS
