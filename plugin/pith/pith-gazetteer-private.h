/* pith-gazetteer-private.h: the names of the built-in gazetteer, read
 * line by line
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <string.h>

#include <gio/gio.h>

#include "pith-lines-private.h"

G_BEGIN_DECLS

#define PITH_GAZETTEER_RESOURCE "/org/gnome/Pith/entities/gazetteer-en.txt"

/* Called with each name's type (LOC, PER, MISC) and the name, neither
 * nul-terminated. */
typedef void (*PithGazetteerFunc) (const char *type,
                                   gsize       type_length,
                                   const char *name,
                                   gsize       name_length,
                                   gpointer    user_data);

/* Calls @func for every "TYPE name" line of the built-in gazetteer; the
 * entity tagger's features and the cleaner's glue rules read it so. */
static inline void
pith_gazetteer_foreach (PithGazetteerFunc func,
                        gpointer          user_data)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PITH_GAZETTEER_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize length;
  const char *cursor;
  const char *end;
  const char *line;

  if (bytes == NULL)
    return;
  cursor = g_bytes_get_data (bytes, &length);
  end = cursor + length;
  while (pith_lines_next (&cursor, end, &line, &length))
    {
      const char *space = memchr (line, ' ', length);

      if (length == 0 || line[0] == '#' || space == NULL)
        continue;
      func (line, (gsize) (space - line), space + 1, length - (gsize) (space + 1 - line), user_data);
    }
}

G_END_DECLS
