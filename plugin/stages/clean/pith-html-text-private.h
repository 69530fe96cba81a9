/* pith-html-text-private.h: the kept nodes of a page as edits of its HTML
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-clean-rules-private.h"
#include "pith-html-tree-private.h"

G_BEGIN_DECLS

/* A stretch of the resulting text, in bytes. */
typedef struct
{
  gsize start;
  gsize end;
} PithHtmlRange;

/* Appends sorted edits (PithCleanEdit, kind PITH_CLEAN_HTML) that turn the
 * HTML of @tree into the text of the nodes @keep marks (PithHtmlKeep, by
 * node): every other byte goes, blocks become paragraph breaks, <br> a
 * line break (two a paragraph break), table cells a space, character
 * references their characters, and blanks with a line break one space
 * (outside <pre>). Where the text of comments ends up goes in @comments
 * (of PithHtmlRange), when it is not NULL. */
void pith_html_text_write (const PithHtmlTree *tree,
                           const guint8       *keep,
                           const PithWordList *entities,
                           GArray             *edits,
                           GPtrArray          *strings,
                           GArray             *comments);

G_END_DECLS
