/* pith-html-blocks.c: the blocks of pages as the block model sees them
 *
 *   pith-html-blocks CASES.jsonl
 *
 * For each page of a cases file (html-eval's cases.jsonl: {"page": a
 * gzipped page relative to the file}), writes a JSON line with the page
 * and its blocks of text, each with its text and its features as the rules
 * of the clean stage leave them: what tools/pith-train-html learns from.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>

#include "pith-decode-private.h"
#include "pith-html-article-private.h"
#include "pith-html-blocks-private.h"
#include "pith-html-metadata-private.h"
#include "pith-html-references-private.h"
#include "pith-html-tree-private.h"

static GBytes *
read_gzip (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, error));
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (raw == NULL)
    return NULL;
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  stream = g_converter_input_stream_new (raw, G_CONVERTER (decompressor));
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
block_text (const PithHtmlTree   *tree,
            const PithHtmlBlocks *blocks,
            guint                 index)
{
  const PithHtmlBlock *block = &g_array_index (blocks->blocks, PithHtmlBlock, index);
  GString *raw = g_string_new (NULL);
  char *text;

  for (guint32 j = block->first_text; j <= block->last_text; j++)
    if (blocks->text_block[j] == index + 1)
      g_string_append_len (raw, tree->html + tree->nodes[j].start,
                           tree->nodes[j].end - tree->nodes[j].start);
  text = pith_html_decode (raw->str, raw->len, pith_word_list_get ("clean/html-entities.txt"));
  g_string_free (raw, TRUE);
  return text;
}

static void
write_page (const char *name,
            GBytes     *bytes)
{
  PithDecodeReport report;
  gsize length;
  g_autofree char *html = pith_decode_to_utf8 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                               NULL, &length, &report);
  g_autoptr(PithHtmlTree) tree = pith_html_tree_new (html, length);
  const PithWordList *entities = pith_word_list_get ("clean/html-entities.txt");
  g_autoptr(PithHtmlMetadata) metadata = pith_html_metadata_new (tree, entities, NULL);
  PithHtmlBlocks blocks = { NULL, };
  PithHtmlArticleOptions options = { FALSE, FALSE, FALSE, NULL, NULL, &blocks };
  PithHtmlArticle article;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;

  options.body_hint = pith_html_metadata_get_body_hint (metadata);
  options.language = pith_html_metadata_get_language (metadata);
  pith_html_article_find (tree, &options, &article);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "page");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "judged");
  json_builder_add_boolean_value (builder, article.judged);
  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint b = 0; blocks.blocks != NULL && b < blocks.blocks->len; b++)
    {
      const PithHtmlBlock *block = &g_array_index (blocks.blocks, PithHtmlBlock, b);
      g_autofree char *text = block_text (tree, &blocks, b);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "f");
      json_builder_begin_array (builder);
      for (guint f = 0; f < PITH_HTML_N_FEATURES; f++)
        json_builder_add_double_value (builder, block->features[f]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);
  puts (line);

  pith_html_blocks_clear (&blocks);
  pith_html_article_clear (&article);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *directory = NULL;
  g_auto(GStrv) lines = NULL;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "usage: pith-html-blocks CASES.jsonl\n");
      return 2;
    }
  if (!g_file_get_contents (argv[1], &contents, NULL, &error))
    {
      fprintf (stderr, "pith-html-blocks: %s\n", error->message);
      return 1;
    }
  directory = g_path_get_dirname (argv[1]);

  /* The feature names, first, so that the trainer checks them. */
  printf ("{\"features\": [");
  for (guint f = 0; f < PITH_HTML_N_FEATURES; f++)
    printf ("%s\"%s\"", f > 0 ? ", " : "", pith_html_block_feature_name (f));
  printf ("]}\n");

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *path = NULL;
      JsonObject *record;
      const char *page;

      if (*lines[i] == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, &error) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          fprintf (stderr, "pith-html-blocks: line %u: %s\n", i + 1,
                   error != NULL ? error->message : "not an object");
          g_clear_error (&error);
          continue;
        }
      record = json_node_get_object (json_parser_get_root (parser));
      page = json_object_get_string_member_with_default (record, "page", NULL);
      if (page == NULL)
        continue;
      path = g_build_filename (directory, page, NULL);
      bytes = read_gzip (path, &error);
      if (bytes == NULL)
        {
          fprintf (stderr, "pith-html-blocks: %s: %s\n", path, error->message);
          g_clear_error (&error);
          continue;
        }
      write_page (page, bytes);
    }
  return 0;
}
