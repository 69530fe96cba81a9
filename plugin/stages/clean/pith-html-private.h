/* pith-html-private.h: a page in, its article out, as edits
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-clean-rules-private.h"
#include "pith-html-article-private.h"
#include "pith-html-text-private.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean captions;        /* keep the captions of the article's figures */
  gboolean comments;        /* keep readers' comments, as a layer */
  gboolean whole_page;      /* keep all the page's text, as before extraction */
  const char *url;          /* where the page came from, or NULL */
} PithHtmlOptions;

typedef struct
{
  const char *path;         /* how the article was found */
  guint32 zone_counts[PITH_HTML_N_ZONES];
  GArray *dropped;          /* of PithHtmlDropped, bytes of the HTML */
  GArray *comments;         /* of PithHtmlRange, bytes of the text made */
  JsonObject *sources;      /* which source gave each key of the metadata */
} PithHtmlResult;

gboolean pith_html_looks_like_html (const char *text,
                                    gsize       length);

/* Appends sorted edits (of PithCleanEdit, kind PITH_CLEAN_HTML) that turn
 * the page @text into its article's text, fills @metadata with what the
 * page says of itself, and @result with how it went. */
void     pith_html_find_edits      (const char            *text,
                                    gsize                  length,
                                    const PithHtmlOptions *options,
                                    GArray                *edits,
                                    GPtrArray             *strings,
                                    JsonObject            *metadata,
                                    PithHtmlResult        *result);

void     pith_html_result_clear    (PithHtmlResult        *result);

G_END_DECLS
