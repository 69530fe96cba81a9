/* pith-html-references-private.h: character references such as &amp;
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-word-list-private.h"

G_BEGIN_DECLS

#define PITH_HTML_REFERENCE_MAX 32

/* The character reference at @i of @text ("&amp;", "&#8217;", "&#x2019;"):
 * its length, with the UTF-8 it stands for in @out; or 0 when there is
 * none. @entities maps names to code points (clean/html-entities.txt). */
gsize pith_html_match_reference (const char         *text,
                                 gsize               i,
                                 gsize               length,
                                 const PithWordList *entities,
                                 char                out[PITH_HTML_REFERENCE_MAX]);

/* Decodes the references in @text and folds its blanks to single spaces,
 * trimmed: for attribute values and titles. */
char *pith_html_decode          (const char         *text,
                                 gsize               length,
                                 const PithWordList *entities);

/* The length of the longest prefix of @text (valid UTF-8, @length bytes)
 * of at most @max bytes that ends between two characters. */
gsize pith_html_utf8_cut          (const char         *text,
                                   gsize               length,
                                   gsize               max);

G_END_DECLS
