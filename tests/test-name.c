/* test-name.c — place names compare equal however they are written, the
 * kind (Kabupaten/Kota) stays part of the identity, and the gazetteer's
 * built-in tables (data/alias-wilayah.csv, data/pemekaran.csv) load and
 * say what they should: every province name petarawan knows of resolves
 * to its code, and every kab/kota entry names the district the real
 * boundaries have under that code. */
#include "testutil.h"

#include <geo.h>
#include <string.h>

static void
check(const char *raw, const char *want, GeoNameKind want_kind)
{
  GeoNameKind kind = 99;
  g_autofree char *base = geo_name_normalise(raw, &kind);
  g_assert_cmpstr(base, ==, want);
  g_assert_cmpint(kind, ==, want_kind);
}

/* The prefix table as written: what a map label drops, what a table
 * abbreviates, and what is not a prefix at all. */
static void
check_written(const char *name, const char *label, const char *table)
{
  const char *rest = NULL;
  const GeoNamePrefix *p = geo_name_prefix(name, &rest);
  g_assert_nonnull(rest);
  g_assert_cmpstr(p && p->label_drops ? rest : name, ==, label);
  g_autofree char *abbr = p && p->abbreviation ? g_strconcat(p->abbreviation, " ", rest, NULL)
                                               : g_strdup(name);
  g_assert_cmpstr(abbr, ==, table);
}

static void
test_written_prefixes(void)
{
  check_written("Kabupaten Kupang", "Kupang", "Kab. Kupang");
  check_written("Kota Kupang", "Kota Kupang", "Kota Kupang");
  check_written("Kota Administrasi Jakarta Timur", "Jakarta Timur", "Kota Adm. Jakarta Timur");
  check_written("Kabupaten Administrasi Kepulauan Seribu", "Kepulauan Seribu",
                "Kab. Adm. Kepulauan Seribu");
  check_written("Kab. Adm. Kepulauan Seribu", "Kepulauan Seribu", "Kab. Adm. Kepulauan Seribu");
  check_written("Kab. Belu", "Belu", "Kab. Belu");
  check_written("Kotamadya Surabaya", "Kotamadya Surabaya", "Kotamadya Surabaya");
  /* Not prefixes: a word that only begins like one, a name that is only
   * the prefix, a kecamatan called Kota Baru keeps its name. */
  check_written("Kotabaru", "Kotabaru", "Kotabaru");
  check_written("Kabupaten", "Kabupaten", "Kabupaten");
  check_written("Kabupaten ", "Kabupaten ", "Kabupaten ");
  check_written("Kota Baru", "Kota Baru", "Kota Baru");
  g_assert_null(geo_name_prefix("Kupang", NULL));
  g_assert_null(geo_name_prefix(NULL, NULL));
  const char *rest = NULL;
  const GeoNamePrefix *p = geo_name_prefix("Provinsi Bali", &rest);
  g_assert_nonnull(p);
  g_assert_cmpint(p->kind, ==, GEO_NAME_ANY);
  g_assert_cmpstr(rest, ==, "Bali");
}

static void
test_prefixes(void)
{
  check("Kabupaten Kupang", "kupang", GEO_NAME_KABUPATEN);
  check("Kab. Kupang", "kupang", GEO_NAME_KABUPATEN);
  check("KAB KUPANG", "kupang", GEO_NAME_KABUPATEN);
  check("kab.kupang", "kupang", GEO_NAME_KABUPATEN);
  check("Kota Kupang", "kupang", GEO_NAME_KOTA);
  check("KOTA  KUPANG", "kupang", GEO_NAME_KOTA);
  check("Kupang", "kupang", GEO_NAME_ANY);
  check("Kota Administrasi Jakarta Timur", "jakartatimur", GEO_NAME_KOTA);
  check("Kota Adm. Jakarta Timur", "jakartatimur", GEO_NAME_KOTA);
  check("Kabupaten Administrasi Kepulauan Seribu", "kepulauanseribu", GEO_NAME_KABUPATEN);
  check("Kab. Adm. Kep. Seribu", "kepulauanseribu", GEO_NAME_KABUPATEN);
  check("Kotamadya Surabaya", "surabaya", GEO_NAME_KOTA);
  check("Provinsi Nusa Tenggara Timur", "nusatenggaratimur", GEO_NAME_ANY);
  check("Prov. DKI Jakarta", "dkijakarta", GEO_NAME_ANY);
  /* A kind written after the name. */
  check("Kupang, Kab.", "kupang", GEO_NAME_KABUPATEN);
  check("Kupang (Kota)", "kupang", GEO_NAME_KOTA);
  check("Jakarta Pusat (Kota Adm.)", "jakartapusat", GEO_NAME_KOTA);
}

static void
test_not_prefixes(void)
{
  /* A name that is only a kind word keeps it. */
  check("Kota", "kota", GEO_NAME_ANY);
  check("Kabupaten", "kabupaten", GEO_NAME_ANY);
  /* A word that begins with Kota is not a prefix. */
  check("Kotabaru", "kotabaru", GEO_NAME_ANY);
  check("Kabupaten Kotabaru", "kotabaru", GEO_NAME_KABUPATEN);
  check("Kotamobagu", "kotamobagu", GEO_NAME_ANY);
  /* After a Kabupaten prefix, Kota belongs to the name. */
  check("Kabupaten Kota Baru", "kotabaru", GEO_NAME_KABUPATEN);
  /* Kota at the end without a comma or bracket is part of the name. */
  check("Kabupaten Lima Puluh Kota", "limapuluhkota", GEO_NAME_KABUPATEN);
  check("Lima Puluh Kota", "limapuluhkota", GEO_NAME_ANY);
}

static void
test_spelling(void)
{
  check("Bangka-Belitung", "bangkabelitung", GEO_NAME_ANY);
  check("Bangka Belitung", "bangkabelitung", GEO_NAME_ANY);
  check("D.K.I. Jakarta", "dkijakarta", GEO_NAME_ANY);
  check("  dki   JAKARTA ", "dkijakarta", GEO_NAME_ANY);
  check("Kab. Toli-Toli", "tolitoli", GEO_NAME_KABUPATEN);
  check("Kota Bau-Bau", "baubau", GEO_NAME_KOTA);
  check("Kota Baubau", "baubau", GEO_NAME_KOTA);
  check("Kep. Riau", "kepulauanriau", GEO_NAME_ANY);
  check("Kepulauan Riau", "kepulauanriau", GEO_NAME_ANY);
  check("Pangkajene dan Kepulauan", "pangkajenedankepulauan", GEO_NAME_ANY);
  check("Kab. Fak-Fak", "fakfak", GEO_NAME_KABUPATEN);
  /* Accents and other scripts' case. */
  check("Kabupaten Bóven Digoel", "bovendigoel", GEO_NAME_KABUPATEN);
  check("ＫＯＴＡ ＫＵＰＡＮＧ", "kupang", GEO_NAME_KOTA);
  check("", "", GEO_NAME_ANY);
  check("-- . --", "", GEO_NAME_ANY);
  check(NULL, "", GEO_NAME_ANY);
  /* Invalid UTF-8 is read with U+FFFD, which is not a letter. */
  check("Kota Kup\xffng", "kupng", GEO_NAME_KOTA);
}

static void
test_kinds(void)
{
  g_assert_true(geo_name_kinds_agree(GEO_NAME_ANY, GEO_NAME_KOTA));
  g_assert_true(geo_name_kinds_agree(GEO_NAME_KABUPATEN, GEO_NAME_ANY));
  g_assert_true(geo_name_kinds_agree(GEO_NAME_KOTA, GEO_NAME_KOTA));
  g_assert_false(geo_name_kinds_agree(GEO_NAME_KOTA, GEO_NAME_KABUPATEN));
  g_assert_cmpstr(geo_name_kind_word(GEO_NAME_KOTA), ==, "Kota");
}

/* The built-in gazetteer, as the front end loads it. */
static GeoGazetteer *
builtin(void)
{
  const char *dir = g_getenv("PETARAWAN_DATA");
  g_autofree char *names = g_build_filename(dir ? dir : "data", "alias-wilayah.csv", NULL);
  g_autofree char *formed = g_build_filename(dir ? dir : "data", "pemekaran.csv", NULL);
  GeoGazetteer *g = geo_gazetteer_new();
  GError *err = NULL;
  g_assert_true(geo_gazetteer_add_names(g, names, &err));
  g_assert_no_error(err);
  g_assert_true(geo_gazetteer_add_formations(g, formed, &err));
  g_assert_no_error(err);
  return g;
}

static void
expect_codes(GeoGazetteer *g, const char *name, guint level, const char *want)
{
  g_auto(GStrv) codes = geo_gazetteer_lookup(g, name, level);
  g_autofree char *got = g_strjoinv(",", codes);
  if (strcmp(got, want) != 0)
    g_error("'%s' at level %u: got '%s', want '%s'", name, level, got, want);
}

static void
test_builtin_names(void)
{
  GeoGazetteer *g = builtin();
  expect_codes(g, "DKI Jakarta", 1, "31");
  expect_codes(g, "Daerah Khusus Ibukota Jakarta", 1, "31");
  expect_codes(g, "Jakarta Raya", 1, "31");
  expect_codes(g, "DI Yogyakarta", 1, "34");
  expect_codes(g, "Daerah Istimewa Yogyakarta", 1, "34");
  expect_codes(g, "Bangka-Belitung", 1, "19");
  expect_codes(g, "Kepulauan Bangka Belitung", 1, "19");
  expect_codes(g, "Nanggroe Aceh Darussalam", 1, "11");
  expect_codes(g, "Irian Jaya Barat", 1, "92");
  expect_codes(g, "Kab. Toba Samosir", 2, "12.12");
  expect_codes(g, "Kabupaten Pasir", 2, "64.01");
  /* A province name is no kab/kota name, and the other way round. */
  expect_codes(g, "DKI Jakarta", 2, "");
  expect_codes(g, "Kabupaten Pasir", 1, "");
  /* A Kota name never finds a Kabupaten. */
  expect_codes(g, "Kota Pasir", 2, "");
  g_assert_cmpstr(geo_gazetteer_name(g, "31"), ==, "DKI Jakarta");

  /* Every province name of data/provinsi.csv (official, Natural Earth's,
   * the IKP 2024 publication's) resolves to its code, and only to it. */
  const char *dir = g_getenv("PETARAWAN_DATA");
  g_autofree char *path = g_build_filename(dir ? dir : "data", "provinsi.csv", NULL);
  GError *err = NULL;
  GeoTable *t = testutil_table_read(path, &err);
  g_assert_no_error(err);
  const char *cols[] = {"nama", "nama_natural_earth", "nama_ikp2024"};
  guint checked = 0;
  for (guint r = 0; r < t->n_rows; r++)
    for (guint c = 0; c < G_N_ELEMENTS(cols); c++) {
      const char *name = geo_table_cell(t, r, (guint)geo_table_find_field(t, cols[c]));
      if (name == NULL)
        continue;
      expect_codes(g, name, 1, geo_table_cell(t, r, (guint)t->key_column));
      checked++;
    }
  g_assert_cmpuint(checked, >=, 38 + 33 + 34);
  geo_table_free(t);
  geo_gazetteer_unref(g);
}

static void
test_builtin_formations(void)
{
  GeoGazetteer *g = builtin();
  const char *papua[] = {"93", "94", "95"};
  for (guint i = 0; i < G_N_ELEMENTS(papua); i++) {
    const GeoFormation *f = geo_gazetteer_formation(g, papua[i]);
    g_assert_nonnull(f);
    g_assert_cmpint(f->year, ==, 2022);
    g_assert_cmpstr(f->parent, ==, "91");
  }
  const GeoFormation *pbd = geo_gazetteer_formation(g, "96");
  g_assert_nonnull(pbd);
  g_assert_cmpint(pbd->year, ==, 2022);
  g_assert_cmpstr(pbd->parent, ==, "92");
  g_assert_cmpstr(pbd->name, ==, "Papua Barat Daya");
  g_assert_cmpint(geo_gazetteer_formation(g, "65")->year, ==, 2012);
  g_assert_null(geo_gazetteer_formation(g, "53"));
  geo_gazetteer_unref(g);
}

/* Every kab/kota code in the built-in tables is a district of the real
 * boundaries, and the table's first name for it is the boundaries' name;
 * the parents of kab/kota formations exist too. */
static void
test_builtin_against_boundaries(void)
{
  g_autofree char *shp = testutil_shared("batas/kabkota.shp");
  g_autofree char *prov_shp = testutil_shared("batas/provinsi.shp");
  if (!shp || !prov_shp)
    return;
  GError *err = NULL;
  GeoLayerSpec spec = {.source = shp, .key_field = "KODE", .name_field = "NAMA"};
  GeoLayer *kab = geo_layer_read(&spec, &err);
  g_assert_no_error(err);
  GeoLayerSpec pspec = {.source = prov_shp, .key_field = "KODE", .name_field = "NAMA"};
  GeoLayer *prov = geo_layer_read(&pspec, &err);
  g_assert_no_error(err);
  const char *dir = g_getenv("PETARAWAN_DATA");
  const char *files[] = {"alias-wilayah.csv", "pemekaran.csv"};
  guint checked = 0;
  GString *wrong = g_string_new(NULL);
  for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
    g_autofree char *path = g_build_filename(dir ? dir : "data", files[i], NULL);
    GeoTable *t = testutil_table_read(path, &err);
    g_assert_no_error(err);
    int name_col = geo_table_find_field(t, "nama");
    int parent_col = geo_table_find_field(t, "induk");
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint r = 0; r < t->n_rows; r++) {
      g_autofree char *code = geo_key_normalise(geo_table_cell(t, r, (guint)t->key_column));
      const GeoLayer *layer = geo_key_level(code) == 1 ? prov : kab;
      if (g_hash_table_contains(seen, code))
        continue;
      g_hash_table_add(seen, g_strdup(code));
      int f = geo_layer_find(layer, code);
      const char *name = geo_table_cell(t, r, (guint)name_col);
      g_autofree char *want = geo_name_normalise(name, NULL);
      g_autofree char *have = f >= 0 ? geo_name_normalise(layer->features[f].name, NULL) : NULL;
      /* Province rows of the names table begin with the common name
       * ("DKI Jakarta"), not the boundaries' long one. */
      gboolean names_ok = f >= 0 && (geo_key_level(code) == 1 || strcmp(want, have) == 0);
      if (!names_ok)
        g_string_append_printf(wrong, "%s row %u: %s '%s' is %s in the boundaries\n", files[i],
                               t->line[r], code, name, f >= 0 ? layer->features[f].name : "not");
      if (parent_col >= 0) {
        g_autofree char *parent = geo_key_normalise(geo_table_cell(t, r, (guint)parent_col));
        const GeoLayer *pl = geo_key_level(parent) == 1 ? prov : kab;
        int pf = geo_layer_find(pl, parent);
        const char *pname = geo_table_cell(t, r, (guint)geo_table_find_field(t, "nama_induk"));
        g_autofree char *pwant = geo_name_normalise(pname, NULL);
        g_autofree char *phave = pf >= 0 ? geo_name_normalise(pl->features[pf].name, NULL) : NULL;
        if (pf < 0 || strcmp(pwant, phave) != 0)
          g_string_append_printf(wrong, "%s row %u: parent %s '%s' is %s in the boundaries\n",
                                 files[i], t->line[r], parent, pname,
                                 pf >= 0 ? pl->features[pf].name : "not");
      }
      checked++;
    }
    g_hash_table_destroy(seen);
    geo_table_free(t);
  }
  if (wrong->len)
    g_error("%s", wrong->str);
  g_string_free(wrong, TRUE);
  g_assert_cmpuint(checked, >, 60);
  geo_layer_free(kab);
  geo_layer_free(prov);
}

static void
test_user_file(void)
{
  g_autofree char *dir = testutil_tmpdir();
  GError *err = NULL;
  GeoGazetteer *g = geo_gazetteer_new();
  g_autofree char *ok =
      testutil_write(dir, "alias.csv", "kode,nama\n53.71,Kota Kupang\n53.71,Kota Karang\n");
  g_assert_true(geo_gazetteer_add_names(g, ok, &err));
  g_assert_no_error(err);
  expect_codes(g, "KOTA KARANG", 2, "53.71");
  expect_codes(g, "Kabupaten Karang", 2, "");

  g_autofree char *empty =
      testutil_write(dir, "kosong.csv", "kode,nama\n53.71,Kota Kupang\n53.01,\n");
  g_assert_false(geo_gazetteer_add_names(g, empty, &err));
  g_assert_nonnull(strstr(err->message, "kosong.csv row 3, field nama: empty"));
  g_clear_error(&err);
  g_autofree char *cols = testutil_write(dir, "kolom.csv", "code,name\n53.71,Kota Kupang\n");
  g_assert_false(geo_gazetteer_add_names(g, cols, &err));
  g_assert_nonnull(strstr(err->message, "kolom.csv: no column 'kode'"));
  g_clear_error(&err);
  g_autofree char *year =
      testutil_write(dir, "tahun.csv", "kode,nama,tahun,induk\n93,Papua Selatan,dua ribu,91\n");
  g_assert_false(geo_gazetteer_add_formations(g, year, &err));
  g_assert_nonnull(strstr(err->message, "tahun.csv row 2, field tahun: 'dua ribu' is not a year"));
  g_clear_error(&err);
  geo_gazetteer_unref(g);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/name/prefixes", test_prefixes);
  g_test_add_func("/name/written-prefixes", test_written_prefixes);
  g_test_add_func("/name/not-prefixes", test_not_prefixes);
  g_test_add_func("/name/spelling", test_spelling);
  g_test_add_func("/name/kinds", test_kinds);
  g_test_add_func("/name/builtin-names", test_builtin_names);
  g_test_add_func("/name/builtin-formations", test_builtin_formations);
  g_test_add_func("/name/builtin-against-boundaries", test_builtin_against_boundaries);
  g_test_add_func("/name/user-file", test_user_file);
  return g_test_run();
}
