/* pith-cli-inspect.c: pith --list-stages and pith inspect STAGE
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "pith-cli.h"

#define LINE_WIDTH 79

/* Prints @text in lines of at most LINE_WIDTH, broken at spaces, each
 * after the first indented by @indent. */
static void
print_wrapped (const char *text,
               gsize       indent,
               gsize       column)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  gboolean first = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize length = g_utf8_strlen (words[i], -1);

      if (!first && column + 1 + length > LINE_WIDTH)
        {
          printf ("\n%*s", (int) indent, "");
          column = indent;
          first = TRUE;
        }
      printf ("%s%s", first ? "" : " ", words[i]);
      column += length + (first ? 0 : 1);
      first = FALSE;
    }
  printf ("\n");
}

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

      printf ("%-*s  ", (int) width, names[i]);
      print_wrapped (description != NULL ? description : "", width + 2, width + 2);
    }
  printf ("\npith inspect STAGE tells what a stage needs and gives, and its properties.\n");

  return 0;
}

static void
print_list (const char         *heading,
            const char * const *items,
            const char         *none)
{
  g_autofree char *joined = items != NULL && items[0] != NULL ?
                            g_strjoinv (", ", (char **) items) : g_strdup (none);

  printf ("%-14s", heading);
  print_wrapped (joined, 14, 14);
}

/* What the stage declared it needs and gives, read from an instance of it. */
static void
print_layers (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithStage) stage = pith_registry_create_stage (pith_registry_get_default (), name,
                                                           0, NULL, NULL, &error);
  const char * const *needs = NULL;
  const char * const *gives = NULL;
  PithStageFlags flags = PITH_STAGE_FLAGS_NONE;

  if (stage == NULL)
    {
      printf ("Layers:       (cannot make one to ask: %s)\n", error->message);
      return;
    }
  if (!pith_stage_get_layers (stage, &needs, &gives, &flags))
    {
      printf ("Layers:       not declared: the pipeline trusts it to find what it needs\n");
      return;
    }
  print_list ("Needs:", needs, "nothing but the text");
  print_list ("Gives:", gives, "no layers");
  if (flags & PITH_STAGE_EDITS_TEXT)
    printf ("Edits text:   yes, so it comes before every stage that annotates the text\n");
  if (pith_stage_get_labels (stage) != NULL)
    print_list ("Labels:", pith_stage_get_labels (stage), "");
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
  printf ("Description:  ");
  print_wrapped (description != NULL ? description : "(none)", 14, 14);
  print_layers (name);
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
