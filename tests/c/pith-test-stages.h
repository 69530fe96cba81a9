/* pith-test-stages.h: stages the C tests use as fixtures (never shipped)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <pith/pith.h>

G_BEGIN_DECLS

/* Registers, in the default registry:
 * - test-upper: upper-cases ASCII letters with one batch edit per letter run;
 *   property "prefix" (string) is inserted at the start when set.
 * - test-fail: fails with PITH_ERROR_INVALID_INPUT when the text contains
 *   its "marker" property (default "FAIL").
 * - test-words: adds a "word" layer of ASCII letter runs; property
 *   "min-length" (uint, 1..100), "mode" (GIOErrorEnum as a stand-in enum),
 *   "ratio" (double 0..1), "enabled" (boolean).
 * - test-sleep: sleeps "msec" milliseconds in slices, checking the
 *   cancellable between slices. */
void pith_test_register_stages (void);

G_END_DECLS
