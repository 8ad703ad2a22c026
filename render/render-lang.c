/* render-lang.c — the language of the map text (`--lang id|en`).
 *
 * Every fixed text petarawan prints on a page is written in the sources in
 * Indonesian and passed through render_tr(lang, "..."), which looks it up
 * in the catalogue below.  Formats keep their conversions in the same order
 * in both languages (tests/test-lang.c checks that, and that every string
 * the sources pass to render_tr has an English entry).  Texts the user
 * gives (title, marking, sources, names in the data) are printed as given.
 * Numbers follow the language: 1.234,5 in Indonesian, 1,234.5 in English.
 */
#include "render-private.h"

#include <string.h>

/* Indonesian, English.  One entry per line, however long: the end-to-end
 * test (tests/check-context.py) reads the Indonesian from this file. */
static const RenderTrEntry render_lang_catalogue[] = {
    /* Page furniture (render-sheet.c, render-output.c). */
    {"Sumber: %s", "Sources: %s"},
    {"Disusun oleh %s · dibuat %s dengan petarawan %s",
     "Prepared by %s · made %s with petarawan %s"},
    {"Dibuat %s dengan petarawan %s", "Made %s with petarawan %s"},
    {"Lembar %s", "Sheet %s"},
    {"%s %s (%s) — tabel lanjutan", "%s %s (%s) — table continued"},
    {"Ikhtisar nasional", "National overview"},
    {"Ikhtisar", "Overview"},
    {"Atlas", "Atlas"},
    /* Atlas contents (render-atlas.c, builder/builder-tasks.c). */
    {"Daftar isi", "Contents"},
    {"Daftar isi (lanjutan)", "Contents (continued)"},
    {"Halaman", "Page"},
    {"Isi", "Contents"},
    /* Poster tiles (render-tile.c). */
    {"Poster %.0f × %.0f mm pada %d halaman %s (%d baris × %d kolom), tumpang tindih %.0f mm",
     "Poster %.0f × %.0f mm on %d %s pages (%d rows × %d columns), overlap %.0f mm"},
    {"1. Cetak pada skala 100% (ukuran sebenarnya, bukan \"sesuaikan dengan halaman\"); garis ukur di bawah harus 100 mm.",
     "1. Print at 100% (actual size, not \"fit to page\"); the bar below must measure 100 mm."},
    {"2. Potong tepi kiri dan atas setiap halaman pada tanda potong, kecuali kolom 1 dan baris A.",
     "2. Cut the left and top edges of every page at the crop marks, except column 1 and row A."},
    {"3. Tempelkan tiap halaman di atas halaman di kiri dan di atasnya: tepi potong tepat pada tanda ⊕, jalur tumpang tindih di bawahnya diberi lem.",
     "3. Lay each page over the pages left of and above it, the cut edge on the ⊕ marks, and glue the overlapping strip beneath."},
    {"baris %s dari %d, kolom %d dari %d (A1–%s) · %s",
     "row %s of %d, column %d of %d (A1–%s) · %s"},
    {"Indeks", "Index"},
    /* Key figures (render-sheet.c). */
    {"wilayah", "areas"},
    {"kelas tertinggi", "highest class"},
    {" · rata-rata skor %s", " · mean score %s"},
    {"%u %s tanpa data", "%u %s without data"},
    {"Kualitas data: ", "Data quality: "},
    {" (%u dibentuk %d)", " (%u formed in %d)"},
    {" (%u dibentuk %d–%d)", " (%u formed %d–%d)"},
    {"%u nilai tidak valid", "%u invalid values"},
    {"%u nama ambigu", "%u ambiguous names"},
    {"%u baris ganda", "%u duplicate rows"},
    {"%u baris tabel tidak cocok", "%u table rows unmatched"},
    {"lengkap, %u %s berdata", "complete, %u %s with data"},
    {"lengkap untuk %u %s", "complete for %u %s"},
    {"%u %s dibentuk %d, sesudah data ini: belum dinilai",
     "%u %s formed in %d, after this data: not assessed"},
    /* Key figures and reinforcement priorities (render-figures.c). */
    {"Jumlah personel", "Total personnel"},
    {"DPT (pemilih)", "DPT (voters)"},
    {"Personel per TPS", "Personnel per TPS"},
    {"TPS per personel", "TPS per personnel"},
    {"Pemilih per personel", "Voters per personnel"},
    {"Personel = %s", "Personnel = %s"},
    {"%s%u %s tanpa data personel", "%s%u %s without personnel data"},
    {"%s%u tanpa data TPS", "%s%u without TPS data"},
    {"%sdata personel CONTOH", "%sSAMPLE personnel data"},
    {"Prioritas penebalan (garis tebal)", "Reinforcement priority (heavy outline)"},
    {"Prioritas penebalan (%u)", "Reinforcement priorities (%u)"},
    {"Prioritas penebalan: tidak ada", "Reinforcement priorities: none"},
    {"kelompok", "group"},
    {"doktrin", "doctrine"},
    {"median %s", "%s median"},
    {"tidak ada %s %s", "no %s of class %s"},
    {"tidak ada %s %s yang dapat dinilai", "no %s of class %s can be judged"},
    {"%u %s %s, masing-masing ≥ %s personel per TPS (%s)",
     "%u %s of class %s, each ≥ %s personnel per TPS (%s)"},
    {"%s %s dengan personel per TPS < %s (%s)", "%s of class %s with personnel per TPS < %s (%s)"},
    {"Kurang", "Short"},
    {"… %u lainnya: ditandai di tabel", "… %u more: marked in the table"},
    {"%u %s %s tanpa data personel atau TPS: tidak dinilai",
     "%u %s of class %s without personnel or TPS data: not judged"},
    /* Proportional circles (render-symbols.c, builder/builder-figures.c). */
    {"Lingkaran: %s", "Circles: %s"},
    {"personel %s", "personnel %s"},
    {"personel (%s)", "personnel (%s)"},
    {"jumlah TPS", "polling stations (TPS)"},
    {"jumlah pemilih (DPT)", "registered voters (DPT)"},
    {"%u wilayah tanpa label di peta (lihat tabel)",
     "%u areas without a label on the map (see the table)"},
    /* Legend and table (render-legend.c, render-table.c). */
    {"Tanpa data", "No data"},
    {"No", "No."},
    {"Wilayah", "Area"},
    {"Skor", "Score"},
    {"Personel", "Personnel"},
    {"TPS", "TPS"},
    {"Per TPS", "Per TPS"},
    {"DPT/pers.", "DPT/pers."},
    {"… %u %s lainnya: lihat tabel lengkap di PDF", "… %u more %s: see the full table in the PDF"},
    /* Map furniture (render-map.c, render-scalebar.c, render-graticule.c). */
    {"U", "N"},
    {"km", "km"},
    {"Mercator WGS 84, meridian tengah 118° BT", "Mercator WGS 84, central meridian 118° E"},
    {"%s; skala benar di khatulistiwa", "%s; true scale at the equator"},
    {"LS", "S"},
    {"LU", "N"},
    {"BT", "E"},
    {"BB", "W"},
    /* Overview (render-overview.c). */
    {"Kelompok", "Group"},
    {"Rata-rata", "Mean"},
    {"Tertinggi", "Highest"},
    {"Prioritas", "Priorities"},
    /* Defaults of the build (builder/builder-run.c, builder-groups.c). */
    {"Peta Kerawanan Pemilu", "Election Vulnerability Map"},
    {"Kab/Kota", "Regencies/Cities"},
    {"Provinsi", "Province"},
    {"Semua wilayah", "All areas"},
    {"batas %s", "boundaries %s"},
    {"; tabel ", "; tables "},
};

static const char *const render_lang_months[2][12] = {
    {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
     "Oktober", "November", "Desember"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
};

gboolean
render_lang_parse(const char *text, RenderLang *out)
{
  if (g_strcmp0(text, "id") == 0)
    *out = RENDER_LANG_ID;
  else if (g_strcmp0(text, "en") == 0)
    *out = RENDER_LANG_EN;
  else
    return FALSE;
  return TRUE;
}

const char *
render_lang_code(RenderLang lang)
{
  return lang == RENDER_LANG_EN ? "en" : "id";
}

const RenderTrEntry *
render_tr_catalogue(guint *n)
{
  *n = G_N_ELEMENTS(render_lang_catalogue);
  return render_lang_catalogue;
}

const char *
render_tr_lookup(const char *id_text)
{
  for (guint i = 0; i < G_N_ELEMENTS(render_lang_catalogue); i++)
    if (strcmp(render_lang_catalogue[i].id, id_text) == 0)
      return render_lang_catalogue[i].en;
  return NULL;
}

const char *
render_tr(RenderLang lang, const char *id_text)
{
  if (lang == RENDER_LANG_ID || id_text == NULL)
    return id_text;
  const char *en = render_tr_lookup(id_text);
  return en ? en : id_text;
}

char *
render_number(RenderLang lang, double v, int decimals)
{
  char *s = geo_number_format_id(v, decimals);
  if (lang == RENDER_LANG_EN) {
    /* The Indonesian form uses '.' only between thousands and ',' only
     * before decimals (the minus sign and the dash are not ASCII). */
    for (char *p = s; *p; p++)
      if (*p == '.')
        *p = ',';
      else if (*p == ',')
        *p = '.';
  }
  return s;
}

char *
render_date_text(RenderLang lang, int year, int month, int day)
{
  const char *name = render_lang_months[lang == RENDER_LANG_EN][CLAMP(month, 1, 12) - 1];
  return g_strdup_printf("%d %s %d", day, name, year);
}

const char *
render_style_title(const RenderModel *m)
{
  const GeoStyle *st = m->style;
  if (m->lang == RENDER_LANG_EN && st->title_en)
    return st->title_en;
  return st->title ? st->title : m->value_field;
}

const char *
render_style_label(const RenderModel *m, guint i)
{
  const GeoStyle *st = m->style;
  if (i >= st->n_classes)
    return NULL;
  if (m->lang == RENDER_LANG_EN && st->labels_en && st->labels_en[i])
    return st->labels_en[i];
  return st->labels ? st->labels[i] : NULL;
}
