/* pith-pipeline-parser.c: reading and writing pipeline descriptions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "pith-error.h"
#include "pith-pipeline-private.h"

typedef struct
{
  const char *description;
  const char *p;
  PithRegistry *registry;
  GPtrArray *stage_names;   /* where each stage's name starts */
} Parser;

/* Errors show the description with a caret under the problem, so the
 * message is useful in a Python traceback or a terminal alike. */
static void
set_parse_error (GError     **error,
                 int          code,
                 const char  *description,
                 const char  *at,
                 const char  *format,
                 ...) G_GNUC_PRINTF (5, 6);

static void
set_parse_error (GError     **error,
                 int          code,
                 const char  *description,
                 const char  *at,
                 const char  *format,
                 ...)
{
  g_autofree char *what = NULL;
  g_autofree char *line = NULL;
  glong column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  column = g_utf8_pointer_to_offset (description, at);
  /* Line breaks in the description would break the caret's alignment. */
  line = g_strdelimit (g_strdup (description), "\n\r\t", ' ');

  g_set_error (error, PITH_ERROR, code, "%s at position %ld\n  %s\n  %*s^",
               what, column + 1, line, (int) column, "");
}

static void
skip_space (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

static char *
read_name (Parser *parser)
{
  const char *start = parser->p;

  if (!is_name_start (*parser->p))
    return NULL;
  while (is_name_char (*parser->p))
    parser->p++;

  return g_strndup (start, parser->p - start);
}

static char *
read_value (Parser  *parser,
            GError **error)
{
  const char *start = parser->p;
  GString *value;

  if (*parser->p != '"' && *parser->p != '\'')
    {
      while (*parser->p != '\0' && !g_ascii_isspace (*parser->p) && *parser->p != '!')
        parser->p++;
      if (parser->p == start)
        {
          set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, parser->description, start,
                           "Expected a value after “=”");
          return NULL;
        }
      return g_strndup (start, parser->p - start);
    }

  value = g_string_new (NULL);
  for (parser->p++; *parser->p != *start; parser->p++)
    {
      if (*parser->p == '\0')
        {
          set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, parser->description, start,
                           "The quoted value is not closed");
          g_string_free (value, TRUE);
          return NULL;
        }
      if (*parser->p == '\\')
        {
          parser->p++;
          switch (*parser->p)
            {
            case 'n': g_string_append_c (value, '\n'); break;
            case 't': g_string_append_c (value, '\t'); break;
            case '\\': case '"': case '\'': g_string_append_c (value, *parser->p); break;
            case '\0':
              set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, parser->description, start,
                               "The quoted value is not closed");
              g_string_free (value, TRUE);
              return NULL;
            default:
              /* Other escapes stay as written, so regular expressions
               * read naturally: pattern="\d+". */
              g_string_append_c (value, '\\');
              g_string_append_c (value, *parser->p);
              break;
            }
          continue;
        }
      g_string_append_c (value, *parser->p);
    }
  parser->p++;

  return g_string_free (value, FALSE);
}

static gboolean
parse_stage (Parser        *parser,
             PithPipeline  *pipeline,
             GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr(PithStage) stage = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name_at = parser->p;
  GType type;

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  name = read_name (parser);
  if (name == NULL)
    {
      set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, parser->description, name_at,
                       *parser->p == '\0' ? "Expected a stage name"
                                          : "Expected a stage name, not “%.1s”", parser->p);
      return FALSE;
    }

  type = pith_registry_lookup (parser->registry, name);
  if (type == G_TYPE_INVALID)
    {
      set_parse_error (error, PITH_ERROR_UNKNOWN_STAGE, parser->description, name_at,
                       "No stage is called “%s”", name);
      return FALSE;
    }
  klass = g_type_class_ref (type);

  for (;;)
    {
      g_autofree char *property = NULL;
      g_autofree char *text = NULL;
      const char *property_at;
      const char *value_at;
      GParamSpec *pspec;
      GValue value = G_VALUE_INIT;

      skip_space (parser);
      if (*parser->p == '\0' || *parser->p == '!')
        break;

      property_at = parser->p;
      property = read_name (parser);
      if (property == NULL)
        {
          set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, parser->description, property_at,
                           "Expected a property name or “!”, not “%.1s”", parser->p);
          return FALSE;
        }
      skip_space (parser);
      if (*parser->p != '=')
        {
          set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, parser->description, parser->p,
                           "Expected “=” after property “%s”", property);
          return FALSE;
        }
      parser->p++;
      skip_space (parser);
      value_at = parser->p;
      text = read_value (parser, error);
      if (text == NULL)
        return FALSE;

      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
      if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE))
        {
          set_parse_error (error, PITH_ERROR_INVALID_PROPERTY, parser->description, property_at,
                           pspec == NULL ? "Stage “%s” has no property “%s”"
                                         : "Property “%2$s” of stage “%1$s” cannot be set",
                           name, property);
          return FALSE;
        }

      if (!pith_value_from_string (pspec, text, &value, &local_error))
        {
          set_parse_error (error, PITH_ERROR_INVALID_VALUE, parser->description, value_at,
                           "%s", local_error->message);
          return FALSE;
        }

      g_ptr_array_add (names, g_strdup (pspec->name));
      g_array_append_val (values, value);
    }

  stage = pith_registry_create_stage (parser->registry, name, names->len,
                                      (const char **) names->pdata,
                                      (const GValue *) (gpointer) values->data, &local_error);
  if (stage == NULL)
    {
      set_parse_error (error, local_error->domain == PITH_ERROR ? local_error->code : PITH_ERROR_FAILED,
                       parser->description, name_at,
                       "Stage “%s” could not be created: %s", name, local_error->message);
      return FALSE;
    }

  pith_pipeline_append (pipeline, stage);
  g_ptr_array_add (parser->stage_names, (gpointer) name_at);
  return TRUE;
}

gboolean
pith_pipeline_parse_into (PithPipeline  *pipeline,
                          PithRegistry  *registry,
                          const char    *description,
                          GError       **error)
{
  g_autoptr(GPtrArray) stage_names = g_ptr_array_new ();
  Parser parser = { description, description, registry, stage_names };

  if (!g_utf8_validate (description, -1, NULL))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_PIPELINE,
                           "The pipeline description is not valid UTF-8");
      return FALSE;
    }

  skip_space (&parser);
  if (*parser.p == '\0')
    {
      set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, description, parser.p,
                       "The pipeline description is empty");
      return FALSE;
    }

  for (;;)
    {
      if (!parse_stage (&parser, pipeline, error))
        return FALSE;
      skip_space (&parser);
      if (*parser.p == '\0')
        {
          g_autofree char *message = NULL;
          guint index = 0;

          /* A pipeline that cannot work fails now, not with each document. */
          if (pith_pipeline_check_layers (pipeline, &index, &message))
            return TRUE;
          set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, description,
                           g_ptr_array_index (stage_names, index), "%s", message);
          return FALSE;
        }

      /* parse_stage stops only at the end or at "!". */
      parser.p++;
      skip_space (&parser);
      if (*parser.p == '\0')
        {
          set_parse_error (error, PITH_ERROR_INVALID_PIPELINE, description, parser.p,
                           "Expected a stage name after “!”");
          return FALSE;
        }
    }
}

/* Values */

static gboolean
parse_boolean (const char *text,
               gboolean   *out)
{
  static const char * const yes[] = { "true", "yes", "on", "1", NULL };
  static const char * const no[] = { "false", "no", "off", "0", NULL };

  for (guint i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return (*out = TRUE, TRUE);
  for (guint i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return (*out = FALSE, TRUE);

  return FALSE;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;

  errno = 0;
  *out = g_ascii_strtod (text, &end);

  return end != text && *end == '\0' && errno == 0 && isfinite (*out);
}

static gboolean
set_enum (GParamSpec  *pspec,
          const char  *text,
          GValue      *value)
{
  GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  GEnumValue *found = g_enum_get_value_by_nick (enum_class, text);

  if (found == NULL)
    found = g_enum_get_value_by_name (enum_class, text);
  if (found == NULL)
    return FALSE;

  g_value_set_enum (value, found->value);
  return TRUE;
}

static gboolean
set_flags (GParamSpec  *pspec,
           const char  *text,
           GValue      *value)
{
  GFlagsClass *flags_class = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
  g_auto(GStrv) parts = g_strsplit_set (text, "+|", -1);
  guint flags = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GFlagsValue *found = g_flags_get_value_by_nick (flags_class, g_strstrip (parts[i]));

      if (found == NULL)
        found = g_flags_get_value_by_name (flags_class, parts[i]);
      if (found == NULL)
        return FALSE;
      flags |= found->value;
    }

  g_value_set_flags (value, flags);
  return TRUE;
}

static char *
describe_choices (GParamSpec *pspec)
{
  GString *choices = g_string_new (NULL);

  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      for (guint i = 0; i < enum_class->n_values; i++)
        g_string_append_printf (choices, "%s%s", i > 0 ? ", " : "",
                                enum_class->values[i].value_nick);
    }
  else if (G_IS_PARAM_SPEC_FLAGS (pspec))
    {
      GFlagsClass *flags_class = G_PARAM_SPEC_FLAGS (pspec)->flags_class;
      for (guint i = 0; i < flags_class->n_values; i++)
        g_string_append_printf (choices, "%s%s", i > 0 ? ", " : "",
                                flags_class->values[i].value_nick);
    }

  return g_string_free (choices, FALSE);
}

gboolean
pith_value_from_string (GParamSpec  *pspec,
                        const char  *text,
                        GValue      *value,
                        GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  GType fundamental = G_TYPE_FUNDAMENTAL (type);
  gboolean parsed = FALSE;
  gint64 signed_number = 0;
  guint64 unsigned_number = 0;
  double real = 0.0;
  gboolean boolean = FALSE;

  g_value_init (value, type);

  switch (fundamental)
    {
    case G_TYPE_BOOLEAN:
      if ((parsed = parse_boolean (text, &boolean)))
        g_value_set_boolean (value, boolean);
      break;
    case G_TYPE_INT:
    case G_TYPE_LONG:
    case G_TYPE_INT64:
      if ((parsed = g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64,
                                              &signed_number, NULL)))
        {
          if (fundamental == G_TYPE_INT &&
              (signed_number < G_MININT || signed_number > G_MAXINT))
            parsed = FALSE;
          else if (fundamental == G_TYPE_INT)
            g_value_set_int (value, (int) signed_number);
          else if (fundamental == G_TYPE_LONG)
            g_value_set_long (value, (glong) signed_number);
          else
            g_value_set_int64 (value, signed_number);
        }
      break;
    case G_TYPE_UINT:
    case G_TYPE_ULONG:
    case G_TYPE_UINT64:
      if ((parsed = g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64,
                                                &unsigned_number, NULL)))
        {
          if (fundamental == G_TYPE_UINT && unsigned_number > G_MAXUINT)
            parsed = FALSE;
          else if (fundamental == G_TYPE_UINT)
            g_value_set_uint (value, (guint) unsigned_number);
          else if (fundamental == G_TYPE_ULONG)
            g_value_set_ulong (value, (gulong) unsigned_number);
          else
            g_value_set_uint64 (value, unsigned_number);
        }
      break;
    case G_TYPE_DOUBLE:
    case G_TYPE_FLOAT:
      if ((parsed = parse_double (text, &real)))
        {
          if (fundamental == G_TYPE_DOUBLE)
            g_value_set_double (value, real);
          else
            g_value_set_float (value, (float) real);
        }
      break;
    case G_TYPE_STRING:
      g_value_set_string (value, text);
      parsed = TRUE;
      break;
    case G_TYPE_ENUM:
      parsed = set_enum (pspec, text, value);
      break;
    case G_TYPE_FLAGS:
      parsed = set_flags (pspec, text, value);
      break;
    case G_TYPE_BOXED:
      if (type == G_TYPE_STRV)
        {
          g_auto(GStrv) items = *text == '\0' ? g_new0 (char *, 1) : g_strsplit (text, ",", -1);
          g_value_set_boxed (value, items);
          parsed = TRUE;
        }
      break;
    default:
      break;
    }

  if (!parsed)
    {
      g_autofree char *choices = describe_choices (pspec);
      g_autofree char *detail = *choices != '\0' ? g_strdup_printf (" (one of: %s)", choices)
                                                  : g_strdup ("");

      g_value_unset (value);
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_VALUE,
                   "“%s” is not a valid value for property “%s” of type %s%s",
                   text, pspec->name, g_type_name (type), detail);
      return FALSE;
    }

  /* Ranges and other constraints of the property itself. */
  if (g_param_value_validate (pspec, value))
    {
      g_value_unset (value);
      g_set_error (error, PITH_ERROR, PITH_ERROR_INVALID_VALUE,
                   "“%s” is out of range for property “%s”", text, pspec->name);
      return FALSE;
    }

  return TRUE;
}

static char *
quote_if_needed (const char *text)
{
  GString *quoted;
  gboolean bare = *text != '\0' && *text != '"' && *text != '\'';

  for (const char *p = text; bare && *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == '!')
      bare = FALSE;
  if (bare)
    return g_strdup (text);

  quoted = g_string_new ("\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (quoted, "\\\""); break;
        case '\\': g_string_append (quoted, "\\\\"); break;
        case '\n': g_string_append (quoted, "\\n"); break;
        case '\t': g_string_append (quoted, "\\t"); break;
        default: g_string_append_c (quoted, *p);
        }
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

char *
pith_value_to_string (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);
  g_autofree char *text = NULL;

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? "true" : "false");
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));
      }
    case G_TYPE_FLOAT:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_float (value)));
      }
    case G_TYPE_STRING:
      return g_value_get_string (value) != NULL ? quote_if_needed (g_value_get_string (value)) : NULL;
    case G_TYPE_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
        GEnumValue *found = g_enum_get_value (enum_class, g_value_get_enum (value));
        return found != NULL ? g_strdup (found->value_nick) : NULL;
      }
    case G_TYPE_FLAGS:
      {
        g_autoptr(GFlagsClass) flags_class = g_type_class_ref (type);
        GString *out = g_string_new (NULL);
        guint flags = g_value_get_flags (value);

        for (guint i = 0; i < flags_class->n_values; i++)
          {
            guint bit = flags_class->values[i].value;
            if (bit != 0 && (flags & bit) == bit)
              {
                g_string_append_printf (out, "%s%s", out->len > 0 ? "+" : "",
                                        flags_class->values[i].value_nick);
                flags &= ~bit;
              }
          }
        return g_string_free (out, FALSE);
      }
    case G_TYPE_BOXED:
      if (type == G_TYPE_STRV && g_value_get_boxed (value) != NULL)
        {
          text = g_strjoinv (",", g_value_get_boxed (value));
          return quote_if_needed (text);
        }
      return NULL;
    default:
      if (g_value_type_transformable (type, G_TYPE_STRING))
        {
          g_auto(GValue) string = G_VALUE_INIT;
          g_value_init (&string, G_TYPE_STRING);
          g_value_transform (value, &string);
          return quote_if_needed (g_value_get_string (&string));
        }
      return NULL;
    }
}
