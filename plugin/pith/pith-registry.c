/* pith-registry.c: stage names and plugin modules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithRegistry:
 *
 * Maps stage names, as pipeline descriptions use them, to stage types.
 *
 * The default registry, [func@Pith.Registry.get_default], knows the
 * built-in stages and the stages of plugin modules. Modules are GIO modules
 * (shared objects with `g_io_module_load()`) that implement the
 * [const@Pith.STAGE_EXTENSION_POINT_NAME] extension point. They are loaded
 * when the default registry is first used, from each directory in the
 * `PITH_PLUGIN_PATH` environment variable (separated like `PATH`), then
 * from the system plugin directory, `$libdir/pith-1.0/plugins`, which
 * `PITH_PLUGIN_SYSTEM_PATH` replaces when set (empty: none).
 *
 * Any stage type can also be registered at run time, including a subclass
 * written in Python:
 *
 * ```python
 * Pith.Registry.get_default().register_stage("shout", Shout.__gtype__)
 * pipeline = Pith.Pipeline.new_from_string("shout ! segment")
 * ```
 *
 * The registry is locked internally: any thread may use it.
 */

#include "config.h"

#include "pith-tsan-private.h"

#include <string.h>

#include <gio/gio.h>

#include "pith-builtin-stages-private.h"
#include "pith-error.h"
#include "pith-registry.h"
#include "pith-stage.h"

struct _PithRegistry
{
  GObject parent_instance;

  GMutex mutex;
  GHashTable *types;        /* name -> GType */
  GHashTable *names;        /* GType -> name */
  GList *modules;           /* loaded GIOModules, kept loaded for good */
};

G_DEFINE_FINAL_TYPE (PithRegistry, pith_registry, G_TYPE_OBJECT)

static void
pith_registry_finalize (GObject *object)
{
  PithRegistry *self = (PithRegistry *) object;

  g_hash_table_unref (self->types);
  g_hash_table_unref (self->names);
  g_list_free (self->modules);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (pith_registry_parent_class)->finalize (object);
}

static void
pith_registry_class_init (PithRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pith_registry_finalize;
}

static void
pith_registry_init (PithRegistry *self)
{
  g_mutex_init (&self->mutex);
  self->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static gboolean
is_valid_stage_name (const char *name)
{
  if (name == NULL || *name == '\0' || !g_ascii_isalpha (*name))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/**
 * pith_registry_register_stage:
 * @self: a registry
 * @name: the stage's name in pipeline descriptions: a letter, then
 *   letters, digits, `-` or `_`
 * @stage_type: a non-abstract subtype of [class@Pith.Stage]
 *
 * Registers a stage type under a name. A later registration of the same
 * name replaces the earlier one, so an application can put its own stage
 * in place of a built-in one.
 *
 * Returns: %TRUE if registered; %FALSE if the name or type is not valid
 */
gboolean
pith_registry_register_stage (PithRegistry *self,
                              const char   *name,
                              GType         stage_type)
{
  g_return_val_if_fail (PITH_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!is_valid_stage_name (name))
    {
      g_critical ("“%s” is not a valid stage name: use a letter, then letters, "
                  "digits, “-” or “_”", name);
      return FALSE;
    }
  if (!g_type_is_a (stage_type, PITH_TYPE_STAGE) || G_TYPE_IS_ABSTRACT (stage_type))
    {
      g_critical ("Cannot register “%s”: %s is not a concrete PithStage type",
                  name, g_type_name (stage_type));
      return FALSE;
    }

  g_mutex_lock (&self->mutex);

  pith_tsan_acquire (&self->mutex);
  g_hash_table_replace (self->types, g_strdup (name), GSIZE_TO_POINTER (stage_type));
  g_hash_table_replace (self->names, GSIZE_TO_POINTER (stage_type), g_strdup (name));
  pith_tsan_release (&self->mutex);
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

/**
 * pith_registry_lookup:
 * @self: a registry
 * @name: a stage name
 *
 * Looks up the type registered under a name.
 *
 * Returns: the stage type, or `G_TYPE_INVALID` if none is registered
 */
GType
pith_registry_lookup (PithRegistry *self,
                      const char   *name)
{
  GType type;

  g_return_val_if_fail (PITH_IS_REGISTRY (self), G_TYPE_INVALID);
  g_return_val_if_fail (name != NULL, G_TYPE_INVALID);

  g_mutex_lock (&self->mutex);

  pith_tsan_acquire (&self->mutex);
  type = GPOINTER_TO_SIZE (g_hash_table_lookup (self->types, name));
  pith_tsan_release (&self->mutex);
  g_mutex_unlock (&self->mutex);

  return type;
}

/**
 * pith_registry_get_type_name:
 * @self: a registry
 * @stage_type: a stage type
 *
 * Looks up the name a stage type was last registered under.
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if the type is
 *   not registered
 */
const char *
pith_registry_get_type_name (PithRegistry *self,
                             GType         stage_type)
{
  const char *name;

  g_return_val_if_fail (PITH_IS_REGISTRY (self), NULL);

  g_mutex_lock (&self->mutex);

  pith_tsan_acquire (&self->mutex);
  name = g_hash_table_lookup (self->names, GSIZE_TO_POINTER (stage_type));
  if (name != NULL)
    name = g_intern_string (name);
  pith_tsan_release (&self->mutex);
  g_mutex_unlock (&self->mutex);

  return name;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * pith_registry_list_stages:
 * @self: a registry
 *
 * Lists the registered stage names.
 *
 * Returns: (transfer full) (array zero-terminated=1): the names, sorted
 */
char **
pith_registry_list_stages (PithRegistry *self)
{
  g_autofree const char **keys = NULL;
  char **names;
  guint n = 0;

  g_return_val_if_fail (PITH_IS_REGISTRY (self), NULL);

  g_mutex_lock (&self->mutex);

  pith_tsan_acquire (&self->mutex);
  keys = (const char **) g_hash_table_get_keys_as_array (self->types, &n);
  names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (keys[i]);
  pith_tsan_release (&self->mutex);
  g_mutex_unlock (&self->mutex);

  g_qsort_with_data (names, n, sizeof (char *), compare_names, NULL);

  return names;
}

/**
 * pith_registry_get_description:
 * @self: a registry
 * @name: a stage name
 *
 * Gets the description of a registered stage, as set with
 * [method@Pith.StageClass.set_description].
 *
 * Returns: (transfer full) (nullable): the description, or %NULL if the
 *   stage is unknown or has none
 */
char *
pith_registry_get_description (PithRegistry *self,
                               const char   *name)
{
  GType type;
  g_autoptr(GTypeClass) klass = NULL;

  g_return_val_if_fail (PITH_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  type = pith_registry_lookup (self, name);
  if (type == G_TYPE_INVALID)
    return NULL;

  klass = g_type_class_ref (type);

  return g_strdup (pith_stage_class_get_description (PITH_STAGE_CLASS (klass)));
}

/**
 * pith_registry_create_stage:
 * @self: a registry
 * @name: a stage name
 * @n_properties: the number of properties to set
 * @names: (array length=n_properties) (nullable): property names
 * @values: (array length=n_properties) (nullable): property values
 * @error: return location for an error
 *
 * Creates a stage by name with the given construct properties. A stage
 * that implements `GInitable` (to load a model, say) is initialised, and
 * its failure is reported here.
 *
 * Returns: (transfer full) (nullable): the stage, or %NULL with @error set
 */
PithStage *
pith_registry_create_stage (PithRegistry  *self,
                            const char    *name,
                            guint          n_properties,
                            const char   **names,
                            const GValue  *values,
                            GError       **error)
{
  g_autoptr(GObject) stage = NULL;
  GType type;

  g_return_val_if_fail (PITH_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (n_properties == 0 || (names != NULL && values != NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  type = pith_registry_lookup (self, name);
  if (type == G_TYPE_INVALID)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_UNKNOWN_STAGE,
                   "No stage is called “%s”", name);
      return NULL;
    }

  stage = g_object_new_with_properties (type, n_properties, names, values);
  if (G_IS_INITABLE (stage) && !g_initable_init (G_INITABLE (stage), NULL, error))
    return NULL;

  return PITH_STAGE (g_steal_pointer (&stage));
}

/**
 * pith_registry_load_plugins:
 * @self: a registry
 * @directory: a directory of plugin modules
 *
 * Loads the plugin modules of a directory and registers the stages they
 * provide. The default registry does this by itself for the plugin path;
 * applications call it for directories of their own. A module that fails
 * to load is reported on standard error and skipped.
 *
 * Returns: the number of modules loaded
 */
guint
pith_registry_load_plugins (PithRegistry *self,
                            const char   *directory)
{
  GIOExtensionPoint *point;
  GList *modules;
  guint n_loaded;

  g_return_val_if_fail (PITH_IS_REGISTRY (self), 0);
  g_return_val_if_fail (directory != NULL, 0);

  if (!g_file_test (directory, G_FILE_TEST_IS_DIR))
    return 0;

  modules = g_io_modules_load_all_in_directory (directory);
  n_loaded = g_list_length (modules);

  g_mutex_lock (&self->mutex);

  pith_tsan_acquire (&self->mutex);
  self->modules = g_list_concat (self->modules, modules);
  pith_tsan_release (&self->mutex);
  g_mutex_unlock (&self->mutex);

  point = g_io_extension_point_lookup (PITH_STAGE_EXTENSION_POINT_NAME);
  for (GList *l = g_io_extension_point_get_extensions (point); l != NULL; l = l->next)
    {
      GIOExtension *extension = l->data;
      const char *name = g_io_extension_get_name (extension);

      if (pith_registry_lookup (self, name) == G_TYPE_INVALID)
        pith_registry_register_stage (self, name, g_io_extension_get_type (extension));
    }

  return n_loaded;
}

static void
load_plugin_path (PithRegistry *self,
                  const char   *path)
{
  g_auto(GStrv) directories = NULL;

  if (path == NULL || *path == '\0')
    return;

  directories = g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);
  for (guint i = 0; directories[i] != NULL; i++)
    if (*directories[i] != '\0')
      pith_registry_load_plugins (self, directories[i]);
}

/**
 * pith_registry_get_default:
 *
 * Gets the registry that pipeline descriptions are resolved in. On first
 * use it registers the built-in stages and loads the plugin modules.
 *
 * Returns: (transfer none): the default registry
 */
PithRegistry *
pith_registry_get_default (void)
{
  static PithRegistry *default_registry;

  if (g_once_init_enter (&default_registry))
    {
      PithRegistry *registry = g_object_new (PITH_TYPE_REGISTRY, NULL);
      GIOExtensionPoint *point;
      const char *system_path;

      point = g_io_extension_point_register (PITH_STAGE_EXTENSION_POINT_NAME);
      g_io_extension_point_set_required_type (point, PITH_TYPE_STAGE);

      pith_register_builtin_stages (registry);

      load_plugin_path (registry, g_getenv ("PITH_PLUGIN_PATH"));
      system_path = g_getenv ("PITH_PLUGIN_SYSTEM_PATH");
      load_plugin_path (registry, system_path != NULL ? system_path : PITH_PLUGINDIR);

      pith_tsan_release (&default_registry);

      g_once_init_leave (&default_registry, registry);
    }
  pith_tsan_acquire (&default_registry);

  return default_registry;
}
