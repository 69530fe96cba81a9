/* pith-demo-report.c: what the window shows, as JSON, for its tests
 *
 * With --report, each time the window has drawn a document it prints one
 * line of JSON on standard output, read back from the widgets rather than
 * from the document: the characters each label's colour covers in the
 * text, the entity rows as they read, the summary, and how many times the
 * main loop ran while the document was processed. A test compares this
 * with the pith command's output and then takes a screenshot.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-demo-report.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

static void
collect_tag (GtkTextTag *tag,
             gpointer    user_data)
{
  g_ptr_array_add (user_data, tag);
}

typedef struct
{
  JsonNode *report;
  GtkWidget *window;
  gulong handler;
} PendingReport;

static void
add_highlights (JsonBuilder   *builder,
                GtkTextBuffer *text)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (text);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  gtk_text_tag_table_foreach (table, collect_tag, tags);

  json_builder_set_member_name (builder, "highlighted_characters");
  json_builder_begin_object (builder);
  for (guint i = 0; i < tags->len; i++)
    {
      GtkTextTag *tag = g_ptr_array_index (tags, i);
      g_autofree char *name = NULL;
      gint64 characters = 0;
      GtkTextIter start;
      GtkTextIter end;

      g_object_get (tag, "name", &name, NULL);
      gtk_text_buffer_get_start_iter (text, &start);
      if (!gtk_text_iter_starts_tag (&start, tag))
        gtk_text_iter_forward_to_tag_toggle (&start, tag);
      while (gtk_text_iter_starts_tag (&start, tag))
        {
          end = start;
          gtk_text_iter_forward_to_tag_toggle (&end, tag);
          characters += gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start);
          start = end;
          gtk_text_iter_forward_to_tag_toggle (&start, tag);
        }
      if (characters > 0)
        {
          json_builder_set_member_name (builder, name);
          json_builder_add_int_value (builder, characters);
        }
    }
  json_builder_end_object (builder);
}

/* A row is a chip, a name and a count: "PER", "Daniel Ferreira", "×3". */
static void
add_groups (JsonBuilder *builder,
            GtkListBox  *groups)
{
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (groups)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *chip = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      GtkWidget *name = gtk_widget_get_next_sibling (chip);
      GtkWidget *count = gtk_widget_get_next_sibling (name);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, gtk_label_get_text (GTK_LABEL (chip)));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, gtk_label_get_text (GTK_LABEL (name)));
      json_builder_set_member_name (builder, "mentions");
      json_builder_add_int_value (builder, g_ascii_strtoll (gtk_label_get_text (GTK_LABEL (count)) + strlen ("×"),
                                                            NULL, 10));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_summary (JsonBuilder *builder,
             GtkLabel    *summary)
{
  g_auto(GStrv) sentences = g_strsplit (gtk_label_get_text (summary), "\n\n", -1);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_array (builder);
  for (guint i = 0; sentences[i] != NULL; i++)
    if (*sentences[i] != '\0')
      json_builder_add_string_value (builder, sentences[i]);
  json_builder_end_array (builder);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  PendingReport *pending = user_data;
  g_autofree char *line = json_to_string (pending->report, FALSE);

  g_signal_handler_disconnect (clock, pending->handler);
  printf ("%s\n", line);
  fflush (stdout);
  json_node_unref (pending->report);
  g_object_unref (pending->window);
  g_free (pending);
}

/* Printed once the window has drawn what it reports, so that whoever reads
 * the line may take a screenshot straight away. */
void
pith_demo_report_after_next_frame (GtkWidget     *window,
                                   const char    *source,
                                   GtkTextBuffer *text,
                                   GtkLabel      *summary,
                                   GtkListBox    *groups,
                                   guint          main_loop_ticks,
                                   double         processing_ms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  PendingReport *pending;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "characters");
  json_builder_add_int_value (builder, gtk_text_buffer_get_char_count (text));
  add_highlights (builder, text);
  add_groups (builder, groups);
  add_summary (builder, summary);
  json_builder_set_member_name (builder, "main_loop_ticks");
  json_builder_add_int_value (builder, main_loop_ticks);
  json_builder_set_member_name (builder, "processing_ms");
  json_builder_add_double_value (builder, processing_ms);
  json_builder_end_object (builder);

  pending = g_new0 (PendingReport, 1);
  pending->report = json_builder_get_root (builder);
  pending->window = g_object_ref (window);
  pending->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), pending);
  gtk_widget_queue_draw (window);
}
