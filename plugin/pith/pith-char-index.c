/* pith-char-index.c: code-point offsets of a UTF-8 string
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-char-index-private.h"

/* One checkpoint every BLOCK code points: a conversion is a binary search
 * plus a walk of at most BLOCK characters, and the index costs an eighth of
 * the text's size at most. Pure ASCII needs no checkpoints at all. */
#define BLOCK 64

struct _PithCharIndex
{
  const char *text;       /* not owned; the index dies with the text */
  gsize length;
  gsize n_chars;
  gsize *checkpoints;     /* byte offset of code point k * BLOCK; NULL if ASCII */
  gsize n_checkpoints;
  /* Code points outside the Basic Multilingual Plane (emoji, rare CJK)
   * before each checkpoint: each is two UTF-16 units, as JavaScript
   * counts. NULL when there are none, and UTF-16 offsets are code points. */
  gsize *astral;
};

/* A lead byte of four: a code point past U+FFFF. */
#define IS_ASTRAL_LEAD(byte) ((guchar) (byte) >= 0xF0)

static gboolean
is_ascii (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

PithCharIndex *
pith_char_index_new (const char *text,
                     gsize       length)
{
  PithCharIndex *self = g_new0 (PithCharIndex, 1);
  gsize capacity;
  gsize n_chars = 0;

  self->text = text;
  self->length = length;

  if (is_ascii (text, length))
    {
      self->n_chars = length;
      return self;
    }

  capacity = length / BLOCK + 2;
  self->checkpoints = g_new (gsize, capacity);
  {
    gsize n_astral = 0;

    for (gsize i = 0; i < length; i++)
      {
        /* Count lead bytes only; continuation bytes are 10xxxxxx. */
        if (((guchar) text[i] & 0xC0) != 0x80)
          {
            if (n_chars % BLOCK == 0)
              {
                if (self->n_checkpoints == capacity)
                  {
                    capacity *= 2;
                    self->checkpoints = g_renew (gsize, self->checkpoints, capacity);
                    if (self->astral != NULL)
                      self->astral = g_renew (gsize, self->astral, capacity);
                  }
                if (self->astral != NULL)
                  self->astral[self->n_checkpoints] = n_astral;
                self->checkpoints[self->n_checkpoints++] = i;
              }
            if (IS_ASTRAL_LEAD (text[i]))
              {
                if (self->astral == NULL)
                  self->astral = g_new0 (gsize, capacity);
                n_astral++;
              }
            n_chars++;
          }
      }
  }
  self->n_chars = n_chars;

  return self;
}

void
pith_char_index_free (PithCharIndex *self)
{
  if (self == NULL)
    return;
  g_free (self->checkpoints);
  g_free (self->astral);
  g_free (self);
}

gsize
pith_char_index_get_n_chars (const PithCharIndex *self)
{
  return self->n_chars;
}

gsize
pith_char_index_char_to_byte (const PithCharIndex *self,
                              gsize                char_offset)
{
  gsize byte;
  gsize remaining;

  if (char_offset >= self->n_chars)
    return self->length;
  if (self->checkpoints == NULL)
    return char_offset;

  byte = self->checkpoints[char_offset / BLOCK];
  remaining = char_offset % BLOCK;
  while (remaining > 0)
    {
      byte++;
      while (byte < self->length && ((guchar) self->text[byte] & 0xC0) == 0x80)
        byte++;
      remaining--;
    }

  return byte;
}

/* A byte offset inside a character counts as that character's start. */
gsize
pith_char_index_byte_to_char (const PithCharIndex *self,
                              gsize                byte_offset)
{
  gsize lo = 0;
  gsize hi;
  gsize chars;

  if (byte_offset >= self->length)
    return self->n_chars;
  if (self->checkpoints == NULL)
    return byte_offset;

  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (self->checkpoints[mid] <= byte_offset)
        lo = mid;
      else
        hi = mid;
    }

  chars = lo * BLOCK;
  for (gsize i = self->checkpoints[lo] + 1; i <= byte_offset; i++)
    if (((guchar) self->text[i] & 0xC0) != 0x80)
      chars++;

  return chars;
}

/* UTF-16 units before code point @char_offset. */
gsize
pith_char_index_char_to_utf16 (const PithCharIndex *self,
                               gsize                char_offset)
{
  gsize block;
  gsize byte;
  gsize astral;

  char_offset = MIN (char_offset, self->n_chars);
  if (self->astral == NULL)
    return char_offset;

  block = MIN (char_offset / BLOCK, self->n_checkpoints - 1);
  byte = self->checkpoints[block];
  astral = self->astral[block];
  for (gsize c = block * BLOCK; c < char_offset; c++)
    {
      astral += IS_ASTRAL_LEAD (self->text[byte]);
      byte++;
      while (byte < self->length && ((guchar) self->text[byte] & 0xC0) == 0x80)
        byte++;
    }

  return char_offset + astral;
}

/* The code point at UTF-16 offset @utf16_offset; one inside a surrogate
 * pair counts as that code point's start. */
gsize
pith_char_index_utf16_to_char (const PithCharIndex *self,
                               gsize                utf16_offset)
{
  gsize lo = 0;
  gsize hi;
  gsize chars;
  gsize units;
  gsize byte;

  if (self->astral == NULL)
    return MIN (utf16_offset, self->n_chars);

  /* The last checkpoint at or before the offset. */
  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (mid * BLOCK + self->astral[mid] <= utf16_offset)
        lo = mid;
      else
        hi = mid;
    }

  chars = lo * BLOCK;
  units = chars + self->astral[lo];
  byte = self->checkpoints[lo];
  while (chars < self->n_chars)
    {
      gsize width = IS_ASTRAL_LEAD (self->text[byte]) ? 2 : 1;

      if (units + width > utf16_offset)
        break;
      units += width;
      chars++;
      byte++;
      while (byte < self->length && ((guchar) self->text[byte] & 0xC0) == 0x80)
        byte++;
    }

  return chars;
}
