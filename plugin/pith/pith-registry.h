/* pith-registry.h: stage names and plugin modules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <glib-object.h>

#include "pith-version-macros.h"

G_BEGIN_DECLS

/**
 * PITH_STAGE_EXTENSION_POINT_NAME:
 *
 * The GIO extension point that plugin modules implement to provide stages:
 * in its `g_io_module_load()`, a module registers its stage type and calls
 * `g_io_extension_point_implement (PITH_STAGE_EXTENSION_POINT_NAME, type,
 * "name", 0)`. The extension's name is the stage's name in pipelines.
 */
#define PITH_STAGE_EXTENSION_POINT_NAME "pith-stage"

#define PITH_TYPE_REGISTRY (pith_registry_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithRegistry, pith_registry, PITH, REGISTRY, GObject)

typedef struct _PithStage PithStage;

PITH_AVAILABLE_IN_ALL
PithRegistry *pith_registry_get_default       (void);
PITH_AVAILABLE_IN_ALL
gboolean      pith_registry_register_stage    (PithRegistry  *self,
                                               const char    *name,
                                               GType          stage_type);
PITH_AVAILABLE_IN_ALL
GType         pith_registry_lookup            (PithRegistry  *self,
                                               const char    *name);
PITH_AVAILABLE_IN_ALL
const char   *pith_registry_get_type_name     (PithRegistry  *self,
                                               GType          stage_type);
PITH_AVAILABLE_IN_ALL
char        **pith_registry_list_stages       (PithRegistry  *self);
PITH_AVAILABLE_IN_ALL
char         *pith_registry_get_description   (PithRegistry  *self,
                                               const char    *name);
PITH_AVAILABLE_IN_ALL
PithStage    *pith_registry_create_stage      (PithRegistry  *self,
                                               const char    *name,
                                               guint          n_properties,
                                               const char   **names,
                                               const GValue  *values,
                                               GError       **error);
PITH_AVAILABLE_IN_ALL
guint         pith_registry_load_plugins      (PithRegistry  *self,
                                               const char    *directory);

G_END_DECLS
