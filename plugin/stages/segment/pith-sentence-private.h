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
  const PithWordList *clock_words;         /* nullable: words around "8 p.m." */
  const PithWordList *speech_verbs;        /* nullable: "said" after a quotation */
  gboolean lines_are_sentences;
} PithSentenceRules;

typedef enum {
  PITH_LIST_BULLET,            /* • alone */
  PITH_LIST_NUMBER_DOT,        /* 1. */
  PITH_LIST_NUMBER_DOT_PAREN,  /* 1.) */
  PITH_LIST_NUMBER_PAREN,      /* 1) */
  PITH_LIST_LETTER_DOT,        /* a. */
  PITH_LIST_LETTER_PAREN,      /* a) A) a.) */
} PithListStyle;

typedef struct
{
  PithListStyle style;
  guint value;         /* 1 for "1." and "a."; 0 for a bullet alone */
  gunichar bullet;     /* 0 when there is none */
  gsize last;          /* the marker's last token */
} PithListMarker;

/* Whether a list item's marker opens at token @i, and if so, which. */
gboolean pith_list_marker_at (const char       *text,
                              const PithTokens *tokens,
                              gsize             n_tokens,
                              gsize             i,
                              PithListMarker   *marker);

/* Whether the marker of the item after @previous opens at token @i:
 * the same shape and bullet, the next number or letter, after a space. */
gboolean pith_list_marker_follows (const char           *text,
                                   const PithTokens     *tokens,
                                   gsize                 n_tokens,
                                   gsize                 i,
                                   const PithListMarker *previous);

/* Appends each sentence, from its first token to its last, to @sentences. */
void pith_split_sentences (const char              *text,
                           gsize                    length,
                           const PithTokens        *tokens,
                           const PithSentenceRules *rules,
                           PithLayer               *sentences);

G_END_DECLS
