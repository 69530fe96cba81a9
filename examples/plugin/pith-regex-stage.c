/* pith-regex-stage.c: a third-party stage module for Pith
 *
 * A plugin module is a shared object in a plugin directory (PITH_PLUGIN_PATH
 * or $libdir/pith-1.0/plugins) that implements the "pith-stage" GIO
 * extension point. This one adds a `regex` stage that marks every match of
 * a regular expression as a span of a layer, with a label: a way to tag
 * ticker symbols, case numbers or hashtags without writing a tagger.
 *
 *   pith -p 'regex pattern="#\\w+" layer=hashtag label=TAG' article.txt
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <gio/gio.h>
#include <pith/pith.h>

#define PITH_TYPE_REGEX_STAGE (pith_regex_stage_get_type ())
G_DECLARE_FINAL_TYPE (PithRegexStage, pith_regex_stage, PITH, REGEX_STAGE, PithStage)

struct _PithRegexStage
{
  PithStage parent_instance;

  char *pattern;
  char *layer;
  char *label;
  GQuark label_quark;
  GRegex *regex;            /* compiled once; GRegex is safe to share */
  GError *pattern_error;    /* reported by every process() call */
};

enum {
  PROP_0,
  PROP_PATTERN,
  PROP_LAYER,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_DYNAMIC_TYPE (PithRegexStage, pith_regex_stage, PITH_TYPE_STAGE)

static void
pith_regex_stage_constructed (GObject *object)
{
  PithRegexStage *self = PITH_REGEX_STAGE (object);

  G_OBJECT_CLASS (pith_regex_stage_parent_class)->constructed (object);

  if (self->pattern != NULL && *self->pattern != '\0')
    self->regex = g_regex_new (self->pattern, G_REGEX_OPTIMIZE, 0, &self->pattern_error);
  else
    g_set_error_literal (&self->pattern_error, PITH_ERROR, PITH_ERROR_INVALID_VALUE,
                         "The regex stage needs a pattern");
  self->label_quark = self->label != NULL ? g_quark_from_string (self->label) : 0;
}

static gboolean
pith_regex_stage_process (PithStage     *stage,
                          PithDocument  *document,
                          GCancellable  *cancellable,
                          GError       **error)
{
  PithRegexStage *self = PITH_REGEX_STAGE (stage);
  g_autoptr(GMatchInfo) match = NULL;
  const char *text = pith_document_get_text (document);
  gsize size = pith_document_get_text_size (document);

  if (self->pattern_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->pattern_error));
      return FALSE;
    }

  /* Created even without a match: the stage ran and found nothing. */
  pith_document_add_span_bytes (document, self->layer, 1, 0, 0, 0.0);

  g_regex_match_full (self->regex, text, (gssize) size, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      int start = 0;
      int end = 0;

      if (g_match_info_fetch_pos (match, 0, &start, &end) && end > start)
        pith_document_add_span_bytes (document, self->layer, start, end, self->label_quark, 0.0);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_match_info_next (match, NULL);
    }

  return TRUE;
}

static void
pith_regex_stage_finalize (GObject *object)
{
  PithRegexStage *self = PITH_REGEX_STAGE (object);

  g_free (self->pattern);
  g_free (self->layer);
  g_free (self->label);
  g_clear_pointer (&self->regex, g_regex_unref);
  g_clear_error (&self->pattern_error);

  G_OBJECT_CLASS (pith_regex_stage_parent_class)->finalize (object);
}

static void
pith_regex_stage_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PithRegexStage *self = PITH_REGEX_STAGE (object);

  switch (prop_id)
    {
    case PROP_PATTERN: g_value_set_string (value, self->pattern); break;
    case PROP_LAYER: g_value_set_string (value, self->layer); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_regex_stage_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PithRegexStage *self = PITH_REGEX_STAGE (object);

  switch (prop_id)
    {
    case PROP_PATTERN: g_free (self->pattern); self->pattern = g_value_dup_string (value); break;
    case PROP_LAYER: g_free (self->layer); self->layer = g_value_dup_string (value); break;
    case PROP_LABEL: g_free (self->label); self->label = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_regex_stage_class_init (PithRegexStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PithStageClass *stage_class = PITH_STAGE_CLASS (klass);

  object_class->constructed = pith_regex_stage_constructed;
  object_class->finalize = pith_regex_stage_finalize;
  object_class->get_property = pith_regex_stage_get_property;
  object_class->set_property = pith_regex_stage_set_property;
  stage_class->process = pith_regex_stage_process;

  pith_stage_class_set_description (stage_class,
                                    "Marks every match of a regular expression as a labelled span");

  /* Blurbs are set because `pith inspect regex` shows them. */
  properties[PROP_PATTERN] =
    g_param_spec_string ("pattern", NULL, "A PCRE regular expression", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYER] =
    g_param_spec_string ("layer", NULL, "The layer the matches go into", "match",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, "The label of every match", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pith_regex_stage_class_finalize (PithRegexStageClass *klass)
{
}

static void
pith_regex_stage_init (PithRegexStage *self)
{
}

/* The entry points GIO looks for in a module. */

G_MODULE_EXPORT void g_io_module_load (GIOModule *module);
G_MODULE_EXPORT void g_io_module_unload (GIOModule *module);

G_MODULE_EXPORT void
g_io_module_load (GIOModule *module)
{
  pith_regex_stage_register_type (G_TYPE_MODULE (module));
  g_io_extension_point_implement (PITH_STAGE_EXTENSION_POINT_NAME,
                                  PITH_TYPE_REGEX_STAGE, "regex", 0);
}

G_MODULE_EXPORT void
g_io_module_unload (GIOModule *module)
{
}
