/* pith-html-text.c: the kept nodes of a page as edits of its HTML
 *
 * One pass over the nodes in document order. Between two kept text nodes
 * everything goes, replaced by the strongest separator met on the way: a
 * block element's start, or a change of the block the text belongs to,
 * makes a paragraph break; <br> a line break; a table cell a space. So
 * every character of the text maps back to its own bytes in the page.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-html-article-private.h"
#include "pith-html-references-private.h"
#include "pith-html-text-private.h"

typedef enum {
  SEPARATOR_NONE,
  SEPARATOR_SPACE,
  SEPARATOR_LINE,
  SEPARATOR_PARAGRAPH,
} Separator;

static const char * const separators[] = { "", " ", "\n", "\n\n" };

typedef struct
{
  const char *html;
  GArray *edits;
  gsize output;             /* length of the text written so far */
  GHashTable *decoded;      /* the replacements made so far, owned by the strings */
} Writer;

static void
add (Writer     *writer,
     gsize       start,
     gsize       end,
     const char *replacement)
{
  PithCleanEdit edit = { { start, end, replacement, -1 }, PITH_CLEAN_HTML };

  if (start == end && *replacement == '\0')
    return;
  g_array_append_val (writer->edits, edit);
}

/* References back to back beyond this many are decoded in blocks of
 * REFERENCE_BLOCK, each block one edit: a page of a million "&amp;" costs
 * a few thousand edits, not a million. Inside a block, offsets map to the
 * block's bounds in the HTML; runs of real pages are shorter than this. */
#define EXACT_REFERENCES 8
#define REFERENCE_BLOCK 64

/* The replacement @decoded, one copy of each however many references. */
static const char *
intern (Writer     *writer,
        const char *decoded,
        GPtrArray  *strings)
{
  char *copy = g_hash_table_lookup (writer->decoded, decoded);

  if (copy == NULL)
    {
      copy = g_strdup (decoded);
      g_ptr_array_add (strings, copy);
      g_hash_table_insert (writer->decoded, copy, copy);
    }
  return copy;
}

/* A block of up to REFERENCE_BLOCK references from @i, the first @first
 * bytes long and standing for @decoded: its length in the HTML. */
static gsize
decode_reference_block (Writer             *writer,
                        gsize               i,
                        gsize               end,
                        gsize               first,
                        const char         *decoded,
                        const PithWordList *entities,
                        GPtrArray          *strings,
                        gsize              *decoded_length)
{
  const char *html = writer->html;
  g_autoptr(GString) block = g_string_new (decoded);
  gsize j = i + first;

  for (guint k = 1; k < REFERENCE_BLOCK && j < end && html[j] == '&'; k++)
    {
      char next[PITH_HTML_REFERENCE_MAX];
      gsize n = pith_html_match_reference (html, j, end, entities, next);

      if (n == 0)
        break;
      g_string_append (block, next);
      j += n;
    }
  add (writer, i, j, intern (writer, block->str, strings));
  *decoded_length = block->len;
  return j - i;
}

/* A kept text node: its references decoded, its blank runs with a line
 * break folded to a space (unless preformatted). */
static void
write_text (Writer             *writer,
            const PithHtmlNode *node,
            gboolean            preformatted,
            const PithWordList *entities,
            GPtrArray          *strings)
{
  const char *html = writer->html;
  gsize i = node->start;
  gsize end = node->end;
  gsize written = end - node->start;
  guint run = 0;            /* references back to back so far */

  while (i < end)
    {
      guchar c = (guchar) html[i];

      if (c == '&')
        {
          char decoded[PITH_HTML_REFERENCE_MAX];
          gsize n = pith_html_match_reference (html, i, end, entities, decoded);

          if (n > 0 && ++run > EXACT_REFERENCES)
            {
              gsize decoded_length = 0;

              n = decode_reference_block (writer, i, end, n, decoded, entities, strings,
                                          &decoded_length);
              written = written - n + decoded_length;
              i += n;
              continue;
            }
          if (n > 0)
            {
              const char *replacement = intern (writer, decoded, strings);

              add (writer, i, i + n, replacement);
              written = written - n + strlen (replacement);
              i += n;
              continue;
            }
        }
      run = 0;
      if (g_ascii_isspace (c) && !preformatted)
        {
          gsize j = i;
          gboolean has_break = FALSE;

          while (j < end && g_ascii_isspace (html[j]))
            {
              has_break |= html[j] != ' ';
              j++;
            }
          if (has_break)
            {
              add (writer, i, j, " ");
              written = written - (j - i) + 1;
            }
          i = j;
          continue;
        }
      i++;
    }
  writer->output += written;
}

void
pith_html_text_write (const PithHtmlTree *tree,
                      const guint8       *keep,
                      const PithWordList *entities,
                      GArray             *edits,
                      GPtrArray          *strings,
                      GArray             *comments)
{
  Writer writer = { tree->html, edits, 0, g_hash_table_new (g_str_hash, g_str_equal) };
  guint32 *block = g_new (guint32, tree->n_nodes);
  guint8 *preformatted = g_new0 (guint8, tree->n_nodes);
  Separator pending = SEPARATOR_NONE;
  gboolean started = FALSE;
  gboolean line_broken = FALSE;
  guint32 last_block = PITH_HTML_NONE;
  gsize gap_start = 0;

  block[0] = 0;
  for (guint32 i = 1; i < tree->n_nodes; i++)
    {
      const PithHtmlNode *node = &tree->nodes[i];
      PithHtmlTagFlags flags = pith_html_tag_flags (node->tag);

      block[i] = (flags & PITH_HTML_BLOCK) ? i : block[node->parent];
      preformatted[i] = preformatted[node->parent] || node->tag == PITH_HTML_TAG_PRE;

      if (node->tag == PITH_HTML_TAG_BR)
        {
          pending = MAX (pending, line_broken ? SEPARATOR_PARAGRAPH : SEPARATOR_LINE);
          line_broken = TRUE;
          continue;
        }
      if (flags & PITH_HTML_BLOCK)
        pending = SEPARATOR_PARAGRAPH;
      else if (flags & PITH_HTML_CELL)
        pending = MAX (pending, SEPARATOR_SPACE);
      if (node->tag != PITH_HTML_TAG_TEXT || keep[i] == PITH_HTML_DROP)
        continue;

      if (started && block[i] != last_block)
        pending = SEPARATOR_PARAGRAPH;
      add (&writer, gap_start, node->start, started ? separators[pending] : "");
      if (started)
        writer.output += strlen (separators[pending]);

      if (comments != NULL && keep[i] == PITH_HTML_KEEP_COMMENT)
        {
          PithHtmlRange range = { writer.output, 0 };

          write_text (&writer, node, preformatted[i], entities, strings);
          range.end = writer.output;
          /* Text of one paragraph is one span; paragraphs are spans of their own. */
          if (comments->len > 0 && pending != SEPARATOR_PARAGRAPH &&
              g_array_index (comments, PithHtmlRange, comments->len - 1).end + strlen (separators[pending]) ==
              range.start && (node->flags & PITH_HTML_NODE_WHITESPACE) == 0)
            g_array_index (comments, PithHtmlRange, comments->len - 1).end = range.end;
          else if ((node->flags & PITH_HTML_NODE_WHITESPACE) == 0)
            g_array_append_val (comments, range);
        }
      else
        write_text (&writer, node, preformatted[i], entities, strings);

      gap_start = node->end;
      started = TRUE;
      line_broken = FALSE;
      pending = SEPARATOR_NONE;
      last_block = block[i];
    }
  add (&writer, gap_start, tree->length, "");

  g_free (block);
  g_free (preformatted);
  g_hash_table_unref (writer.decoded);
}
