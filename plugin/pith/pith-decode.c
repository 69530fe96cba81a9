/* pith-decode.c: turning input bytes into UTF-8 text
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include "pith-decode-private.h"

/* Windows-1252 as WHATWG defines it: every byte has a code point, the five
 * undefined ones map to the C1 controls of the same value. So decoding
 * never fails and never drops a byte. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

int
pith_decode_windows_1252_byte (gunichar c)
{
  if (c >= 0x80 && c <= 0xFF)
    return (int) c;
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_high); i++)
    if (cp1252_high[i] == c)
      return 0x80 + (int) i;
  return -1;
}

static char *
decode_windows_1252 (const char *data,
                     gsize       length,
                     gsize      *out_length)
{
  GString *out = g_string_sized_new (length + length / 4 + 1);

  for (gsize i = 0; i < length; i++)
    {
      guchar byte = (guchar) data[i];

      if (byte < 0x80)
        g_string_append_c (out, (char) byte);
      else if (byte < 0xA0)
        g_string_append_unichar (out, cp1252_high[byte - 0x80]);
      else
        g_string_append_unichar (out, byte);
    }
  *out_length = out->len;

  return g_string_free (out, FALSE);
}

/* NUL cannot live inside a C string, so it becomes U+FFFD, counted in the
 * report rather than lost silently. */
static char *
replace_nuls (char             *text,
              gsize            *length,
              PithDecodeReport *report)
{
  GString *out;

  if (memchr (text, '\0', *length) == NULL)
    return text;

  out = g_string_sized_new (*length + 16);
  for (gsize i = 0; i < *length; i++)
    {
      if (text[i] == '\0')
        {
          g_string_append (out, "\xEF\xBF\xBD");
          report->replaced_nuls++;
        }
      else
        g_string_append_c (out, text[i]);
    }
  g_free (text);
  *length = out->len;

  return g_string_free (out, FALSE);
}

static gboolean
is_valid_utf8_allowing_nul (const char *data,
                            gsize       length)
{
  const char *end = data + length;
  const char *p = data;

  while (p < end)
    {
      const char *stop = NULL;

      if (g_utf8_validate_len (p, end - p, &stop))
        return TRUE;
      if (*stop != '\0')
        return FALSE;
      p = stop + 1;
    }

  return TRUE;
}

static char *
try_convert (const char *data,
             gsize       length,
             const char *charset,
             gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  gsize bytes_read = 0;
  char *converted;

  converted = g_convert (data, length, "UTF-8", charset, &bytes_read, out_length, &error);
  if (converted == NULL || bytes_read != length)
    {
      g_free (converted);
      return NULL;
    }

  return converted;
}

/* Decodes with iconv, each byte it cannot read becoming U+FFFD; NULL if
 * iconv does not know @charset. */
static char *
convert_tolerantly (const char *data,
                    gsize       length,
                    const char *charset,
                    gsize      *out_length)
{
  GIConv converter = g_iconv_open ("UTF-8", charset);
  GString *out;
  char buffer[4096];
  char *in = (char *) data;
  gsize in_left = length;

  if (converter == (GIConv) -1)
    return NULL;
  out = g_string_sized_new (length + length / 2 + 1);
  while (in_left > 0)
    {
      char *out_cursor = buffer;
      gsize out_left = sizeof buffer;
      gsize result = g_iconv (converter, &in, &in_left, &out_cursor, &out_left);

      g_string_append_len (out, buffer, (gssize) (sizeof buffer - out_left));
      if (result == (gsize) -1 && errno != E2BIG)
        {
          /* An illegal or incomplete sequence: one byte goes. */
          g_string_append (out, "\xEF\xBF\xBD");
          in++;
          in_left--;
          g_iconv (converter, NULL, NULL, NULL, NULL);
        }
    }
  g_iconv_close (converter);
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* The charset an HTML page declares in its first bytes, as the HTML
 * standard's prescan finds it: <meta charset="…"> or <meta
 * http-equiv="Content-Type" content="text/html; charset=…">. */
static char *
sniff_html_charset (const char *data,
                    gsize       length)
{
  gsize window = MIN (length, 16384);
  g_autofree char *head = g_ascii_strdown (data, (gssize) window);
  const char *p = head;

  while ((p = strstr (p, "<meta")) != NULL)
    {
      const char *end = strchr (p, '>');
      const char *charset;
      gsize n = 0;
      char name[41];

      if (end == NULL)
        break;
      charset = g_strstr_len (p, end - p, "charset");
      p = end;
      if (charset == NULL)
        continue;
      charset += strlen ("charset");
      while (*charset == ' ' || *charset == '=' || *charset == '"' || *charset == '\'')
        charset++;
      while (n < sizeof name - 1 && (g_ascii_isalnum (charset[n]) || charset[n] == '-' ||
                                    charset[n] == '_' || charset[n] == ':' || charset[n] == '.'))
        {
          name[n] = charset[n];
          n++;
        }
      name[n] = '\0';
      if (n == 0 || strcmp (name, "utf-8") == 0 || strcmp (name, "utf8") == 0)
        return NULL;
      /* The standard reads these labels as their supersets. */
      if (strcmp (name, "gb2312") == 0 || strcmp (name, "gbk") == 0 || strcmp (name, "x-gbk") == 0)
        return g_strdup ("gb18030");
      if (strcmp (name, "iso-8859-1") == 0 || strcmp (name, "latin1") == 0 ||
          strcmp (name, "us-ascii") == 0 || strcmp (name, "ascii") == 0)
        return g_strdup ("windows-1252");
      if (strcmp (name, "iso-8859-9") == 0)
        return g_strdup ("windows-1254");
      if (strcmp (name, "shift_jis") == 0 || strcmp (name, "sjis") == 0)
        return g_strdup ("cp932");
      return g_strdup (name);
    }
  return NULL;
}

char *
pith_decode_to_utf8 (const char       *data,
                     gsize             length,
                     const char       *charset,
                     gsize            *out_length,
                     PithDecodeReport *report)
{
  char *text = NULL;

  memset (report, 0, sizeof *report);

  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0 &&
      g_ascii_strcasecmp (charset, "utf8") != 0)
    {
      text = try_convert (data, length, charset, out_length);
      if (text != NULL)
        report->encoding = g_intern_string (charset);
      else
        report->fallback = TRUE;
    }

  if (text == NULL && length >= 2 &&
      (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
       ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      /* A UTF-16 byte order mark: iconv's "UTF-16" reads and drops it. */
      text = try_convert (data, length, "UTF-16", out_length);
      if (text != NULL)
        report->encoding = "utf-16";
    }

  if (text == NULL && is_valid_utf8_allowing_nul (data, length))
    {
      text = g_malloc (length + 1);
      memcpy (text, data, length);
      text[length] = '\0';
      *out_length = length;
      report->encoding = "utf-8";
    }

  if (text == NULL && charset == NULL && length > 0 && data[0] != '\0')
    {
      g_autofree char *declared = sniff_html_charset (data, length);

      if (declared != NULL && strcmp (declared, "windows-1252") != 0)
        text = convert_tolerantly (data, length, declared, out_length);
      if (text != NULL)
        report->encoding = g_intern_string (declared);
    }

  if (text == NULL)
    {
      text = decode_windows_1252 (data, length, out_length);
      report->encoding = "windows-1252";
      if (charset == NULL || report->fallback)
        report->fallback = TRUE;
    }

  return replace_nuls (text, out_length, report);
}
