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

/* Appends the rule entities of one sentence of tokens to @found (of
 * PithRuleEntity), in order, not overlapping. */
void pith_entity_rules_find (const char * const *words,
                             guint               n_words,
                             GArray             *found);

G_END_DECLS
