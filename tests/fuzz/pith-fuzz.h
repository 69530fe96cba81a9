/* pith-fuzz.h: what every Pith fuzz target shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdint.h>

#include <pith/pith.h>

G_BEGIN_DECLS

/* libFuzzer's entry point, declared for -Wmissing-prototypes. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Checks what holds for any document: every span of every layer inside
 * the text and on character boundaries, and the lossless JSON giving back
 * the same text, raw input and spans. Aborts otherwise, so libFuzzer
 * records the input. */
void pith_fuzz_check_document (PithDocument *document);

/* Runs @data, decoded as any bytes are, through the pipeline
 * @description (parsed once per process), as HTML when @html is set, and
 * checks the result. */
void pith_fuzz_run_pipeline (const char    *description,
                             const uint8_t *data,
                             size_t         size,
                             gboolean       html);

G_END_DECLS
