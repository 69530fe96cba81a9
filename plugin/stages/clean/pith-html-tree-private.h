/* pith-html-tree-private.h: a page as a tree whose nodes keep their bytes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-html-tags-private.h"

G_BEGIN_DECLS

/* No node: node 0 is the document, which is nobody's child or sibling. */
#define PITH_HTML_NONE 0

typedef enum {
  PITH_HTML_NODE_CLOSED      = 1 << 0,  /* ended by its own end tag */
  PITH_HTML_NODE_WHITESPACE  = 1 << 1,  /* a text node of blanks only */
} PithHtmlNodeFlags;

/* One element or text node. Offsets are bytes of the HTML. An element spans
 * [start, end) from its start tag to the end of its end tag (or to where it
 * was closed implicitly); its attributes lie in [start, content_start). A
 * text node spans its text as written, character references undecoded. */
typedef struct
{
  guint32 parent;
  guint32 first_child;
  guint32 next_sibling;
  guint32 start;
  guint32 end;
  guint32 content_start;
  guint16 tag;              /* a PithHtmlTag, or an id of a name not known */
  guint16 flags;            /* PithHtmlNodeFlags */
} PithHtmlNode;

/* Nodes are in document order: a node's index is greater than its parent's
 * and smaller than its next sibling's, so a reverse walk over the array
 * visits children before parents. */
typedef struct
{
  const char *html;
  gsize length;
  PithHtmlNode *nodes;
  guint32 n_nodes;
  guint n_tags;             /* PITH_HTML_TAG_N_KNOWN plus the names not known */
  guint32 head;             /* the head element, or PITH_HTML_NONE */
  guint32 body;             /* the body element, or PITH_HTML_NONE */
  guint32 html_element;     /* the html element, or PITH_HTML_NONE */
} PithHtmlTree;

/* Parses @html after the tree-building rules of the HTML standard that
 * shape text: implied end tags (p, li, dt, dd, td, tr, option, headings),
 * void and raw-text elements, end tags that close what they enclose, stray
 * end tags ignored. It does not move nodes (no foster parenting, no
 * adoption agency), so tree order is byte order. Depth is bounded, and so
 * is the search for an end tag's element, so the cost is linear. */
PithHtmlTree *pith_html_tree_new           (const char          *html,
                                            gsize                length);
void          pith_html_tree_free          (PithHtmlTree        *tree);

/* Finds attribute @name (lowercase) of element @node; its value as
 * written, undecoded, in @value and @value_length. */
gboolean      pith_html_tree_get_attribute (const PithHtmlTree  *tree,
                                            guint32              node,
                                            const char          *name,
                                            const char         **value,
                                            gsize               *value_length);

typedef struct
{
  const char *name;
  gsize name_length;
  const char *value;        /* NULL for an attribute without a value */
  gsize value_length;
} PithHtmlAttribute;

/* Iterates over @node's attributes: start with *@position at 0. */
gboolean      pith_html_tree_next_attribute (const PithHtmlTree *tree,
                                             guint32             node,
                                             gsize              *position,
                                             PithHtmlAttribute  *attribute);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithHtmlTree, pith_html_tree_free)

G_END_DECLS
