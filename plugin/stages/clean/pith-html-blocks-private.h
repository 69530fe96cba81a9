/* pith-html-blocks-private.h: the page's text blocks, judged one by one
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-html-tree-private.h"

G_BEGIN_DECLS

/* What the rules of pith-html-article.c decided, by node. */
typedef enum {
  PITH_HTML_STATE_MARKUP   = 1 << 0,  /* never text */
  PITH_HTML_STATE_REMOVED  = 1 << 1,  /* hidden, or nav, footer, aside */
  PITH_HTML_STATE_PRUNED   = 1 << 2,  /* furniture inside the root */
  PITH_HTML_STATE_ROOT     = 1 << 3,  /* inside a chosen root */
  PITH_HTML_STATE_LINK     = 1 << 4,  /* inside a link */
  PITH_HTML_STATE_HEADER   = 1 << 5,  /* inside a <header> */
  PITH_HTML_STATE_NEAR     = 1 << 6,  /* under the root's parent or grandparent */
  PITH_HTML_STATE_HEADLINE = 1 << 7,  /* inside the page's headline */
} PithHtmlState;

typedef struct
{
  const PithHtmlTree *tree;
  const guint8 *state;          /* PithHtmlState, by node */
  const guint32 *context;       /* furniture zones named on the node or around it */
  const guint32 *prune_zones;   /* why the nearest pruned ancestor was pruned */
  const guint8 *keep;           /* the rules' choice, PithHtmlKeep by node */
  guint path;                   /* the path the rules took, 0 (named, strongest) to 5 (all) */
  guint root_tier;              /* the named root's tier, 1 to 3, or 0 */
  const char *language;         /* the page's declared language, or NULL */
} PithHtmlSelection;

/* The features of a block, in the model file's order. */
#define PITH_HTML_BLOCK_FEATURES(X) \
  X (RULE_KEPT) X (RULE_PRUNED) X (REMOVED) X (OUTSIDE) X (NEAR_ROOT) X (HEADLINE) \
  X (LOG_CHARS) X (WORDS) X (LINK_DENSITY) X (PUNCTUATION) X (DIGITS) X (UPPERCASE) \
  X (SENTENCE_END) X (COLON_END) X (STOPWORDS) X (HAS_LANGUAGE) X (CJK) \
  X (TAG_P) X (TAG_LI) X (TAG_H1) X (TAG_H2_H3) X (TAG_H4_H6) X (TAG_CELL) X (TAG_DIV) \
  X (TAG_DD_DT) X (TAG_QUOTE_PRE) X (TAG_CAPTION) X (TAG_OTHER) \
  X (IN_HEADER) X (ZONE_NAV) X (ZONE_FOOTER) X (ZONE_SIDEBAR) X (ZONE_RELATED) X (ZONE_SHARE) \
  X (ZONE_NEWSLETTER) X (ZONE_AD) X (ZONE_COOKIE) X (ZONE_COMMENT) X (ZONE_BYLINE) X (ZONE_TAGS) \
  X (ZONE_CAPTION) X (ZONE_MODAL) X (PRUNED_LINKS) X (PRUNED_HEADING) X (HEADING_PHRASE) \
  X (DATE_LINE) X (BEFORE_TEXT) X (AFTER_TEXT) X (PREVIOUS_KEPT) X (NEXT_KEPT) \
  X (PREVIOUS_GOOD) X (NEXT_GOOD) X (PREVIOUS_CHARS) X (NEXT_CHARS) X (POSITION) \
  X (PATH_NAMED_1) X (PATH_NAMED_2) X (PATH_NAMED_3) X (PATH_SCORED) X (PATH_PARAGRAPHS) \
  X (PATH_BODY) X (ROOT_SHARE)

#define PITH_HTML_BLOCK_FEATURE_ENUM(name) PITH_HTML_FEATURE_##name,

typedef enum {
  PITH_HTML_BLOCK_FEATURES (PITH_HTML_BLOCK_FEATURE_ENUM)
  PITH_HTML_N_FEATURES
} PithHtmlFeature;

#undef PITH_HTML_BLOCK_FEATURE_ENUM

/* A block: the text of a page whose nearest block element is @element
 * (the text of blocks nested in it belongs to them). */
typedef struct
{
  guint32 element;
  guint32 first_text;       /* its first and last text node */
  guint32 last_text;
  float features[PITH_HTML_N_FEATURES];
} PithHtmlBlock;

typedef struct _PithHtmlBlocks
{
  GArray *blocks;           /* of PithHtmlBlock, in document order */
  guint32 *text_block;      /* by node: 1 + the index of a text node's block, or 0 */
  guint32 n_nodes;
} PithHtmlBlocks;

const char *pith_html_block_feature_name (PithHtmlFeature feature);

/* The blocks of the page, in document order, with their features. */
void        pith_html_blocks_collect     (const PithHtmlSelection *selection,
                                          PithHtmlBlocks          *blocks);
void        pith_html_blocks_clear       (PithHtmlBlocks          *blocks);

/* Whether the block model was found and read. */
gboolean    pith_html_blocks_have_model  (void);

/* The model's probability that @block is article text. */
double      pith_html_blocks_score       (const PithHtmlBlock     *block);

/* Keeps the text of the blocks the model judges to be article text and
 * drops the rest, in @keep (PithHtmlKeep by node), leaving comments kept
 * as they are; keeps the rules' choice when the model would leave nothing. */
void        pith_html_blocks_decide      (const PithHtmlBlocks    *blocks,
                                          guint8                  *keep);

G_END_DECLS
