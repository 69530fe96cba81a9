/* fuzz-json.c: a document from any JSON, then the default pipeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static PithPipeline *pipeline;
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) document = NULL;

  if (pipeline == NULL)
    pipeline = pith_pipeline_new_from_string ("clean ! segment ! entities ! summarize", NULL);

  document = pith_document_new_from_json ((const char *) data, (gssize) size, &error);
  if (document == NULL)
    {
      /* A refusal must say why. */
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }
  pith_fuzz_check_document (document);
  if (pith_pipeline_process (pipeline, document, NULL, &error))
    pith_fuzz_check_document (document);
  return 0;
}
