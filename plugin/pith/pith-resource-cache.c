/* pith-resource-cache.c: data loaded from the resources once
 *
 * Word lists and dictionaries load on first use and live as long as the
 * process: they are read-only after loading, so every thread shares them
 * without locks once it has them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-tsan-private.h"

#include "pith-resource-cache-private.h"

gpointer
pith_resource_cache_get (PithResourceCache *cache,
                         const char        *name,
                         PithResourceLoad   load)
{
  gpointer loaded;

  g_mutex_lock (&cache->mutex);
  pith_tsan_acquire (&cache->mutex);
  if (cache->loaded == NULL)
    cache->loaded = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (cache->loaded, name, NULL, &loaded))
    {
      loaded = load (name);
      g_hash_table_insert (cache->loaded, g_strdup (name), loaded);
    }
  pith_tsan_release (&cache->mutex);
  g_mutex_unlock (&cache->mutex);

  return loaded;
}
