/* pith-html-private.h: HTML to text as edits
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-clean-rules-private.h"

G_BEGIN_DECLS

gboolean pith_html_looks_like_html (const char *text,
                                    gsize       length);

/* Appends sorted edits (of PithCleanEdit, kind PITH_CLEAN_HTML) that turn
 * @text from HTML into text, and records the title, description, author
 * and date it finds in @metadata. */
void     pith_html_find_edits      (const char         *text,
                                    gsize               length,
                                    const PithWordList *entities,
                                    GArray             *edits,
                                    GPtrArray          *strings,
                                    JsonObject         *metadata);

/* Decodes character references in @text (for attribute values and titles). */
char    *pith_html_decode          (const char         *text,
                                    gsize               length,
                                    const PithWordList *entities);

G_END_DECLS
