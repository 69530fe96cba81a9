/* fuzz-clean-html.c: any bytes through `clean`, read as HTML
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  pith_fuzz_run_pipeline ("clean", data, size, TRUE);
  return 0;
}
