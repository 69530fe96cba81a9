/* pith-entity-rules-private.h: dates, times, money, quantities by rule
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint first;              /* token index */
  guint last;               /* inclusive */
  const char *label;        /* static: DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL */
} PithRuleEntity;

/* @word's kind in the rules' word list ("weekday", "currency", "unit",
 * ...; static), or NULL. It is the same wherever the word stands, so a
 * tagger's vocabulary keeps it with the word. */
const char *pith_entity_rules_kind_of (const char *word);

/* Appends the rule entities of one sentence of tokens to @found (of
 * PithRuleEntity), in order, not overlapping. @kinds, when given, holds
 * pith_entity_rules_kind_of() of each word; otherwise the rules look the
 * words up. */
void pith_entity_rules_find (const char * const *words,
                             const char * const *kinds,
                             guint               n_words,
                             GArray             *found);

G_END_DECLS
