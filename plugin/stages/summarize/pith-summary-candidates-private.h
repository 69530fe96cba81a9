/* pith-summary-candidates-private.h: what is not a summary sentence
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-document.h"

G_BEGIN_DECLS

/* For each sentence of @document, whether it is no candidate for a
 * summary: the dateline, the title, a headline, caption, credit or link on
 * a line of its own, a caption or a call to act by its opening words, a
 * "contributed to this report" line, a question to the reader, a list of
 * links. @n_excluded: how many. Free with g_free(). */
gboolean *pith_summary_candidates_excluded (PithDocument *document,
                                            guint        *n_excluded);

G_END_DECLS
