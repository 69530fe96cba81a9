/* test-registry.c: stage names, run-time registration and plugin modules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <pith/pith.h>

#include "pith-test-stages.h"

static void
test_register_and_list (void)
{
  PithRegistry *registry = pith_registry_get_default ();
  g_auto(GStrv) names = NULL;
  g_autofree char *description = NULL;

  g_assert_true (registry == pith_registry_get_default ());
  names = pith_registry_list_stages (registry);
  g_assert_true (g_strv_contains ((const char * const *) names, "test-upper"));
  g_assert_true (g_strv_contains ((const char * const *) names, "test-words"));
  for (guint i = 1; names[i] != NULL; i++)
    g_assert_cmpint (g_strcmp0 (names[i - 1], names[i]), <, 0);

  g_assert_cmpstr (g_type_name (pith_registry_lookup (registry, "test-upper")), ==, "TestUpper");
  g_assert_cmpuint (pith_registry_lookup (registry, "no-such-stage"), ==, G_TYPE_INVALID);
  description = pith_registry_get_description (registry, "test-upper");
  g_assert_cmpstr (description, ==, "Upper-cases ASCII letters");
  g_assert_cmpstr (pith_registry_get_type_name (registry, pith_registry_lookup (registry, "test-fail")),
                   ==, "test-fail");
}

static void
test_register_invalid (void)
{
  PithRegistry *registry = pith_registry_get_default ();

  g_test_expect_message ("Pith", G_LOG_LEVEL_CRITICAL, "*not a valid stage name*");
  g_assert_false (pith_registry_register_stage (registry, "bad name", pith_registry_lookup (registry, "test-upper")));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Pith", G_LOG_LEVEL_CRITICAL, "*not a concrete PithStage type*");
  g_assert_false (pith_registry_register_stage (registry, "document", PITH_TYPE_DOCUMENT));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Pith", G_LOG_LEVEL_CRITICAL, "*not a concrete PithStage type*");
  g_assert_false (pith_registry_register_stage (registry, "abstract", PITH_TYPE_STAGE));
  g_test_assert_expected_messages ();
}

static void
test_replace_registration (void)
{
  PithRegistry *registry = pith_registry_get_default ();
  GType upper = pith_registry_lookup (registry, "test-upper");
  GType fail = pith_registry_lookup (registry, "test-fail");

  g_assert_true (pith_registry_register_stage (registry, "test-alias", upper));
  g_assert_true (pith_registry_register_stage (registry, "test-alias", fail));
  g_assert_cmpuint (pith_registry_lookup (registry, "test-alias"), ==, fail);
}

static void
test_create_stage (void)
{
  PithRegistry *registry = pith_registry_get_default ();
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const char *names[] = { "min-length" };
  PithStage *stage;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, 4);
  stage = pith_registry_create_stage (registry, "test-words", 1, names, &value, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pith_stage_get_name (stage), ==, "test-words");
  g_assert_finalize_object (stage);

  g_assert_null (pith_registry_create_stage (registry, "nope", 0, NULL, NULL, &error));
  g_assert_error (error, PITH_ERROR, PITH_ERROR_UNKNOWN_STAGE);
}

static void
test_plugin_module (void)
{
  PithRegistry *registry = pith_registry_get_default ();
  g_autoptr(PithPipeline) pipeline = NULL;
  g_autoptr(PithDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PithSpan) span = NULL;

  if (g_getenv ("PITH_PLUGIN_PATH") == NULL)
    {
      g_test_skip ("PITH_PLUGIN_PATH is not set (examples not built)");
      return;
    }

  /* examples/plugin, found through PITH_PLUGIN_PATH. */
  g_assert_cmpuint (pith_registry_lookup (registry, "regex"), !=, G_TYPE_INVALID);
  pipeline = pith_pipeline_new_from_string ("regex pattern=\"[A-Z]{2,}\" layer=acronym label=ACR", &error);
  g_assert_no_error (error);
  document = pith_pipeline_process_text (pipeline, "The EU and NATO met.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pith_document_get_n_spans (document, "acronym"), ==, 2);
  span = pith_document_get_span (document, "acronym", 1);
  g_assert_cmpstr (span->text, ==, "NATO");
  g_assert_cmpstr (span->label, ==, "ACR");

  g_clear_object (&pipeline);
  g_clear_object (&document);
  pipeline = pith_pipeline_new_from_string ("regex pattern=\"(unclosed\"", &error);
  g_assert_no_error (error);
  document = pith_pipeline_process_text (pipeline, "text", NULL, &error);
  g_assert_null (document);
  g_assert_true (error != NULL && error->domain == G_REGEX_ERROR);
}

static void
test_load_missing_directory (void)
{
  g_assert_cmpuint (pith_registry_load_plugins (pith_registry_get_default (), "/nonexistent/dir"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pith_test_register_stages ();

  g_test_add_func ("/Pith/Registry/register-and-list", test_register_and_list);
  g_test_add_func ("/Pith/Registry/register-invalid", test_register_invalid);
  g_test_add_func ("/Pith/Registry/replace", test_replace_registration);
  g_test_add_func ("/Pith/Registry/create-stage", test_create_stage);
  g_test_add_func ("/Pith/Registry/plugin-module", test_plugin_module);
  g_test_add_func ("/Pith/Registry/missing-directory", test_load_missing_directory);

  return g_test_run ();
}
