/* pith-sentence-private.h: sentence boundaries from tokens
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-token-private.h"

G_BEGIN_DECLS

typedef struct
{
  const PithWordList *sentence_starters;   /* nullable: then any capital starts one */
  gboolean lines_are_sentences;
} PithSentenceRules;

/* Appends [start, end) byte pairs of each sentence to @bounds. */
void pith_split_sentences (const char              *text,
                           gsize                    length,
                           const PithToken         *tokens,
                           gsize                    n_tokens,
                           const PithSentenceRules *rules,
                           GArray                  *bounds);

G_END_DECLS
