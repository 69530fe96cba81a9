/* pith-resource-cache-private.h: data loaded from the resources once
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a resource loads into, by its name under /org/gnome/Pith/; NULL
 * when it is not there. */
typedef gpointer (*PithResourceLoad) (const char *name);

/* Zero-initialised, as a static is. */
typedef struct
{
  GMutex mutex;
  GHashTable *loaded;       /* name -> what it loaded into, or NULL */
} PithResourceCache;

gpointer pith_resource_cache_get (PithResourceCache *cache,
                                  const char        *name,
                                  PithResourceLoad   load);

G_END_DECLS
