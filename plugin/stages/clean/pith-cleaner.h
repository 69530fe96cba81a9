/* pith-cleaner.h: the clean stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include "pith-stage.h"

G_BEGIN_DECLS

/**
 * PithInputFormat:
 * @PITH_INPUT_FORMAT_AUTO: HTML if the document's `input_format` metadata
 *   says so or the text looks like an HTML page, text otherwise
 * @PITH_INPUT_FORMAT_TEXT: plain text
 * @PITH_INPUT_FORMAT_HTML: an HTML page or fragment
 *
 * What the `clean` stage takes its input for.
 */
typedef enum {
  PITH_INPUT_FORMAT_AUTO,
  PITH_INPUT_FORMAT_TEXT,
  PITH_INPUT_FORMAT_HTML,
} PithInputFormat;

/**
 * PithQuoteStyle:
 * @PITH_QUOTE_STYLE_KEEP: leave quotes as they are
 * @PITH_QUOTE_STYLE_STRAIGHTEN: make every quote an ASCII `"` or `'`
 * @PITH_QUOTE_STYLE_TYPOGRAPHIC: make ASCII quotes typographic (“ ” ‘ ’)
 *
 * What the `clean` stage does with quotation marks.
 */
typedef enum {
  PITH_QUOTE_STYLE_KEEP,
  PITH_QUOTE_STYLE_STRAIGHTEN,
  PITH_QUOTE_STYLE_TYPOGRAPHIC,
} PithQuoteStyle;

#define PITH_TYPE_CLEANER (pith_cleaner_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithCleaner, pith_cleaner, PITH, CLEANER, PithStage)

PITH_AVAILABLE_IN_ALL
PithStage *pith_cleaner_new (void);

G_END_DECLS
