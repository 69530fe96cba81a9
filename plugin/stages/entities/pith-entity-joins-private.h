/* pith-entity-joins-private.h: names news writes in pieces the tagger splits
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Joins the names of a tagged sentence that news writes with a word
 * between their pieces: a person's nickname in quotes or brackets between
 * the names ("Hector "Macho" Camacho"), and a company's possessive before
 * the rest of its name ("Boatmen's Bancshares Inc."), whose short name
 * then keeps its "'s" wherever the document writes it ("Boatmen's said").
 * @tags are the sentence's BILOU tags, @gazetteer its marks
 * (pith_ner_mark_gazetteer()); a joined name's @margins become NAN, its
 * confidence the rule's, not the tagger's. @possessives holds the
 * document's companies known by a possessive (their words, one space
 * apart), read and added to. Whether any name changed. */
gboolean pith_entity_joins_apply (const char * const *words,
                                  guint               n_words,
                                  const guint8       *gazetteer,
                                  int                *tags,
                                  float              *margins,
                                  GHashTable         *possessives);

G_END_DECLS
