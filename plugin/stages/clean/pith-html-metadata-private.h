/* pith-html-metadata-private.h: what a page says of itself
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pith-html-article-private.h"
#include "pith-html-tree-private.h"
#include "pith-word-list-private.h"

G_BEGIN_DECLS

typedef struct _PithHtmlMetadata PithHtmlMetadata;

/* Reads the page's schema.org JSON-LD, meta tags and links. */
PithHtmlMetadata *pith_html_metadata_new          (const PithHtmlTree *tree,
                                                   const PithWordList *entities,
                                                   const char         *url);
void              pith_html_metadata_free         (PithHtmlMetadata   *self);

/* The start of the JSON-LD articleBody, evidence of where the article is;
 * or NULL. */
const char       *pith_html_metadata_get_body_hint (PithHtmlMetadata  *self);

/* The language the page declares (<html lang>, og:locale, …), as an ISO
 * 639 code, or NULL. */
const char       *pith_html_metadata_get_language (PithHtmlMetadata *self);

/* Completes what the page says with what its article shows (the headline,
 * bylines, visible dates, never those of comments or related stories)
 * and writes each key found into @metadata: title, authors, published,
 * modified, site_name, language, url, description, tags, image. Which
 * source gave the title, authors, dates, site name and language goes in
 * @sources (url, json-ld, open-graph, marked, meta, article, headline,
 * page, fallback), when it is not NULL. */
void              pith_html_metadata_write        (PithHtmlMetadata      *self,
                                                   const PithHtmlArticle *article,
                                                   JsonObject            *metadata,
                                                   JsonObject            *sources);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PithHtmlMetadata, pith_html_metadata_free)

G_END_DECLS
