/* pith-html-metadata.c: what a page says of itself
 *
 * Each fact is gathered from every place a page may state it, then the
 * most trustworthy source wins, in the order the best extractors found to
 * work: schema.org JSON-LD (with @graph), then OpenGraph and the other
 * meta tags, then what the page shows (the h1, bylines, <time>, itemprop
 * elements, dates near the headline), then the URL. Dates inside comments,
 * related stories, sidebars and footers are never taken.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-html-dates-private.h"
#include "pith-html-metadata-private.h"
#include "pith-html-references-private.h"

#define MAX_JSON_LD (2 * 1024 * 1024)
#define MAX_TEXT 400
#define MAX_TEXT_NODES 40
#define MAX_LIST 50
#define HEADLINE_WINDOW 2000
#define PAGE_WINDOW 32768

/* Where a fact came from, most trusted first: the first rank that has a
 * fact gives it. */
typedef enum {
  RANK_URL,                 /* a whole date in the page's URL */
  RANK_JSON_LD,             /* the article's schema.org object, <html lang> */
  RANK_OPEN_GRAPH,          /* og: and article: meta tags, the canonical link */
  RANK_MARKED,              /* elements marked as such: itemprop, time[pubdate], rel=author */
  RANK_ARTICLE,             /* what the article shows: its h1, a time or byline in it */
  RANK_NEAR_HEADLINE,       /* a date written near the headline */
  RANK_META,                /* other meta tags, a web page's schema.org object */
  RANK_PAGE,                /* what the rest of the page shows */
  RANK_FALLBACK,            /* the document's <title>; the modification date */
  N_RANKS
} Rank;

static Rank fact_rank (PithHtmlMetadata *self,
                       int               fact);

static const char * const rank_names[N_RANKS] = {
  "url", "json-ld", "open-graph", "marked", "article", "headline", "meta", "page", "fallback",
};

typedef enum {
  FACT_TITLE,
  FACT_PUBLISHED,
  FACT_MODIFIED,
  FACT_SITE_NAME,
  FACT_DESCRIPTION,
  FACT_IMAGE,
  FACT_LANGUAGE,
  FACT_URL,
  N_FACTS
} Fact;

static char *language_code (const char *declared);
static const char *first_fact (PithHtmlMetadata *self,
                               int               fact);

struct _PithHtmlMetadata
{
  const PithHtmlTree *tree;
  const PithWordList *entities;
  char *page_url;
  char *facts[N_FACTS][N_RANKS];
  GPtrArray *authors[N_RANKS];
  GPtrArray *tags;
  char *body_hint;
  char *document_title;     /* <title> */
  char *language;           /* the declared language's code, once asked for */
  GArray *shown_days;       /* of gint64: the days written near the headline and in the article */
};

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
set_fact (PithHtmlMetadata *self,
          Fact              fact,
          Rank              rank,
          char             *value)
{
  if (value != NULL && !is_blank (value) && self->facts[fact][rank] == NULL)
    self->facts[fact][rank] = value;
  else
    g_free (value);
}

static gboolean
looks_like_url (const char *text)
{
  return g_str_has_prefix (text, "http:") || g_str_has_prefix (text, "https:") ||
         g_str_has_prefix (text, "//") || g_str_has_prefix (text, "www.") ||
         strchr (text, '/') != NULL;
}

static void
add_unique (GPtrArray  *list,
            const char *value)
{
  if (list->len >= MAX_LIST)
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_utf8_collate (g_ptr_array_index (list, i), value) == 0)
      return;
  g_ptr_array_add (list, g_strdup (value));
}

/* The decoded text of element @i: its text nodes, up to MAX_TEXT bytes. */
static char *
element_text (PithHtmlMetadata *self,
              guint32           i)
{
  const PithHtmlTree *tree = self->tree;
  const PithHtmlNode *element = &tree->nodes[i];
  GString *text = g_string_new (NULL);
  guint visited = 0;
  char *decoded;

  for (guint32 j = i + 1; j < tree->n_nodes && visited < MAX_TEXT_NODES; j++, visited++)
    {
      const PithHtmlNode *n = &tree->nodes[j];

      if (n->start >= element->end)
        break;
      if (n->tag != PITH_HTML_TAG_TEXT)
        continue;
      if (tree->nodes[n->parent].tag == PITH_HTML_TAG_SCRIPT ||
          tree->nodes[n->parent].tag == PITH_HTML_TAG_STYLE)
        continue;
      g_string_append_len (text, tree->html + n->start,
                           pith_html_utf8_cut (tree->html + n->start, n->end - n->start, MAX_TEXT));
      g_string_append_c (text, ' ');
      if (text->len >= MAX_TEXT)
        break;
    }
  decoded = pith_html_decode (text->str, text->len, self->entities);
  g_string_free (text, TRUE);
  return decoded;
}

static char *
attribute (PithHtmlMetadata *self,
           guint32           node,
           const char       *name)
{
  const char *value;
  gsize length;

  if (!pith_html_tree_get_attribute (self->tree, node, name, &value, &length))
    return NULL;
  return pith_html_decode (value, pith_html_utf8_cut (value, length, 64 * 1024), self->entities);
}

/* ------------------------------------------------------------------ dates */

static char *
normalize_date (const char        *text,
                PithHtmlDateFlags  flags)
{
  PithHtmlDate date;

  if (text == NULL || !pith_html_date_parse (text, strlen (text), flags, &date))
    return NULL;
  return pith_html_date_to_string (&date);
}

/* What a few words before a date say of it: "Erschienen am", "Updated". */
typedef enum {
  DATE_SAID_NOTHING,
  DATE_SAID_PUBLISHED,
  DATE_SAID_MODIFIED,
} DateSaid;

static DateSaid
said_before (const char *text,
             gsize       start)
{
  static const char * const published[] = {
    "veröffentlicht", "erschienen", "publiziert", "published", "posted", "publié", "publicado",
    "publicación", "pubblicato", "opublikowano", "gepubliceerd", "publicerad", "publiceret",
    "yayınlanma", "опубликовано", "datum", "date", NULL,
  };
  static const char * const modified[] = {
    "aktualisiert", "geändert", "änderung", "bearbeitet", "updated", "update", "modified", "edited",
    "mis à jour", "modifié", "actualizado", "actualización", "aggiornato", "bijgewerkt",
    "zaktualizowano", "uppdaterad", "обновлено", "güncelleme", NULL,
  };
  gsize from = start > 40 ? start - 40 : 0;
  g_autofree char *before = NULL;

  while (from < start && ((guchar) text[from] & 0xC0) == 0x80)
    from++;
  before = g_utf8_strdown (text + from, (gssize) (start - from));
  for (guint w = 0; modified[w] != NULL; w++)
    if (strstr (before, modified[w]) != NULL)
      return DATE_SAID_MODIFIED;
  for (guint w = 0; published[w] != NULL; w++)
    if (strstr (before, published[w]) != NULL)
      return DATE_SAID_PUBLISHED;
  return DATE_SAID_NOTHING;
}

/* Notes every day written in @text. */
static void
note_shown_days (GArray            *days,
                 const char        *text,
                 PithHtmlDateFlags  flags)
{
  gsize length = strlen (text);
  gsize from = 0;
  gsize start;
  gsize end;
  PithHtmlDate date;

  for (guint n = 0; n < 64 && days->len < 256 &&
                    pith_html_date_find (text, length, from, flags, &date, &start, &end); n++)
    {
      gint64 day = pith_html_date_day_number (&date);

      g_array_append_val (days, day);
      from = end;
    }
}

static gboolean
was_shown (PithHtmlMetadata   *self,
           const PithHtmlDate *date)
{
  gint64 day = pith_html_date_day_number (date);

  for (guint i = 0; i < self->shown_days->len; i++)
    if (g_array_index (self->shown_days, gint64, i) == day)
      return TRUE;
  return FALSE;
}

/* The publication date in running text: the first one said to be it, or
 * else the first not said to be a change. */
static char *
text_date_said (const char        *text,
                PithHtmlDateFlags  flags,
                gboolean           said_only)
{
  gsize length;
  gsize from = 0;
  gsize start;
  gsize end;
  PithHtmlDate date;
  PithHtmlDate first;
  gboolean have_first = FALSE;

  if (text == NULL)
    return NULL;
  length = strlen (text);
  for (guint n = 0; n < 32 && pith_html_date_find (text, length, from, flags, &date, &start, &end); n++)
    {
      DateSaid said = said_before (text, start);

      if (said == DATE_SAID_PUBLISHED)
        return pith_html_date_to_string (&date);
      if (said == DATE_SAID_NOTHING && !have_first && !said_only)
        {
          first = date;
          have_first = TRUE;
        }
      from = end;
    }
  return have_first ? pith_html_date_to_string (&first) : NULL;
}

static char *
text_date (const char        *text,
           PithHtmlDateFlags  flags)
{
  return text_date_said (text, flags, FALSE);
}

/* ----------------------------------------------------------------- people */

static const char * const byline_prefixes[] = {
  "by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "przez ", "written by ",
  "text: ", "text ", "autor: ", "autor ", "author: ", "auteur: ", "autore: ", "redaktion: ",
  "von: ", "by: ", "fotos: ", NULL,
};

/* One name from a byline, or NULL: no "By", no date, no URL, no e-mail. */
static char *
clean_name (const char *raw)
{
  g_autofree char *name = g_strstrip (g_strdup (raw));
  gboolean stripped = TRUE;
  gsize length;
  guint words = 1;
  PithHtmlDate date;

  while (stripped)
    {
      stripped = FALSE;
      for (guint p = 0; byline_prefixes[p] != NULL; p++)
        if (g_ascii_strncasecmp (name, byline_prefixes[p], strlen (byline_prefixes[p])) == 0)
          {
            memmove (name, name + strlen (byline_prefixes[p]), strlen (name) - strlen (byline_prefixes[p]) + 1);
            g_strstrip (name);
            stripped = TRUE;
          }
    }

  /* A date or a time after the name. */
  if (pith_html_date_parse (name, strlen (name), PITH_HTML_DATE_ANYWHERE, &date))
    {
      for (char *p = name; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || pith_html_date_parse (p, strlen (p), 0, &date))
          {
            *p = '\0';
            break;
          }
    }
  for (char *p = name; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        *p = '\0';
        break;
      }
  g_strstrip (name);
  /* Separators left at the end: "Ivan Penn /", "Anna Berg,". */
  length = strlen (name);
  while (length > 0 && strchr (",;:/|-–—•·", name[length - 1]) != NULL)
    name[--length] = '\0';
  g_strstrip (name);
  length = strlen (name);

  if (length < 3 || length > 60 || strchr (name, '@') != NULL || looks_like_url (name) ||
      strstr (name, "http") != NULL)
    return NULL;
  for (const char *p = name; *p != '\0'; p++)
    if (*p == ' ')
      words++;
  if (words > 6)
    return NULL;
  if (!g_unichar_isupper (g_utf8_get_char (name)) && !g_unichar_isalpha (g_utf8_get_char (name)))
    return NULL;
  return g_steal_pointer (&name);
}

/* Names in a byline: "By Anna Berg and Ivan Penn / Aug. 16, 2020". */
static void
add_names (GPtrArray  *authors,
           const char *byline)
{
  static const char * const separators[] = {
    " | ", " / ", " • ", " · ", "\n", " and ", " und ", " et ", " y ", " e ", " i ", " en ",
    " & ", ", ", ";", NULL,
  };
  g_autofree char *text = g_strdup (byline);
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  PithHtmlDate date;
  gsize date_start;

  /* Names come before the date: "By Anna Berg / Aug. 16, 2020". */
  if (pith_html_date_find (text, strlen (text), 0, 0, &date, &date_start, NULL))
    text[date_start] = '\0';

  g_ptr_array_add (parts, g_strdup (text));
  for (guint s = 0; separators[s] != NULL; s++)
    {
      GPtrArray *split = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < parts->len; i++)
        {
          g_auto(GStrv) pieces = g_strsplit (g_ptr_array_index (parts, i), separators[s], 8);

          for (guint k = 0; pieces[k] != NULL; k++)
            g_ptr_array_add (split, g_strdup (pieces[k]));
        }
      g_ptr_array_unref (parts);
      parts = split;
    }
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *name = clean_name (g_ptr_array_index (parts, i));

      if (name != NULL)
        add_unique (authors, name);
    }
  g_ptr_array_unref (parts);
}

/* ---------------------------------------------------------------- JSON-LD */

static const char * const article_types[] = {
  "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
  "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting",
  "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "Blog", "Review",
  "Recipe", "HowTo", "DiscussionForumPosting", "AdvertiserContentArticle", "SatiricalArticle",
  "MedicalScholarlyArticle", "APIReference", NULL,
};

static gboolean
has_type (JsonObject         *object,
          const char * const *types)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return g_strv_contains (types, json_node_get_string (type));
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
              g_strv_contains (types, json_node_get_string (element)))
            return TRUE;
        }
    }
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
    return json_node_get_string (member);
  if (JSON_NODE_HOLDS_ARRAY (member) && json_array_get_length (json_node_get_array (member)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (member), 0);

      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
        return json_node_get_string (first);
      if (JSON_NODE_HOLDS_OBJECT (first))
        return string_member (json_node_get_object (first), "url");
    }
  if (JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *inner = json_node_get_object (member);

      if (json_object_has_member (inner, "url"))
        return string_member (inner, "url");
      if (json_object_has_member (inner, "name"))
        return string_member (inner, "name");
    }
  return NULL;
}

static char *
json_text (PithHtmlMetadata *self,
           const char       *text)
{
  if (text == NULL)
    return NULL;
  return pith_html_decode (text, strlen (text), self->entities);
}

static void
read_json_ld_people (PithHtmlMetadata *self,
                     JsonNode         *author)
{
  if (author == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (author) && json_node_get_value_type (author) == G_TYPE_STRING)
    {
      g_autofree char *names = json_text (self, json_node_get_string (author));

      add_names (self->authors[RANK_JSON_LD], names);
    }
  else if (JSON_NODE_HOLDS_OBJECT (author))
    {
      JsonObject *person = json_node_get_object (author);
      g_autofree char *name = json_text (self, string_member (person, "name"));

      if (name != NULL)
        add_names (self->authors[RANK_JSON_LD], name);
    }
  else if (JSON_NODE_HOLDS_ARRAY (author))
    {
      JsonArray *array = json_node_get_array (author);

      for (guint i = 0; i < json_array_get_length (array) && i < MAX_LIST; i++)
        read_json_ld_people (self, json_array_get_element (array, i));
    }
}

static void
add_tags (PithHtmlMetadata *self,
          const char       *text)
{
  g_auto(GStrv) tags = NULL;

  if (text == NULL)
    return;
  tags = g_strsplit_set (text, ",;", MAX_LIST);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *tag = pith_html_decode (tags[i], strlen (tags[i]), self->entities);

      if (*tag != '\0' && strlen (tag) < 80)
        add_unique (self->tags, tag);
    }
}

static void
read_json_ld_tags (PithHtmlMetadata *self,
                   JsonNode         *keywords)
{
  if (keywords == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (keywords) && json_node_get_value_type (keywords) == G_TYPE_STRING)
    add_tags (self, json_node_get_string (keywords));
  else if (JSON_NODE_HOLDS_ARRAY (keywords))
    {
      JsonArray *array = json_node_get_array (keywords);

      for (guint i = 0; i < json_array_get_length (array) && i < MAX_LIST; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            add_tags (self, json_node_get_string (element));
        }
    }
}

/* A web page that is not marked as an article still dates itself. */
static const char * const page_types[] = {
  "WebPage", "AboutPage", "ItemPage", "CollectionPage", "ProfilePage", "QAPage", "FAQPage",
  "MediaObject", "ImageObject", "VideoObject", "Event", "Product", "CreativeWork", NULL,
};

static void
read_json_ld_page (PithHtmlMetadata *self,
                   JsonObject       *page)
{
  set_fact (self, FACT_PUBLISHED, RANK_META, normalize_date (string_member (page, "datePublished"), 0));
  set_fact (self, FACT_PUBLISHED, RANK_META, normalize_date (string_member (page, "uploadDate"), 0));
  set_fact (self, FACT_PUBLISHED, RANK_META, normalize_date (string_member (page, "dateCreated"), 0));
  set_fact (self, FACT_MODIFIED, RANK_META, normalize_date (string_member (page, "dateModified"), 0));
}

static void
read_json_ld_article (PithHtmlMetadata *self,
                      JsonObject       *article)
{
  JsonNode *publisher = json_object_get_member (article, "publisher");
  const char *body = string_member (article, "articleBody");

  set_fact (self, FACT_TITLE, RANK_JSON_LD, json_text (self, string_member (article, "headline")));
  set_fact (self, FACT_TITLE, RANK_JSON_LD, json_text (self, string_member (article, "name")));
  set_fact (self, FACT_PUBLISHED, RANK_JSON_LD,
            normalize_date (string_member (article, "datePublished"), 0));
  set_fact (self, FACT_PUBLISHED, RANK_JSON_LD,
            normalize_date (string_member (article, "dateCreated"), 0));
  set_fact (self, FACT_MODIFIED, RANK_JSON_LD,
            normalize_date (string_member (article, "dateModified"), 0));
  set_fact (self, FACT_DESCRIPTION, RANK_JSON_LD,
            json_text (self, string_member (article, "description")));
  set_fact (self, FACT_IMAGE, RANK_JSON_LD, json_text (self, string_member (article, "image")));
  set_fact (self, FACT_LANGUAGE, RANK_MARKED, json_text (self, string_member (article, "inLanguage")));
  if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
    set_fact (self, FACT_SITE_NAME, RANK_META,
              json_text (self, string_member (json_node_get_object (publisher), "name")));
  read_json_ld_people (self, json_object_get_member (article, "author"));
  read_json_ld_people (self, json_object_get_member (article, "creator"));
  read_json_ld_tags (self, json_object_get_member (article, "keywords"));
  read_json_ld_tags (self, json_object_get_member (article, "articleSection"));
  if (body != NULL && self->body_hint == NULL)
    self->body_hint = pith_html_decode (body, pith_html_utf8_cut (body, strlen (body), 300), self->entities);
}

static void
read_json_ld_node (PithHtmlMetadata *self,
                   JsonNode         *node,
                   guint             depth)
{
  static const char * const site_types[] = { "WebSite", "Organization", "NewsMediaOrganization", NULL };

  if (depth > 8 || node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 256; i++)
        read_json_ld_node (self, json_array_get_element (array, i), depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (has_type (object, article_types))
        read_json_ld_article (self, object);
      else if (has_type (object, page_types))
        read_json_ld_page (self, object);
      else if (has_type (object, site_types) && depth <= 2)
        set_fact (self, FACT_SITE_NAME, RANK_MARKED, json_text (self, string_member (object, "name")));
      if (json_object_has_member (object, "@graph"))
        read_json_ld_node (self, json_object_get_member (object, "@graph"), depth + 1);
      /* A WebPage whose mainEntity is the article. */
      if (json_object_has_member (object, "mainEntity"))
        read_json_ld_node (self, json_object_get_member (object, "mainEntity"), depth + 1);
    }
}

static void
read_json_ld (PithHtmlMetadata *self,
              guint32           script)
{
  const PithHtmlTree *tree = self->tree;
  const PithHtmlNode *content;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *type = attribute (self, script, "type");

  if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0 ||
      tree->nodes[script].first_child == PITH_HTML_NONE)
    return;
  content = &tree->nodes[tree->nodes[script].first_child];
  if (content->end - content->start > MAX_JSON_LD)
    return;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, tree->html + content->start,
                                   (gssize) (content->end - content->start), NULL))
    return;
  read_json_ld_node (self, json_parser_get_root (parser), 0);
}

/* ------------------------------------------------------------- meta tags */

static gboolean
key_in (const char         *key,
        const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_ascii_strcasecmp (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char * const published_keys[] = {
  "article:published_time", "og:published_time", "og:article:published_time",
  "article:published", "datepublished", "date", "pubdate", "publishdate", "publish-date",
  "publish_date", "publication_date", "publication-date", "published_time", "published-date",
  "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
  "dcterms.created", "sailthru.date", "parsely-pub-date", "citation_publication_date",
  "citation_date", "article.published", "article_date_original", "originalpublicationdate",
  "release_date", "cxenseparse:recs:publishtime", "pdate", "date_published", "datecreated",
  "dc.created", "date.created", "created", "bt:pubdate", "displaydate", "og:pubdate",
  "rnews:datepublished", "article.created", "vr:published_time", "date-published", NULL,
};

static const char * const modified_keys[] = {
  "article:modified_time", "og:updated_time", "article:modified", "datemodified",
  "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "modified",
  "date-modified", "dateupdated", "og:modified_time", "updated_time", NULL,
};

static const char * const author_keys[] = {
  "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
  "sailthru.author", "byl", "citation_author", "twitter:creator:name", "og:article:author",
  "article:author_name", "author_name", NULL,
};

/* Names of a site's own: "shareaholic:article_published_time",
 * "og:article:pubdate", "dc.date.published". */
static gboolean
names_publication (const char *key)
{
  static const char * const parts[] = { "published_time", "publish_date", "publishdate", "pubdate",
                                        "datepublished", "date_published", "publication_date",
                                        "published_date", "date.published", NULL };
  g_autofree char *lower = g_ascii_strdown (key, -1);

  for (guint p = 0; parts[p] != NULL; p++)
    if (strstr (lower, parts[p]) != NULL)
      return TRUE;
  return FALSE;
}

static void
read_meta (PithHtmlMetadata *self,
           guint32           node)
{
  g_autofree char *name = attribute (self, node, "name");
  g_autofree char *property = attribute (self, node, "property");
  g_autofree char *itemprop = attribute (self, node, "itemprop");
  g_autofree char *http_equiv = attribute (self, node, "http-equiv");
  g_autofree char *content = NULL;
  const char *keys[3] = { name, property, itemprop };
  /* og: and article: tags are the page's own word; itemprop marks it too. */
  Rank date_rank = property != NULL || itemprop != NULL ? RANK_OPEN_GRAPH : RANK_META;

  if (http_equiv != NULL && g_ascii_strcasecmp (http_equiv, "content-language") == 0)
    set_fact (self, FACT_LANGUAGE, RANK_META, attribute (self, node, "content"));
  content = attribute (self, node, "content");
  if (content == NULL || *content == '\0')
    return;

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *key = keys[k];

      if (key == NULL)
        continue;
      if (g_ascii_strcasecmp (key, "og:title") == 0)
        set_fact (self, FACT_TITLE, RANK_OPEN_GRAPH, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "twitter:title") == 0 || g_ascii_strcasecmp (key, "headline") == 0 ||
               g_ascii_strcasecmp (key, "dc.title") == 0)
        set_fact (self, FACT_TITLE, RANK_META, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "og:description") == 0)
        set_fact (self, FACT_DESCRIPTION, RANK_OPEN_GRAPH, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "description") == 0 ||
               g_ascii_strcasecmp (key, "twitter:description") == 0 ||
               g_ascii_strcasecmp (key, "dc.description") == 0)
        set_fact (self, FACT_DESCRIPTION, RANK_META, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
        set_fact (self, FACT_SITE_NAME, RANK_OPEN_GRAPH, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "application-name") == 0 ||
               g_ascii_strcasecmp (key, "publisher") == 0 || g_ascii_strcasecmp (key, "dc.publisher") == 0)
        set_fact (self, FACT_SITE_NAME, RANK_MARKED, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "og:image") == 0 || g_ascii_strcasecmp (key, "og:image:url") == 0 ||
               g_ascii_strcasecmp (key, "og:image:secure_url") == 0)
        set_fact (self, FACT_IMAGE, RANK_OPEN_GRAPH, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "twitter:image") == 0 || g_ascii_strcasecmp (key, "twitter:image:src") == 0 ||
               g_ascii_strcasecmp (key, "image") == 0 || g_ascii_strcasecmp (key, "thumbnailurl") == 0)
        set_fact (self, FACT_IMAGE, RANK_META, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "og:url") == 0)
        set_fact (self, FACT_URL, RANK_META, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "og:locale") == 0 || g_ascii_strcasecmp (key, "dc.language") == 0 ||
               g_ascii_strcasecmp (key, "language") == 0 || g_ascii_strcasecmp (key, "inlanguage") == 0)
        set_fact (self, FACT_LANGUAGE, RANK_OPEN_GRAPH, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "keywords") == 0 || g_ascii_strcasecmp (key, "news_keywords") == 0 ||
               g_ascii_strcasecmp (key, "article:tag") == 0 || g_ascii_strcasecmp (key, "article:section") == 0 ||
               g_ascii_strcasecmp (key, "dc.subject") == 0 || g_ascii_strcasecmp (key, "parsely-tags") == 0)
        add_tags (self, content);
      else if (key_in (key, published_keys))
        set_fact (self, FACT_PUBLISHED, date_rank, normalize_date (content, 0));
      else if (key_in (key, modified_keys))
        set_fact (self, FACT_MODIFIED, date_rank, normalize_date (content, 0));
      else if (names_publication (key))
        set_fact (self, FACT_PUBLISHED, RANK_META, normalize_date (content, 0));
      else if (key_in (key, author_keys) && !looks_like_url (content))
        add_names (self->authors[RANK_META], content);
    }
}

static void
read_link (PithHtmlMetadata *self,
           guint32           node)
{
  g_autofree char *rel = attribute (self, node, "rel");

  if (rel == NULL)
    return;
  if (g_ascii_strcasecmp (rel, "canonical") == 0)
    set_fact (self, FACT_URL, RANK_OPEN_GRAPH, attribute (self, node, "href"));
}

PithHtmlMetadata *
pith_html_metadata_new (const PithHtmlTree *tree,
                        const PithWordList *entities,
                        const char         *url)
{
  PithHtmlMetadata *self = g_new0 (PithHtmlMetadata, 1);

  self->tree = tree;
  self->entities = entities;
  self->page_url = g_strdup (url);
  for (guint s = 0; s < N_RANKS; s++)
    self->authors[s] = g_ptr_array_new_with_free_func (g_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->shown_days = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint32 i = 1; i < tree->n_nodes; i++)
    {
      switch (tree->nodes[i].tag)
        {
        case PITH_HTML_TAG_META:
          read_meta (self, i);
          break;
        case PITH_HTML_TAG_LINK:
          read_link (self, i);
          break;
        case PITH_HTML_TAG_SCRIPT:
          read_json_ld (self, i);
          break;
        case PITH_HTML_TAG_TITLE:
          if (self->document_title == NULL && tree->nodes[i].first_child != PITH_HTML_NONE)
            {
              const PithHtmlNode *text = &tree->nodes[tree->nodes[i].first_child];

              self->document_title = pith_html_decode (tree->html + text->start,
                                                       pith_html_utf8_cut (tree->html + text->start,
                                                                           text->end - text->start, 2048),
                                                       entities);
            }
          break;
        case PITH_HTML_TAG_HTML:
          set_fact (self, FACT_LANGUAGE, RANK_JSON_LD, attribute (self, i, "lang"));
          break;
        default:
          break;
        }
    }
  return self;
}

void
pith_html_metadata_free (PithHtmlMetadata *self)
{
  if (self == NULL)
    return;
  for (guint f = 0; f < N_FACTS; f++)
    for (guint s = 0; s < N_RANKS; s++)
      g_free (self->facts[f][s]);
  for (guint s = 0; s < N_RANKS; s++)
    g_ptr_array_unref (self->authors[s]);
  g_ptr_array_unref (self->tags);
  g_free (self->body_hint);
  g_free (self->document_title);
  g_free (self->language);
  g_array_unref (self->shown_days);
  g_free (self->page_url);
  g_free (self);
}

const char *
pith_html_metadata_get_body_hint (PithHtmlMetadata *self)
{
  return self->body_hint;
}

const char *
pith_html_metadata_get_language (PithHtmlMetadata *self)
{
  if (self->language == NULL)
    {
      for (guint s = 0; s < N_RANKS && self->language == NULL; s++)
        self->language = language_code (self->facts[FACT_LANGUAGE][s]);
    }
  return self->language;
}

/* ------------------------------------------------------- what the page shows */

/* Zones whose dates and names belong to somebody else's text. */
#define FOREIGN_ZONES (PITH_HTML_ZONE_COMMENT | PITH_HTML_ZONE_RELATED | PITH_HTML_ZONE_SIDEBAR | \
                       PITH_HTML_ZONE_FOOTER | PITH_HTML_ZONE_NAV | PITH_HTML_ZONE_AD | \
                       PITH_HTML_ZONE_NEWSLETTER | PITH_HTML_ZONE_COOKIE)

/* Inside the article, its own footer and side box hold its date. */
#define FOREIGN_INSIDE (FOREIGN_ZONES & ~(PITH_HTML_ZONE_FOOTER | PITH_HTML_ZONE_SIDEBAR))

/* Zones whose headings and dates are not the page's: navigation may hold
 * the headline ("intro__breadcrumbNavigation"), the rest may not. */
#define NOT_HEADLINE (PITH_HTML_ZONE_COMMENT | PITH_HTML_ZONE_AD | PITH_HTML_ZONE_NEWSLETTER | \
                      PITH_HTML_ZONE_COOKIE | PITH_HTML_ZONE_FOOTER)

static gboolean
is_foreign (const PithHtmlTree    *tree,
            const PithHtmlArticle *article,
            guint32                node)
{
  guint32 root = article->root;
  guint32 zones = article->context[node];

  /* Readers' comments follow the article; what comes before it and is
   * named a comment is a column ("ArticleHeaderComment"). */
  if (root != PITH_HTML_NONE && node < root)
    zones &= ~PITH_HTML_ZONE_COMMENT;
  if (root != PITH_HTML_NONE && node > root && tree->nodes[node].start < tree->nodes[root].end)
    return (zones & ~article->context[root] & FOREIGN_INSIDE) != 0;
  return (zones & FOREIGN_ZONES) != 0;
}

static gboolean
itemprop_is (PithHtmlMetadata *self,
             guint32           node,
             const char       *value)
{
  const char *itemprop;
  gsize length;

  return pith_html_tree_get_attribute (self->tree, node, "itemprop", &itemprop, &length) &&
         length == strlen (value) && g_ascii_strncasecmp (itemprop, value, length) == 0;
}

/* RDFa: property="schema:datePublished", "dc:created". */
static gboolean
property_is (PithHtmlMetadata *self,
             guint32           node,
             const char       *name)
{
  const char *property;
  gsize length;
  gsize n = strlen (name);

  if (!pith_html_tree_get_attribute (self->tree, node, "property", &property, &length) || length < n)
    return FALSE;
  return g_ascii_strncasecmp (property + length - n, name, n) == 0 &&
         (length == n || property[length - n - 1] == ':');
}

/* A date an element states: its datetime or content attribute, or its text. */
static char *
element_date (PithHtmlMetadata *self,
              guint32           node,
              PithHtmlDateFlags flags)
{
  g_autofree char *datetime = attribute (self, node, "datetime");
  g_autofree char *content = NULL;
  g_autofree char *text = NULL;
  char *date;

  if ((date = normalize_date (datetime, 0)) != NULL)
    return date;
  content = attribute (self, node, "content");
  if ((date = normalize_date (content, 0)) != NULL)
    return date;
  g_free (content);
  content = attribute (self, node, "title");
  if ((date = normalize_date (content, flags)) != NULL)
    return date;
  text = element_text (self, node);
  return text_date (text, flags);
}

/* Whether a class or id of @node has one of @words as a word of its own
 * ("post-author", "byline"), as the hints cut them. */
static gboolean
has_class_word (PithHtmlMetadata   *self,
                guint32             node,
                const char * const *words)
{
  static const char * const attributes[] = { "class", "id", NULL };

  for (guint a = 0; attributes[a] != NULL; a++)
    {
      const char *value;
      gsize length;
      g_autofree char *lower = NULL;

      if (!pith_html_tree_get_attribute (self->tree, node, attributes[a], &value, &length) || length > 256)
        continue;
      lower = g_ascii_strdown (value, (gssize) length);
      for (guint w = 0; words[w] != NULL; w++)
        {
          const char *found = lower;
          gsize n = strlen (words[w]);

          while ((found = strstr (found, words[w])) != NULL)
            {
              gboolean starts = found == lower || !g_ascii_isalpha (found[-1]);

              if (starts)
                return TRUE;
              found += n;
            }
        }
    }
  return FALSE;
}

/* A date in a page's scripts, as frameworks write their state:
 * "publishedAt":"2019-03-02T06:22:28+01:00". The first key found wins. */
static char *
script_date (const PithHtmlTree *tree)
{
  static const char * const keys[] = {
    "\"datePublished\"", "\"publishDate\"", "\"publishedDate\"", "\"published_at\"",
    "\"publishedAt\"", "\"firstPublished\"", "\"publicationDate\"", "\"pubDate\"",
    "\"dateCreated\"", "\"createdAt\"", "\"created_at\"", "\"uploadDate\"", NULL,
  };

  for (guint k = 0; keys[k] != NULL; k++)
    {
      gsize n = strlen (keys[k]);
      const char *found = g_strstr_len (tree->html, (gssize) tree->length, keys[k]);

      while (found != NULL)
        {
          const char *p = found + n;
          const char *end = tree->html + tree->length;
          char *date;

          while (p < end && (*p == ' ' || *p == ':' || *p == '\\'))
            p++;
          if (p < end && *p == '"')
            {
              g_autofree char *value = g_strndup (p + 1, pith_html_utf8_cut (p + 1, (gsize) (end - p - 1), 40));
              char *quote = strchr (value, '"');

              if (quote != NULL)
                *quote = '\0';
              if ((date = normalize_date (value, 0)) != NULL)
                return date;
            }
          found = g_strstr_len (found + n, (gssize) (end - found - n), keys[k]);
        }
    }
  return NULL;
}

static gboolean
is_inside (const PithHtmlTree *tree,
           guint32             ancestor,
           guint32             node)
{
  return ancestor != PITH_HTML_NONE && node > ancestor &&
         tree->nodes[node].start < tree->nodes[ancestor].end;
}

static void
read_page (PithHtmlMetadata      *self,
           const PithHtmlArticle *article,
           PithHtmlDateFlags      date_flags)
{
  static const char * const author_words[] = { "author", "byline", "autor", "auteur", "writer", NULL };
  const PithHtmlTree *tree = self->tree;
  guint32 headline = PITH_HTML_NONE;
  guint32 byline_end = 0;

  for (guint32 i = 1; i < tree->n_nodes; i++)
    {
      const PithHtmlNode *n = &tree->nodes[i];
      gboolean in_article;
      Rank shown;

      if (n->tag == PITH_HTML_TAG_TEXT || n->tag == PITH_HTML_TAG_META || n->tag == PITH_HTML_TAG_SCRIPT)
        continue;
      in_article = is_inside (tree, article->root, i) || i == article->root;
      shown = in_article ? RANK_ARTICLE : RANK_PAGE;

      if (n->tag == PITH_HTML_TAG_H1 && headline == PITH_HTML_NONE &&
          !(article->context[i] & NOT_HEADLINE & (i < article->root ? ~(guint32) PITH_HTML_ZONE_COMMENT : ~0u)))
        {
          g_autofree char *text = element_text (self, i);

          if (*text != '\0')
            {
              headline = i;
              set_fact (self, FACT_TITLE, in_article || i < article->root ? RANK_ARTICLE : RANK_PAGE,
                        g_steal_pointer (&text));
            }
        }
      if (is_foreign (tree, article, i))
        continue;

      if (itemprop_is (self, i, "datePublished") || property_is (self, i, "datePublished") ||
          property_is (self, i, "dateCreated"))
        set_fact (self, FACT_PUBLISHED, RANK_MARKED, element_date (self, i, date_flags));
      else if (itemprop_is (self, i, "dateModified"))
        set_fact (self, FACT_MODIFIED, RANK_MARKED, element_date (self, i, date_flags));
      else if (itemprop_is (self, i, "author") || itemprop_is (self, i, "creator"))
        {
          g_autofree char *text = element_text (self, i);

          add_names (self->authors[RANK_MARKED], text);
        }

      if (n->tag == PITH_HTML_TAG_TIME)
        {
          const char *unused;
          gsize length;

          if (pith_html_tree_get_attribute (tree, i, "pubdate", &unused, &length))
            set_fact (self, FACT_PUBLISHED, RANK_MARKED, element_date (self, i, date_flags));
          else
            set_fact (self, FACT_PUBLISHED, shown, element_date (self, i, date_flags));
        }
      else if (n->tag == PITH_HTML_TAG_A)
        {
          g_autofree char *rel = attribute (self, i, "rel");

          if (rel != NULL && g_ascii_strcasecmp (rel, "author") == 0)
            {
              g_autofree char *text = element_text (self, i);

              add_names (self->authors[RANK_MARKED], text);
            }
        }

      /* A byline, a dateline: "Von Anna Berg am 03.05.2013, 11:51". The
       * outermost one says it all. */
      if ((article->zones[i] & PITH_HTML_ZONE_BYLINE) && n->start >= byline_end &&
          n->end - n->start < 4000)
        {
          g_autofree char *text = element_text (self, i);

          if (g_utf8_strlen (text, -1) <= 300)
            {
              byline_end = n->end;
              set_fact (self, FACT_PUBLISHED, shown, element_date (self, i, date_flags));
              if (has_class_word (self, i, author_words))
                add_names (self->authors[shown], text);
            }
        }
    }

  /* A date written near the headline, in any language. */
  if (headline != PITH_HTML_NONE)
    {
      GString *near = g_string_new (NULL);

      guint32 before = headline;

      /* Some lines before it too: "02.12.19 | In the media". */
      for (guint steps = 0; before > 1 && steps < 12; steps++)
        before--;
      for (guint32 j = before; j < tree->n_nodes && near->len < HEADLINE_WINDOW; j++)
        {
          const PithHtmlNode *n = &tree->nodes[j];

          if (n->tag == PITH_HTML_TAG_TEXT && !(article->context[j] & NOT_HEADLINE) &&
              tree->nodes[n->parent].tag != PITH_HTML_TAG_SCRIPT &&
              tree->nodes[n->parent].tag != PITH_HTML_TAG_STYLE)
            {
              g_string_append_len (near, tree->html + n->start,
                               pith_html_utf8_cut (tree->html + n->start, n->end - n->start, 400));
              g_string_append_c (near, ' ');
            }
        }
      set_fact (self, FACT_PUBLISHED, RANK_NEAR_HEADLINE, text_date (near->str, date_flags));
      note_shown_days (self->shown_days, near->str, date_flags);
      g_string_free (near, TRUE);
    }
  set_fact (self, FACT_PUBLISHED, RANK_NEAR_HEADLINE, text_date (self->document_title, date_flags));

  /* The article's text, then the page's: the first date in them. */
  {
    GString *article_text = g_string_new (NULL);
    GString *page_text = g_string_new (NULL);
    GString *footer_text = g_string_new (NULL);

    for (guint32 j = 1; j < tree->n_nodes && page_text->len < PAGE_WINDOW; j++)
      {
        const PithHtmlNode *n = &tree->nodes[j];

        if (n->tag != PITH_HTML_TAG_TEXT || (n->flags & PITH_HTML_NODE_WHITESPACE) ||
            tree->nodes[n->parent].tag == PITH_HTML_TAG_SCRIPT ||
            tree->nodes[n->parent].tag == PITH_HTML_TAG_STYLE || tree->nodes[n->parent].tag == PITH_HTML_TAG_TITLE)
          continue;
        /* A footer's date counts when it says it is the publication's:
         * "Erschienen am 01.11.2023", never "© 2023". */
        if ((article->context[j] & FOREIGN_ZONES) == PITH_HTML_ZONE_FOOTER && footer_text->len < PAGE_WINDOW)
          {
            g_string_append_len (footer_text, tree->html + n->start,
                               pith_html_utf8_cut (tree->html + n->start, n->end - n->start, 400));
            g_string_append_c (footer_text, ' ');
          }
        if (is_foreign (tree, article, j))
          continue;
        if (article->keep[j] != 0 && article_text->len < PAGE_WINDOW)
          {
            g_string_append_len (article_text, tree->html + n->start,
                               pith_html_utf8_cut (tree->html + n->start, n->end - n->start, 400));
            g_string_append_c (article_text, ' ');
          }
        g_string_append_len (page_text, tree->html + n->start,
                               pith_html_utf8_cut (tree->html + n->start, n->end - n->start, 400));
        g_string_append_c (page_text, ' ');
      }
    set_fact (self, FACT_PUBLISHED, RANK_PAGE, text_date (article_text->str, date_flags));
    note_shown_days (self->shown_days, article_text->str, date_flags);
    if (first_fact (self, FACT_PUBLISHED) == NULL)
      set_fact (self, FACT_PUBLISHED, RANK_PAGE, script_date (tree));
    set_fact (self, FACT_PUBLISHED, RANK_PAGE, text_date_said (footer_text->str, date_flags, TRUE));
    set_fact (self, FACT_PUBLISHED, RANK_FALLBACK, g_strdup (first_fact (self, FACT_MODIFIED)));
    set_fact (self, FACT_PUBLISHED, RANK_FALLBACK, text_date (page_text->str, date_flags));
    g_string_free (article_text, TRUE);
    g_string_free (page_text, TRUE);
    g_string_free (footer_text, TRUE);
  }

  if (self->page_url != NULL)
    {
      PithHtmlDate date;

      if (pith_html_date_from_url (self->page_url, &date))
        set_fact (self, FACT_PUBLISHED, RANK_URL, pith_html_date_to_string (&date));
    }
}

/* "Headline | Site", "Site - Headline": the headline alone. */
static char *
strip_site (const char *title,
            const char *site_name)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", NULL };

  for (guint s = 0; separators[s] != NULL; s++)
    {
      const char *separator = strstr (title, separators[s]);
      const char *last = NULL;
      gsize length = strlen (separators[s]);

      if (separator == NULL)
        continue;
      for (const char *p = separator; p != NULL; p = strstr (p + length, separators[s]))
        last = p;
      /* The site is the shorter side: after the last separator, or before
       * the first. */
      if (site_name != NULL && g_ascii_strcasecmp (last + length, site_name) == 0)
        return g_strndup (title, last - title);
      if (site_name != NULL && (gsize) (separator - title) == strlen (site_name) &&
          g_ascii_strncasecmp (title, site_name, separator - title) == 0)
        return g_strdup (separator + length);
      if (strlen (last + length) * 2 < (gsize) (last - title) && strlen (last + length) <= 40)
        return g_strndup (title, last - title);
      if ((gsize) (separator - title) * 2 < strlen (separator + length) && separator - title <= 40)
        return g_strdup (separator + length);
    }
  return g_strdup (title);
}

static gboolean
parse_iso (const char   *text,
           PithHtmlDate *date)
{
  return text != NULL && pith_html_date_parse (text, strlen (text), 0, date);
}

/* The day a page was published on. A date-time stated in UTC names the
 * wrong day for a page written where it was already tomorrow or still
 * yesterday, so a date the page shows, one day off, wins over it; without
 * one, a late UTC hour on a page in a language of Europe moves to the next
 * day, as it did there. */
static char *
choose_published (PithHtmlMetadata *self,
                  const char       *language,
                  Rank             *used)
{
  static const char * const european[] = {
    "de", "fr", "it", "es", "nl", "pl", "pt", "da", "sv", "no", "nb", "fi", "cs", "sk", "hu", "ro",
    "hr", "sl", "el", "bg", "lt", "lv", "et", "ca", NULL,
  };
  PithHtmlDate chosen;
  Rank rank = N_RANKS;

  for (Rank r = 0; r < N_RANKS; r++)
    if (self->facts[FACT_PUBLISHED][r] != NULL)
      {
        rank = r;
        break;
      }
  *used = rank;
  if (rank == N_RANKS)
    return NULL;
  if (!parse_iso (self->facts[FACT_PUBLISHED][rank], &chosen))
    return g_strdup (self->facts[FACT_PUBLISHED][rank]);

  /* A page that shows its last change and not its first is dated by the
   * change ("Updated May 6, 2019"). */
  {
    PithHtmlDate modified;

    if (rank != RANK_URL && parse_iso (first_fact (self, FACT_MODIFIED), &modified) &&
        pith_html_date_day_number (&modified) != pith_html_date_day_number (&chosen) &&
        was_shown (self, &modified) && !was_shown (self, &chosen))
      {
        *used = fact_rank (self, FACT_MODIFIED);
        return g_strdup (first_fact (self, FACT_MODIFIED));
      }
  }
  if (rank >= RANK_MARKED || !chosen.has_time)
    return g_strdup (self->facts[FACT_PUBLISHED][rank]);

  for (Rank shown = RANK_ARTICLE; shown <= RANK_NEAR_HEADLINE; shown++)
    {
      PithHtmlDate date;

      if (parse_iso (self->facts[FACT_PUBLISHED][shown], &date) &&
          ABS (pith_html_date_day_number (&date) - pith_html_date_day_number (&chosen)) == 1)
        {
          *used = shown;
          return g_strdup (self->facts[FACT_PUBLISHED][shown]);
        }
    }

  if (chosen.has_offset && chosen.offset_minutes == 0 && chosen.hour >= 22 && language != NULL &&
      g_strv_contains (european, language))
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) chosen.day, (GDateMonth) chosen.month, (GDateYear) chosen.year);
      g_date_add_days (&day, 1);
      return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                              g_date_get_day (&day));
    }
  return g_strdup (self->facts[FACT_PUBLISHED][rank]);
}

static const char *
first_fact (PithHtmlMetadata *self,
            int               fact)
{
  for (guint s = 0; s < N_RANKS; s++)
    if (self->facts[fact][s] != NULL)
      return self->facts[fact][s];
  return NULL;
}

static void
note_source (JsonObject *sources,
             JsonObject *metadata,
             const char *key,
             Rank        rank)
{
  if (sources != NULL && rank < N_RANKS && json_object_has_member (metadata, key) &&
      !json_object_has_member (sources, key))
    json_object_set_string_member (sources, key, rank_names[rank]);
}

static Rank
fact_rank (PithHtmlMetadata *self,
           int               fact)
{
  for (guint s = 0; s < N_RANKS; s++)
    if (self->facts[fact][s] != NULL)
      return s;
  return N_RANKS;
}

static char *
resolve (PithHtmlMetadata *self,
         const char       *reference)
{
  if (reference == NULL)
    return NULL;
  if (self->page_url != NULL)
    {
      char *resolved = g_uri_resolve_relative (self->page_url, reference, G_URI_FLAGS_NONE, NULL);

      if (resolved != NULL)
        return resolved;
    }
  return g_strdup (reference);
}

/* "de-DE", "de_DE" → "de". */
static char *
language_code (const char *declared)
{
  gsize length = 0;

  if (declared == NULL)
    return NULL;
  while (g_ascii_isalpha (declared[length]))
    length++;
  if (length < 2 || length > 3)
    return NULL;
  return g_ascii_strdown (declared, (gssize) length);
}

static void
write_list (JsonObject *metadata,
            const char *key,
            GPtrArray  *values)
{
  JsonArray *array;

  if (values == NULL || values->len == 0 || json_object_has_member (metadata, key))
    return;
  array = json_array_sized_new (values->len);
  for (guint i = 0; i < values->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (values, i));
  json_object_set_array_member (metadata, key, array);
}

static void
write_string (JsonObject *metadata,
              const char *key,
              char       *value)
{
  if (value != NULL && *value != '\0' && !json_object_has_member (metadata, key))
    json_object_set_string_member (metadata, key, value);
  g_free (value);
}

void
pith_html_metadata_write (PithHtmlMetadata      *self,
                          const PithHtmlArticle *article,
                          JsonObject            *metadata,
                          JsonObject            *sources)
{
  g_autofree char *language = language_code (first_fact (self, FACT_LANGUAGE));
  PithHtmlDateFlags date_flags = 0;
  const char *site_name;
  const char *title;
  Rank published_rank;

  /* 03/04/2020 is the 3rd of April everywhere but in the United States. */
  if (language != NULL && strcmp (language, "en") != 0)
    date_flags |= PITH_HTML_DATE_DAY_FIRST;
  read_page (self, article, date_flags);

  site_name = first_fact (self, FACT_SITE_NAME);
  set_fact (self, FACT_TITLE, RANK_FALLBACK, g_strdup (self->document_title));
  title = first_fact (self, FACT_TITLE);
  if (title != NULL)
    write_string (metadata, "title", strip_site (title, site_name));
  note_source (sources, metadata, "title", fact_rank (self, FACT_TITLE));

  for (guint s = 0; s < N_RANKS; s++)
    if (self->authors[s]->len > 0)
      {
        write_list (metadata, "authors", self->authors[s]);
        note_source (sources, metadata, "authors", s);
        break;
      }
  write_string (metadata, "published", choose_published (self, language, &published_rank));
  note_source (sources, metadata, "published", published_rank);
  write_string (metadata, "modified", g_strdup (first_fact (self, FACT_MODIFIED)));
  note_source (sources, metadata, "modified", fact_rank (self, FACT_MODIFIED));
  write_string (metadata, "site_name", g_strdup (site_name));
  note_source (sources, metadata, "site_name", fact_rank (self, FACT_SITE_NAME));
  write_string (metadata, "language", g_steal_pointer (&language));
  note_source (sources, metadata, "language", fact_rank (self, FACT_LANGUAGE));
  /* The page's own canonical URL wins over the one it was fetched from. */
  if (first_fact (self, FACT_URL) != NULL)
    json_object_remove_member (metadata, "url");
  write_string (metadata, "url", resolve (self, first_fact (self, FACT_URL) != NULL ? first_fact (self, FACT_URL)
                                                                                       : self->page_url));
  write_string (metadata, "description", g_strdup (first_fact (self, FACT_DESCRIPTION)));
  write_list (metadata, "tags", self->tags);
  write_string (metadata, "image", resolve (self, first_fact (self, FACT_IMAGE)));
}
