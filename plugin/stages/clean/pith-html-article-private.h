/* pith-html-article-private.h: finding the article in a page
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-html-hints-private.h"
#include "pith-html-tree-private.h"

G_BEGIN_DECLS

typedef enum {
  PITH_HTML_DROP,           /* not in the text */
  PITH_HTML_KEEP,           /* article text */
  PITH_HTML_KEEP_COMMENT,   /* a reader's comment, kept in a layer of its own */
} PithHtmlKeep;

typedef struct
{
  gboolean captions;        /* keep captions of the article's figures */
  gboolean comments;        /* keep comments, to be marked as a layer */
  gboolean whole_page;      /* keep all the text that is not markup */
  const char *body_hint;    /* the start of JSON-LD articleBody, or NULL */
  const char *language;     /* the page's declared language, or NULL */
  struct _PithHtmlBlocks *blocks;  /* when set: the blocks as the rules leave
                                    * them go here, and no model judges them
                                    * (for the model's trainer) */
} PithHtmlArticleOptions;

/* A part of the page left out, for the audit. */
typedef struct
{
  PithHtmlZone zone;
  guint32 start;
  guint32 end;
} PithHtmlDropped;

typedef struct
{
  guint8 *keep;             /* PithHtmlKeep, by node */
  const char *path;         /* how the text was chosen: "article-body", … */
  guint32 root;             /* the element chosen, or PITH_HTML_NONE */
  guint32 *context;         /* by node: the furniture zones it is inside */
  guint32 *zones;           /* by node: the zones its own names give */
  gboolean judged;          /* whether the page is long enough for the block model */
  guint32 zone_counts[PITH_HTML_N_ZONES];
  GArray *dropped;          /* of PithHtmlDropped, outermost parts only */
} PithHtmlArticle;

/* Chooses which text nodes of @tree are the article: a content root found
 * by name (itemprop=articleBody, class="article-body", <article>, <main>)
 * or by scoring paragraphs, pruned of the page's furniture inside it,
 * with broader selections when that leaves too little. */
void pith_html_article_find  (const PithHtmlTree           *tree,
                              const PithHtmlArticleOptions *options,
                              PithHtmlArticle              *article);
void pith_html_article_clear (PithHtmlArticle              *article);

G_END_DECLS
