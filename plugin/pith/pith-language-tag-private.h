/* pith-language-tag-private.h: the language a tag names
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest primary subtag there is (ISO 639-3 and the reserved
 * four-letter ones); longer runs of letters are no language. */
#define PITH_LANGUAGE_CODE_MAX 8

/* Writes the primary subtag of @tag, lowercased, into @code ("de-AT",
 * "de_AT" and "DE" are "de"). FALSE, with @code empty, when @tag is NULL
 * or does not start with two to eight letters. */
gboolean pith_language_tag_code (const char *tag,
                                 char        code[PITH_LANGUAGE_CODE_MAX + 1]);

/* Whether @tag names the language @code (lowercase ISO 639): "en-GB" is
 * "en", "eng" and "enm" are not. */
gboolean pith_language_tag_is (const char *tag,
                               const char *code);

G_END_DECLS
