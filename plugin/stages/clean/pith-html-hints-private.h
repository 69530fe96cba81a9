/* pith-html-hints-private.h: what an element's class, id and role say
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "pith-html-tree-private.h"

G_BEGIN_DECLS

/* Kinds of page furniture, as bits. The names are those of the audit. */
typedef enum {
  PITH_HTML_ZONE_NAV        = 1 << 0,
  PITH_HTML_ZONE_FOOTER     = 1 << 1,
  PITH_HTML_ZONE_SIDEBAR    = 1 << 2,
  PITH_HTML_ZONE_RELATED    = 1 << 3,
  PITH_HTML_ZONE_SHARE      = 1 << 4,
  PITH_HTML_ZONE_NEWSLETTER = 1 << 5,
  PITH_HTML_ZONE_AD         = 1 << 6,
  PITH_HTML_ZONE_COOKIE     = 1 << 7,
  PITH_HTML_ZONE_COMMENT    = 1 << 8,
  PITH_HTML_ZONE_BYLINE     = 1 << 9,
  PITH_HTML_ZONE_TAGS       = 1 << 10,
  PITH_HTML_ZONE_CAPTION    = 1 << 11,
  PITH_HTML_ZONE_HIDDEN     = 1 << 12,
  PITH_HTML_ZONE_MODAL      = 1 << 13,
  PITH_HTML_ZONE_LINKS      = 1 << 14,  /* found by link density, not by name */
  PITH_HTML_ZONE_HEADING    = 1 << 15,  /* announced by a heading ("Related") */
  PITH_HTML_ZONE_MARKUP     = 1 << 16,  /* script, style, form controls, media */
  PITH_HTML_ZONE_OUTSIDE    = 1 << 17,  /* outside the article */
} PithHtmlZone;

#define PITH_HTML_N_ZONES 18

typedef struct
{
  guint32 zones;            /* PithHtmlZone bits */
  guint8 root_tier;         /* 1 (strongest) to 3 where the article may live, or 0 */
} PithHtmlHints;

const char *pith_html_zone_name (PithHtmlZone zone);

/* Reads @node's class, id, role, itemprop, style, hidden and aria-hidden. */
void pith_html_hints_read (const PithHtmlTree *tree,
                           guint32             node,
                           PithHtmlHints      *hints);

/* Whether @text (a short heading or label, any case) announces a block
 * that is not the article; its zone goes in @zone. */
gboolean pith_html_hints_match_heading (const char   *text,
                                        gsize         length,
                                        PithHtmlZone *zone);

G_END_DECLS
