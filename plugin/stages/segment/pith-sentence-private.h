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

/* Appends each sentence, from its first token to its last, to @sentences. */
void pith_split_sentences (const char              *text,
                           gsize                    length,
                           const PithTokens        *tokens,
                           const PithSentenceRules *rules,
                           PithLayer               *sentences);

G_END_DECLS
