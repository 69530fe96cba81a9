/* fuzz-document.c: a document from any bytes, and edits to it
 *
 * The input is decoded as the CLI decodes files. Its first bytes then
 * steer a few replacements, so the offset map and the layers' spans are
 * moved by edits the fuzzer chooses.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) document = pith_document_new_from_bytes (bytes, NULL, &error);
  gsize length;

  g_assert_no_error (error);
  length = pith_document_get_length (document);
  if (length > 0)
    pith_document_add_span (document, "fuzz", 0, length, NULL, 1.0, NULL);

  for (size_t i = 0; i + 3 <= MIN (size, 24); i += 3)
    {
      gsize start = data[i] % (pith_document_get_length (document) + 1);
      gsize end = start + data[i + 1] % 4;
      const char *replacement = (data[i + 2] & 1) ? "" : "é\n";

      if (!pith_document_replace (document, start, end, replacement, &error))
        g_clear_error (&error);
    }

  pith_fuzz_check_document (document);
  return 0;
}
