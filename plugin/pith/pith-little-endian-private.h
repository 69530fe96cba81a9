/* pith-little-endian-private.h: numbers of the library's binary tables
 *
 * The tables the library reads where they lie (resources, mapped files)
 * are little-endian and not aligned: their numbers are read a byte at a
 * time, or copied out, never through a cast pointer.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

static inline guint32
pith_read_u32_le (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static inline guint64
pith_read_u64_le (const guint8 *p)
{
  guint64 value;

  memcpy (&value, p, sizeof value);
  return GUINT64_FROM_LE (value);
}

static inline gint16
pith_read_i16_le (const guint8 *p)
{
  return (gint16) (guint16) (p[0] | (p[1] << 8));
}

G_END_DECLS
