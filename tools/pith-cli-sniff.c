/* pith-cli-sniff.c: what an input holds, told from its first bytes
 *
 * pith reads text and web pages. Anything else given to it by mistake (a
 * program, an image, a PDF, an archive) would decode as Windows-1252 into
 * a "document" of mojibake; it is named and refused instead. Formats are
 * told by their magic numbers; what has none is told by its share of
 * control bytes, which text has few of and binary data many.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "pith-cli.h"

typedef struct
{
  gsize offset;
  const char *magic;
  gsize length;
  const char *kind;
} Signature;

#define SIGNATURE(offset, magic, kind) { offset, magic, sizeof magic - 1, kind }

static const Signature signatures[] = {
  SIGNATURE (0, "\x7f" "ELF", "an ELF executable or library"),
  SIGNATURE (0, "%PDF-", "a PDF document"),
  SIGNATURE (0, "\x89PNG\r\n\x1a\n", "a PNG image"),
  SIGNATURE (0, "\xff\xd8\xff", "a JPEG image"),
  SIGNATURE (0, "GIF87a", "a GIF image"),
  SIGNATURE (0, "GIF89a", "a GIF image"),
  SIGNATURE (0, "RIFF", "a RIFF file (WAV, AVI or WebP)"),
  SIGNATURE (0, "II*\0", "a TIFF image"),
  SIGNATURE (0, "MM\0*", "a TIFF image"),
  SIGNATURE (0, "OggS", "an Ogg audio or video file"),
  SIGNATURE (0, "ID3\x02", "an MP3 file"),
  SIGNATURE (0, "ID3\x03", "an MP3 file"),
  SIGNATURE (0, "ID3\x04", "an MP3 file"),
  SIGNATURE (0, "fLaC", "a FLAC audio file"),
  SIGNATURE (0, "\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
  SIGNATURE (0, "PK\x03\x04", "a ZIP archive (or a file made of one: DOCX, ODT, EPUB, JAR)"),
  SIGNATURE (0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
  SIGNATURE (0, "{\\rtf", "an RTF document"),
  SIGNATURE (0, "BZh91AY&SY", "a bzip2-compressed file"),
  SIGNATURE (0, "\xfd" "7zXZ\0", "an xz-compressed file"),
  SIGNATURE (0, "\x28\xb5\x2f\xfd", "a zstd-compressed file"),
  SIGNATURE (0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
  SIGNATURE (0, "Rar!\x1a\x07", "a RAR archive"),
  SIGNATURE (257, "ustar\0", "a tar archive"),
  SIGNATURE (257, "ustar  \0", "a tar archive"),
  SIGNATURE (0, "SQLite format 3\0", "an SQLite database"),
  SIGNATURE (0, "\xca\xfe\xba\xbe", "a Java class or Mach-O program"),
  SIGNATURE (0, "\0asm", "a WebAssembly module"),
  SIGNATURE (0, "wOFF", "a web font"),
  SIGNATURE (0, "wOF2", "a web font"),
  SIGNATURE (0, "GVariant", "a GVariant database"),
  SIGNATURE (0, "GOBJ\nMETADATA", "a GObject introspection typelib"),
};

/* A text damaged by a few stray control bytes is still text; one in
 * twenty bytes a control byte, and at least this many, is not (random
 * bytes have one in ten). */
#define MIN_CONTROL_BYTES 8

static gboolean
is_control_byte (guint8 byte)
{
  /* Tab, line feed, vertical tab, form feed, carriage return and escape
   * (of ANSI colours) appear in text. */
  return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\v' &&
         byte != '\f' && byte != '\r' && byte != 0x1b;
}

/* UTF-16 without a byte order mark: ASCII in it puts a NUL in every other
 * byte, on the same side. Returns the charset, or NULL. */
const char *
pith_cli_sniff_utf16 (const guint8 *data,
                      gsize         length)
{
  gsize nuls[2] = { 0, 0 };

  if (length < 8)
    return NULL;
  for (gsize i = 0; i < length; i++)
    if (data[i] == 0)
      nuls[i % 2]++;

  /* Most of one side NUL, almost none of the other. */
  if (nuls[1] * 10 >= length * 3 && nuls[0] * 20 <= length)
    return "UTF-16LE";
  if (nuls[0] * 10 >= length * 3 && nuls[1] * 20 <= length)
    return "UTF-16BE";
  return NULL;
}

/* What the bytes starting an input are if they are not text ("a PDF
 * document"), or NULL for text. */
const char *
pith_cli_sniff_binary (const guint8 *data,
                       gsize         length)
{
  gsize controls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      const Signature *signature = &signatures[i];

      if (signature->offset + signature->length <= length &&
          memcmp (data + signature->offset, signature->magic, signature->length) == 0)
        return signature->kind;
    }

  /* Byte order marks: text, in UTF-16 or UTF-32. */
  if (length >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    return NULL;
  if (pith_cli_sniff_utf16 (data, length) != NULL)
    return NULL;

  for (gsize i = 0; i < length; i++)
    controls += is_control_byte (data[i]);
  if (controls >= MIN_CONTROL_BYTES && controls * 20 >= length)
    return "binary data";
  return NULL;
}
