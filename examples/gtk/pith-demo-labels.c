/* pith-demo-labels.c: the colour of each entity label, in the text and the lists
 *
 * One table gives each label its colour; the text view's tags and the
 * style sheet of the chips in the lists are both made from it, so the
 * highlight of a name and its chip always match.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-demo-labels.h"

typedef struct
{
  const char *label;
  const char *color;
  const char *meaning;
} LabelStyle;

static const LabelStyle label_styles[] = {
  { "PER", "#ffc891", "people" },
  { "ORG", "#a6cfff", "organisations" },
  { "LOC", "#a8e6a3", "places" },
  { "MISC", "#e2bff7", "other names: nationalities, events, works" },
  { "DATE", "#fff08a", "dates and periods" },
  { "TIME", "#fff08a", "times of day" },
  { "MONEY", "#dedede", "amounts of money" },
  { "PERCENT", "#dedede", "percentages" },
  { "QUANTITY", "#dedede", "measures" },
  { "CARDINAL", "#dedede", "numbers" },
  { "ORDINAL", "#dedede", "ordinals" },
};

/* Labels of a patterns file have no colour of their own. */
static const LabelStyle other_style = { "OTHER", "#f5c6cf", "labels of your own" };

static const LabelStyle *
find_style (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_styles); i++)
    if (g_strcmp0 (label_styles[i].label, label) == 0)
      return &label_styles[i];
  return &other_style;
}

void
pith_demo_labels_install_css (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GString) css = g_string_new (
    ".chip { border-radius: 4px; padding: 0 6px; font-size: smaller; font-weight: bold; color: #222; }\n"
    ".heading { font-weight: bold; font-size: larger; }\n"
    ".status { padding: 4px 10px; font-size: smaller; border-top: 1px solid alpha(currentColor, 0.15); }\n"
    ".groups row { padding: 3px 2px; }\n");

  for (guint i = 0; i < G_N_ELEMENTS (label_styles); i++)
    g_string_append_printf (css, ".chip-%s { background-color: %s; }\n",
                            label_styles[i].label, label_styles[i].color);
  g_string_append_printf (css, ".chip-%s { background-color: %s; }\n",
                          other_style.label, other_style.color);

  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

const char *
pith_demo_labels_tag_name (const char *label)
{
  return find_style (label)->label;
}

void
pith_demo_labels_create_tags (GtkTextBuffer *buffer)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_styles); i++)
    gtk_text_buffer_create_tag (buffer, label_styles[i].label,
                                "background", label_styles[i].color, NULL);
  gtk_text_buffer_create_tag (buffer, other_style.label, "background", other_style.color, NULL);
}

GtkWidget *
pith_demo_labels_new_chip (const char *label)
{
  const LabelStyle *style = find_style (label);
  g_autofree char *css_class = g_strconcat ("chip-", style->label, NULL);
  GtkWidget *chip = gtk_label_new (label);

  gtk_widget_add_css_class (chip, "chip");
  gtk_widget_add_css_class (chip, css_class);
  gtk_widget_set_tooltip_text (chip, style->meaning);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  return chip;
}

void
pith_demo_labels_fill_legend (GtkFlowBox *legend)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_styles); i++)
    gtk_flow_box_append (legend, pith_demo_labels_new_chip (label_styles[i].label));
}
