/* pith-cli-inspect.c: pith --list-stages and pith inspect STAGE
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "pith-cli.h"

int
pith_cli_list_stages (void)
{
  PithRegistry *registry = pith_registry_get_default ();
  g_auto(GStrv) names = pith_registry_list_stages (registry);
  gsize width = 0;

  for (guint i = 0; names[i] != NULL; i++)
    width = MAX (width, strlen (names[i]));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *description = pith_registry_get_description (registry, names[i]);
      printf ("%-*s  %s\n", (int) width, names[i], description != NULL ? description : "");
    }

  return 0;
}

static void
print_choices (GParamSpec *pspec)
{
  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      printf ("      values:");
      for (guint i = 0; i < enum_class->n_values; i++)
        printf (" %s", enum_class->values[i].value_nick);
      printf ("\n");
    }
  else if (G_IS_PARAM_SPEC_FLAGS (pspec))
    {
      GFlagsClass *flags_class = G_PARAM_SPEC_FLAGS (pspec)->flags_class;

      printf ("      flags (join with +):");
      for (guint i = 0; i < flags_class->n_values; i++)
        printf (" %s", flags_class->values[i].value_nick);
      printf ("\n");
    }
}

static void
print_range (GParamSpec *pspec)
{
  if (G_IS_PARAM_SPEC_INT (pspec))
    printf (", range %d…%d", G_PARAM_SPEC_INT (pspec)->minimum, G_PARAM_SPEC_INT (pspec)->maximum);
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    printf (", range %u…%u", G_PARAM_SPEC_UINT (pspec)->minimum, G_PARAM_SPEC_UINT (pspec)->maximum);
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    printf (", range %g…%g", G_PARAM_SPEC_DOUBLE (pspec)->minimum, G_PARAM_SPEC_DOUBLE (pspec)->maximum);
}

int
pith_cli_inspect (const char *name)
{
  PithRegistry *registry = pith_registry_get_default ();
  GType type = pith_registry_lookup (registry, name);
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *description = NULL;
  guint n_pspecs = 0;
  guint shown = 0;

  if (type == G_TYPE_INVALID)
    {
      g_printerr ("pith: no stage is called “%s”; pith --list-stages lists them\n", name);
      return 2;
    }

  klass = g_type_class_ref (type);
  description = pith_registry_get_description (registry, name);

  printf ("Stage:        %s\n", name);
  printf ("Type:         %s\n", g_type_name (type));
  printf ("Description:  %s\n", description != NULL ? description : "(none)");
  printf ("Hierarchy:    ");
  for (GType t = type; t != G_TYPE_INVALID; t = g_type_parent (t))
    printf ("%s%s", g_type_name (t), g_type_parent (t) != G_TYPE_INVALID ? " → " : "\n");
  printf ("\nProperties (set as name=value in a pipeline description):\n");

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      const GValue *default_value;
      g_autofree char *default_text = NULL;
      const char *blurb;

      if (!(pspec->flags & G_PARAM_WRITABLE) || pspec->owner_type == G_TYPE_OBJECT)
        continue;

      default_value = g_param_spec_get_default_value (pspec);
      if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          GEnumValue *nick = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                               g_value_get_enum (default_value));
          default_text = g_strdup (nick != NULL ? nick->value_nick : "?");
        }
      else
        default_text = g_strdup_value_contents (default_value);
      printf ("  %s\n      type %s, default %s", pspec->name,
              g_type_name (pspec->value_type), default_text);
      print_range (pspec);
      if (pspec->flags & G_PARAM_CONSTRUCT_ONLY)
        printf (", construct-only");
      printf ("\n");
      print_choices (pspec);
      blurb = g_param_spec_get_blurb (pspec);
      if (blurb != NULL && *blurb != '\0')
        printf ("      %s\n", blurb);
      shown++;
    }
  if (shown == 0)
    printf ("  (none)\n");

  return 0;
}
