/* pith-html-article.c: finding the article in a page
 *
 * The way the best extractors do it, in passes over the tree's node array
 * (document order, children after parents), each linear:
 *
 * 1. Markup that is never text goes (script, style, form controls, media),
 *    and so do hidden parts and the page's own nav, footer and aside.
 * 2. Every node's visible text is measured: characters, characters inside
 *    links, punctuation, paragraphs (blocks with no blocks inside).
 * 3. Paragraphs score their ancestors as readability does (commas, length,
 *    fading with distance), weighed by link density and by what the
 *    elements' names say.
 * 4. The content root is the element the page names as its article body
 *    (itemprop=articleBody, class="article-body" and kin, then <article>,
 *    then <main> and id="content"), unless it is a small box away from the
 *    best-scored region; else the best-scored element and its siblings
 *    that score or read like text.
 * 5. Inside the root, furniture is pruned: parts named nav, related, share,
 *    comment, byline and the like, link lists, forms, blocks announced by
 *    a heading such as "Related" or "Lesen Sie auch", lines that only date
 *    the page, and the short lines after the article's last paragraph.
 * 6. A root with little text (under MIN_ARTICLE_CHARS) is weighed against
 *    broader selections: the scored region, every paragraph of the page;
 *    the most precise one that finds most of what they find wins, and the
 *    whole body, then all its text, only when they find next to nothing.
 *    The path taken is reported.
 * 7. The block model (pith-html-blocks.c) has the last word on each block
 *    of text, with what the rules decided among its features.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-html-article-private.h"
#include "pith-html-blocks-private.h"
#include "pith-html-dates-private.h"
#include "pith-html-references-private.h"

/* A selection with fewer characters than this is weighed against the
 * broader ones. */
#define MIN_ARTICLE_CHARS 3000
/* Less than this is no article at all. */
#define SHORT_ARTICLE_CHARS 1
/* A page with less text than this is a fragment: nothing to judge. */
#define MIN_JUDGED_CHARS 500
/* A named root needs this much text of its own. */
#define MIN_ROOT_CHARS 125
/* After the article's last paragraph (a block of LAST_PARAGRAPH_CHARS or
 * more), blocks shorter than TAIL_MAX_CHARS go. */
#define LAST_PARAGRAPH_CHARS 60
#define TAIL_MAX_CHARS 80
/* Headings and labels ("Related:", "Teilen") are short. */
#define LABEL_MAX_CHARS 60
#define LABEL_MAX_BYTES 240
#define LABEL_MAX_NODES 24
/* Readability's reach: a paragraph scores five generations up. */
#define SCORE_LEVELS 5

typedef enum {
  NODE_MARKUP    = 1 << 0,  /* never text: script, style, controls */
  NODE_REMOVED   = 1 << 1,  /* hidden, or the page's nav, footer, aside */
  NODE_PRUNED    = 1 << 2,  /* furniture inside the root */
  NODE_ROOT      = 1 << 3,  /* a chosen root */
  NODE_BLOCKS    = 1 << 4,  /* has block elements inside */
  NODE_NEGATIVE  = 1 << 5,  /* it or an ancestor is named as furniture */
  NODE_CUT       = 1 << 6,  /* a child announced the rest as furniture */
} NodeFlags;

/* Zones that prune a part inside the article. */
#define FURNITURE (PITH_HTML_ZONE_NAV | PITH_HTML_ZONE_FOOTER | PITH_HTML_ZONE_SIDEBAR | \
                   PITH_HTML_ZONE_RELATED | PITH_HTML_ZONE_SHARE | PITH_HTML_ZONE_NEWSLETTER | \
                   PITH_HTML_ZONE_AD | PITH_HTML_ZONE_COOKIE | PITH_HTML_ZONE_COMMENT | \
                   PITH_HTML_ZONE_BYLINE | PITH_HTML_ZONE_TAGS | PITH_HTML_ZONE_MODAL)

/* Zones named so on an element of any size. */
#define STRONG_FURNITURE (PITH_HTML_ZONE_COMMENT | PITH_HTML_ZONE_FOOTER | PITH_HTML_ZONE_COOKIE | \
                          PITH_HTML_ZONE_NAV | PITH_HTML_ZONE_NEWSLETTER)

typedef struct
{
  guint32 chars;            /* visible characters, blanks not counted */
  guint32 link_chars;       /* of which inside links */
  guint32 punctuation;      /* commas and sentence ends */
  guint32 links;
  guint32 paragraphs;       /* blocks of 40 characters or more with no blocks inside */
} Stats;

typedef struct
{
  const PithHtmlTree *tree;
  const PithHtmlArticleOptions *options;
  PithHtmlArticle *article;
  guint32 n;
  guint8 *flags;
  guint32 *zones;
  guint8 *tiers;
  guint32 *subtree_end;     /* index just past each node's subtree */
  Stats *stats;
  float *scores;
  guint32 body;             /* the body, or the document */
  guint path;               /* the path last selected */
  guint tier;               /* and its root's tier */
  guint32 headline;         /* the headline added to the root, or PITH_HTML_NONE */
} Finder;

typedef enum {
  PATH_NAMED,
  PATH_SCORED,
  PATH_PARAGRAPHS,
  PATH_BODY,
  PATH_ALL,
  N_PATHS
} Path;

static inline const PithHtmlNode *
node (Finder  *finder,
      guint32  i)
{
  return &finder->tree->nodes[i];
}

static inline guint32
content_chars (Finder  *finder,
               guint32  i)
{
  return finder->stats[i].chars - MIN (finder->stats[i].link_chars, finder->stats[i].chars);
}

static inline float
link_density (Finder  *finder,
              guint32  i)
{
  return finder->stats[i].chars > 0 ? (float) finder->stats[i].link_chars / finder->stats[i].chars : 0.f;
}

static gboolean
contains (Finder  *finder,
          guint32  ancestor,
          guint32  i)
{
  return i >= ancestor && i < finder->subtree_end[ancestor];
}

static PithHtmlZone
zone_of_tag (guint tag)
{
  switch (tag)
    {
    case PITH_HTML_TAG_SCRIPT:
    case PITH_HTML_TAG_STYLE:
    case PITH_HTML_TAG_NOSCRIPT:
    case PITH_HTML_TAG_TEMPLATE:
    case PITH_HTML_TAG_SVG:
    case PITH_HTML_TAG_MATH:
    case PITH_HTML_TAG_IFRAME:
    case PITH_HTML_TAG_OBJECT:
    case PITH_HTML_TAG_EMBED:
    case PITH_HTML_TAG_CANVAS:
    case PITH_HTML_TAG_SELECT:
    case PITH_HTML_TAG_TEXTAREA:
    case PITH_HTML_TAG_BUTTON:
    case PITH_HTML_TAG_INPUT:
    case PITH_HTML_TAG_OPTION:
    case PITH_HTML_TAG_OPTGROUP:
    case PITH_HTML_TAG_DATALIST:
    case PITH_HTML_TAG_HEAD:
    case PITH_HTML_TAG_TITLE:
    case PITH_HTML_TAG_AUDIO:
    case PITH_HTML_TAG_VIDEO:
    case PITH_HTML_TAG_MAP:
    case PITH_HTML_TAG_FRAMESET:
    case PITH_HTML_TAG_NOEMBED:
    case PITH_HTML_TAG_NOFRAMES:
    case PITH_HTML_TAG_RT:
    case PITH_HTML_TAG_RP:
      return PITH_HTML_ZONE_MARKUP;
    case PITH_HTML_TAG_NAV:
    case PITH_HTML_TAG_MENU:
      return PITH_HTML_ZONE_NAV;
    case PITH_HTML_TAG_FOOTER:
      return PITH_HTML_ZONE_FOOTER;
    case PITH_HTML_TAG_ASIDE:
      return PITH_HTML_ZONE_SIDEBAR;
    case PITH_HTML_TAG_DIALOG:
      return PITH_HTML_ZONE_MODAL;
    default:
      return 0;
    }
}

static gboolean
is_block (guint tag)
{
  return (pith_html_tag_flags (tag) & (PITH_HTML_BLOCK | PITH_HTML_CELL)) != 0 &&
         tag != PITH_HTML_TAG_DOCUMENT;
}

/* Pass 1: names, markup, hidden parts. */
static void
read_names (Finder *finder)
{
  for (guint32 i = 1; i < finder->n; i++)
    {
      const PithHtmlNode *n = node (finder, i);
      guint8 inherited = finder->flags[n->parent] & (NODE_MARKUP | NODE_REMOVED);
      PithHtmlHints hints;
      PithHtmlZone tag_zone;

      finder->flags[i] = inherited;
      if (inherited != 0 || n->tag == PITH_HTML_TAG_TEXT)
        continue;

      pith_html_hints_read (finder->tree, i, &hints);
      tag_zone = zone_of_tag (n->tag);
      finder->zones[i] = hints.zones | tag_zone;
      finder->tiers[i] = hints.root_tier;
      if (n->tag == PITH_HTML_TAG_ARTICLE && (hints.root_tier == 0 || hints.root_tier > 2))
        finder->tiers[i] = 2;
      else if (n->tag == PITH_HTML_TAG_MAIN && hints.root_tier == 0)
        finder->tiers[i] = 3;

      if (tag_zone == PITH_HTML_ZONE_MARKUP)
        finder->flags[i] |= NODE_MARKUP;
      else if (tag_zone != 0 || (hints.zones & PITH_HTML_ZONE_HIDDEN))
        finder->flags[i] |= NODE_REMOVED;
    }
}

static gboolean
is_punctuation (const char *text,
                gsize       i,
                gsize       end)
{
  guchar c = (guchar) text[i];

  if (c == ',' || c == '.' || c == '!' || c == '?' || c == ';')
    return TRUE;
  /* 、 。 ， ！ ？ and the Arabic comma. */
  if (c == 0xE3 && i + 2 < end && (guchar) text[i + 1] == 0x80 &&
      ((guchar) text[i + 2] == 0x81 || (guchar) text[i + 2] == 0x82))
    return TRUE;
  if (c == 0xEF && i + 2 < end && (guchar) text[i + 1] == 0xBC &&
      ((guchar) text[i + 2] == 0x8C || (guchar) text[i + 2] == 0x81 || (guchar) text[i + 2] == 0x9F))
    return TRUE;
  return c == 0xD8 && i + 1 < end && (guchar) text[i + 1] == 0x8C;
}

static void
measure_text (Finder  *finder,
              guint32  i)
{
  const PithHtmlNode *n = node (finder, i);
  const char *html = finder->tree->html;
  Stats *stats = &finder->stats[i];

  if (n->flags & PITH_HTML_NODE_WHITESPACE)
    return;
  for (gsize b = n->start; b < n->end; b++)
    {
      guchar c = (guchar) html[b];

      if (c == '&')
        {
          /* A reference is one character; skip its name. */
          gsize j = b + 1;

          while (j < n->end && j - b < 12 && (g_ascii_isalnum (html[j]) || html[j] == '#'))
            j++;
          if (j < n->end && html[j] == ';')
            {
              stats->chars++;
              b = j;
              continue;
            }
        }
      if ((c & 0xC0) == 0x80 || g_ascii_isspace (c))
        continue;
      stats->chars++;
      if (is_punctuation (html, b, n->end))
        stats->punctuation++;
    }
}

/* Pass 2, children before parents: sizes of text and subtrees. */
static void
measure (Finder *finder)
{
  for (guint32 i = 0; i < finder->n; i++)
    finder->subtree_end[i] = i + 1;

  for (guint32 i = finder->n - 1; i > 0; i--)
    {
      const PithHtmlNode *n = node (finder, i);
      guint32 parent = n->parent;
      Stats *stats = &finder->stats[i];
      Stats *up = &finder->stats[parent];

      finder->subtree_end[parent] = MAX (finder->subtree_end[parent], finder->subtree_end[i]);
      if (finder->flags[i] & NODE_MARKUP)
        continue;

      if (n->tag == PITH_HTML_TAG_TEXT)
        measure_text (finder, i);
      else
        {
          if (n->tag == PITH_HTML_TAG_A)
            {
              stats->link_chars = stats->chars;
              stats->links++;
            }
          if (is_block (n->tag) && !(finder->flags[i] & NODE_BLOCKS) && stats->chars >= 40)
            stats->paragraphs++;
          if (is_block (n->tag) || (finder->flags[i] & NODE_BLOCKS))
            finder->flags[parent] |= NODE_BLOCKS;
        }

      /* A removed part is measured for the audit, not for its parent. */
      if ((finder->flags[i] & NODE_REMOVED) && !(finder->flags[parent] & NODE_REMOVED))
        continue;
      up->chars += stats->chars;
      up->link_chars += stats->link_chars;
      up->punctuation += stats->punctuation;
      up->links += stats->links;
      up->paragraphs += stats->paragraphs;
    }
}

/* Pass 3a: which parts are furniture with what they hold, inherited. A name
 * on an element that holds most of the page ("page sidebar-left") is
 * ignored: it styles the page, it does not mark a box. */
static void
mark_negative (Finder *finder)
{
  guint32 page_chars = MAX (finder->stats[finder->body].chars, 1);
  guint32 *context = finder->article->context;

  for (guint32 i = 1; i < finder->n; i++)
    {
      const PithHtmlNode *n = node (finder, i);

      context[i] = context[n->parent];
      if (finder->flags[n->parent] & NODE_NEGATIVE)
        finder->flags[i] |= NODE_NEGATIVE;
      if (n->tag == PITH_HTML_TAG_TEXT || n->tag == PITH_HTML_TAG_BODY || n->tag == PITH_HTML_TAG_HTML)
        continue;
      /* Layouts and posts name what they hold or sit beside ("with-sidebar",
       * "has-sharebar", "tag-harbour"): such names count on small elements
       * only. Comments, footers and cookie notices are what they say. */
      if ((finder->zones[i] & STRONG_FURNITURE) != 0 ||
          ((finder->zones[i] & (FURNITURE | PITH_HTML_ZONE_CAPTION)) && finder->stats[i].chars * 2 < page_chars))
        {
          if (finder->zones[i] & FURNITURE)
            finder->flags[i] |= NODE_NEGATIVE;
          context[i] |= finder->zones[i] & (FURNITURE | PITH_HTML_ZONE_CAPTION);
        }
    }
}

static float
tag_weight (guint tag)
{
  switch (tag)
    {
    case PITH_HTML_TAG_DIV:
    case PITH_HTML_TAG_ARTICLE:
    case PITH_HTML_TAG_SECTION:
    case PITH_HTML_TAG_MAIN:
      return 5;
    case PITH_HTML_TAG_PRE:
    case PITH_HTML_TAG_TD:
    case PITH_HTML_TAG_BLOCKQUOTE:
      return 3;
    case PITH_HTML_TAG_ADDRESS:
    case PITH_HTML_TAG_OL:
    case PITH_HTML_TAG_UL:
    case PITH_HTML_TAG_DL:
    case PITH_HTML_TAG_DD:
    case PITH_HTML_TAG_DT:
    case PITH_HTML_TAG_LI:
    case PITH_HTML_TAG_FORM:
      return -3;
    case PITH_HTML_TAG_H1:
    case PITH_HTML_TAG_H2:
    case PITH_HTML_TAG_H3:
    case PITH_HTML_TAG_H4:
    case PITH_HTML_TAG_H5:
    case PITH_HTML_TAG_H6:
    case PITH_HTML_TAG_TH:
      return -5;
    default:
      return 0;
    }
}

/* Pass 3b: paragraphs score their ancestors. Returns the best element. */
static guint32
score (Finder *finder)
{
  guint32 best = PITH_HTML_NONE;
  float best_score = 0;

  for (guint32 i = 1; i < finder->n; i++)
    {
      const PithHtmlNode *n = node (finder, i);
      const Stats *stats = &finder->stats[i];
      float points;
      guint32 ancestor = n->parent;

      if (n->tag == PITH_HTML_TAG_TEXT || (finder->flags[i] & (NODE_MARKUP | NODE_REMOVED | NODE_BLOCKS)) ||
          !is_block (n->tag) || stats->chars < 25)
        continue;
      points = 1 + stats->punctuation + MIN (stats->chars / 100.f, 3.f);
      for (guint level = 0; level < SCORE_LEVELS && ancestor != PITH_HTML_NONE; level++)
        {
          float divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

          finder->scores[ancestor] += points / divider;
          ancestor = node (finder, ancestor)->parent;
        }
    }

  for (guint32 i = 1; i < finder->n; i++)
    {
      float total;

      if (finder->scores[i] <= 0 || (finder->flags[i] & (NODE_MARKUP | NODE_REMOVED)))
        continue;
      total = finder->scores[i] + tag_weight (node (finder, i)->tag);
      if (finder->tiers[i] != 0)
        total += 25;
      if (finder->zones[i] & FURNITURE)
        total -= 25;
      total *= 1 - link_density (finder, i);
      finder->scores[i] = total;
      if (total > best_score)
        {
          best_score = total;
          best = i;
        }
    }
  return best;
}

/* A named body often leaves out what its article puts before it: the
 * headline, the lead, the dateline ("<article><header><p class=intro>…
 * </header><div class=article-body>"). The enclosing article (or main)
 * is taken instead when it holds little more than the body. */
static guint32
widen_to_article (Finder  *finder,
                  guint32  body)
{
  guint32 body_chars = content_chars (finder, body);
  guint32 ancestor = node (finder, body)->parent;

  for (guint level = 0; level < 6 && ancestor != PITH_HTML_NONE && ancestor != finder->body; level++)
    {
      guint tag = node (finder, ancestor)->tag;

      if (content_chars (finder, ancestor) * 10 > body_chars * 16 + 8000)
        break;
      if (tag == PITH_HTML_TAG_ARTICLE || tag == PITH_HTML_TAG_MAIN ||
          (finder->tiers[ancestor] != 0 && finder->tiers[ancestor] <= 2))
        return (finder->flags[ancestor] & (NODE_NEGATIVE | NODE_REMOVED)) ? body : ancestor;
      ancestor = node (finder, ancestor)->parent;
    }
  return body;
}

/* The largest element of each tier the page names as its article. */
static guint32
find_named (Finder  *finder,
            guint32  scored,
            guint   *tier_found)
{
  guint32 best[4] = { 0, };

  for (guint32 i = 1; i < finder->n; i++)
    {
      guint tier = finder->tiers[i];

      if (tier == 0 || (finder->flags[i] & (NODE_MARKUP | NODE_REMOVED | NODE_NEGATIVE)))
        continue;
      if (best[tier] == PITH_HTML_NONE || content_chars (finder, i) > content_chars (finder, best[tier]))
        best[tier] = i;
    }

  for (guint tier = 1; tier <= 3; tier++)
    {
      guint32 candidate = best[tier];

      if (candidate == PITH_HTML_NONE || content_chars (finder, candidate) < MIN_ROOT_CHARS)
        continue;
      /* A small box away from where the text is. */
      if (scored != PITH_HTML_NONE && !contains (finder, candidate, scored) &&
          !contains (finder, scored, candidate) &&
          content_chars (finder, candidate) * 4 < content_chars (finder, scored))
        continue;
      *tier_found = tier;
      if (tier == 1)
        candidate = widen_to_article (finder, candidate);
      return candidate;
    }
  return PITH_HTML_NONE;
}

static void
prune (Finder       *finder,
       guint32       i,
       PithHtmlZone  zone)
{
  finder->flags[i] |= NODE_PRUNED;
  if ((finder->zones[i] & FURNITURE) == 0)
    finder->zones[i] |= zone;
}

/* The text of a short element, references decoded, or NULL when it is
 * longer than a label or spread over too many nodes. */
static char *
label_text (Finder  *finder,
            guint32  i)
{
  const char *html = finder->tree->html;
  GString *text = NULL;
  guint visited = 0;

  for (guint32 j = i + 1; j < finder->subtree_end[i]; j++)
    {
      const PithHtmlNode *n = node (finder, j);

      if (++visited > LABEL_MAX_NODES)
        break;
      if (n->tag != PITH_HTML_TAG_TEXT || (finder->flags[j] & (NODE_MARKUP | NODE_REMOVED)))
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      if (text->len + (n->end - n->start) > LABEL_MAX_BYTES)
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      g_string_append_len (text, html + n->start, n->end - n->start);
      g_string_append_c (text, ' ');
    }
  if (visited > LABEL_MAX_NODES)
    {
      if (text != NULL)
        g_string_free (text, TRUE);
      return NULL;
    }
  if (text == NULL)
    return NULL;
  {
    char *decoded = pith_html_decode (text->str, text->len,
                                      pith_word_list_get ("clean/html-entities.txt"));
    g_string_free (text, TRUE);
    return decoded;
  }
}

static gboolean
is_label (Finder  *finder,
          guint32  i)
{
  const PithHtmlNode *n = node (finder, i);
  guint32 chars = finder->stats[i].chars;

  if (chars == 0 || chars > LABEL_MAX_CHARS)
    return FALSE;
  if (is_block (n->tag))
    return TRUE;
  /* An inline element that is all of its block: "<p><b>Related</b></p>". */
  return chars == finder->stats[n->parent].chars && !is_block (node (finder, n->parent)->tag);
}

static gboolean
is_link_list (Finder  *finder,
              guint32  i)
{
  const PithHtmlNode *n = node (finder, i);
  const Stats *stats = &finder->stats[i];
  float density = link_density (finder, i);

  if (n->tag == PITH_HTML_TAG_A || stats->links == 0)
    return FALSE;
  if (!is_block (n->tag) && stats->links < 3)
    return FALSE;
  if (density >= 0.8f && stats->chars < 300)
    return TRUE;
  return density > 0.5f && stats->links >= 3 && stats->paragraphs <= 1;
}

/* Pass 5: furniture inside the root. */
static void
prune_inside (Finder  *finder,
              guint32  root)
{
  guint32 root_chars = MAX (content_chars (finder, root), 1);
  gboolean seen_paragraph = FALSE;

  for (guint32 i = root + 1; i < finder->subtree_end[root]; i++)
    {
      const PithHtmlNode *n = node (finder, i);
      guint32 parent = n->parent;
      guint32 zones;

      if ((finder->flags[parent] & (NODE_PRUNED | NODE_MARKUP | NODE_REMOVED)) && parent != root)
        {
          finder->flags[i] |= NODE_PRUNED;
          continue;
        }
      if (n->tag == PITH_HTML_TAG_TEXT || (finder->flags[i] & (NODE_MARKUP | NODE_REMOVED)))
        continue;
      if (is_block (n->tag) && !(finder->flags[i] & NODE_BLOCKS) && finder->stats[i].chars >= 80 &&
          link_density (finder, i) < 0.3f)
        seen_paragraph = TRUE;

      zones = finder->zones[i] & FURNITURE;
      if (finder->options->captions)
        zones &= ~PITH_HTML_ZONE_CAPTION;
      else
        zones |= finder->zones[i] & PITH_HTML_ZONE_CAPTION;

      if (zones == PITH_HTML_ZONE_RELATED && !seen_paragraph && link_density (finder, i) < 0.3f &&
          finder->stats[i].paragraphs > 0)
        ;                   /* a lead named "teaser", before the body text */
      else if (zones != 0 && content_chars (finder, i) * 10 < root_chars * 6)
        prune (finder, i, zones);
      else if (is_link_list (finder, i))
        prune (finder, i, PITH_HTML_ZONE_LINKS);
      else if (n->tag == PITH_HTML_TAG_FORM && finder->stats[i].paragraphs == 0)
        prune (finder, i, PITH_HTML_ZONE_NEWSLETTER);
      else if (!finder->options->captions &&
               (n->tag == PITH_HTML_TAG_FIGCAPTION || n->tag == PITH_HTML_TAG_FIGURE))
        prune (finder, i, PITH_HTML_ZONE_CAPTION);
      else if (finder->flags[parent] & NODE_CUT)
        {
          if (link_density (finder, i) > 0.3f || finder->stats[i].chars < 200 ||
              n->tag == PITH_HTML_TAG_UL || n->tag == PITH_HTML_TAG_OL)
            prune (finder, i, PITH_HTML_ZONE_HEADING);
          else
            finder->flags[parent] &= ~NODE_CUT;
        }
      else if (is_label (finder, i))
        {
          g_autofree char *label = label_text (finder, i);
          PithHtmlZone zone;

          if (label != NULL && pith_html_hints_match_heading (label, strlen (label), &zone))
            {
              prune (finder, i, zone);
              if (parent != root || pith_html_tag_flags (n->tag) & PITH_HTML_HEADING)
                finder->flags[parent] |= NODE_CUT;
            }
          else if (label != NULL && pith_html_date_is_line (label, strlen (label)))
            prune (finder, i, PITH_HTML_ZONE_BYLINE);
        }
    }
}

static gboolean
is_kept_block (Finder  *finder,
               guint32  i)
{
  const PithHtmlNode *n = node (finder, i);

  return n->tag != PITH_HTML_TAG_TEXT && is_block (n->tag) && !(finder->flags[i] & NODE_BLOCKS) &&
         !(finder->flags[i] & (NODE_PRUNED | NODE_MARKUP | NODE_REMOVED)) && finder->stats[i].chars > 0;
}

/* Items of a list or a table, quotes, code: short by nature. */
static gboolean
is_listed (Finder  *finder,
           guint32  i)
{
  switch (node (finder, i)->tag)
    {
    case PITH_HTML_TAG_LI:
    case PITH_HTML_TAG_DD:
    case PITH_HTML_TAG_DT:
    case PITH_HTML_TAG_TD:
    case PITH_HTML_TAG_TH:
    case PITH_HTML_TAG_TR:
    case PITH_HTML_TAG_BLOCKQUOTE:
    case PITH_HTML_TAG_PRE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* After the article's last paragraph come its furniture: "Quelle: dpa",
 * "Weitere Informationen", an appeal, a label. Short blocks there go. */
static void
prune_tail (Finder  *finder,
            guint32  root)
{
  guint32 last_paragraph = PITH_HTML_NONE;

  for (guint32 i = root + 1; i < finder->subtree_end[root]; i++)
    {
      if (finder->flags[i] & (NODE_PRUNED | NODE_MARKUP | NODE_REMOVED))
        {
          i = finder->subtree_end[i] - 1;
          continue;
        }
      if (is_kept_block (finder, i) && finder->stats[i].chars >= LAST_PARAGRAPH_CHARS &&
          link_density (finder, i) < 0.3f)
        last_paragraph = i;
    }
  if (last_paragraph == PITH_HTML_NONE)
    return;
  for (guint32 i = finder->subtree_end[last_paragraph]; i < finder->subtree_end[root]; i++)
    {
      if (finder->flags[i] & (NODE_PRUNED | NODE_MARKUP | NODE_REMOVED))
        {
          i = finder->subtree_end[i] - 1;
          continue;
        }
      if (is_kept_block (finder, i) && finder->stats[i].chars < TAIL_MAX_CHARS && !is_listed (finder, i))
        prune (finder, i, PITH_HTML_ZONE_LINKS);
    }
}

/* The page's headline: the root's first h1, or when the root leaves it
 * out, the first h1 before the root that is not furniture. */
static guint32
find_headline (Finder  *finder,
               guint32  root)
{
  for (guint32 i = root + 1; i < finder->subtree_end[root]; i++)
    if (node (finder, i)->tag == PITH_HTML_TAG_H1 && finder->stats[i].chars > 0 &&
        !(finder->flags[i] & (NODE_MARKUP | NODE_REMOVED | NODE_PRUNED)))
      return i;
  for (guint32 i = 1; i < root; i++)
    {
      const PithHtmlNode *n = node (finder, i);

      if (n->tag == PITH_HTML_TAG_H1 && finder->stats[i].chars > 0 &&
          !(finder->flags[i] & (NODE_MARKUP | NODE_REMOVED | NODE_NEGATIVE)))
        return i;
    }
  return PITH_HTML_NONE;
}

/* Articles split into several blocks of the same name ("columns-holder",
 * a gallery's slides, the text between two ads): the named blocks that
 * share the root's parent or grandparent join it. */
static void
add_kin (Finder  *finder,
         guint32  root,
         guint    tier)
{
  guint32 parent = node (finder, root)->parent;
  guint32 grandparent = parent != PITH_HTML_NONE ? node (finder, parent)->parent : PITH_HTML_NONE;
  guint32 family = grandparent != PITH_HTML_NONE && grandparent != finder->body ? grandparent : parent;

  if (family == PITH_HTML_NONE || family == finder->body)
    return;
  for (guint32 i = family + 1; i < finder->subtree_end[family]; i++)
    {
      if (contains (finder, root, i))
        {
          i = finder->subtree_end[root] - 1;
          continue;
        }
      if (finder->tiers[i] == tier && node (finder, i)->tag == node (finder, root)->tag &&
          !(finder->flags[i] & (NODE_MARKUP | NODE_REMOVED | NODE_NEGATIVE)) &&
          content_chars (finder, i) >= 30)
        {
          finder->flags[i] |= NODE_ROOT;
          prune_inside (finder, i);
          i = finder->subtree_end[i] - 1;
        }
    }
}

/* Readability's siblings: those of the top candidate that score well or
 * read as paragraphs join it. */
static void
add_siblings (Finder  *finder,
              guint32  top)
{
  guint32 parent = node (finder, top)->parent;
  float threshold = MAX (10.f, finder->scores[top] * 0.2f);

  if (top == finder->body || parent == PITH_HTML_NONE)
    return;
  for (guint32 s = node (finder, parent)->first_child; s != PITH_HTML_NONE; s = node (finder, s)->next_sibling)
    {
      const PithHtmlNode *n = node (finder, s);

      if (s == top || n->tag == PITH_HTML_TAG_TEXT ||
          (finder->flags[s] & (NODE_MARKUP | NODE_REMOVED | NODE_NEGATIVE)))
        continue;
      if (finder->scores[s] >= threshold ||
          (n->tag == PITH_HTML_TAG_P && finder->stats[s].chars > 80 && link_density (finder, s) < 0.25f))
        finder->flags[s] |= NODE_ROOT;
    }
}

static void
clear_selection (Finder *finder)
{
  for (guint32 i = 0; i < finder->n; i++)
    finder->flags[i] &= ~(NODE_PRUNED | NODE_ROOT | NODE_CUT);
}

/* Marks the text nodes kept; returns their characters. */
static guint32
keep_selected (Finder   *finder,
               gboolean  with_removed)
{
  guint8 *keep = finder->article->keep;
  guint8 *inside = g_new0 (guint8, finder->n);
  guint32 chars = 0;
  guint8 dropping = NODE_MARKUP | NODE_PRUNED | (with_removed ? 0 : NODE_REMOVED);

  memset (keep, PITH_HTML_DROP, finder->n);
  inside[0] = (finder->flags[0] & NODE_ROOT) != 0;
  for (guint32 i = 1; i < finder->n; i++)
    {
      const PithHtmlNode *n = node (finder, i);

      inside[i] = ((finder->flags[i] & NODE_ROOT) || inside[n->parent]) &&
                  !(finder->flags[i] & dropping);
      if (inside[i] && n->tag == PITH_HTML_TAG_TEXT)
        {
          keep[i] = PITH_HTML_KEEP;
          chars += finder->stats[i].chars;
        }
      else if (finder->options->comments && n->tag == PITH_HTML_TAG_TEXT &&
               (finder->article->context[i] & PITH_HTML_ZONE_COMMENT) &&
               !(finder->flags[i] & (NODE_MARKUP | NODE_REMOVED)))
        keep[i] = PITH_HTML_KEEP_COMMENT;
    }
  g_free (inside);
  return chars;
}

static guint32
select_path (Finder  *finder,
             Path     path,
             guint32  scored)
{
  static const char * const tier_paths[] = { NULL, "article-body", "article", "main" };
  guint32 root = PITH_HTML_NONE;
  guint tier = 0;

  clear_selection (finder);
  finder->path = path;
  finder->tier = 0;
  finder->headline = PITH_HTML_NONE;
  switch (path)
    {
    case PATH_NAMED:
      root = find_named (finder, scored, &tier);
      if (root == PITH_HTML_NONE)
        return 0;
      finder->article->path = tier_paths[tier];
      finder->tier = tier;
      add_kin (finder, root, tier);
      break;
    case PATH_SCORED:
      if (scored == PITH_HTML_NONE)
        return 0;
      root = scored;
      add_siblings (finder, root);
      finder->article->path = "scored";
      break;
    case PATH_PARAGRAPHS:
      for (guint32 i = 1; i < finder->n; i++)
        {
          const PithHtmlNode *n = node (finder, i);

          if (is_block (n->tag) && !(finder->flags[i] & (NODE_BLOCKS | NODE_MARKUP | NODE_REMOVED |
                                                         NODE_NEGATIVE)) &&
              finder->stats[i].chars >= 30 && link_density (finder, i) < 0.5f)
            finder->flags[i] |= NODE_ROOT;
        }
      finder->article->path = "paragraphs";
      finder->article->root = PITH_HTML_NONE;
      return keep_selected (finder, FALSE);
    case PATH_BODY:
      root = finder->body;
      finder->article->path = "body";
      break;
    case PATH_ALL:
    default:
      finder->flags[finder->body] |= NODE_ROOT;
      finder->article->path = "all";
      finder->article->root = finder->body;
      return keep_selected (finder, TRUE);
    }

  finder->flags[root] |= NODE_ROOT;
  finder->article->root = root;
  prune_inside (finder, root);
  /* On a short page the last short lines are as likely its own. */
  if (finder->article->judged)
    prune_tail (finder, root);
  if (path != PATH_BODY)
    {
      guint32 headline = find_headline (finder, root);

      if (headline != PITH_HTML_NONE && !contains (finder, root, headline))
        finder->flags[headline] |= NODE_ROOT;
      finder->headline = headline;
    }
  return keep_selected (finder, FALSE);
}

/* Counts and lists the parts left out: the outermost elements with text of
 * which none is kept. */
static void
list_dropped (Finder *finder)
{
  PithHtmlArticle *article = finder->article;
  guint8 *has_kept = g_new0 (guint8, finder->n);

  for (guint32 i = finder->n - 1; i > 0; i--)
    {
      if (article->keep[i] != PITH_HTML_DROP)
        has_kept[i] = 1;
      if (has_kept[i])
        has_kept[node (finder, i)->parent] = 1;
    }

  for (guint32 i = 1; i < finder->n; i++)
    {
      const PithHtmlNode *n = node (finder, i);
      PithHtmlZone zone;
      PithHtmlDropped dropped;

      /* Only the outermost: its parent holds kept text, it holds none. */
      if (has_kept[i] || !has_kept[n->parent] || n->tag == PITH_HTML_TAG_TEXT ||
          finder->stats[i].chars == 0 || (finder->flags[i] & NODE_MARKUP))
        continue;

      zone = finder->zones[i] & ((1u << PITH_HTML_N_ZONES) - 1);
      if (zone & PITH_HTML_ZONE_HIDDEN)
        zone = PITH_HTML_ZONE_HIDDEN;
      else if (!(finder->flags[i] & (NODE_PRUNED | NODE_REMOVED)))
        zone = PITH_HTML_ZONE_OUTSIDE;
      zone &= -zone;        /* the first kind it has */
      if (zone == 0)
        zone = PITH_HTML_ZONE_OUTSIDE;
      for (guint z = 0; z < PITH_HTML_N_ZONES; z++)
        if (zone == (1u << z))
          article->zone_counts[z]++;
      dropped.zone = zone;
      dropped.start = n->start;
      dropped.end = n->end;
      g_array_append_val (article->dropped, dropped);
    }
  g_free (has_kept);
}

/* What the rules chose, as the block model reads it. */
static void
describe_selection (Finder            *finder,
                    PithHtmlSelection *selection,
                    guint8            *state,
                    guint32           *prune_zones)
{
  guint32 root = finder->article->root;
  guint32 family = PITH_HTML_NONE;

  if (root != PITH_HTML_NONE && root != finder->body)
    {
      family = node (finder, root)->parent;
      if (family != PITH_HTML_NONE && family != finder->body && node (finder, family)->parent != PITH_HTML_NONE &&
          node (finder, family)->parent != finder->body)
        family = node (finder, family)->parent;
    }

  state[0] = (finder->flags[0] & NODE_ROOT) ? PITH_HTML_STATE_ROOT : 0;
  prune_zones[0] = 0;
  for (guint32 i = 1; i < finder->n; i++)
    {
      const PithHtmlNode *n = node (finder, i);
      guint8 up = state[n->parent];
      guint8 s = up & (PITH_HTML_STATE_ROOT | PITH_HTML_STATE_PRUNED | PITH_HTML_STATE_LINK |
                       PITH_HTML_STATE_HEADER | PITH_HTML_STATE_NEAR | PITH_HTML_STATE_HEADLINE);

      prune_zones[i] = prune_zones[n->parent];
      if (finder->flags[i] & NODE_MARKUP)
        s |= PITH_HTML_STATE_MARKUP;
      if (finder->flags[i] & NODE_REMOVED)
        s |= PITH_HTML_STATE_REMOVED;
      if ((finder->flags[i] & NODE_PRUNED) && !(up & PITH_HTML_STATE_PRUNED))
        {
          s |= PITH_HTML_STATE_PRUNED;
          prune_zones[i] = finder->zones[i];
        }
      if (finder->flags[i] & NODE_ROOT)
        s |= PITH_HTML_STATE_ROOT;
      if (n->tag == PITH_HTML_TAG_A)
        s |= PITH_HTML_STATE_LINK;
      if (n->tag == PITH_HTML_TAG_HEADER)
        s |= PITH_HTML_STATE_HEADER;
      if (i == family)
        s |= PITH_HTML_STATE_NEAR;
      if (i == finder->headline)
        s |= PITH_HTML_STATE_HEADLINE;
      state[i] = s;
    }

  selection->tree = finder->tree;
  selection->state = state;
  selection->context = finder->article->context;
  selection->prune_zones = prune_zones;
  selection->keep = finder->article->keep;
  selection->path = finder->path;
  selection->root_tier = finder->tier;
  selection->language = finder->options->language;
}

/* The block model has the last word on each block of text. */
static void
judge_blocks (Finder *finder)
{
  g_autofree guint8 *state = g_new (guint8, finder->n);
  g_autofree guint32 *prune_zones = g_new (guint32, finder->n);
  PithHtmlSelection selection;
  PithHtmlBlocks blocks;

  describe_selection (finder, &selection, state, prune_zones);
  if (finder->options->blocks != NULL)
    {
      pith_html_blocks_collect (&selection, finder->options->blocks);
      return;
    }
  pith_html_blocks_collect (&selection, &blocks);
  pith_html_blocks_decide (&blocks, finder->article->keep);
  pith_html_blocks_clear (&blocks);
}

void
pith_html_article_find (const PithHtmlTree           *tree,
                        const PithHtmlArticleOptions *options,
                        PithHtmlArticle              *article)
{
  Finder finder = { tree, options, article, tree->n_nodes, };
  guint32 scored;

  memset (article, 0, sizeof *article);
  article->keep = g_new0 (guint8, finder.n);
  article->context = g_new0 (guint32, finder.n);
  article->dropped = g_array_new (FALSE, FALSE, sizeof (PithHtmlDropped));
  article->path = "all";

  finder.flags = g_new0 (guint8, finder.n);
  finder.zones = g_new0 (guint32, finder.n);
  finder.tiers = g_new0 (guint8, finder.n);
  finder.subtree_end = g_new (guint32, finder.n);
  finder.stats = g_new0 (Stats, finder.n);
  finder.scores = g_new0 (float, finder.n);
  finder.body = tree->body;

  read_names (&finder);
  measure (&finder);
  mark_negative (&finder);
  scored = score (&finder);
  article->judged = finder.stats[0].chars >= MIN_JUDGED_CHARS;

  /* The first path that finds enough text wins. When none does, the most
   * precise path that finds 70% of the most any finds, and the body or the
   * whole page only when they find next to nothing. */
  if (options->whole_page)
    select_path (&finder, PATH_ALL, scored);
  else
    {
      guint32 chars[N_PATHS] = { 0, };
      guint32 most = 0;
      Path chosen = N_PATHS;
      Path last = PATH_NAMED;

      for (Path path = PATH_NAMED; path < PATH_BODY && chosen == N_PATHS; path++)
        {
          chars[path] = select_path (&finder, path, scored);
          last = path;
          if (chars[path] >= MIN_ARTICLE_CHARS)
            chosen = path;
          most = MAX (most, chars[path]);
        }
      for (Path path = PATH_NAMED; chosen == N_PATHS && path < PATH_BODY; path++)
        if (chars[path] >= SHORT_ARTICLE_CHARS && chars[path] * 10 >= most * 7)
          chosen = path;
      if (chosen == N_PATHS)
        {
          chars[PATH_BODY] = select_path (&finder, PATH_BODY, scored);
          last = PATH_BODY;
          chosen = chars[PATH_BODY] >= SHORT_ARTICLE_CHARS ? PATH_BODY : PATH_ALL;
        }
      if (chosen != last)
        select_path (&finder, chosen, scored);
    }

  if (!options->whole_page && (options->blocks != NULL || (article->judged && pith_html_blocks_have_model ())))
    judge_blocks (&finder);

  list_dropped (&finder);

  g_free (finder.flags);
  article->zones = finder.zones;
  g_free (finder.tiers);
  g_free (finder.subtree_end);
  g_free (finder.stats);
  g_free (finder.scores);
}

void
pith_html_article_clear (PithHtmlArticle *article)
{
  g_clear_pointer (&article->keep, g_free);
  g_clear_pointer (&article->context, g_free);
  g_clear_pointer (&article->zones, g_free);
  g_clear_pointer (&article->dropped, g_array_unref);
}
