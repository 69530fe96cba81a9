/* pith-test-stages.c: stages the C tests use as fixtures (never shipped)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "pith-test-stages.h"

/* test-upper */

#define TEST_TYPE_UPPER (test_upper_get_type ())
G_DECLARE_FINAL_TYPE (TestUpper, test_upper, TEST, UPPER, PithStage)

struct _TestUpper
{
  PithStage parent_instance;
  char *prefix;
};

G_DEFINE_FINAL_TYPE (TestUpper, test_upper, PITH_TYPE_STAGE)

static gboolean
test_upper_process (PithStage     *stage,
                    PithDocument  *document,
                    GCancellable  *cancellable,
                    GError       **error)
{
  TestUpper *self = TEST_UPPER (stage);
  const char *text = pith_document_get_text (document);
  gsize size = pith_document_get_text_size (document);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (PithEdit));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  if (self->prefix != NULL)
    {
      PithEdit edit = { 0, 0, self->prefix, -1 };
      g_array_append_val (edits, edit);
    }

  for (gsize i = 0; i < size;)
    {
      gsize start = i;
      PithEdit edit;
      char *upper;

      if (!g_ascii_islower (text[i]))
        {
          i++;
          continue;
        }
      while (i < size && g_ascii_islower (text[i]))
        i++;
      upper = g_ascii_strup (text + start, (gssize) (i - start));
      g_ptr_array_add (strings, upper);
      edit = (PithEdit) { start, i, upper, -1 };
      g_array_append_val (edits, edit);
    }

  pith_document_apply_edits (document, (PithEdit *) (gpointer) edits->data, edits->len);
  return TRUE;
}

static void
test_upper_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  g_free (TEST_UPPER (object)->prefix);
  TEST_UPPER (object)->prefix = g_value_dup_string (value);
}

static void
test_upper_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_set_string (value, TEST_UPPER (object)->prefix);
}

static void
test_upper_finalize (GObject *object)
{
  g_free (TEST_UPPER (object)->prefix);
  G_OBJECT_CLASS (test_upper_parent_class)->finalize (object);
}

static void
test_upper_class_init (TestUpperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = test_upper_set_property;
  object_class->get_property = test_upper_get_property;
  object_class->finalize = test_upper_finalize;
  PITH_STAGE_CLASS (klass)->process = test_upper_process;
  pith_stage_class_set_description (PITH_STAGE_CLASS (klass), "Upper-cases ASCII letters");
  g_object_class_install_property (object_class, 1,
    g_param_spec_string ("prefix", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
test_upper_init (TestUpper *self)
{
}

/* test-fail */

#define TEST_TYPE_FAIL (test_fail_get_type ())
G_DECLARE_FINAL_TYPE (TestFail, test_fail, TEST, FAIL, PithStage)

struct _TestFail
{
  PithStage parent_instance;
  char *marker;
};

G_DEFINE_FINAL_TYPE (TestFail, test_fail, PITH_TYPE_STAGE)

static gboolean
test_fail_process (PithStage     *stage,
                   PithDocument  *document,
                   GCancellable  *cancellable,
                   GError       **error)
{
  if (strstr (pith_document_get_text (document), TEST_FAIL (stage)->marker) != NULL)
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT,
                   "The text contains “%s”", TEST_FAIL (stage)->marker);
      return FALSE;
    }
  return TRUE;
}

static void
test_fail_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  g_free (TEST_FAIL (object)->marker);
  TEST_FAIL (object)->marker = g_value_dup_string (value);
}

static void
test_fail_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_set_string (value, TEST_FAIL (object)->marker);
}

static void
test_fail_finalize (GObject *object)
{
  g_free (TEST_FAIL (object)->marker);
  G_OBJECT_CLASS (test_fail_parent_class)->finalize (object);
}

static void
test_fail_class_init (TestFailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = test_fail_set_property;
  object_class->get_property = test_fail_get_property;
  object_class->finalize = test_fail_finalize;
  PITH_STAGE_CLASS (klass)->process = test_fail_process;
  g_object_class_install_property (object_class, 1,
    g_param_spec_string ("marker", NULL, NULL, "FAIL",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
test_fail_init (TestFail *self)
{
}

/* test-words */

#define TEST_TYPE_WORDS (test_words_get_type ())
G_DECLARE_FINAL_TYPE (TestWords, test_words, TEST, WORDS, PithStage)

struct _TestWords
{
  PithStage parent_instance;
  guint min_length;
  int mode;
  double ratio;
  gboolean enabled;
};

G_DEFINE_FINAL_TYPE (TestWords, test_words, PITH_TYPE_STAGE)

enum { WORDS_PROP_0, WORDS_PROP_MIN_LENGTH, WORDS_PROP_MODE, WORDS_PROP_RATIO, WORDS_PROP_ENABLED };

static gboolean
test_words_process (PithStage     *stage,
                    PithDocument  *document,
                    GCancellable  *cancellable,
                    GError       **error)
{
  TestWords *self = TEST_WORDS (stage);
  const char *text = pith_document_get_text (document);
  gsize size = pith_document_get_text_size (document);
  GQuark label = g_quark_from_static_string ("WORD");

  pith_document_add_span_bytes (document, "word", 1, 0, 0, 0.0);
  if (!self->enabled)
    return TRUE;

  for (gsize i = 0; i < size;)
    {
      gsize start = i;

      if (!g_ascii_isalpha (text[i]))
        {
          i++;
          continue;
        }
      while (i < size && g_ascii_isalpha (text[i]))
        i++;
      if (i - start >= self->min_length)
        pith_document_add_span_bytes (document, "word", start, i, label, self->ratio);
    }

  return TRUE;
}

static void
test_words_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TestWords *self = TEST_WORDS (object);

  switch (prop_id)
    {
    case WORDS_PROP_MIN_LENGTH: self->min_length = g_value_get_uint (value); break;
    case WORDS_PROP_MODE: self->mode = g_value_get_enum (value); break;
    case WORDS_PROP_RATIO: self->ratio = g_value_get_double (value); break;
    case WORDS_PROP_ENABLED: self->enabled = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_words_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TestWords *self = TEST_WORDS (object);

  switch (prop_id)
    {
    case WORDS_PROP_MIN_LENGTH: g_value_set_uint (value, self->min_length); break;
    case WORDS_PROP_MODE: g_value_set_enum (value, self->mode); break;
    case WORDS_PROP_RATIO: g_value_set_double (value, self->ratio); break;
    case WORDS_PROP_ENABLED: g_value_set_boolean (value, self->enabled); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_words_class_init (TestWordsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->set_property = test_words_set_property;
  object_class->get_property = test_words_get_property;
  PITH_STAGE_CLASS (klass)->process = test_words_process;
  g_object_class_install_property (object_class, WORDS_PROP_MIN_LENGTH,
    g_param_spec_uint ("min-length", NULL, NULL, 1, 100, 1, flags));
  g_object_class_install_property (object_class, WORDS_PROP_MODE,
    g_param_spec_enum ("mode", NULL, NULL, G_TYPE_IO_ERROR_ENUM, G_IO_ERROR_FAILED, flags));
  g_object_class_install_property (object_class, WORDS_PROP_RATIO,
    g_param_spec_double ("ratio", NULL, NULL, 0.0, 1.0, 0.5, flags));
  g_object_class_install_property (object_class, WORDS_PROP_ENABLED,
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE, flags));
}

static void
test_words_init (TestWords *self)
{
}

/* test-sleep */

#define TEST_TYPE_SLEEP (test_sleep_get_type ())
G_DECLARE_FINAL_TYPE (TestSleep, test_sleep, TEST, SLEEP, PithStage)

struct _TestSleep
{
  PithStage parent_instance;
  guint msec;
};

G_DEFINE_FINAL_TYPE (TestSleep, test_sleep, PITH_TYPE_STAGE)

static gboolean
test_sleep_process (PithStage     *stage,
                    PithDocument  *document,
                    GCancellable  *cancellable,
                    GError       **error)
{
  for (guint slept = 0; slept < TEST_SLEEP (stage)->msec; slept += 5)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (5000);
    }
  return TRUE;
}

static void
test_sleep_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TEST_SLEEP (object)->msec = g_value_get_uint (value);
}

static void
test_sleep_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_set_uint (value, TEST_SLEEP (object)->msec);
}

static void
test_sleep_class_init (TestSleepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = test_sleep_set_property;
  object_class->get_property = test_sleep_get_property;
  PITH_STAGE_CLASS (klass)->process = test_sleep_process;
  g_object_class_install_property (object_class, 1,
    g_param_spec_uint ("msec", NULL, NULL, 0, 60000, 10,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static void
test_sleep_init (TestSleep *self)
{
}

void
pith_test_register_stages (void)
{
  PithRegistry *registry = pith_registry_get_default ();

  pith_registry_register_stage (registry, "test-upper", TEST_TYPE_UPPER);
  pith_registry_register_stage (registry, "test-fail", TEST_TYPE_FAIL);
  pith_registry_register_stage (registry, "test-words", TEST_TYPE_WORDS);
  pith_registry_register_stage (registry, "test-sleep", TEST_TYPE_SLEEP);
}
