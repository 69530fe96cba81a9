/* pith-html-blocks.c: the page's text blocks, judged one by one
 *
 * The rules of pith-html-article.c choose a region and prune what its
 * names and links give away; what they cannot see is the text itself. So
 * each block of text (the text whose nearest block element is the same)
 * gets features, as jusText and boilerpipe give their blocks: its length,
 * link density, punctuation, stop-word density in the page's language,
 * its element, the zones it sits in, whether and why the rules kept it,
 * where it stands against the article's first and last paragraphs, its
 * neighbours. A model of boosted decision trees, trained on the html-eval
 * pages by tools/pith-train-html, says which blocks are article text.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pith-html-article-private.h"
#include "pith-html-blocks-private.h"
#include "pith-html-dates-private.h"
#include "pith-html-hints-private.h"
#include "pith-html-references-private.h"
#include "pith-lines-private.h"
#include "pith-word-list-private.h"

#define MODEL_RESOURCE "/org/gnome/Pith/clean/html-blocks.model"
#define MAX_WORD 32
#define LABEL_MAX_CHARS 60
#define LABEL_MAX_BYTES 240
#define GOOD_PARAGRAPH_CHARS 100

#define PITH_HTML_BLOCK_FEATURE_NAME(name) #name,
static const char * const feature_names[PITH_HTML_N_FEATURES] = {
  PITH_HTML_BLOCK_FEATURES (PITH_HTML_BLOCK_FEATURE_NAME)
};
#undef PITH_HTML_BLOCK_FEATURE_NAME

const char *
pith_html_block_feature_name (PithHtmlFeature feature)
{
  return feature < PITH_HTML_N_FEATURES ? feature_names[feature] : NULL;
}

/* ------------------------------------------------------------- the model */

/* A node of a tree, 12 bytes. Features are floats, so a threshold is kept
 * as the largest float not above the trained one: "feature <= threshold"
 * then decides as it did in training. Children are indices into the flat
 * array of all trees' nodes. */
typedef struct
{
  float threshold;          /* go left when the feature is <= it; a leaf's value */
  guint32 left;             /* 0 for a leaf */
  guint16 feature;
  guint16 right_offset;     /* right child = left + right_offset */
} TreeNode;

typedef struct
{
  double bias;
  double threshold;
  GArray *nodes;            /* of TreeNode, every tree's */
  GArray *roots;            /* of guint32: where each tree starts in nodes */
} Model;

static float
float_at_most (double value)
{
  float f = (float) value;

  if ((double) f > value)
    f = nextafterf (f, -G_MAXFLOAT);
  return f;
}

static gboolean
parse_model (const char *text,
             gsize       length,
             Model      *model)
{
  const char *cursor = text;
  const char *end = text + length;
  const char *line;
  gsize line_length;
  guint32 tree_start = 0;
  guint tree_size = 0;
  guint remaining = 0;

  model->nodes = g_array_new (FALSE, FALSE, sizeof (TreeNode));
  model->roots = g_array_new (FALSE, FALSE, sizeof (guint32));
  while (pith_lines_next (&cursor, end, &line, &line_length))
    {
      g_autofree char *copy = g_strndup (line, line_length);
      g_auto(GStrv) fields = NULL;

      g_strstrip (copy);
      if (*copy == '\0' || *copy == '#')
        continue;
      fields = g_strsplit_set (copy, " \t", -1);
      if (remaining > 0)
        {
          TreeNode node = { 0, };
          int feature;
          guint left;
          guint right;

          if (g_strv_length (fields) != 5)
            return FALSE;
          feature = atoi (fields[0]);
          left = (guint) atoi (fields[2]);
          right = (guint) atoi (fields[3]);
          if (feature < 0)
            node.threshold = (float) g_ascii_strtod (fields[4], NULL);
          else
            {
              guint index = tree_size - remaining;

              /* Children come after their parent, inside the tree. */
              if (feature >= PITH_HTML_N_FEATURES || left <= index || right <= left ||
                  right >= tree_size || right - left > G_MAXUINT16)
                return FALSE;
              node.feature = (guint16) feature;
              node.threshold = float_at_most (g_ascii_strtod (fields[1], NULL));
              node.left = tree_start + left;
              node.right_offset = (guint16) (right - left);
            }
          g_array_append_val (model->nodes, node);
          remaining--;
          continue;
        }
      if (strcmp (fields[0], "features") == 0)
        {
          if (g_strv_length (fields) != PITH_HTML_N_FEATURES + 1)
            return FALSE;
          for (guint f = 0; f < PITH_HTML_N_FEATURES; f++)
            if (strcmp (fields[f + 1], feature_names[f]) != 0)
              return FALSE;
        }
      else if (strcmp (fields[0], "bias") == 0 && fields[1] != NULL)
        model->bias = g_ascii_strtod (fields[1], NULL);
      else if (strcmp (fields[0], "threshold") == 0 && fields[1] != NULL)
        model->threshold = g_ascii_strtod (fields[1], NULL);
      else if (strcmp (fields[0], "tree") == 0 && fields[1] != NULL)
        {
          remaining = tree_size = (guint) atoi (fields[1]);
          if (remaining == 0 || remaining > G_MAXUINT16)
            return FALSE;
          tree_start = model->nodes->len;
          g_array_append_val (model->roots, tree_start);
        }
    }
  return remaining == 0 && model->roots->len > 0;
}

static const Model *
model (void)
{
  static gsize initialized;
  static Model *loaded;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (MODEL_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      Model *m = g_new0 (Model, 1);
      gsize length;
      const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

      if (data == NULL || !parse_model (data, length, m))
        {
          if (data != NULL)
            g_warning ("%s does not fit this build; HTML blocks are judged by rules alone", MODEL_RESOURCE);
          g_clear_pointer (&m->nodes, g_array_unref);
          g_clear_pointer (&m->roots, g_array_unref);
          g_free (m);
          m = NULL;
        }
      loaded = m;
      g_once_init_leave (&initialized, 1);
    }
  return loaded;
}

gboolean
pith_html_blocks_have_model (void)
{
  return model () != NULL;
}

double
pith_html_blocks_score (const PithHtmlBlock *block)
{
  const Model *m = model ();
  const TreeNode *nodes;
  const guint32 *roots;
  double sum;

  if (m == NULL)
    return block->features[PITH_HTML_FEATURE_RULE_KEPT];
  nodes = (const TreeNode *) (gconstpointer) m->nodes->data;
  roots = (const guint32 *) (gconstpointer) m->roots->data;
  sum = m->bias;
  for (guint t = 0; t < m->roots->len; t++)
    {
      const TreeNode *node = &nodes[roots[t]];

      while (node->left != 0)
        node = &nodes[node->left + (block->features[node->feature] <= node->threshold ? 0 : node->right_offset)];
      sum += node->threshold;
    }
  return 1.0 / (1.0 + exp (-sum));
}

/* -------------------------------------------------------------- features */

typedef struct
{
  guint32 chars;
  guint32 kept_chars;
  guint32 link_chars;
  guint32 punctuation;
  guint32 digits;
  guint32 letters;
  guint32 upper;
  guint32 words;
  guint32 stopwords;
  guint32 cjk;
  gunichar last;
} Counts;

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F || c == '"' || c == 0x201D || c == 0x201C || c == 0xBB || c == ')' ||
         c == 0x06D4 || c == 0x061F;
}

static void
count_word (const PithWordList *stopwords,
            const char         *word,
            gsize               length,
            Counts             *counts)
{
  counts->words++;
  if (stopwords != NULL && pith_word_list_lookup (stopwords, word, length, NULL))
    counts->stopwords++;
}

static void
count_text (const PithHtmlTree *tree,
            guint32             i,
            gboolean            link,
            gboolean            kept,
            const PithWordList *stopwords,
            Counts             *counts)
{
  const PithHtmlNode *node = &tree->nodes[i];
  const char *html = tree->html;
  char word[MAX_WORD + 8];
  gsize word_length = 0;
  gboolean in_word = FALSE;
  guint32 chars = 0;
  gsize b = node->start;

  while (b < node->end)
    {
      guchar byte = (guchar) html[b];
      gunichar c;
      gsize size = 1;

      if (byte == '&')
        {
          gsize j = b + 1;

          while (j < node->end && j - b < 12 && (g_ascii_isalnum (html[j]) || html[j] == '#'))
            j++;
          if (j < node->end && html[j] == ';')
            {
              chars++;
              b = j + 1;
              if (in_word)
                count_word (stopwords, word, word_length, counts);
              in_word = FALSE;
              word_length = 0;
              continue;
            }
        }
      if (byte < 0x80)
        c = byte;
      else
        {
          const char *next = g_utf8_next_char (html + b);

          c = g_utf8_get_char_validated (html + b, (gssize) (node->end - b));
          size = MIN ((gsize) (next - (html + b)), node->end - b);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            c = 0xFFFD;
        }
      b += size;

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          if (in_word)
            count_word (stopwords, word, word_length, counts);
          in_word = FALSE;
          word_length = 0;
          continue;
        }
      chars++;
      counts->last = c;
      if (is_cjk (c))
        counts->cjk++;
      if (g_unichar_isalpha (c) && !is_cjk (c))
        {
          counts->letters++;
          if (g_unichar_isupper (c))
            counts->upper++;
          if (word_length + 6 < MAX_WORD)
            word_length += g_unichar_to_utf8 (g_unichar_tolower (c), word + word_length);
          in_word = TRUE;
          continue;
        }
      if (in_word)
        count_word (stopwords, word, word_length, counts);
      in_word = FALSE;
      word_length = 0;
      if (g_unichar_isdigit (c))
        counts->digits++;
      else if (c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == 0x3001 ||
               c == 0x3002 || c == 0xFF0C || c == 0x060C)
        counts->punctuation++;
    }
  if (in_word)
    count_word (stopwords, word, word_length, counts);

  counts->chars += chars;
  if (link)
    counts->link_chars += chars;
  if (kept)
    counts->kept_chars += chars;
}

/* The block's text, decoded, when it is as short as a label. */
static char *
label_text (const PithHtmlTree *tree,
            const guint32      *text_block,
            guint               block,
            const PithHtmlBlock *b)
{
  GString *text = g_string_new (NULL);
  char *decoded;

  for (guint32 j = b->first_text; j <= b->last_text; j++)
    {
      const PithHtmlNode *n = &tree->nodes[j];

      if (n->tag != PITH_HTML_TAG_TEXT || text_block[j] != block + 1)
        continue;
      if (text->len + (n->end - n->start) > LABEL_MAX_BYTES)
        {
          g_string_free (text, TRUE);
          return NULL;
        }
      g_string_append_len (text, tree->html + n->start, n->end - n->start);
    }
  decoded = pith_html_decode (text->str, text->len, pith_word_list_get ("clean/html-entities.txt"));
  g_string_free (text, TRUE);
  return decoded;
}

static const PithWordList *
stopwords_for (const char *language)
{
  char name[64];

  if (language == NULL || strlen (language) > 8)
    return NULL;
  g_snprintf (name, sizeof name, "summarize/stopwords-%s.txt", language);
  return pith_word_list_get (name);
}

static void
set_tag (PithHtmlBlock *block,
         guint          tag)
{
  PithHtmlFeature feature;

  switch (tag)
    {
    case PITH_HTML_TAG_P:
      feature = PITH_HTML_FEATURE_TAG_P;
      break;
    case PITH_HTML_TAG_LI:
      feature = PITH_HTML_FEATURE_TAG_LI;
      break;
    case PITH_HTML_TAG_H1:
      feature = PITH_HTML_FEATURE_TAG_H1;
      break;
    case PITH_HTML_TAG_H2:
    case PITH_HTML_TAG_H3:
      feature = PITH_HTML_FEATURE_TAG_H2_H3;
      break;
    case PITH_HTML_TAG_H4:
    case PITH_HTML_TAG_H5:
    case PITH_HTML_TAG_H6:
      feature = PITH_HTML_FEATURE_TAG_H4_H6;
      break;
    case PITH_HTML_TAG_TD:
    case PITH_HTML_TAG_TH:
      feature = PITH_HTML_FEATURE_TAG_CELL;
      break;
    case PITH_HTML_TAG_DIV:
    case PITH_HTML_TAG_SECTION:
    case PITH_HTML_TAG_ARTICLE:
    case PITH_HTML_TAG_MAIN:
    case PITH_HTML_TAG_BODY:
    case PITH_HTML_TAG_DOCUMENT:
      feature = PITH_HTML_FEATURE_TAG_DIV;
      break;
    case PITH_HTML_TAG_DD:
    case PITH_HTML_TAG_DT:
      feature = PITH_HTML_FEATURE_TAG_DD_DT;
      break;
    case PITH_HTML_TAG_BLOCKQUOTE:
    case PITH_HTML_TAG_PRE:
      feature = PITH_HTML_FEATURE_TAG_QUOTE_PRE;
      break;
    case PITH_HTML_TAG_FIGCAPTION:
    case PITH_HTML_TAG_CAPTION:
      feature = PITH_HTML_FEATURE_TAG_CAPTION;
      break;
    default:
      feature = PITH_HTML_FEATURE_TAG_OTHER;
      break;
    }
  block->features[feature] = 1;
}

static void
set_zones (PithHtmlBlock *block,
           guint32        zones,
           guint32        prune_zones)
{
  static const struct { PithHtmlZone zone; PithHtmlFeature feature; } map[] = {
    { PITH_HTML_ZONE_NAV, PITH_HTML_FEATURE_ZONE_NAV },
    { PITH_HTML_ZONE_FOOTER, PITH_HTML_FEATURE_ZONE_FOOTER },
    { PITH_HTML_ZONE_SIDEBAR, PITH_HTML_FEATURE_ZONE_SIDEBAR },
    { PITH_HTML_ZONE_RELATED, PITH_HTML_FEATURE_ZONE_RELATED },
    { PITH_HTML_ZONE_SHARE, PITH_HTML_FEATURE_ZONE_SHARE },
    { PITH_HTML_ZONE_NEWSLETTER, PITH_HTML_FEATURE_ZONE_NEWSLETTER },
    { PITH_HTML_ZONE_AD, PITH_HTML_FEATURE_ZONE_AD },
    { PITH_HTML_ZONE_COOKIE, PITH_HTML_FEATURE_ZONE_COOKIE },
    { PITH_HTML_ZONE_COMMENT, PITH_HTML_FEATURE_ZONE_COMMENT },
    { PITH_HTML_ZONE_BYLINE, PITH_HTML_FEATURE_ZONE_BYLINE },
    { PITH_HTML_ZONE_TAGS, PITH_HTML_FEATURE_ZONE_TAGS },
    { PITH_HTML_ZONE_CAPTION, PITH_HTML_FEATURE_ZONE_CAPTION },
    { PITH_HTML_ZONE_MODAL, PITH_HTML_FEATURE_ZONE_MODAL },
  };

  for (guint m = 0; m < G_N_ELEMENTS (map); m++)
    if ((zones | prune_zones) & map[m].zone)
      block->features[map[m].feature] = 1;
  if (prune_zones & PITH_HTML_ZONE_LINKS)
    block->features[PITH_HTML_FEATURE_PRUNED_LINKS] = 1;
  if (prune_zones & PITH_HTML_ZONE_HEADING)
    block->features[PITH_HTML_FEATURE_PRUNED_HEADING] = 1;
}

static gboolean
is_good (const PithHtmlBlock *block,
         const Counts        *counts)
{
  return counts->chars >= GOOD_PARAGRAPH_CHARS && counts->link_chars * 10 < counts->chars * 3 &&
         block->features[PITH_HTML_FEATURE_RULE_KEPT] > 0.5f;
}

void
pith_html_blocks_collect (const PithHtmlSelection *selection,
                          PithHtmlBlocks          *out)
{
  const PithHtmlTree *tree = selection->tree;
  const PithWordList *stopwords = stopwords_for (selection->language);
  guint32 *nearest = g_new (guint32, tree->n_nodes);
  guint32 *element_block = g_new0 (guint32, tree->n_nodes);
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (Counts));
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (PithHtmlBlock));
  guint32 page_chars = 0;
  guint32 root_chars = 0;
  gint first_good = -1;
  gint last_good = -1;
  guint path_index = selection->path == 0 ? (selection->root_tier > 0 ? selection->root_tier - 1 : 0)
                                          : MIN (selection->path + 2, 5);

  out->text_block = g_new0 (guint32, tree->n_nodes);
  out->n_nodes = tree->n_nodes;
  nearest[0] = 0;
  for (guint32 i = 1; i < tree->n_nodes; i++)
    {
      const PithHtmlNode *n = &tree->nodes[i];
      guint32 element;
      guint index;

      nearest[i] = (n->tag != PITH_HTML_TAG_TEXT &&
                    (pith_html_tag_flags (n->tag) & (PITH_HTML_BLOCK | PITH_HTML_CELL))) ? i
                                                                                         : nearest[n->parent];
      if (n->tag != PITH_HTML_TAG_TEXT || (selection->state[i] & PITH_HTML_STATE_MARKUP))
        continue;
      element = nearest[i];
      if (element_block[element] == 0)
        {
          PithHtmlBlock block = { element, i, i, { 0, } };
          Counts empty = { 0, };

          if (n->flags & PITH_HTML_NODE_WHITESPACE)
            continue;
          g_array_append_val (blocks, block);
          g_array_append_val (counts, empty);
          element_block[element] = blocks->len;
        }
      index = element_block[element] - 1;
      g_array_index (blocks, PithHtmlBlock, index).last_text = i;
      out->text_block[i] = index + 1;
      if (!(n->flags & PITH_HTML_NODE_WHITESPACE))
        count_text (tree, i, (selection->state[i] & PITH_HTML_STATE_LINK) != 0,
                    selection->keep[i] != PITH_HTML_DROP, stopwords,
                    &g_array_index (counts, Counts, index));
    }

  for (guint b = 0; b < blocks->len; b++)
    {
      const Counts *c = &g_array_index (counts, Counts, b);
      PithHtmlBlock *block = &g_array_index (blocks, PithHtmlBlock, b);

      page_chars += c->chars;
      if (selection->state[block->element] & PITH_HTML_STATE_ROOT)
        root_chars += c->chars;
    }

  for (guint b = 0; b < blocks->len; b++)
    {
      const Counts *c = &g_array_index (counts, Counts, b);
      PithHtmlBlock *block = &g_array_index (blocks, PithHtmlBlock, b);
      guint8 state = selection->state[block->element];
      float *f = block->features;
      float chars = MAX (c->chars, 1);

      /* A text node's own state counts where the element's does not: the
       * text of a root's headline sits in a block outside the root. */
      state |= selection->state[block->first_text] &
               (PITH_HTML_STATE_ROOT | PITH_HTML_STATE_PRUNED | PITH_HTML_STATE_REMOVED |
                PITH_HTML_STATE_HEADLINE);
      f[PITH_HTML_FEATURE_RULE_KEPT] = c->kept_chars / chars;
      f[PITH_HTML_FEATURE_RULE_PRUNED] = (state & PITH_HTML_STATE_PRUNED) != 0;
      f[PITH_HTML_FEATURE_REMOVED] = (state & PITH_HTML_STATE_REMOVED) != 0;
      f[PITH_HTML_FEATURE_OUTSIDE] = (state & PITH_HTML_STATE_ROOT) == 0;
      f[PITH_HTML_FEATURE_NEAR_ROOT] = (state & PITH_HTML_STATE_NEAR) != 0;
      f[PITH_HTML_FEATURE_HEADLINE] = (state & PITH_HTML_STATE_HEADLINE) != 0;
      f[PITH_HTML_FEATURE_LOG_CHARS] = (float) (log1p (c->chars) / log (1000.0));
      f[PITH_HTML_FEATURE_WORDS] = (float) (log1p (c->words) / log (200.0));
      f[PITH_HTML_FEATURE_LINK_DENSITY] = c->link_chars / chars;
      f[PITH_HTML_FEATURE_PUNCTUATION] = MIN (c->punctuation * 10 / chars, 1.f);
      f[PITH_HTML_FEATURE_DIGITS] = c->digits / chars;
      f[PITH_HTML_FEATURE_UPPERCASE] = c->letters > 0 ? (float) c->upper / c->letters : 0.f;
      f[PITH_HTML_FEATURE_SENTENCE_END] = is_sentence_end (c->last);
      f[PITH_HTML_FEATURE_COLON_END] = c->last == ':';
      f[PITH_HTML_FEATURE_STOPWORDS] = c->words > 0 ? (float) c->stopwords / c->words : 0.f;
      f[PITH_HTML_FEATURE_HAS_LANGUAGE] = stopwords != NULL;
      f[PITH_HTML_FEATURE_CJK] = c->cjk / chars;
      set_tag (block, tree->nodes[block->element].tag);
      f[PITH_HTML_FEATURE_IN_HEADER] = (state & PITH_HTML_STATE_HEADER) != 0;
      set_zones (block, selection->context[block->element], selection->prune_zones[block->first_text]);
      if (c->chars <= LABEL_MAX_CHARS)
        {
          g_autofree char *label = label_text (tree, out->text_block, b, block);
          PithHtmlZone zone;

          if (label != NULL)
            {
              f[PITH_HTML_FEATURE_HEADING_PHRASE] = pith_html_hints_match_heading (label, strlen (label), &zone);
              f[PITH_HTML_FEATURE_DATE_LINE] = pith_html_date_is_line (label, strlen (label));
            }
        }
      f[PITH_HTML_FEATURE_POSITION] = blocks->len > 1 ? (float) b / (blocks->len - 1) : 0.f;
      f[PITH_HTML_FEATURE_PATH_NAMED_1 + path_index] = 1;
      f[PITH_HTML_FEATURE_ROOT_SHARE] = page_chars > 0 ? (float) root_chars / page_chars : 0.f;
      if (is_good (block, c))
        {
          if (first_good < 0)
            first_good = (gint) b;
          last_good = (gint) b;
        }
    }

  for (guint b = 0; b < blocks->len; b++)
    {
      PithHtmlBlock *block = &g_array_index (blocks, PithHtmlBlock, b);
      float *f = block->features;

      f[PITH_HTML_FEATURE_BEFORE_TEXT] = first_good >= 0 && (gint) b < first_good;
      f[PITH_HTML_FEATURE_AFTER_TEXT] = last_good >= 0 && (gint) b > last_good;
      if (b > 0)
        {
          const PithHtmlBlock *previous = &g_array_index (blocks, PithHtmlBlock, b - 1);

          f[PITH_HTML_FEATURE_PREVIOUS_KEPT] = previous->features[PITH_HTML_FEATURE_RULE_KEPT];
          f[PITH_HTML_FEATURE_PREVIOUS_GOOD] = is_good (previous, &g_array_index (counts, Counts, b - 1));
          f[PITH_HTML_FEATURE_PREVIOUS_CHARS] = previous->features[PITH_HTML_FEATURE_LOG_CHARS];
        }
      if (b + 1 < blocks->len)
        {
          const PithHtmlBlock *next = &g_array_index (blocks, PithHtmlBlock, b + 1);

          f[PITH_HTML_FEATURE_NEXT_KEPT] = next->features[PITH_HTML_FEATURE_RULE_KEPT];
          f[PITH_HTML_FEATURE_NEXT_GOOD] = is_good (next, &g_array_index (counts, Counts, b + 1));
          f[PITH_HTML_FEATURE_NEXT_CHARS] = next->features[PITH_HTML_FEATURE_LOG_CHARS];
        }
    }

  g_free (nearest);
  g_free (element_block);
  g_array_unref (counts);
  out->blocks = blocks;
}

void
pith_html_blocks_clear (PithHtmlBlocks *blocks)
{
  g_clear_pointer (&blocks->blocks, g_array_unref);
  g_clear_pointer (&blocks->text_block, g_free);
}

void
pith_html_blocks_decide (const PithHtmlBlocks *blocks,
                         guint8               *keep)
{
  const Model *m = model ();
  g_autofree guint8 *chosen = NULL;
  gboolean any = FALSE;

  if (m == NULL || blocks->blocks->len == 0)
    return;
  chosen = g_new0 (guint8, blocks->blocks->len);
  for (guint b = 0; b < blocks->blocks->len; b++)
    {
      const PithHtmlBlock *block = &g_array_index (blocks->blocks, PithHtmlBlock, b);

      /* The headline stays where the rules keep it: the text starts with it. */
      if (block->features[PITH_HTML_FEATURE_HEADLINE] > 0 && block->features[PITH_HTML_FEATURE_RULE_KEPT] > 0.5f)
        chosen[b] = TRUE;
      else
        chosen[b] = pith_html_blocks_score (block) >= m->threshold;
      any |= chosen[b];
    }
  if (!any)
    return;

  for (guint32 i = 1; i < blocks->n_nodes; i++)
    {
      guint32 block = blocks->text_block[i];

      if (block == 0 || keep[i] == PITH_HTML_KEEP_COMMENT)
        continue;
      keep[i] = chosen[block - 1] ? PITH_HTML_KEEP : PITH_HTML_DROP;
    }
}
