/* pith-html-tree.c: a page as a tree whose nodes keep their bytes
 *
 * The tokenizer follows the states of the HTML standard that matter for
 * text: tags with their attributes (quoted values may hold '>'), comments,
 * bogus comments, doctypes and raw-text elements. The tree builder keeps a
 * stack of open elements and applies the implied-end-tag rules. Neither ever
 * looks back over the input: the end of a raw-text element is searched for
 * once per element name, and the stack is searched at most MAX_SEARCH deep,
 * so a hostile page costs time in proportion to its length.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-html-tree-private.h"

#define MAX_NAME 32
#define MAX_DEPTH 512
#define MAX_SEARCH 256

typedef struct
{
  guint32 node;
  guint32 last_child;
} OpenElement;

typedef struct
{
  PithHtmlTree *tree;
  GArray *nodes;
  GArray *open;             /* of OpenElement; open[0] is the document */
  GArray *open_counts;      /* of guint32, by tag id: how many are open */
  GHashTable *unknown;      /* name → id, for elements Pith does not know */
  gsize no_end_tag_after[PITH_HTML_TAG_N_KNOWN];
  guint foreign_depth;
} Builder;

static inline PithHtmlNode *
node_at (Builder *builder,
         guint32  index)
{
  return &g_array_index (builder->nodes, PithHtmlNode, index);
}

static inline OpenElement *
top (Builder *builder)
{
  return &g_array_index (builder->open, OpenElement, builder->open->len - 1);
}

static inline guint
top_tag (Builder *builder)
{
  return node_at (builder, top (builder)->node)->tag;
}

static inline guint32 *
open_count (Builder *builder,
            guint    tag)
{
  if (tag >= builder->open_counts->len)
    g_array_set_size (builder->open_counts, tag + 1);
  return &g_array_index (builder->open_counts, guint32, tag);
}

static guint32
append_node (Builder *builder,
             guint    tag,
             gsize    start,
             gsize    end)
{
  OpenElement *parent = top (builder);
  guint32 index = builder->nodes->len;
  PithHtmlNode node = { parent->node, PITH_HTML_NONE, PITH_HTML_NONE,
                        (guint32) start, (guint32) end, (guint32) end, (guint16) tag, 0 };

  g_array_append_val (builder->nodes, node);
  if (parent->last_child == PITH_HTML_NONE)
    node_at (builder, parent->node)->first_child = index;
  else
    node_at (builder, parent->last_child)->next_sibling = index;
  parent->last_child = index;
  return index;
}

static void
push (Builder *builder,
      guint32  index)
{
  OpenElement element = { index, PITH_HTML_NONE };
  guint tag = node_at (builder, index)->tag;

  g_array_append_val (builder->open, element);
  (*open_count (builder, tag))++;
  if (pith_html_tag_flags (tag) & PITH_HTML_FOREIGN)
    builder->foreign_depth++;
}

static void
pop (Builder *builder,
     gsize    end)
{
  PithHtmlNode *node = node_at (builder, top (builder)->node);

  node->end = (guint32) MAX (end, node->content_start);
  (*open_count (builder, node->tag))--;
  if (pith_html_tag_flags (node->tag) & PITH_HTML_FOREIGN)
    builder->foreign_depth--;
  g_array_set_size (builder->open, builder->open->len - 1);
}

/* Closes the open element @tag and everything opened inside it, if it is
 * open within MAX_SEARCH elements of the top and no element of
 * @boundary_tags or with the SCOPE flag stands between. */
static gboolean
close_element (Builder     *builder,
               guint        tag,
               gsize        end,
               gboolean     explicit_end,
               const guint *boundary_tags)
{
  guint depth = builder->open->len;
  guint found = 0;

  if (*open_count (builder, tag) == 0)
    return FALSE;

  for (guint i = depth - 1; i > 0 && depth - i <= MAX_SEARCH; i--)
    {
      guint open_tag = node_at (builder, g_array_index (builder->open, OpenElement, i).node)->tag;

      if (open_tag == tag)
        {
          found = i;
          break;
        }
      if (pith_html_tag_flags (open_tag) & PITH_HTML_SCOPE)
        return FALSE;
      for (guint b = 0; boundary_tags != NULL && boundary_tags[b] != 0; b++)
        if (open_tag == boundary_tags[b])
          return FALSE;
    }
  if (found == 0)
    return FALSE;

  while (builder->open->len > found + 1)
    pop (builder, end);
  if (explicit_end)
    node_at (builder, top (builder)->node)->flags |= PITH_HTML_NODE_CLOSED;
  pop (builder, end);
  return TRUE;
}

static const guint list_scope[] = { PITH_HTML_TAG_UL, PITH_HTML_TAG_OL, 0 };
static const guint definition_scope[] = { PITH_HTML_TAG_DL, 0 };
static const guint button_scope[] = { PITH_HTML_TAG_BUTTON, 0 };
static const guint row_scope[] = { PITH_HTML_TAG_TABLE, 0 };

/* What a start tag closes before it opens. */
static void
close_implied (Builder *builder,
               guint    tag,
               gsize    position)
{
  PithHtmlTagFlags flags = pith_html_tag_flags (tag);

  if (top_tag (builder) == PITH_HTML_TAG_HEAD && !(flags & PITH_HTML_HEAD))
    pop (builder, position);

  if (flags & PITH_HTML_CLOSES_P)
    close_element (builder, PITH_HTML_TAG_P, position, FALSE, button_scope);

  switch (tag)
    {
    case PITH_HTML_TAG_LI:
      close_element (builder, PITH_HTML_TAG_LI, position, FALSE, list_scope);
      break;
    case PITH_HTML_TAG_DD:
    case PITH_HTML_TAG_DT:
      close_element (builder, PITH_HTML_TAG_DD, position, FALSE, definition_scope);
      close_element (builder, PITH_HTML_TAG_DT, position, FALSE, definition_scope);
      break;
    case PITH_HTML_TAG_TR:
      close_element (builder, PITH_HTML_TAG_TD, position, FALSE, NULL);
      close_element (builder, PITH_HTML_TAG_TH, position, FALSE, NULL);
      close_element (builder, PITH_HTML_TAG_TR, position, FALSE, row_scope);
      break;
    case PITH_HTML_TAG_TD:
    case PITH_HTML_TAG_TH:
      close_element (builder, PITH_HTML_TAG_TD, position, FALSE, NULL);
      close_element (builder, PITH_HTML_TAG_TH, position, FALSE, NULL);
      break;
    case PITH_HTML_TAG_OPTION:
    case PITH_HTML_TAG_OPTGROUP:
      if (top_tag (builder) == PITH_HTML_TAG_OPTION)
        pop (builder, position);
      break;
    case PITH_HTML_TAG_A:
      close_element (builder, PITH_HTML_TAG_A, position, FALSE, NULL);
      break;
    default:
      if ((flags & PITH_HTML_HEADING) &&
          (pith_html_tag_flags (top_tag (builder)) & PITH_HTML_HEADING))
        pop (builder, position);
      break;
    }
}

/* Where @text at @from has "</name" ending in a blank, '/' or '>'; or
 * @length. */
static gsize
find_end_tag (const char *text,
              gsize       from,
              gsize       length,
              const char *name,
              gsize       name_length)
{
  gsize i = from;

  while (i < length)
    {
      const char *next = memchr (text + i, '<', length - i);
      gsize after;

      if (next == NULL)
        return length;
      i = (gsize) (next - text);
      after = i + 2 + name_length;
      if (after <= length && text[i + 1] == '/' &&
          g_ascii_strncasecmp (text + i + 2, name, name_length) == 0 &&
          (after == length || g_ascii_isspace (text[after]) || text[after] == '/' ||
           text[after] == '>'))
        return i;
      i++;
    }
  return length;
}

static gsize
skip_to (const char *text,
         gsize       from,
         gsize       length,
         char        c)
{
  const char *found = memchr (text + from, c, length - from);

  return found != NULL ? (gsize) (found - text) + 1 : length;
}

/* After "<!--" at @i: where the comment ends. */
static gsize
skip_comment (const char *text,
              gsize       i,
              gsize       length)
{
  gsize j = i + 4;

  if (j < length && text[j] == '>')
    return j + 1;
  if (j + 1 < length && text[j] == '-' && text[j + 1] == '>')
    return j + 2;
  while (j < length)
    {
      const char *dash = memchr (text + j, '-', length - j);

      if (dash == NULL)
        return length;
      j = (gsize) (dash - text);
      if (j + 2 < length && text[j + 1] == '-' && text[j + 2] == '>')
        return j + 3;
      j++;
    }
  return length;
}

/* Reads past the attributes of a tag whose name ends at @i, as the
 * standard's attribute states do; returns where the tag ends (after '>')
 * and whether it ends in "/>". */
static gsize
skip_attributes (const char *text,
                 gsize       i,
                 gsize       length,
                 gboolean   *self_closing)
{
  *self_closing = FALSE;
  while (i < length)
    {
      char c = text[i];

      if (c == '>')
        return i + 1;
      if (c == '/')
        {
          if (i + 1 < length && text[i + 1] == '>')
            {
              *self_closing = TRUE;
              return i + 2;
            }
          i++;
          continue;
        }
      if (g_ascii_isspace (c))
        {
          i++;
          continue;
        }
      /* A name, then perhaps "=" and a value. */
      i++;
      while (i < length && !g_ascii_isspace (text[i]) && text[i] != '/' && text[i] != '>' &&
             text[i] != '=')
        i++;
      while (i < length && g_ascii_isspace (text[i]))
        i++;
      if (i < length && text[i] == '=')
        {
          i++;
          while (i < length && g_ascii_isspace (text[i]))
            i++;
          if (i < length && (text[i] == '"' || text[i] == '\''))
            i = skip_to (text, i + 1, length, text[i]);
          else
            while (i < length && !g_ascii_isspace (text[i]) && text[i] != '>')
              i++;
        }
    }
  return length;
}

static guint
tag_id (Builder    *builder,
        const char *name,
        gsize       length)
{
  guint id = pith_html_tag_lookup (name, length);
  gpointer found;

  if (id != PITH_HTML_TAG_N_KNOWN)
    return id;
  if (builder->unknown == NULL)
    builder->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  found = g_hash_table_lookup (builder->unknown, name);
  if (found != NULL)
    return GPOINTER_TO_UINT (found);
  id = PITH_HTML_TAG_N_KNOWN + g_hash_table_size (builder->unknown) + 1;
  if (id > G_MAXUINT16)
    return PITH_HTML_TAG_N_KNOWN;
  g_hash_table_insert (builder->unknown, g_strndup (name, length), GUINT_TO_POINTER (id));
  return id;
}

/* Structural elements whose blank text shapes nothing. */
static gboolean
drops_blank_text (guint tag)
{
  switch (tag)
    {
    case PITH_HTML_TAG_DOCUMENT:
    case PITH_HTML_TAG_HTML:
    case PITH_HTML_TAG_HEAD:
    case PITH_HTML_TAG_TABLE:
    case PITH_HTML_TAG_TBODY:
    case PITH_HTML_TAG_THEAD:
    case PITH_HTML_TAG_TFOOT:
    case PITH_HTML_TAG_TR:
    case PITH_HTML_TAG_UL:
    case PITH_HTML_TAG_OL:
    case PITH_HTML_TAG_DL:
    case PITH_HTML_TAG_SELECT:
    case PITH_HTML_TAG_COLGROUP:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
add_text (Builder *builder,
          gsize    start,
          gsize    end)
{
  const char *html = builder->tree->html;
  gboolean blank = TRUE;
  OpenElement *parent;

  for (gsize i = start; i < end && blank; i++)
    blank = g_ascii_isspace (html[i]);

  if (!blank && top_tag (builder) == PITH_HTML_TAG_HEAD)
    pop (builder, start);
  if (blank && drops_blank_text (top_tag (builder)))
    return;

  parent = top (builder);
  if (parent->last_child != PITH_HTML_NONE)
    {
      PithHtmlNode *last = node_at (builder, parent->last_child);

      if (last->tag == PITH_HTML_TAG_TEXT && last->end == start)
        {
          last->end = (guint32) end;
          if (!blank)
            last->flags &= ~PITH_HTML_NODE_WHITESPACE;
          return;
        }
    }
  node_at (builder, append_node (builder, PITH_HTML_TAG_TEXT, start, end))->flags |=
    blank ? PITH_HTML_NODE_WHITESPACE : 0;
}

static void
start_element (Builder  *builder,
               guint     tag,
               gsize     start,
               gsize     content_start,
               gboolean  self_closing,
               gsize    *next)
{
  PithHtmlTree *tree = builder->tree;
  PithHtmlTagFlags flags = pith_html_tag_flags (tag);
  guint32 index;

  /* One html, head and body: later ones are ignored, as their attributes
   * would only be merged. */
  if ((tag == PITH_HTML_TAG_HTML && tree->html_element != PITH_HTML_NONE) ||
      (tag == PITH_HTML_TAG_HEAD && (tree->head != PITH_HTML_NONE || tree->body != PITH_HTML_NONE)) ||
      (tag == PITH_HTML_TAG_BODY && tree->body != PITH_HTML_NONE))
    return;

  close_implied (builder, tag, start);
  index = append_node (builder, tag, start, content_start);
  node_at (builder, index)->content_start = (guint32) content_start;

  if (tag == PITH_HTML_TAG_HTML)
    tree->html_element = index;
  else if (tag == PITH_HTML_TAG_HEAD)
    tree->head = index;
  else if (tag == PITH_HTML_TAG_BODY)
    tree->body = index;

  if ((flags & PITH_HTML_VOID) || (self_closing && builder->foreign_depth > 0))
    return;

  if (flags & PITH_HTML_RAW)
    {
      const char *name = pith_html_tag_name (tag);
      gsize content_end = tree->length;

      if (tag != PITH_HTML_TAG_PLAINTEXT && content_start < builder->no_end_tag_after[tag])
        {
          content_end = find_end_tag (tree->html, content_start, tree->length, name, strlen (name));
          if (content_end == tree->length)
            builder->no_end_tag_after[tag] = content_start;
        }
      push (builder, index);
      if (content_end > content_start)
        append_node (builder, PITH_HTML_TAG_TEXT, content_start, content_end);
      if (content_end < tree->length)
        {
          gboolean ignored;

          *next = skip_attributes (tree->html, content_end + 2 + strlen (name), tree->length, &ignored);
          node_at (builder, index)->flags |= PITH_HTML_NODE_CLOSED;
        }
      else
        *next = tree->length;
      pop (builder, *next);
      return;
    }

  if (builder->open->len < MAX_DEPTH)
    push (builder, index);
}

static void
end_element (Builder *builder,
             guint    tag,
             gsize    start,
             gsize    end)
{
  switch (tag)
    {
    case PITH_HTML_TAG_BR:
      close_implied (builder, tag, start);
      append_node (builder, PITH_HTML_TAG_BR, start, end);
      return;
    case PITH_HTML_TAG_P:
      if (!close_element (builder, PITH_HTML_TAG_P, end, TRUE, button_scope))
        append_node (builder, PITH_HTML_TAG_P, start, end);
      return;
    case PITH_HTML_TAG_BODY:
    case PITH_HTML_TAG_HTML:
      return;
    case PITH_HTML_TAG_HEAD:
      if (top_tag (builder) == PITH_HTML_TAG_HEAD)
        pop (builder, end);
      return;
    case PITH_HTML_TAG_LI:
      close_element (builder, tag, end, TRUE, list_scope);
      return;
    default:
      close_element (builder, tag, end, TRUE, NULL);
      return;
    }
}

/* Reads the tag at @i (a '<'); returns where reading goes on. */
static gsize
read_markup (Builder *builder,
             gsize    i)
{
  const char *html = builder->tree->html;
  gsize length = builder->tree->length;
  gboolean is_end;
  gsize name_start;
  gsize name_end;
  char name[MAX_NAME + 1];
  gsize n = 0;
  gboolean self_closing;
  gsize next;
  guint tag;

  if (i + 1 >= length)
    return length;

  if (html[i + 1] == '!')
    {
      if (i + 3 < length && html[i + 2] == '-' && html[i + 3] == '-')
        return skip_comment (html, i, length);
      return skip_to (html, i + 2, length, '>');
    }
  if (html[i + 1] == '?')
    return skip_to (html, i + 2, length, '>');

  is_end = html[i + 1] == '/';
  name_start = i + (is_end ? 2 : 1);
  if (name_start >= length || !g_ascii_isalpha (html[name_start]))
    {
      if (is_end)
        return skip_to (html, name_start, length, '>');
      add_text (builder, i, i + 1);
      return i + 1;
    }

  name_end = name_start;
  while (name_end < length && !g_ascii_isspace (html[name_end]) && html[name_end] != '/' &&
         html[name_end] != '>')
    {
      if (n < MAX_NAME)
        name[n++] = g_ascii_tolower (html[name_end]);
      name_end++;
    }
  name[n] = '\0';
  next = skip_attributes (html, name_end, length, &self_closing);
  tag = tag_id (builder, name, n);

  if (is_end)
    end_element (builder, tag, i, next);
  else
    start_element (builder, tag, i, next, self_closing, &next);
  return next;
}

PithHtmlTree *
pith_html_tree_new (const char *html,
                    gsize       length)
{
  PithHtmlTree *tree = g_new0 (PithHtmlTree, 1);
  Builder builder = { tree, };
  PithHtmlNode document = { 0, };
  OpenElement root = { 0, PITH_HTML_NONE };
  gsize i = 0;

  g_return_val_if_fail (length < G_MAXUINT32, tree);

  tree->html = html;
  tree->length = length;
  builder.nodes = g_array_sized_new (FALSE, FALSE, sizeof (PithHtmlNode), length / 24 + 16);
  builder.open = g_array_new (FALSE, FALSE, sizeof (OpenElement));
  builder.open_counts = g_array_new (FALSE, TRUE, sizeof (guint32));
  for (guint t = 0; t < PITH_HTML_TAG_N_KNOWN; t++)
    builder.no_end_tag_after[t] = G_MAXSIZE;

  document.end = (guint32) length;
  g_array_append_val (builder.nodes, document);
  g_array_append_val (builder.open, root);

  while (i < length)
    {
      const char *next = memchr (html + i, '<', length - i);
      gsize text_end = next != NULL ? (gsize) (next - html) : length;

      if (text_end > i)
        add_text (&builder, i, text_end);
      if (next == NULL)
        break;
      i = read_markup (&builder, text_end);
    }

  while (builder.open->len > 1)
    pop (&builder, length);

  tree->n_tags = PITH_HTML_TAG_N_KNOWN + 1 +
                 (builder.unknown != NULL ? g_hash_table_size (builder.unknown) : 0);
  tree->n_nodes = builder.nodes->len;
  tree->nodes = (PithHtmlNode *) (gpointer) g_array_free (builder.nodes, FALSE);
  g_array_free (builder.open, TRUE);
  g_array_free (builder.open_counts, TRUE);
  g_clear_pointer (&builder.unknown, g_hash_table_unref);
  return tree;
}

void
pith_html_tree_free (PithHtmlTree *tree)
{
  if (tree == NULL)
    return;
  g_free (tree->nodes);
  g_free (tree);
}

gboolean
pith_html_tree_next_attribute (const PithHtmlTree *tree,
                               guint32             index,
                               gsize              *position,
                               PithHtmlAttribute  *attribute)
{
  const PithHtmlNode *node = &tree->nodes[index];
  const char *html = tree->html;
  gsize end = node->content_start;
  gsize i = *position;

  if (node->tag == PITH_HTML_TAG_TEXT || node->tag == PITH_HTML_TAG_DOCUMENT)
    return FALSE;
  if (i == 0)
    {
      /* Past "<name". */
      i = node->start + 1;
      while (i < end && !g_ascii_isspace (html[i]) && html[i] != '/' && html[i] != '>')
        i++;
    }

  while (i < end)
    {
      gsize name_start;

      while (i < end && (g_ascii_isspace (html[i]) || html[i] == '/'))
        i++;
      if (i >= end || html[i] == '>')
        break;
      name_start = i++;
      while (i < end && !g_ascii_isspace (html[i]) && html[i] != '/' && html[i] != '>' &&
             html[i] != '=')
        i++;
      attribute->name = html + name_start;
      attribute->name_length = i - name_start;
      attribute->value = NULL;
      attribute->value_length = 0;
      while (i < end && g_ascii_isspace (html[i]))
        i++;
      if (i < end && html[i] == '=')
        {
          gsize value_start;

          i++;
          while (i < end && g_ascii_isspace (html[i]))
            i++;
          if (i < end && (html[i] == '"' || html[i] == '\''))
            {
              char quote = html[i];
              const char *close;

              value_start = i + 1;
              close = memchr (html + value_start, quote, end - value_start);
              i = close != NULL ? (gsize) (close - html) : end;
              attribute->value = html + value_start;
              attribute->value_length = i - value_start;
              if (i < end)
                i++;
            }
          else
            {
              value_start = i;
              while (i < end && !g_ascii_isspace (html[i]) && html[i] != '>')
                i++;
              attribute->value = html + value_start;
              attribute->value_length = i - value_start;
            }
        }
      *position = i;
      return TRUE;
    }
  *position = end;
  return FALSE;
}

gboolean
pith_html_tree_get_attribute (const PithHtmlTree  *tree,
                              guint32              node,
                              const char          *name,
                              const char         **value,
                              gsize               *value_length)
{
  gsize name_length = strlen (name);
  gsize position = 0;
  PithHtmlAttribute attribute;

  while (pith_html_tree_next_attribute (tree, node, &position, &attribute))
    if (attribute.name_length == name_length &&
        g_ascii_strncasecmp (attribute.name, name, name_length) == 0)
      {
        *value = attribute.value != NULL ? attribute.value : "";
        *value_length = attribute.value_length;
        return TRUE;
      }
  return FALSE;
}
