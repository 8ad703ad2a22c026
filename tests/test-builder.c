/* test-builder.c — the build as a library (builder/builder.h) without the
 * command line: sheets grouped and named, file names, the staging
 * folder's commit with a failure at each position (the old set or the new
 * one, never a mixture), the manifest written and read back, every bad
 * setting reported at once before any input is read, and a whole run on
 * a small fixture: its events, and the date as data (the run's setting,
 * not the process environment). */
#include "testutil.h"

#include <builder.h>
#include <glib/gstdio.h>
#include <string.h>

/* n square districts 11.01, 11.02, 12.01, ... in groups by `groups`
 * (one group code per district), written as GeoJSON into `dir`. */
static char *
write_districts(const char *dir, const char *const *codes, const char *const *groups, guint n)
{
  GString *gj = g_string_new("{\"type\":\"FeatureCollection\",\"features\":[");
  for (guint i = 0; i < n; i++) {
    double x = 100 + i;
    g_string_append_printf(gj,
                           "%s{\"type\":\"Feature\",\"properties\":{\"KODE\":\"%s\","
                           "\"NAMA\":\"D%u\",\"PROV\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
                           "\"coordinates\":[[[%g,0],[%g,0],[%g,0.8],[%g,0.8],[%g,0]]]}}",
                           i ? "," : "", codes[i], i + 1, groups[i], x, x + 0.8, x + 0.8, x, x);
  }
  g_string_append(gj, "]}");
  char *path = testutil_write(dir, "d.geojson", gj->str);
  g_string_free(gj, TRUE);
  return path;
}

static GeoLayer *
read_districts(const char *path)
{
  GError *err = NULL;
  GeoLayerSpec spec = {
      .source = path, .key_field = "KODE", .name_field = "NAMA", .group_field = "PROV"};
  GeoLayer *layer = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  return layer;
}

static void
test_groups(void)
{
  g_autofree char *dir = testutil_tmpdir();
  const char *codes[] = {"53.01", "11.01", "53.02", "31.71"};
  const char *groups[] = {"53", "11", "53", "31"};
  g_autofree char *path = write_districts(dir, codes, groups, 4);
  GeoLayer *layer = read_districts(path);
  GHashTable *province = g_hash_table_new(g_str_hash, g_str_equal);
  g_hash_table_insert(province, "53", "Nusa Tenggara Timur");
  g_hash_table_insert(province, "11", "Aceh");
  GHashTable *names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  GError *err = NULL;
  GArray *g = builder_groups_new(layer, FALSE, province, RENDER_LANG_ID, path, "PROV", names, &err);
  g_assert_no_error(err);
  /* Sorted by code; names from the province table, else the code. */
  g_assert_cmpuint(g->len, ==, 3);
  RenderGroup *g0 = &g_array_index(g, RenderGroup, 0), *g2 = &g_array_index(g, RenderGroup, 2);
  g_assert_cmpstr(g0->code, ==, "11");
  g_assert_cmpstr(g0->name, ==, "Aceh");
  g_assert_cmpstr(g_array_index(g, RenderGroup, 1).name, ==, "31");
  g_assert_cmpstr(g2->code, ==, "53");
  g_assert_cmpstr(g2->slug, ==, "nusa-tenggara-timur");
  g_assert_cmpuint(g2->n_features, ==, 2);
  g_assert_cmpuint(g2->features[0], ==, 0);
  g_assert_cmpuint(g2->features[1], ==, 2);
  g_assert_cmpstr(g_hash_table_lookup(names, "31"), ==, "31");
  /* --only keeps the groups named (codes normalised). */
  g_assert_cmpuint(builder_groups_keep(g, "53, 11"), ==, 2);
  g_assert_cmpstr(g_array_index(g, RenderGroup, 1).code, ==, "53");
  g_assert_cmpuint(builder_groups_keep(g, "99"), ==, 0);
  builder_groups_free(g);
  g_hash_table_destroy(names);
  geo_layer_free(layer);

  /* Two group values that give one file name are refused, naming both. */
  const char *codes2[] = {"11.01", "12.01"};
  const char *clash[] = {"a/b", "a b"};
  g_autofree char *dir2 = testutil_tmpdir();
  g_autofree char *path2 = write_districts(dir2, codes2, clash, 2);
  layer = read_districts(path2);
  g_assert_null(builder_groups_new(layer, FALSE, NULL, RENDER_LANG_ID, path2, "PROV", NULL, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_INPUT);
  if (strstr(err->message, "would both be written as ab-a-b.pdf") == NULL)
    g_error("%s", err->message);
  g_clear_error(&err);
  geo_layer_free(layer);
  g_hash_table_destroy(province);
  g_autofree char *safe = builder_groups_safe_code("../53");
  g_assert_cmpstr(safe, ==, "53");
}

static void
test_names(void)
{
  RenderGroup g = {.code = "53", .slug = "nusa-tenggara-timur"};
  RenderModel m = {.tiles = TRUE, .tile_paper = RENDER_PAPER_A4};
  g_autofree char *base = render_output_file_name(NULL, &g, NULL);
  g_assert_cmpstr(base, ==, "53-nusa-tenggara-timur");
  g_autofree char *ov = render_output_file_name(NULL, NULL, "png");
  g_assert_cmpstr(ov, ==, "00-nasional.png");
  g_auto(GStrv) files = render_output_file_names(&m, &g, RENDER_FORMAT_PDF | RENDER_FORMAT_SVG);
  g_assert_cmpuint(g_strv_length(files), ==, 3);
  g_assert_cmpstr(files[0], ==, "53-nusa-tenggara-timur.pdf");
  g_assert_cmpstr(files[1], ==, "53-nusa-tenggara-timur.svg");
  g_assert_cmpstr(files[2], ==, "53-nusa-tenggara-timur-tiles-a4.pdf");
}

static char *
read_text(const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);
  char *text = NULL;
  if (!g_file_get_contents(path, &text, NULL, NULL))
    return NULL;
  return text;
}

/* A commit of a.pdf, b.pdf (both replacing old ones), c.pdf (new) and
 * manifest.json (replacing the old one) whose rename fails at position
 * `fail` (0..3; -1: none): the folder holds the old set or the new one. */
static void
commit_case(int fail)
{
  const char *names[] = {"a.pdf", "b.pdf", "c.pdf", "manifest.json"};
  g_autofree char *out = testutil_tmpdir();
  g_free(testutil_write(out, "a.pdf", "old a"));
  g_free(testutil_write(out, "b.pdf", "old b"));
  g_free(testutil_write(out, "manifest.json", "old manifest"));
  GError *err = NULL;
  g_autofree char *stage = builder_stage_create(out, &err);
  g_assert_no_error(err);
  g_assert_true(g_str_has_prefix(stage, out));
  for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
    g_autofree char *text = g_strdup_printf("new %s", names[i]);
    g_free(testutil_write(stage, names[i], text));
  }
  /* The failure: a folder, not empty, where the file is to go (a rename
   * of a file onto it fails). */
  if (fail >= 0) {
    g_autofree char *blocker = g_build_filename(out, names[fail], NULL);
    g_unlink(blocker);
    g_assert_cmpint(g_mkdir(blocker, 0755), ==, 0);
    g_free(testutil_write(blocker, "x", "x"));
  }
  gboolean ok = builder_stage_commit(stage, out, &err);
  if (fail < 0) {
    g_assert_no_error(err);
    g_assert_true(ok);
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
      g_autofree char *text = read_text(out, names[i]);
      g_autofree char *want = g_strdup_printf("new %s", names[i]);
      g_assert_cmpstr(text, ==, want);
    }
  } else {
    g_assert_false(ok);
    g_assert_error(err, GEO_ERROR, GEO_ERROR_OUTPUT);
    g_assert_nonnull(strstr(err->message, names[fail]));
    g_clear_error(&err);
    /* Everything else as it was before the commit. */
    const char *old[] = {"old a", "old b", NULL, "old manifest"};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
      if ((int)i == fail)
        continue;
      g_autofree char *text = read_text(out, names[i]);
      g_assert_cmpstr(text, ==, old[i]);
    }
  }
  builder_stage_remove(stage);
  g_assert_false(g_file_test(stage, G_FILE_TEST_EXISTS));
}

static void
test_commit(void)
{
  for (int fail = -1; fail < 4; fail++)
    commit_case(fail);
}

static void
test_manifest(void)
{
  g_autofree char *out = testutil_tmpdir();
  gboolean had = TRUE;
  g_autofree char *note = NULL;
  BuilderManifest *m = builder_manifest_load(out, &had, &note);
  g_assert_false(had);
  g_assert_null(note);
  g_assert_cmpstr(builder_manifest_check(m, out, "a.pdf", "h1"), ==, "new");
  builder_manifest_set(m, "a.pdf", "h1");
  builder_manifest_set(m, "b.pdf", "h2");
  g_autofree char *bpath = testutil_write(out, "batas.geojson", "{}");
  g_autofree char *style_path = g_build_filename(testutil_styles_dir(), "quantile.style", NULL);
  BuilderConfig c = {.boundaries = bpath, .value = "skor"};
  GeoStyle style = {.name = "quantile", .path = style_path};
  GError *err = NULL;
  g_assert_true(builder_manifest_write(m, &c, &style, "2026-02-03T00:00:00", out, &err));
  g_assert_no_error(err);
  builder_manifest_free(m);
  g_free(testutil_write(out, "a.pdf", "pdf"));

  m = builder_manifest_load(out, &had, &note);
  g_assert_true(had);
  g_assert_null(note);
  g_assert_null(builder_manifest_check(m, out, "a.pdf", "h1"));
  g_assert_cmpstr(builder_manifest_check(m, out, "a.pdf", "h9"), ==, "changed");
  g_assert_cmpstr(builder_manifest_check(m, out, "b.pdf", "h2"), ==, "missing");
  g_assert_cmpstr(builder_manifest_check(m, out, "c.pdf", "h3"), ==, "new");
  builder_manifest_free(m);
  g_autofree char *text = read_text(out, "manifest.json");
  g_assert_nonnull(strstr(text, "\"date\" : \"2026-02-03T00:00:00\""));
  g_assert_nonnull(strstr(text, "\"role\" : \"boundaries\""));
  /* SHA-256 of "{}". */
  g_assert_nonnull(
      strstr(text, "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"));
}

static void
test_config_all_at_once(void)
{
  BuilderConfig c = {.format = "pdf,tiff",
                     .paper = "B5",
                     .orientation = "sideways",
                     .lang = "fr",
                     .match = "maybe",
                     .date = "2026-13-45"};
  char *tables[] = {"absent.csv#separator=colon", "absent2.csv#header-row=x", NULL};
  c.tables = tables;
  GError *err = NULL;
  g_assert_false(builder_config_check(&c, BUILDER_BUILD, &err));
  g_assert_error(err, GEO_ERROR, GEO_ERROR_USAGE);
  const char *want[] = {"build needs --boundaries --key --value --output",
                        "--format: unknown format 'tiff'",
                        "--paper: unknown paper 'B5'",
                        "--orientation: 'sideways'",
                        "--lang: 'fr'",
                        "--match: 'maybe'",
                        "--date: '2026-13-45' is not a date",
                        "absent.csv: separator: 'colon'",
                        "absent2.csv: header-row: 'x'"};
  for (guint i = 0; i < G_N_ELEMENTS(want); i++)
    if (strstr(err->message, want[i]) == NULL)
      g_error("'%s' lacks '%s'", err->message, want[i]);
  g_auto(GStrv) lines = g_strsplit(err->message, "\n", -1);
  g_assert_cmpuint(g_strv_length(lines), ==, G_N_ELEMENTS(want));
  g_clear_error(&err);
  /* A check needs no output folder. */
  BuilderConfig ok = {.boundaries = "b.shp", .key = "KODE", .value = "v"};
  g_assert_true(builder_config_check(&ok, BUILDER_CHECK, &err));
  g_assert_false(builder_config_check(&ok, BUILDER_BUILD, &err));
  g_assert_nonnull(strstr(err->message, "--output"));
  g_clear_error(&err);
}

typedef struct {
  guint reports, drawn, redraws, notes;
} Seen;

static void
on_event(const BuilderEvent *ev, gpointer data)
{
  Seen *s = data;
  if (ev->kind == BUILDER_EVENT_REPORT)
    s->reports++;
  else if (ev->kind == BUILDER_EVENT_DRAWN)
    s->drawn++;
  else if (ev->kind == BUILDER_EVENT_REDRAW)
    s->redraws++;
  else if (ev->kind == BUILDER_EVENT_NOTE)
    s->notes++;
}

/* A whole build of three districts in two groups, twice: the second
 * redraws nothing.  The date on the pages is the run's --date, or its
 * epoch, never SOURCE_DATE_EPOCH (which the test environment sets). */
static void
test_run(void)
{
  g_autofree char *dir = testutil_tmpdir();
  const char *codes[] = {"11.01", "11.02", "12.01"};
  const char *groups[] = {"11", "11", "12"};
  g_autofree char *path = write_districts(dir, codes, groups, 3);
  g_autofree char *csv = testutil_write(dir, "t.csv", "kode,skor\n11.01,10\n11.02,20\n12.01,30\n");
  g_autofree char *spec = g_strconcat(csv, ":kode", NULL);
  g_autofree char *out = g_build_filename(dir, "out", NULL);
  char *tables[] = {spec, NULL};
  BuilderConfig c = {.boundaries = path,
                     .key = "KODE",
                     .name = "NAMA",
                     .group = "PROV",
                     .value = "skor",
                     .style = "quantile",
                     .classes = 2,
                     .output = out,
                     .tables = tables,
                     .date = "2026-02-03",
                     .jobs = 1};
  Seen seen = {0};
  BuilderResult r;
  GError *err = NULL;
  g_assert_true(builder_run(&c, BUILDER_BUILD, on_event, &seen, &r, &err));
  g_assert_no_error(err);
  g_assert_cmpuint(r.redrawn, ==, 2);
  g_assert_cmpuint(r.kept, ==, 0);
  g_assert_false(r.had_manifest);
  g_assert_false(r.problems);
  builder_result_clear(&r);
  g_assert_cmpuint(seen.reports, ==, 1);
  g_assert_cmpuint(seen.redraws, ==, 4); /* atlas, overview, 2 sheets */
  g_assert_cmpuint(seen.drawn, ==, 4);
  g_autofree char *manifest = read_text(out, "manifest.json");
  g_assert_nonnull(strstr(manifest, "\"date\" : \"2026-02-03T00:00:00\""));
  g_autofree char *pdf_path = g_build_filename(out, "11-aceh.pdf", NULL);
  g_autofree char *pdf = NULL;
  gsize pdf_len = 0;
  g_assert_true(g_file_get_contents(pdf_path, &pdf, &pdf_len, NULL));
  g_assert_nonnull(memmem(pdf, pdf_len, "/CreationDate (20260203000000", 29));

  /* Again: nothing to draw. */
  seen = (Seen){0};
  g_assert_true(builder_run(&c, BUILDER_BUILD, on_event, &seen, &r, &err));
  g_assert_cmpuint(r.redrawn, ==, 0);
  g_assert_cmpuint(r.kept, ==, 2);
  g_assert_true(r.had_manifest);
  g_assert_cmpuint(seen.drawn, ==, 0);
  builder_result_clear(&r);

  /* The date as an epoch (what SOURCE_DATE_EPOCH gives the command
   * line): 1700000000 is 2023-11-14T22:13:20; the sheets' date changes,
   * so every output is redrawn. */
  c.date = NULL;
  c.epoch = 1700000000;
  c.epoch_set = TRUE;
  g_assert_true(builder_run(&c, BUILDER_BUILD, NULL, NULL, &r, &err));
  g_assert_no_error(err);
  g_assert_cmpuint(r.redrawn, ==, 2);
  builder_result_clear(&r);
  g_free(manifest);
  manifest = read_text(out, "manifest.json");
  g_assert_nonnull(strstr(manifest, "\"date\" : \"2023-11-14T22:13:20\""));

  /* Neither: the time of the run, whatever SOURCE_DATE_EPOCH says. */
  g_assert_cmpstr(g_getenv("SOURCE_DATE_EPOCH"), ==, "1767225600");
  c.epoch_set = FALSE;
  g_assert_true(builder_run(&c, BUILDER_BUILD, NULL, NULL, &r, &err));
  builder_result_clear(&r);
  g_free(manifest);
  manifest = read_text(out, "manifest.json");
  g_assert_null(strstr(manifest, "\"date\" : \"2026-01-01T00:00:00\""));

  /* A check reads and reports, and writes nothing. */
  g_autofree char *out2 = g_build_filename(dir, "never", NULL);
  c.output = out2;
  seen = (Seen){0};
  g_assert_true(builder_run(&c, BUILDER_CHECK, on_event, &seen, &r, &err));
  g_assert_cmpuint(seen.reports, ==, 1);
  g_assert_false(g_file_test(out2, G_FILE_TEST_EXISTS));
  builder_result_clear(&r);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/builder/groups", test_groups);
  g_test_add_func("/builder/names", test_names);
  g_test_add_func("/builder/commit", test_commit);
  g_test_add_func("/builder/manifest", test_manifest);
  g_test_add_func("/builder/config-all-at-once", test_config_all_at_once);
  g_test_add_func("/builder/run", test_run);
  return g_test_run();
}
