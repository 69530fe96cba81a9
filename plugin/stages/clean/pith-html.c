/* pith-html.c: a page in, its article out, as edits
 *
 * The page is parsed into a tree whose nodes keep their byte offsets
 * (pith-html-tree.c), the article is found in it (pith-html-article.c), the
 * page's metadata read (pith-html-metadata.c), and the kept text written
 * as edits of the HTML (pith-html-text.c), so that every character of the
 * text maps back to its place in the page.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-html-metadata-private.h"
#include "pith-html-private.h"
#include "pith-html-tree-private.h"

static const char *
find_ci (const char *text,
         gsize       from,
         gsize       length,
         const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= length; i++)
    if (g_ascii_tolower (text[i]) == needle[0] && g_ascii_strncasecmp (text + i, needle, n) == 0)
      return text + i;
  return NULL;
}

gboolean
pith_html_looks_like_html (const char *text,
                           gsize       length)
{
  static const char * const signs[] = {
    "<!doctype html", "<html", "<body", "<p>", "<p ", "<div", "<article", "<br", NULL,
  };
  gsize window = MIN (length, 4096);
  gsize i = 0;

  while (i < window && (g_ascii_isspace (text[i]) || (guchar) text[i] >= 0x80))
    i++;
  if (i >= window || text[i] != '<')
    return FALSE;

  for (guint s = 0; signs[s] != NULL; s++)
    if (find_ci (text, i, window, signs[s]) != NULL)
      return TRUE;
  return FALSE;
}

void
pith_html_find_edits (const char            *text,
                      gsize                  length,
                      const PithHtmlOptions *options,
                      GArray                *edits,
                      GPtrArray             *strings,
                      JsonObject            *metadata,
                      PithHtmlResult        *result)
{
  const PithWordList *entities = pith_word_list_get ("clean/html-entities.txt");
  g_autoptr(PithHtmlTree) tree = pith_html_tree_new (text, length);
  g_autoptr(PithHtmlMetadata) page = NULL;
  PithHtmlArticleOptions article_options = { options->captions, options->comments,
                                             options->whole_page, NULL, NULL, NULL };
  PithHtmlArticle article;

  memset (result, 0, sizeof *result);
  page = pith_html_metadata_new (tree, entities, options->url);
  article_options.body_hint = pith_html_metadata_get_body_hint (page);
  article_options.language = pith_html_metadata_get_language (page);
  pith_html_article_find (tree, &article_options, &article);
  result->sources = json_object_new ();
  pith_html_metadata_write (page, &article, metadata, result->sources);

  result->path = article.path;
  memcpy (result->zone_counts, article.zone_counts, sizeof result->zone_counts);
  result->dropped = g_steal_pointer (&article.dropped);
  result->comments = options->comments ? g_array_new (FALSE, FALSE, sizeof (PithHtmlRange)) : NULL;
  pith_html_text_write (tree, article.keep, entities, edits, strings, result->comments);
  pith_html_article_clear (&article);
}

void
pith_html_result_clear (PithHtmlResult *result)
{
  g_clear_pointer (&result->dropped, g_array_unref);
  g_clear_pointer (&result->comments, g_array_unref);
  g_clear_pointer (&result->sources, json_object_unref);
}
