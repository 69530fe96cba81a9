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
};

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
                }
              self->checkpoints[self->n_checkpoints++] = i;
            }
          n_chars++;
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
