/* pith-demo-window.c: an article, cleaned, with its entities and summary
 *
 * An article comes in from a file, the clipboard or a drop. The pipeline
 * runs on a worker thread through pith_pipeline_process_async(), so the
 * window goes on drawing and answering; a newer article cancels the work
 * on an older one. When the document comes back, the cleaned text is shown
 * with each entity mention highlighted in its label's colour, beside the
 * summary and the entities the mentions make up.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "pith-demo-window.h"

#include <string.h>

#include "pith-demo-labels.h"
#include "pith-demo-report.h"

/* How often the main loop is sampled while a document is processed: the
 * report counts the samples, which a frozen window would not take. */
#define TICK_INTERVAL_MS 10

struct _PithDemoWindow
{
  GtkApplicationWindow parent_instance;

  GtkStack *stack;
  GtkTextView *text_view;
  GtkLabel *summary_label;
  GtkFlowBox *legend;
  GtkListBox *groups_list;
  GtkLabel *status_label;
  GtkSpinner *spinner;

  PithPipeline *pipeline;
  GCancellable *cancellable;     /* of the document being processed */
  PithDocument *document;        /* the one shown */
  gboolean report;

  guint tick_source;
  guint ticks;
};

G_DEFINE_FINAL_TYPE (PithDemoWindow, pith_demo_window, GTK_TYPE_APPLICATION_WINDOW)

typedef struct
{
  PithDemoWindow *window;
  PithDocument *document;
  GCancellable *cancellable;
  char *source;
  gint64 started;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->window);
  g_object_unref (job->document);
  g_object_unref (job->cancellable);
  g_free (job->source);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static gboolean
on_tick (gpointer user_data)
{
  PithDemoWindow *self = user_data;

  self->ticks++;
  return G_SOURCE_CONTINUE;
}

/* Busy again while busy, a newer document replacing an older one: the
 * samples count from the newer one's start. */
static void
set_busy (PithDemoWindow *self,
          gboolean        busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    self->ticks = 0;
  if (busy && self->tick_source == 0)
    self->tick_source = g_timeout_add (TICK_INTERVAL_MS, on_tick, self);
  else if (!busy)
    g_clear_handle_id (&self->tick_source, g_source_remove);
}

static void
show_text (PithDemoWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint n_entities = 0;
  const PithLayer *entities = pith_document_peek_layer (self->document, PITH_LAYER_ENTITY);
  n_entities = pith_layer_get_n_spans (entities);

  gtk_text_buffer_set_text (buffer, pith_document_get_text (self->document), -1);
  for (guint i = 0; i < n_entities; i++)
    {
      GtkTextIter start;
      GtkTextIter end;

      /* The layer as stored, in bytes, with no copy per mention; the
       * buffer counts code points. */
      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          (int) pith_document_byte_to_char (self->document, pith_layer_get_start (entities, i)));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          (int) pith_document_byte_to_char (self->document, pith_layer_get_end (entities, i)));
      gtk_text_buffer_apply_tag_by_name (buffer,
                                         pith_demo_labels_tag_name (g_quark_to_string (pith_layer_get_label (entities, i))),
                                         &start, &end);
    }
}

static void
show_summary (PithDemoWindow *self)
{
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  if (pith_document_has_layer (self->document, "summary"))
    sentences = pith_document_get_spans (self->document, "summary");
  for (guint i = 0; sentences != NULL && i < sentences->len; i++)
    {
      PithSpan *sentence = g_ptr_array_index (sentences, i);

      if (summary->len > 0)
        g_string_append (summary, "\n\n");
      g_string_append (summary, sentence->text);
    }
  gtk_label_set_text (self->summary_label, summary->str);
}

static GtkWidget *
new_group_row (guint       index,
               const char *name,
               const char *label,
               gint64      mentions)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name_label = gtk_label_new (name);
  g_autofree char *count = g_strdup_printf ("×%" G_GINT64_FORMAT, mentions);
  GtkWidget *count_label = gtk_label_new (count);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_box_append (GTK_BOX (box), pith_demo_labels_new_chip (label));
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "pith-demo-group", GUINT_TO_POINTER (index));
  return row;
}

/* Most mentioned first: the people and places the article is about. */
static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  JsonArray *groups = user_data;
  JsonObject *x = json_array_get_object_element (groups, *(const guint *) a);
  JsonObject *y = json_array_get_object_element (groups, *(const guint *) b);
  gint64 difference = json_object_get_int_member (y, "mentions") - json_object_get_int_member (x, "mentions");

  if (difference != 0)
    return difference > 0 ? 1 : -1;
  return g_utf8_collate (json_object_get_string_member (x, "name"),
                         json_object_get_string_member (y, "name"));
}

static void
show_groups (PithDemoWindow *self)
{
  JsonNode *report = pith_document_get_report_node (self->document, "entity_groups");
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonArray *groups;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_list))) != NULL)
    gtk_list_box_remove (self->groups_list, child);

  if (report == NULL || !JSON_NODE_HOLDS_ARRAY (report))
    return;
  groups = json_node_get_array (report);

  /* Rows keep the group's index in the report, which mentions refer to. */
  for (guint i = 0; i < json_array_get_length (groups); i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_groups, groups);

  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, guint, i);
      JsonObject *group = json_array_get_object_element (groups, index);

      gtk_list_box_append (self->groups_list,
                           new_group_row (index,
                                          json_object_get_string_member (group, "name"),
                                          json_object_get_string_member (group, "label"),
                                          json_object_get_int_member (group, "mentions")));
    }
}

static void
show_status (PithDemoWindow *self,
             const char     *source,
             double          milliseconds)
{
  JsonObject *cleaning = pith_document_get_report (self->document, "cleaning");
  JsonNode *groups = pith_document_get_report_node (self->document, "entity_groups");
  g_autofree char *status = NULL;

  status = g_strdup_printf ("%s · %" G_GSIZE_FORMAT " characters · %u sentences · %u mentions of %u entities"
                            " · %" G_GINT64_FORMAT " edits by clean · processed in %.0f ms",
                            source, pith_document_get_length (self->document),
                            pith_document_get_n_spans (self->document, PITH_LAYER_SENTENCE),
                            pith_document_get_n_spans (self->document, PITH_LAYER_ENTITY),
                            groups != NULL && JSON_NODE_HOLDS_ARRAY (groups)
                              ? json_array_get_length (json_node_get_array (groups)) : 0,
                            cleaning != NULL ? json_object_get_int_member_with_default (cleaning, "edits", 0) : 0,
                            milliseconds);
  gtk_label_set_text (self->status_label, status);
}

static void
on_processed (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  PithDemoWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  gboolean processed = pith_pipeline_process_finish (PITH_PIPELINE (source_object), result, &error);
  double milliseconds;

  /* A newer document took over; its own callback will show it. */
  if (job->cancellable != self->cancellable)
    return;
  if (!processed)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", job->source, error->message);

      set_busy (self, FALSE);
      gtk_label_set_text (self->status_label, message);
      return;
    }

  milliseconds = (double) (g_get_monotonic_time () - job->started) / 1000.0;
  g_set_object (&self->document, job->document);
  show_text (self);
  show_summary (self);
  show_groups (self);
  show_status (self, job->source, milliseconds);
  gtk_stack_set_visible_child_name (self->stack, "document");
  set_busy (self, FALSE);

  if (self->report)
    pith_demo_report_after_next_frame (GTK_WIDGET (self), job->source,
                                       gtk_text_view_get_buffer (self->text_view),
                                       self->summary_label, self->groups_list,
                                       self->ticks, milliseconds);
}

/**
 * pith_demo_window_take_input:
 * @self: a window
 * @input: an article's bytes, in any encoding Pith reads
 * @source: where it came from, for the status line
 * @html: whether it is HTML
 *
 * Processes an article and shows it when it is done; work on an article
 * given before is cancelled.
 */
void
pith_demo_window_take_input (PithDemoWindow *self,
                             GBytes         *input,
                             const char     *source,
                             gboolean        html)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) document = NULL;
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  document = pith_document_new_from_bytes (input, NULL, &error);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", source, error->message);
      set_busy (self, FALSE);
      gtk_label_set_text (self->status_label, message);
      return;
    }
  if (html)
    pith_document_set_metadata_string (document, "input_format", "html");

  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->window = g_object_ref (self);
  job->document = g_object_ref (document);
  job->cancellable = g_object_ref (self->cancellable);
  job->source = g_strdup (source);
  job->started = g_get_monotonic_time ();

  g_autofree char *message = g_strdup_printf ("Processing %s…", source);
  gtk_label_set_text (self->status_label, message);
  set_busy (self, TRUE);
  pith_pipeline_process_async (self->pipeline, document, self->cancellable, on_processed, job);
}

static gboolean
is_html (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".htm");
}

static void
on_file_loaded (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PithDemoWindow) self = user_data;
  GFile *file = G_FILE (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = g_file_load_bytes_finish (file, result, NULL, &error);
  g_autofree char *name = g_file_get_basename (file);

  if (contents == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", name, error->message);
      gtk_label_set_text (self->status_label, message);
      return;
    }
  pith_demo_window_take_input (self, contents, name, is_html (file));
}

/**
 * pith_demo_window_open:
 * @self: a window
 * @file: an article, text or HTML
 *
 * Reads an article without blocking and processes it.
 */
void
pith_demo_window_open (PithDemoWindow *self,
                       GFile          *file)
{
  g_file_load_bytes_async (file, NULL, on_file_loaded, g_object_ref (self));
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  PithDemoWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      pith_demo_window_open (self, file);
    }
  g_object_unref (dialog);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();

  gtk_file_filter_set_name (articles, "Articles");
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  dialog = gtk_file_chooser_native_new ("Open an Article", GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, "_Open", "_Cancel");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), articles);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_clipboard_text (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PithDemoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source_object), result, &error);

  if (text == NULL)
    {
      gtk_label_set_text (self->status_label, "The clipboard holds no text");
      return;
    }
  gsize length = strlen (text);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

  pith_demo_window_take_input (self, bytes, "the clipboard", FALSE);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 on_clipboard_text, g_object_ref (widget));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  PithDemoWindow *self = user_data;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files == NULL)
        return FALSE;
      pith_demo_window_open (self, files->data);
      return TRUE;
    }
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      pith_demo_window_take_input (self, bytes, "the dropped text", FALSE);
      return TRUE;
    }
  return FALSE;
}

static void
on_group_activated (GtkListBox    *list,
                    GtkListBoxRow *row,
                    gpointer       user_data)
{
  PithDemoWindow *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pith-demo-group"));
  guint n = pith_document_get_n_spans (self->document, PITH_LAYER_ENTITY);

  /* Show and select the group's first mention. */
  for (guint i = 0; i < n; i++)
    {
      gint64 value;

      if (pith_document_get_span_integer (self->document, PITH_LAYER_ENTITY, i, "entity", &value) &&
          value == group)
        {
          g_autoptr(PithSpan) mention = pith_document_get_span (self->document, PITH_LAYER_ENTITY, i);
          GtkTextIter start;
          GtkTextIter end;

          gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) mention->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) mention->end);
          gtk_text_buffer_select_range (buffer, &start, &end);
          gtk_text_view_scroll_to_iter (self->text_view, &start, 0.1, FALSE, 0, 0);
          return;
        }
    }
}

static void
pith_demo_window_dispose (GObject *object)
{
  PithDemoWindow *self = PITH_DEMO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  set_busy (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), PITH_DEMO_TYPE_WINDOW);

  G_OBJECT_CLASS (pith_demo_window_parent_class)->dispose (object);
}

static void
pith_demo_window_finalize (GObject *object)
{
  PithDemoWindow *self = PITH_DEMO_WINDOW (object);

  g_clear_object (&self->pipeline);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pith_demo_window_parent_class)->finalize (object);
}

static void
pith_demo_window_class_init (PithDemoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pith_demo_window_dispose;
  object_class->finalize = pith_demo_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/PithDemo/pith-demo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PithDemoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PithDemoWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, PithDemoWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PithDemoWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, PithDemoWindow, groups_list);
  gtk_widget_class_bind_template_child (widget_class, PithDemoWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, PithDemoWindow, spinner);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste", NULL);
}

static void
pith_demo_window_init (PithDemoWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_widget_init_template (GTK_WIDGET (self));

  pith_demo_labels_create_tags (gtk_text_view_get_buffer (self->text_view));
  pith_demo_labels_fill_legend (self->legend);
  g_signal_connect (self->groups_list, "row-activated", G_CALLBACK (on_group_activated), self);

  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/**
 * pith_demo_window_new:
 * @application: the application
 * @pipeline: the pipeline articles go through
 * @report: whether to print what the window shows, each time it shows a document
 *
 * Returns: (transfer full): a new window, not yet shown
 */
PithDemoWindow *
pith_demo_window_new (GtkApplication *application,
                      PithPipeline   *pipeline,
                      gboolean        report)
{
  PithDemoWindow *self = g_object_new (PITH_DEMO_TYPE_WINDOW, "application", application, NULL);

  self->pipeline = g_object_ref (pipeline);
  self->report = report;
  return self;
}
