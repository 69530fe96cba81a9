/* test-language.c: the language stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <pith/pith.h>

#include "pith-test-cases.h"

#define GERMAN \
  "Die Hafenbehörde teilte am Dienstag mit, dass beide beschädigten Kräne bis Ende des Jahres ersetzt " \
  "werden. Nach der Gewinnwarnung fielen die Aktien der Reederei deutlich. Die Polizei sperrte die " \
  "Hauptstraße für mehrere Stunden, während die Feuerwehr den Brand in der Lagerhalle löschte.\n\n"
#define ENGLISH \
  "The harbour authority said on Tuesday that both damaged cranes would be replaced before the end of " \
  "the year. Shares in the shipping company fell sharply after it warned that profits would be lower. " \
  "Police closed the main road for several hours while firefighters put out a blaze at the warehouse.\n\n"

static PithDocument *
run_declared (const char *pipeline_description,
              const char *text,
              const char *declared)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (pipeline_description, &error);
  PithDocument *document = pith_document_new (text);

  g_assert_no_error (error);
  if (declared != NULL)
    pith_document_set_language (document, declared);
  g_assert_true (pith_pipeline_process (pipeline, document, NULL, &error));
  g_assert_no_error (error);
  return document;
}

static const char *
report_string (PithDocument *document,
               const char   *member)
{
  JsonObject *report = pith_document_get_report (document, "language_detection");

  g_assert_nonnull (report);
  return json_object_get_string_member_with_default (report, member, NULL);
}

static double
report_confidence (PithDocument *document)
{
  return json_object_get_double_member (pith_document_get_report (document, "language_detection"), "confidence");
}

/* One sentence of each script and of languages that share one. */
static void
test_languages (void)
{
  static const char * const cases[][2] = {
    { "en", "Heavy rain flooded dozens of homes overnight, and residents were advised to stay away from the river." },
    { "de", "Starker Regen hat in der Nacht Dutzende Häuser überflutet, die Anwohner sollen den Fluss meiden." },
    { "fr", "De fortes pluies ont inondé des dizaines de maisons pendant la nuit et les habitants doivent éviter la rivière." },
    { "nl", "Door zware regenval zijn vannacht tientallen huizen ondergelopen en bewoners moeten uit de buurt blijven." },
    { "sv", "Kraftigt regn översvämmade dussintals hus under natten och de boende uppmanades att hålla sig borta." },
    { "da", "Kraftig regn oversvømmede i nat snesevis af huse, og beboerne blev bedt om at holde sig væk fra åen." },
    { "ru", "Сильные дожди за ночь затопили десятки домов, жителей попросили держаться подальше от реки." },
    { "uk", "Сильні дощі за ніч затопили десятки будинків, мешканців попросили триматися подалі від річки." },
    { "el", "Οι έντονες βροχοπτώσεις πλημμύρισαν δεκάδες σπίτια κατά τη διάρκεια της νύχτας." },
    { "zh", "夜间的强降雨淹没了数十所房屋，当局呼吁居民远离河边。" },
    { "ja", "夜間の大雨で数十軒の住宅が浸水し、住民は川に近づかないよう呼びかけられている。" },
    { "ko", "밤사이 내린 폭우로 주택 수십 채가 침수됐고 주민들에게는 강 근처에 가지 말라는 당부가 내려졌다." },
    { "ar", "غمرت الأمطار الغزيرة عشرات المنازل خلال الليل وطلب من السكان الابتعاد عن النهر." },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PithDocument) document = pith_test_run ("language", cases[c][1]);

      if (g_strcmp0 (pith_document_get_language (document), cases[c][0]) != 0)
        g_error ("“%s”: expected %s, got %s", cases[c][1], cases[c][0], pith_document_get_language (document));
      g_assert_cmpstr (report_string (document, "chosen"), ==, "text");
      g_assert_cmpfloat (report_confidence (document), >=, 0.9);
    }
}

/* A declaration stands unless the text clearly says otherwise. */
static void
test_declarations (void)
{
  g_autoptr(PithDocument) agreed = run_declared ("language", GERMAN, "de-AT");
  g_autoptr(PithDocument) overridden = run_declared ("language", ENGLISH, "de");
  g_autoptr(PithDocument) kept = run_declared ("language", "Breaking news", "de");
  g_autoptr(PithDocument) stubborn = run_declared ("language override-confidence=1", ENGLISH, "de");

  g_assert_cmpstr (pith_document_get_language (agreed), ==, "de-AT");
  g_assert_cmpstr (report_string (agreed, "chosen"), ==, "both");

  g_assert_cmpstr (pith_document_get_language (overridden), ==, "en");
  g_assert_cmpstr (report_string (overridden, "chosen"), ==, "text");
  g_assert_cmpstr (report_string (overridden, "declared"), ==, "de");

  g_assert_cmpstr (pith_document_get_language (kept), ==, "de");
  g_assert_cmpstr (report_string (kept, "chosen"), ==, "declared");

  g_assert_cmpstr (pith_document_get_language (stubborn), ==, "de");
}

/* Declarations from a JSON Lines record and from a page's <html lang>. */
static void
test_declarations_from_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) record =
    pith_document_new_from_json ("{\"text\": \"Shares in the shipping company fell sharply after it warned that "
                                 "profits would be lower than expected, and the chairman said he would step down "
                                 "at the end of the month.\", \"language\": \"fr\"}", -1, &error);
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("clean ! language", &error);
  g_autoptr(PithDocument) page = NULL;

  g_assert_no_error (error);
  g_assert_true (pith_pipeline_process (pipeline, record, NULL, &error));
  g_assert_cmpstr (report_string (record, "declared"), ==, "fr");
  g_assert_cmpstr (pith_document_get_language (record), ==, "en");

  page = pith_test_run ("clean input-format=html ! language",
                        "<html lang=\"de\"><body><article><p>" GERMAN "</p></article></body></html>");
  g_assert_cmpstr (report_string (page, "declared"), ==, "de");
  g_assert_cmpstr (report_string (page, "chosen"), ==, "both");
}

/* A headline or a word or two is never proof: a low confidence, and no
 * language set when none was declared. */
static void
test_short_texts (void)
{
  g_autoptr(PithDocument) word = pith_test_run ("language", "hello");
  g_autoptr(PithDocument) headline = pith_test_run ("language", "Port strike ends");
  g_autoptr(PithDocument) nothing = pith_test_run ("language", "12:30 — 4,500 (+3.2%)");
  g_autoptr(PithDocument) sentence =
    pith_test_run ("language", "Police closed the main road for several hours on Monday.");

  g_assert_cmpfloat (report_confidence (word), <, 0.5);
  g_assert_null (pith_document_get_language (word));
  g_assert_cmpstr (report_string (word, "chosen"), ==, "none");
  g_assert_cmpfloat (report_confidence (headline), <, 0.5);
  g_assert_null (report_string (nothing, "detected"));
  g_assert_null (pith_document_get_language (nothing));
  g_assert_cmpfloat (report_confidence (word), <, report_confidence (sentence));
  g_assert_cmpstr (pith_document_get_language (sentence), ==, "en");
}

/* The main language of a mixed document; URLs and code are in none. */
static void
test_mixed_texts (void)
{
  g_autofree char *mostly_german = g_strconcat (GERMAN, ENGLISH, GERMAN, GERMAN, NULL);
  g_autofree char *mostly_english = g_strconcat (ENGLISH, GERMAN, ENGLISH, ENGLISH, ENGLISH, NULL);
  g_autoptr(GString) links = g_string_new (GERMAN);
  g_autoptr(PithDocument) german = pith_test_run ("language", mostly_german);
  g_autoptr(PithDocument) english = pith_test_run ("language", mostly_english);
  g_autoptr(PithDocument) linked = NULL;

  for (int i = 0; i < 200; i++)
    g_string_append (links, "https://www.example.com/the/news/of/the/day?id=1&view=full ");
  linked = pith_test_run ("language", links->str);

  g_assert_cmpstr (pith_document_get_language (german), ==, "de");
  g_assert_cmpstr (pith_document_get_language (english), ==, "en");
  g_assert_cmpstr (pith_document_get_language (linked), ==, "de");
}

static void
test_detect (void)
{
  g_autoptr(PithStage) stage = pith_language_identifier_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *none = NULL;
  g_autofree char *bad = NULL;
  double confidence = -1;

  language = pith_language_identifier_detect (PITH_LANGUAGE_IDENTIFIER (stage), GERMAN, &confidence, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (language, ==, "de");
  g_assert_cmpfloat (confidence, >, 0.9);

  none = pith_language_identifier_detect (PITH_LANGUAGE_IDENTIFIER (stage), "", &confidence, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpfloat (confidence, ==, 0.0);

  bad = pith_language_identifier_detect (PITH_LANGUAGE_IDENTIFIER (stage), "caf\xc3 au lait", NULL, &error);
  g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
  g_assert_null (bad);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/Language/languages", test_languages);
  g_test_add_func ("/Pith/Language/declarations", test_declarations);
  g_test_add_func ("/Pith/Language/declarations-from-input", test_declarations_from_input);
  g_test_add_func ("/Pith/Language/short-texts", test_short_texts);
  g_test_add_func ("/Pith/Language/mixed-texts", test_mixed_texts);
  g_test_add_func ("/Pith/Language/detect", test_detect);

  return g_test_run ();
}
