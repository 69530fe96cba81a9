/* fuzz-default.c: any bytes through `clean ! segment ! entities ! summarize`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  pith_fuzz_run_pipeline ("clean ! segment ! entities ! summarize", data, size, FALSE);
  return 0;
}
