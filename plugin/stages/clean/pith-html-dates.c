/* pith-html-dates.c: dates as pages write them, in many languages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pith-html-dates-private.h"

#define FIRST_YEAR 1995
#define MAX_MONTH_NAME 24
#define MAX_SCAN 4096

/* Month names and their abbreviations, lowercase: en, de, fr, es, it, pt,
 * nl, sv, da, no, pl, cs, ru, uk, tr, fi, hu, ro, el. Forms of the
 * genitive ("sierpnia", "августа") are listed with the rest. */
static const char * const month_names[12] = {
  "january jan januar jänner jän janvier janv enero ene gennaio gen janeiro januari "
  "styczeń stycznia ledna leden январь января янв січня ocak tammikuuta tammikuu "
  "január ianuarie ιανουαρίου ιανουάριος",
  "february feb februar feber février fevrier févr fevr febrero febbraio fevereiro fev "
  "februari luty lutego února únor февраль февраля фев лютого şubat subat helmikuuta "
  "helmikuu február februarie φεβρουαρίου φεβρουάριος",
  "march mar märz marz mär mars marzo março marco maart mrt marts marzec marca března "
  "březen март марта березня mart maaliskuuta maaliskuu március martie μαρτίου μάρτιος",
  "april apr avril abril abr aprile aprilie kwiecień kwietnia dubna duben апрель апреля "
  "апр квітня nisan huhtikuuta huhtikuu április απριλίου απρίλιος",
  "may mai mayo maggio mag maio mei maj maja května květen май мая травня mayıs mayis "
  "toukokuuta toukokuu május μαΐου μάιος",
  "june jun juni juin junio giugno giu junho czerwiec czerwca června červen июнь июня "
  "червня haziran kesäkuuta kesäkuu június iunie ιουνίου ιούνιος",
  "july jul juli juillet juil julio luglio lug julho lipiec lipca července červenec июль "
  "июля липня temmuz heinäkuuta heinäkuu július iulie ιουλίου ιούλιος",
  "august aug août aout agosto ago augustus augusti sierpień sierpnia srpna srpen август "
  "августа авг серпня ağustos agustos elokuuta elokuu augusztus αυγούστου αύγουστος",
  "september sep sept septembre septiembre setiembre settembre set setembro wrzesień "
  "września září сентябрь сентября сен вересня eylül eylul syyskuuta syyskuu szeptember "
  "septembrie σεπτεμβρίου σεπτέμβριος",
  "october oct oktober okt octobre octubre ottobre ott outubro out październik października "
  "října říjen октябрь октября окт жовтня ekim lokakuuta lokakuu október octombrie "
  "οκτωβρίου οκτώβριος",
  "november nov novembre noviembre novembro listopad listopada listopadu ноябрь ноября ноя "
  "листопада kasım kasim marraskuuta marraskuu noiembrie νοεμβρίου νοέμβριος",
  "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro "
  "grudzień grudnia prosince prosinec декабрь декабря дек грудня aralık aralik "
  "joulukuuta joulukuu decembrie δεκεμβρίου δεκέμβριος",
};

static GHashTable *
months (void)
{
  static gsize initialized;
  static GHashTable *table;

  if (g_once_init_enter (&initialized))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint m = 0; m < 12; m++)
        {
          g_auto(GStrv) names = g_strsplit (month_names[m], " ", -1);

          for (guint i = 0; names[i] != NULL; i++)
            if (*names[i] != '\0' && !g_hash_table_contains (t, names[i]))
              g_hash_table_insert (t, g_strdup (names[i]), GUINT_TO_POINTER (m + 1));
        }
      table = t;
      g_once_init_leave (&initialized, 1);
    }
  return table;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    return 29;
  return days[month - 1];
}

gint64 pith_html_date_day_number (const PithHtmlDate *date);

static int
last_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_get_year (now) + 1;
}

/* Today's day number: no page is published after tomorrow. */
static gint64
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  return g_date_get_julian (&day);
}

static gboolean
valid (const PithHtmlDate *date)
{
  return date->year >= FIRST_YEAR && date->year <= last_year () &&
         date->month >= 1 && date->month <= 12 &&
         date->day >= 1 && date->day <= days_in_month (date->year, date->month) &&
         pith_html_date_day_number (date) <= today () + 1;
}

typedef struct
{
  const char *text;
  gsize length;
  gsize i;
} Cursor;

static inline gboolean
at_digit (const Cursor *c)
{
  return c->i < c->length && g_ascii_isdigit (c->text[c->i]);
}

static inline gboolean
at (const Cursor *c,
    char          ch)
{
  return c->i < c->length && c->text[c->i] == ch;
}

/* Reads up to @max digits; the number of digits read goes in @digits. */
static int
read_number (Cursor *c,
             guint   max,
             guint  *digits)
{
  int value = 0;

  *digits = 0;
  while (at_digit (c) && *digits < max)
    {
      value = value * 10 + (c->text[c->i] - '0');
      c->i++;
      (*digits)++;
    }
  return value;
}

static void
skip_blanks (Cursor *c)
{
  while (c->i < c->length)
    {
      guchar b = (guchar) c->text[c->i];

      if (g_ascii_isspace (b))
        c->i++;
      else if (b == 0xC2 && c->i + 1 < c->length && (guchar) c->text[c->i + 1] == 0xA0)
        c->i += 2;          /* a no-break space */
      else
        break;
    }
}

/* A word of letters at the cursor, lowercased into @word. */
static gboolean
read_word (Cursor *c,
           char    word[MAX_MONTH_NAME + 1])
{
  gsize start = c->i;
  g_autofree char *lower = NULL;

  while (c->i < c->length)
    {
      gunichar ch;
      const char *next;

      if ((guchar) c->text[c->i] < 0x80)
        {
          if (!g_ascii_isalpha (c->text[c->i]))
            break;
          c->i++;
          continue;
        }
      ch = g_utf8_get_char_validated (c->text + c->i, (gssize) (c->length - c->i));
      if (ch == (gunichar) -1 || ch == (gunichar) -2 || !g_unichar_isalpha (ch))
        break;
      next = g_utf8_next_char (c->text + c->i);
      c->i = (gsize) (next - c->text);
    }
  if (c->i == start || c->i - start > MAX_MONTH_NAME)
    return FALSE;
  lower = g_utf8_strdown (c->text + start, (gssize) (c->i - start));
  if (strlen (lower) > MAX_MONTH_NAME)
    return FALSE;
  strcpy (word, lower);
  return TRUE;
}

static int
read_month_name (Cursor *c)
{
  char word[MAX_MONTH_NAME + 1];
  gsize start = c->i;
  gpointer month;

  if (!read_word (c, word) || (month = g_hash_table_lookup (months (), word)) == NULL)
    {
      c->i = start;
      return 0;
    }
  if (at (c, '.'))
    c->i++;
  return GPOINTER_TO_INT (month);
}

/* "16th", "1st", "1er", "1o", "16." after a day. */
static void
skip_day_suffix (Cursor *c)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th", "er", "o", "º", NULL };

  if (at (c, '.'))
    {
      c->i++;
      return;
    }
  for (guint s = 0; suffixes[s] != NULL; s++)
    {
      gsize n = strlen (suffixes[s]);

      if (c->i + n <= c->length && g_ascii_strncasecmp (c->text + c->i, suffixes[s], n) == 0 &&
          (c->i + n == c->length || !g_ascii_isalpha (c->text[c->i + n])))
        {
          c->i += n;
          return;
        }
    }
}

/* "de" in Spanish and Portuguese dates: "16 de agosto de 2020". */
static void
skip_de (Cursor *c)
{
  skip_blanks (c);
  if (c->i + 3 <= c->length && g_ascii_strncasecmp (c->text + c->i, "de", 2) == 0 &&
      g_ascii_isspace (c->text[c->i + 2]))
    {
      c->i += 2;
      skip_blanks (c);
    }
  else if (c->i + 4 <= c->length && g_ascii_strncasecmp (c->text + c->i, "del", 3) == 0 &&
           g_ascii_isspace (c->text[c->i + 3]))
    {
      c->i += 3;
      skip_blanks (c);
    }
}

static gboolean
read_year (Cursor *c,
           int    *year)
{
  guint digits;
  int value;

  if (!at_digit (c))
    return FALSE;
  value = read_number (c, 4, &digits);
  if (at_digit (c))
    return FALSE;
  if (digits == 4)
    *year = value;
  else if (digits == 2 && !at (c, ':') && !at (c, '.') && !at (c, '/'))
    *year = value < 70 ? 2000 + value : 1900 + value;
  else
    return FALSE;
  return TRUE;
}

/* After the day: "T09:30", " 09:30:00", ", 9:30 am", with an offset. */
static void
read_time (Cursor       *c,
           PithHtmlDate *date)
{
  Cursor t = *c;
  guint digits;
  int hour;
  int minute;
  int second = 0;

  if (at (&t, 'T') || at (&t, 't'))
    t.i++;
  else
    {
      while (t.i < t.length && (g_ascii_isspace (t.text[t.i]) || t.text[t.i] == ',' ||
                                t.text[t.i] == '|' || t.text[t.i] == '-') && t.i - c->i < 6)
        t.i++;
    }
  hour = read_number (&t, 2, &digits);
  if (digits == 0 || !at (&t, ':'))
    return;
  t.i++;
  minute = read_number (&t, 2, &digits);
  if (digits != 2)
    return;
  if (at (&t, ':'))
    {
      t.i++;
      second = read_number (&t, 2, &digits);
      if (digits != 2)
        return;
      if (at (&t, '.') || at (&t, ','))
        {
          t.i++;
          while (at_digit (&t))
            t.i++;
        }
    }
  {
    Cursor ampm = t;

    skip_blanks (&ampm);
    if (ampm.i + 2 <= ampm.length &&
        (g_ascii_strncasecmp (ampm.text + ampm.i, "pm", 2) == 0 ||
         g_ascii_strncasecmp (ampm.text + ampm.i, "p.m", 3) == 0))
      {
        if (hour < 12)
          hour += 12;
        t.i = ampm.i + 2;
      }
    else if (ampm.i + 2 <= ampm.length &&
             (g_ascii_strncasecmp (ampm.text + ampm.i, "am", 2) == 0 ||
              g_ascii_strncasecmp (ampm.text + ampm.i, "a.m", 3) == 0))
      {
        if (hour == 12)
          hour = 0;
        t.i = ampm.i + 2;
      }
  }
  if (hour > 23 || minute > 59 || second > 60)
    return;
  date->hour = hour;
  date->minute = minute;
  date->second = MIN (second, 59);
  date->has_time = TRUE;

  if (at (&t, 'Z') || at (&t, 'z'))
    {
      date->offset_minutes = 0;
      date->has_offset = TRUE;
      t.i++;
    }
  else if ((at (&t, '+') || at (&t, '-')) && t.i + 1 < t.length && g_ascii_isdigit (t.text[t.i + 1]))
    {
      int sign = t.text[t.i] == '-' ? -1 : 1;
      int offset_hours;
      int offset_minutes = 0;

      t.i++;
      offset_hours = read_number (&t, 2, &digits);
      if (digits == 2)
        {
          if (at (&t, ':'))
            t.i++;
          offset_minutes = read_number (&t, 2, &digits);
          if (digits != 0 && digits != 2)
            offset_minutes = 0;
          if (offset_hours <= 14 && offset_minutes < 60)
            {
              date->offset_minutes = sign * (offset_hours * 60 + offset_minutes);
              date->has_offset = TRUE;
            }
        }
    }
  *c = t;
}

/* A date that starts at the cursor. */
static gboolean
parse_at (Cursor            *c,
          PithHtmlDateFlags  flags,
          PithHtmlDate      *date)
{
  Cursor start = *c;
  guint digits;

  memset (date, 0, sizeof *date);

  if (at_digit (c))
    {
      int first = read_number (c, 8, &digits);

      if (digits == 8 && !(flags & PITH_HTML_DATE_ANYWHERE))
        {
          /* 20200816, in a meta tag or a URL. */
          date->year = first / 10000;
          date->month = first / 100 % 100;
          date->day = first % 100;
          read_time (c, date);
          return valid (date);
        }
      if (digits == 4)
        {
          char separator;
          int second;

          date->year = first;
          /* 2020年8月16日 */
          if (c->i + 3 <= c->length && memcmp (c->text + c->i, "年", 3) == 0)
            {
              c->i += 3;
              date->month = read_number (c, 2, &digits);
              if (digits == 0 || c->i + 3 > c->length || memcmp (c->text + c->i, "月", 3) != 0)
                return FALSE;
              c->i += 3;
              date->day = read_number (c, 2, &digits);
              if (digits == 0)
                return FALSE;
              return valid (date);
            }
          if (!at (c, '-') && !at (c, '/') && !at (c, '.'))
            return FALSE;
          separator = c->text[c->i++];
          second = read_number (c, 2, &digits);
          if (digits == 0 || !at (c, separator))
            return FALSE;
          c->i++;
          date->month = second;
          date->day = read_number (c, 2, &digits);
          if (digits == 0 || at_digit (c))
            return FALSE;
          read_time (c, date);
          return valid (date);
        }
      if (digits <= 2)
        {
          int day = first;

          if (at (c, '.') || at (c, '/') || at (c, '-'))
            {
              char separator = c->text[c->i];
              Cursor numeric = *c;
              int second;

              numeric.i++;
              second = read_number (&numeric, 2, &digits);
              if (digits > 0 && at (&numeric, separator))
                {
                  numeric.i++;
                  if (!read_year (&numeric, &date->year))
                    return FALSE;
                  if (separator == '.' || first > 12 ||
                      ((flags & PITH_HTML_DATE_DAY_FIRST) && second <= 12))
                    {
                      date->day = first;
                      date->month = second;
                    }
                  else
                    {
                      date->month = first;
                      date->day = second;
                    }
                  *c = numeric;
                  read_time (c, date);
                  return valid (date);
                }
            }
          /* 16. August 2020, 16 de agosto de 2020, 1er août 2020. */
          skip_day_suffix (c);
          skip_de (c);
          date->month = read_month_name (c);
          if (date->month == 0)
            return FALSE;
          skip_de (c);
          if (at (c, ','))
            c->i++;
          skip_blanks (c);
          if (!read_year (c, &date->year))
            return FALSE;
          date->day = day;
          read_time (c, date);
          return valid (date);
        }
      return FALSE;
    }

  /* August 16, 2020; Aug. 16 2020. */
  date->month = read_month_name (c);
  if (date->month == 0)
    {
      *c = start;
      return FALSE;
    }
  skip_blanks (c);
  date->day = read_number (c, 2, &digits);
  if (digits == 0 || at_digit (c))
    return FALSE;
  skip_day_suffix (c);
  if (at (c, ','))
    c->i++;
  skip_blanks (c);
  /* "Tue Jan 28 15:28:56 CET 2020", as Java and C write dates: the time
   * and the zone before the year. */
  if (c->i + 2 < c->length && g_ascii_isdigit (c->text[c->i]) &&
      (c->text[c->i + 1] == ':' || c->text[c->i + 2] == ':'))
    {
      PithHtmlDate time = *date;
      Cursor zone;
      char word[MAX_MONTH_NAME + 1];

      read_time (c, &time);
      if (!time.has_time)
        return FALSE;
      skip_blanks (c);
      zone = *c;
      if (read_word (&zone, word))
        *c = zone;
      skip_blanks (c);
      if (!read_year (c, &date->year))
        return FALSE;
      date->hour = time.hour;
      date->minute = time.minute;
      date->second = time.second;
      date->has_time = TRUE;
      return valid (date);
    }
  if (!read_year (c, &date->year))
    return FALSE;
  read_time (c, date);
  return valid (date);
}

gboolean
pith_html_date_parse (const char        *text,
                      gsize              length,
                      PithHtmlDateFlags  flags,
                      PithHtmlDate      *date)
{
  Cursor c = { text, MIN (length, MAX_SCAN), 0 };

  skip_blanks (&c);
  if (!(flags & PITH_HTML_DATE_ANYWHERE))
    {
      Cursor weekday = c;
      char word[MAX_MONTH_NAME + 1];

      if (parse_at (&c, flags, date))
        return TRUE;
      /* A weekday first: "Sunday, 16 August 2020", "So., 16.08.2020". */
      if (read_word (&weekday, word) && g_hash_table_lookup (months (), word) == NULL)
        {
          if (at (&weekday, '.'))
            weekday.i++;
          if (at (&weekday, ','))
            weekday.i++;
          skip_blanks (&weekday);
          return parse_at (&weekday, flags, date);
        }
      return FALSE;
    }

  return pith_html_date_find (text, c.length, c.i, flags, date, NULL, NULL);
}

gboolean
pith_html_date_find (const char        *text,
                     gsize              length,
                     gsize              from,
                     PithHtmlDateFlags  flags,
                     PithHtmlDate      *date,
                     gsize             *start,
                     gsize             *end)
{
  gsize limit = length;

  for (gsize i = from; i < limit; i++)
    {
      guchar b = (guchar) text[i];
      Cursor here = { text, limit, i };

      /* Try where a number or a word begins. */
      if (g_ascii_isdigit (b))
        {
          if (i > 0 && g_ascii_isdigit (text[i - 1]))
            continue;
        }
      else if (g_ascii_isalpha (b) || b >= 0xC0)
        {
          if (i > 0 && (g_ascii_isalpha (text[i - 1]) || (guchar) text[i - 1] >= 0x80))
            continue;
        }
      else
        continue;
      if (parse_at (&here, flags | PITH_HTML_DATE_ANYWHERE, date))
        {
          if (start != NULL)
            *start = i;
          if (end != NULL)
            *end = MAX (here.i, i + 1);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
pith_html_date_from_url (const char   *url,
                         PithHtmlDate *date)
{
  const char *path;
  gsize length;

  if (url == NULL)
    return FALSE;
  path = strstr (url, "://");
  path = path != NULL ? strchr (path + 3, '/') : url;
  if (path == NULL)
    return FALSE;
  length = strcspn (path, "?#");

  for (gsize i = 0; i + 8 <= length; i++)
    {
      const char *p = path + i;
      guint digits;
      Cursor c = { path, length, i };
      int year;

      if (!(p[0] == '/' || p[0] == '-' || p[0] == '_') || !g_ascii_isdigit (p[1]))
        continue;
      c.i = i + 1;
      year = read_number (&c, 8, &digits);
      memset (date, 0, sizeof *date);
      if (digits == 8)
        {
          date->year = year / 10000;
          date->month = year / 100 % 100;
          date->day = year % 100;
          if ((c.i == length || !g_ascii_isalnum (path[c.i])) && valid (date))
            return TRUE;
          continue;
        }
      if (digits != 4 || !(at (&c, '/') || at (&c, '-') || at (&c, '_')))
        continue;
      date->year = year;
      c.i++;
      date->month = read_number (&c, 2, &digits);
      if (digits == 0 || !(at (&c, '/') || at (&c, '-') || at (&c, '_')))
        continue;
      c.i++;
      date->day = read_number (&c, 2, &digits);
      /* The day ends a segment: "/2023/10/31/", not "/2023/10/3-fragen". */
      if (digits == 0 || !(c.i == length || path[c.i] == '/' || path[c.i] == '.' ||
                           (digits == 2 && (path[c.i] == '-' || path[c.i] == '_'))))
        continue;
      if (valid (date))
        return TRUE;
    }
  return FALSE;
}

/* "Aktualisiert am 12.03.2020", "January 13", "19:49": a line that only
 * dates the page. */
gboolean
pith_html_date_is_line (const char *label,
                        gsize       length)
{
  PithHtmlDate date;
  guint letters = 0;

  if (g_utf8_strlen (label, (gssize) length) > 40)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (g_ascii_isalpha (label[i]))
      letters++;
  if (pith_html_date_parse (label, length, PITH_HTML_DATE_ANYWHERE, &date))
    return letters <= 24;
  /* A time alone: "19:49", "9:30 Uhr". */
  for (gsize i = 0; i + 4 < length; i++)
    if (g_ascii_isdigit (label[i]) && g_ascii_isdigit (label[i + 1]) && label[i + 2] == ':' &&
        g_ascii_isdigit (label[i + 3]) && g_ascii_isdigit (label[i + 4]))
      return letters <= 4;
  return FALSE;
}

char *
pith_html_date_to_string (const PithHtmlDate *date)
{
  if (!date->has_time)
    return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
  if (!date->has_offset)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", date->year, date->month, date->day,
                            date->hour, date->minute, date->second);
  if (date->offset_minutes == 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", date->year, date->month, date->day,
                            date->hour, date->minute, date->second);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", date->year, date->month,
                          date->day, date->hour, date->minute, date->second,
                          date->offset_minutes < 0 ? '-' : '+', ABS (date->offset_minutes) / 60,
                          ABS (date->offset_minutes) % 60);
}

gint64
pith_html_date_day_number (const PithHtmlDate *date)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) date->day, (GDateMonth) date->month, (GDateYear) date->year);
  return g_date_get_julian (&day);
}
