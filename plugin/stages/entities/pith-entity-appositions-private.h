/* pith-entity-appositions-private.h: what the words around a name say of it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Relabels the names of a tagged sentence by what follows them after a
 * comma or what comes before them, as news writes it: a place the
 * gazetteer knows makes a name a place ("Ferguson, Missouri"), and so does
 * what it is ("the town of Ferguson"); an age makes it a person ("Cayman
 * Naib, 13,"). @tags are the sentence's BILOU tags, @gazetteer its marks
 * (pith_ner_mark_gazetteer()); a relabelled name's @margins become NAN,
 * its confidence the rule's, not the tagger's, and its words are marked
 * in @defined. Whether any name changed. */
gboolean pith_entity_appositions_apply (const char * const *words,
                                        guint               n_words,
                                        const guint8       *gazetteer,
                                        int                *tags,
                                        float              *margins,
                                        guint8             *defined);

G_END_DECLS
