/* pith-html-dates-private.h: dates as pages write them, in many languages
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int year;
  int month;
  int day;
  int hour;                 /* with has_time */
  int minute;
  int second;
  int offset_minutes;       /* from UTC, with has_offset */
  gboolean has_time;
  gboolean has_offset;
} PithHtmlDate;

typedef enum {
  PITH_HTML_DATE_DAY_FIRST   = 1 << 0,  /* 03/04/2020 is 3 April (not en-US) */
  PITH_HTML_DATE_ANYWHERE    = 1 << 1,  /* the date may stand anywhere in the text */
} PithHtmlDateFlags;

/* Reads a date from @text: ISO 8601 and its kin ("2020-08-16T09:30:00Z",
 * "2020/08/16"), numeric days ("16.08.2020", "08/16/2020"), month names in
 * many languages ("Aug. 16, 2020", "16. August 2020", "16 de agosto de
 * 2020", "16 août 2020", "16 sierpnia 2020", "2020年8月16日"). Without
 * PITH_HTML_DATE_ANYWHERE the date must start the text (after blanks and
 * a weekday); with it, the first date in the text is taken. Only days
 * between 1995 and the year after this one are dates. */
gboolean pith_html_date_parse     (const char         *text,
                                   gsize               length,
                                   PithHtmlDateFlags   flags,
                                   PithHtmlDate       *date);

/* The next date in @text from byte @from on, with where it starts and
 * ends (either may be NULL). */
gboolean pith_html_date_find      (const char         *text,
                                   gsize               length,
                                   gsize               from,
                                   PithHtmlDateFlags   flags,
                                   PithHtmlDate       *date,
                                   gsize              *start,
                                   gsize              *end);

/* A date in a URL path: /2020/08/16/, /2020-08-16-, /20200816/. */
gboolean pith_html_date_from_url  (const char         *url,
                                   PithHtmlDate       *date);

/* Whether @text, a short line, does nothing but date the page:
 * "Aktualisiert am 12.03.2020", "January 13, 2020", "19:49". */
gboolean pith_html_date_is_line   (const char         *text,
                                   gsize               length);

/* ISO 8601: "2020-08-16", or with the time "2020-08-16T09:30:00+02:00". */
char    *pith_html_date_to_string (const PithHtmlDate *date);

/* Days since 1 January 1 of the proleptic Gregorian calendar. */
gint64   pith_html_date_day_number (const PithHtmlDate *date);

G_END_DECLS
