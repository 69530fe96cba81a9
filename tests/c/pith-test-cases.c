/* pith-test-cases.c: reading the case files in tests/data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <pith/pith.h>

#include "pith-test-cases.h"

char *
pith_test_unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case 'u':
        case 'U':
          {
            int digits = *p == 'u' ? 4 : 8;
            g_autofree char *hex = g_strndup (p + 1, digits);
            g_string_append_unichar (out, (gunichar) g_ascii_strtoull (hex, NULL, 16));
            p += digits;
          }
          break;
        default:
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

char *
pith_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
}

/* The shared data sets are not the project's to commit; a test that reads
 * one skips, saying which file it missed, when the checkout has none. */
char *
pith_test_shared_sample_load (const char *name)
{
  const char *shared = g_getenv ("PITH_SHARED_DATA");
  g_autofree char *path = g_build_filename (shared != NULL ? shared : "", "samples",
                                            name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_autofree char *message = g_strdup_printf ("../shared/data/samples/%s is not there",
                                                  name);
      g_test_skip (message);
      return NULL;
    }

  return contents;
}

static void
case_free (gpointer data)
{
  PithTestCase *test_case = data;

  g_free (test_case->options);
  g_free (test_case->input);
  g_ptr_array_unref (test_case->expected);
  g_free (test_case);
}

GPtrArray *
pith_test_cases_load (const char *name,
                      const char *expect_marker)
{
  g_autofree char *path = pith_test_data_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);
  g_autofree char *options = NULL;
  PithTestCase *current = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "@ "))
        {
          g_free (options);
          options = g_strdup (line + 2);
        }
      else if (g_str_has_prefix (line, ">"))
        {
          current = g_new0 (PithTestCase, 1);
          current->line = i + 1;
          current->options = g_steal_pointer (&options);
          current->input = pith_test_unescape (line[1] == ' ' ? line + 2 : line + 1);
          current->expected = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (cases, current);
        }
      else if (current != NULL && g_str_has_prefix (line, expect_marker))
        g_ptr_array_add (current->expected, pith_test_unescape (line + strlen (expect_marker)));
    }

  return cases;
}

PithDocument *
pith_test_run (const char *description,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (description, &error);
  PithDocument *document;

  g_assert_no_error (error);
  document = pith_pipeline_process_text (pipeline, text, NULL, &error);
  g_assert_no_error (error);
  return document;
}
