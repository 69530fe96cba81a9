/* pith-keyphrases-private.h: the key phrases of a text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-document.h"
#include "pith-sentence-graph-private.h"

G_BEGIN_DECLS

/* Finds the best @limit key phrases of @document, whose sentences @graph
 * holds as stems, with English parts of speech if @english: the
 * `keyphrases` report, best first, and the layer of their mentions. */
void pith_keyphrases_add (PithDocument            *document,
                          const PithSentenceGraph *graph,
                          guint                    limit,
                          gboolean                 english);

G_END_DECLS
