/* fuzz-pipeline-description.c: any pipeline description string
 *
 * A description parses to a pipeline that prints back to one parsing to
 * the same, or fails with an error; never anything else.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *description = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (description, &error);
  g_autoptr(PithPipeline) again = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *printed_again = NULL;

  if (pipeline == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  printed = pith_pipeline_to_string (pipeline);
  again = pith_pipeline_new_from_string (printed, &error);
  g_assert_no_error (error);
  printed_again = pith_pipeline_to_string (again);
  g_assert_cmpstr (printed, ==, printed_again);
  return 0;
}
