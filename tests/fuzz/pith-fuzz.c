/* pith-fuzz.c: the checks every Pith fuzz target shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "pith-fuzz.h"

static void
check_layer (PithDocument *document,
             const char   *layer)
{
  const char *text = pith_document_get_text (document);
  gsize size = pith_document_get_text_size (document);
  guint n_spans = 0;
  const PithLayer *spans = pith_document_peek_layer (document, layer);
  n_spans = pith_layer_get_n_spans (spans);

  for (guint i = 0; i < n_spans; i++)
    {
      g_assert_cmpuint (pith_layer_get_start (spans, i), <=, pith_layer_get_end (spans, i));
      g_assert_cmpuint (pith_layer_get_end (spans, i), <=, size);
      /* Offsets fall between characters, never inside one. */
      g_assert_true (pith_layer_get_start (spans, i) == size || (text[pith_layer_get_start (spans, i)] & 0xC0) != 0x80);
      g_assert_true (pith_layer_get_end (spans, i) == size || (text[pith_layer_get_end (spans, i)] & 0xC0) != 0x80);
    }
}

void
pith_fuzz_check_document (PithDocument *document)
{
  g_auto(GStrv) layers = pith_document_list_layers (document);
  g_autofree char *json = pith_document_to_json (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) back = NULL;

  g_assert_true (g_utf8_validate (pith_document_get_text (document), -1, NULL));
  for (guint i = 0; layers[i] != NULL; i++)
    check_layer (document, layers[i]);

  back = pith_document_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pith_document_get_text (back), ==, pith_document_get_text (document));
  g_assert_cmpstr (pith_document_get_raw (back), ==, pith_document_get_raw (document));
  for (guint i = 0; layers[i] != NULL; i++)
    g_assert_cmpuint (pith_document_get_n_spans (back, layers[i]), ==,
                      pith_document_get_n_spans (document, layers[i]));
}

void
pith_fuzz_run_pipeline (const char    *description,
                        const uint8_t *data,
                        size_t         size,
                        gboolean       html)
{
  static PithPipeline *pipeline;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) document = NULL;

  if (pipeline == NULL)
    {
      pipeline = pith_pipeline_new_from_string (description, &error);
      g_assert_no_error (error);
    }

  document = pith_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  if (html)
    pith_document_set_metadata_string (document, "input_format", "html");

  /* Errors are allowed (a document may be refused); crashes are not. */
  if (pith_pipeline_process (pipeline, document, NULL, &error))
    pith_fuzz_check_document (document);
}
