/* test-lang.c — the map text in Indonesian and English (--lang).
 *
 * Scans render/, builder/ and cli/ for every string passed to render_tr and fails
 * when one has no English entry in the catalogue (render/render-lang.c),
 * when a call passes something other than a string literal (it could not
 * be checked), when a catalogue entry is used nowhere, or when an entry's
 * printf conversions differ between the languages.  Also: number and date
 * formats per language, and English titles and labels in style files. */
#include <render.h>

#include "config.h"
#include "testutil.h"

#include <math.h>
#include <string.h>

/* Every render_tr call in the .c files of `sub`: literal texts into
 * `literals` (unescaped), and the number of calls. */
static guint
scan_dir(const char *sub, GPtrArray *literals, GString *where)
{
  g_autofree char *dir = g_build_filename(PETARAWAN_SOURCE_DIR, sub, NULL);
  GDir *d = g_dir_open(dir, 0, NULL);
  g_assert_nonnull(d);
  /* A call: render_tr(<lang>, "text").  Anything after the comma that is
   * not one literal closed by ')' is counted as a call but not matched. */
  GRegex *call = g_regex_new("\\brender_tr\\s*\\(", 0, 0, NULL);
  GRegex *lit = g_regex_new("\\brender_tr\\s*\\(\\s*[^,()]+,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)",
                            0, 0, NULL);
  guint calls = 0;
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL) {
    if (!g_str_has_suffix(name, ".c") || strcmp(name, "render-lang.c") == 0)
      continue;
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    GMatchInfo *mi;
    guint here = 0, found = 0;
    g_regex_match(call, text, 0, &mi);
    while (g_match_info_matches(mi)) {
      here++;
      g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_regex_match(lit, text, 0, &mi);
    while (g_match_info_matches(mi)) {
      g_autofree char *raw = g_match_info_fetch(mi, 1);
      g_ptr_array_add(literals, g_strcompress(raw));
      found++;
      g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    if (found != here)
      g_string_append_printf(where, "%s/%s: %u of %u render_tr calls pass no string literal\n", sub,
                             name, here - found, here);
    calls += here;
  }
  g_dir_close(d);
  g_regex_unref(call);
  g_regex_unref(lit);
  return calls;
}

static void
test_sources_translated(void)
{
  GPtrArray *literals = g_ptr_array_new_with_free_func(g_free);
  GString *problems = g_string_new(NULL);
  guint calls = scan_dir("render", literals, problems) + scan_dir("builder", literals, problems) +
                scan_dir("cli", literals, problems);
  g_test_message("%u render_tr calls, %u literals", calls, literals->len);
  g_assert_cmpuint(literals->len, >, 30);
  for (guint i = 0; i < literals->len; i++) {
    const char *s = g_ptr_array_index(literals, i);
    if (render_tr_lookup(s) == NULL)
      g_string_append_printf(problems, "no English for \"%s\" (add it to render/render-lang.c)\n",
                             s);
  }
  /* Every entry is used: a stale one hides a text that went untranslated
   * because its Indonesian changed. */
  guint n;
  const RenderTrEntry *cat = render_tr_catalogue(&n);
  for (guint i = 0; i < n; i++) {
    gboolean used = FALSE;
    for (guint k = 0; k < literals->len && !used; k++)
      used = strcmp(cat[i].id, g_ptr_array_index(literals, k)) == 0;
    if (!used)
      g_string_append_printf(problems, "catalogue entry \"%s\" is used nowhere\n", cat[i].id);
  }
  if (problems->len)
    g_test_message("%s", problems->str);
  g_assert_cmpuint(problems->len, ==, 0);
  g_string_free(problems, TRUE);
  g_ptr_array_unref(literals);
}

/* The printf conversions of a format, in order ("%s%u"). */
static char *
conversions(const char *fmt)
{
  GString *out = g_string_new(NULL);
  for (const char *p = fmt; *p; p++) {
    if (*p != '%')
      continue;
    p++;
    g_string_append_c(out, '%');
    while (*p && strchr("0123456789.-+ #lhz", *p))
      g_string_append_c(out, *p++);
    if (*p)
      g_string_append_c(out, *p);
    else
      break;
  }
  return g_string_free(out, FALSE);
}

static void
test_catalogue(void)
{
  guint n;
  const RenderTrEntry *cat = render_tr_catalogue(&n);
  g_assert_cmpuint(n, >, 30);
  for (guint i = 0; i < n; i++) {
    g_autofree char *a = conversions(cat[i].id), *b = conversions(cat[i].en);
    if (strcmp(a, b) != 0)
      g_test_message("\"%s\": %s but English \"%s\": %s", cat[i].id, a, cat[i].en, b);
    g_assert_cmpstr(a, ==, b);
    g_assert_true(g_utf8_validate(cat[i].en, -1, NULL));
    for (guint k = 0; k < i; k++)
      g_assert_cmpstr(cat[i].id, !=, cat[k].id);
  }
  g_assert_cmpstr(render_tr(RENDER_LANG_EN, "Tanpa data"), ==, "No data");
  g_assert_cmpstr(render_tr(RENDER_LANG_ID, "Tanpa data"), ==, "Tanpa data");
  /* Not in the catalogue: given back as it is. */
  g_assert_cmpstr(render_tr(RENDER_LANG_EN, "Kab. Kupang"), ==, "Kab. Kupang");
  RenderLang l;
  g_assert_true(render_lang_parse("en", &l) && l == RENDER_LANG_EN);
  g_assert_true(render_lang_parse("id", &l) && l == RENDER_LANG_ID);
  g_assert_false(render_lang_parse("fr", &l));
  g_assert_false(render_lang_parse("EN ", &l));
}

static void
test_numbers(void)
{
  struct {
    double v;
    int d;
    const char *id, *en;
  } cases[] = {
      {1234.5, 1, "1.234,5", "1,234.5"},
      {1234567.891, 2, "1.234.567,89", "1,234,567.89"},
      {49.33, 2, "49,33", "49.33"},
      {-1234, 0, "−1.234", "−1,234"},
      {0.5, 1, "0,5", "0.5"},
      {999, 0, "999", "999"},
      {NAN, 2, "–", "–"},
  };
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *id = render_number(RENDER_LANG_ID, cases[i].v, cases[i].d);
    g_autofree char *en = render_number(RENDER_LANG_EN, cases[i].v, cases[i].d);
    g_assert_cmpstr(id, ==, cases[i].id);
    g_assert_cmpstr(en, ==, cases[i].en);
  }
  g_autofree char *a = render_date_text(RENDER_LANG_ID, 2026, 5, 1);
  g_autofree char *b = render_date_text(RENDER_LANG_EN, 2026, 5, 1);
  g_autofree char *c = render_date_text(RENDER_LANG_EN, 2026, 12, 22);
  g_assert_cmpstr(a, ==, "1 Mei 2026");
  g_assert_cmpstr(b, ==, "1 May 2026");
  g_assert_cmpstr(c, ==, "22 December 2026");
}

/* Built-in styles carry English titles and labels; a style file's
 * translations are checked like the rest of it. */
static void
test_styles_english(void)
{
  GError *err = NULL;
  GeoStyle *st = geo_style_load("ikp-kabkota", testutil_styles_dir(), &err);
  g_assert_no_error(err);
  g_assert_cmpstr(st->title_en, ==, "Election Vulnerability Index (IKP), regencies/cities");
  g_assert_nonnull(st->labels_en);
  g_assert_cmpstr(st->labels_en[0], ==, "Low");
  g_assert_cmpstr(st->labels_en[2], ==, "High");
  g_assert_cmpstr(st->labels[2], ==, "Tinggi");
  geo_style_free(st);
  /* Every built-in style has an English title. */
  g_auto(GStrv) all = geo_style_list(testutil_styles_dir());
  for (guint i = 0; all[i]; i++) {
    st = geo_style_load(all[i], NULL, &err);
    g_assert_no_error(err);
    g_assert_nonnull(st->title_en);
    if (st->labels)
      g_assert_nonnull(st->labels_en);
    geo_style_free(st);
  }

  g_autofree char *dir = testutil_tmpdir();
  g_autofree char *bad = testutil_write(dir, "bad.style",
                                        "[style]\nmethod=fixed\nbreaks=1;2\n"
                                        "labels=Rendah;Sedang;Tinggi\nlabels[en]=Low;High\n"
                                        "colours=#ffffff;#888888;#000000\ntitle[fr]=Indice\n");
  st = geo_style_load(bad, NULL, &err);
  g_assert_null(st);
  g_assert_nonnull(err);
  g_test_message("%s", err->message);
  g_assert_nonnull(strstr(err->message, ":5: key 'labels[en]': 2 labels for 3 classes"));
  g_assert_nonnull(strstr(err->message, ":7: key 'title[fr]': unknown key"));
  g_clear_error(&err);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/lang/sources-translated", test_sources_translated);
  g_test_add_func("/lang/catalogue", test_catalogue);
  g_test_add_func("/lang/numbers", test_numbers);
  g_test_add_func("/lang/styles-english", test_styles_english);
  return g_test_run();
}
