/* pith-token-private.h: tokens as the segmenter finds them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-span.h"
#include "pith-word-list-private.h"

G_BEGIN_DECLS

typedef enum {
  PITH_TOKEN_WORD,
  PITH_TOKEN_NUMBER,
  PITH_TOKEN_URL,
  PITH_TOKEN_ABBREVIATION,   /* a word with its full stop that may end a sentence */
  PITH_TOKEN_TITLE,          /* a word with its full stop that never ends one */
  PITH_TOKEN_UNIT,           /* a unit with its full stop that ends one before a capital */
  PITH_TOKEN_TERMINAL,       /* . ! ? … ... and runs of ! and ? */
  PITH_TOKEN_OPEN,           /* opening quote or bracket */
  PITH_TOKEN_CLOSE,          /* closing quote or bracket */
  PITH_TOKEN_QUOTE,          /* " or ' whose direction the context decides */
  PITH_TOKEN_PUNCT,
} PithTokenKind;

/* Laid out as a span of the token layer, its kind where the span's label
 * goes: the segmenter's list of tokens becomes the layer without a copy,
 * which for a long document saves half of the layer's size at its peak. */
typedef struct
{
  guint32 start;
  guint32 end;
  PithTokenKind kind;
  guint32 reserved;
  double score;
} PithToken;

G_STATIC_ASSERT (sizeof (PithToken) == sizeof (PithSpanData));
G_STATIC_ASSERT (G_STRUCT_OFFSET (PithToken, kind) == G_STRUCT_OFFSET (PithSpanData, label));
G_STATIC_ASSERT (sizeof (PithTokenKind) == sizeof (GQuark));

typedef struct
{
  const PithWordList *abbreviations;        /* of the document's language */
  const PithWordList *user_abbreviations;   /* nullable */
  const PithWordList *ordinal_words;        /* nullable: "3. Mai" */
} PithTokenRules;

void pith_tokenize (const char           *text,
                    gsize                 length,
                    const PithTokenRules *rules,
                    GArray               *tokens);

G_END_DECLS
