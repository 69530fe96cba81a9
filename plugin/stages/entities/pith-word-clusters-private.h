/* pith-word-clusters-private.h: the word clusters the entity tagger reads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The clusters of a word, coarse to fine (64, 256 and 1024 of them). */
#define PITH_WORD_CLUSTER_LEVELS 3
/* The cluster of a word the table does not have, at every level. */
#define PITH_WORD_CLUSTER_NONE 0xFFFF

typedef struct _PithWordClusters PithWordClusters;

/* The built-in table (entities/clusters-en.bin), read in place; NULL if
 * it is missing or malformed. Loaded once, read-only after. */
const PithWordClusters *pith_word_clusters_get    (void);
/* Fills @clusters with the clusters of the lowercase word of @length
 * bytes at @word, or with PITH_WORD_CLUSTER_NONE; whether it had them. */
gboolean                pith_word_clusters_lookup (const PithWordClusters *self,
                                                   const char             *word,
                                                   gsize                   length,
                                                   guint16                *clusters);

G_END_DECLS
