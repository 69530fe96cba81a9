/* pith-decode-private.h: turning input bytes into UTF-8 text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *encoding;     /* what the text was decoded from */
  gboolean fallback;        /* the bytes were not valid in the charset asked for */
  gsize replaced_nuls;      /* NUL bytes turned into U+FFFD */
} PithDecodeReport;

/* The byte that Windows-1252 (or, for C1 controls, Latin-1) decodes to @c,
 * or -1: how a character of mojibake was once a byte of UTF-8. */
int   pith_decode_windows_1252_byte (gunichar c);

char *pith_decode_to_utf8 (const char        *data,
                           gsize              length,
                           const char        *charset,
                           gsize             *out_length,
                           PithDecodeReport  *report);

G_END_DECLS
