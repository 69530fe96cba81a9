/* pith-token-private.h: tokens as the segmenter finds them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-layer-private.h"
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

/* Tokens as the segmenter builds them: the token layer itself, and beside
 * it, only while sentences are split, a byte of kind per token. */
typedef struct
{
  PithLayer *layer;
  guint8 *kinds;            /* a PithTokenKind a token */
  gsize kinds_capacity;
} PithTokens;

static inline guint32
token_start (const PithTokens *tokens,
             gsize             i)
{
  return pith_layer_start (tokens->layer, (guint) i);
}

static inline guint32
token_end (const PithTokens *tokens,
           gsize             i)
{
  return pith_layer_end (tokens->layer, (guint) i);
}

static inline guint32
token_length (const PithTokens *tokens,
              gsize             i)
{
  return token_end (tokens, i) - token_start (tokens, i);
}

static inline PithTokenKind
token_kind (const PithTokens *tokens,
            gsize             i)
{
  return (PithTokenKind) tokens->kinds[i];
}

typedef struct
{
  const PithWordList *abbreviations;        /* of the document's language */
  const PithWordList *user_abbreviations;   /* nullable */
  const PithWordList *ordinal_words;        /* nullable: "3. Mai" */
} PithTokenRules;

void pith_tokenize (const char           *text,
                    gsize                 length,
                    const PithTokenRules *rules,
                    PithTokens           *tokens);

G_END_DECLS
