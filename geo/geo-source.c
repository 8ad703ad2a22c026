/* geo-source.c — a source string as GDAL will be given it, made safe to
 * open: a path that is a FIFO or a device is refused (GDAL's open() would
 * block for ever or read without end), and a PostgreSQL connection string
 * gets libpq timeouts so that a server that accepts and never answers fails
 * with a message naming the host instead of hanging a cron job. */
#include "geo-private.h"

#include <string.h>

/* TRUE when the libpq connection string has a keyword `kw` ("kw=" at the
 * start or after a space). */
static gboolean
geo_source_pg_has(const char *conn, const char *kw)
{
  gsize n = strlen(kw);
  for (const char *p = conn; (p = strstr(p, kw)) != NULL; p += n) {
    if ((p == conn || p[-1] == ' ' || p[-1] == ':') && (p[n] == '=' || p[n] == ' '))
      return TRUE;
  }
  return FALSE;
}

/* The value of keyword `kw` in a connection string (unquoted), or NULL.
 * Caller frees. */
static char *
geo_source_pg_value(const char *conn, const char *kw)
{
  gsize n = strlen(kw);
  for (const char *p = conn; (p = strstr(p, kw)) != NULL; p += n) {
    if (!(p == conn || p[-1] == ' ' || p[-1] == ':'))
      continue;
    const char *q = p + n;
    while (*q == ' ')
      q++;
    if (*q != '=')
      continue;
    q++;
    while (*q == ' ')
      q++;
    const char *end = q;
    if (*q == '\'') {
      for (end = ++q; *end && *end != '\''; end++)
        ;
    } else {
      while (*end && *end != ' ')
        end++;
    }
    return g_strndup(q, (gsize)(end - q));
  }
  return NULL;
}

gboolean
geo_source_is_pg(const char *src)
{
  return src != NULL && g_ascii_strncasecmp(src, "PG:", 3) == 0;
}

char *
geo_source_prepare(const char *src, const char *what, gboolean folder_ok, GError **error)
{
  if (geo_source_is_pg(src)) {
    GString *s = g_string_new(src);
    if (!geo_source_pg_has(src + 3, "connect_timeout"))
      g_string_append_printf(s, " connect_timeout=%d", GEO_PG_CONNECT_TIMEOUT_S);
    if (!geo_source_pg_has(src + 3, "options"))
      g_string_append_printf(s, " options='-c statement_timeout=%d'",
                             GEO_PG_STATEMENT_TIMEOUT_S * 1000);
    return g_string_free(s, FALSE);
  }
  if (!g_str_has_prefix(src, "/vsi") && !geo_file_check_regular(src, what, folder_ok, error))
    return NULL;
  return g_strdup(src);
}

void
geo_source_explain_pg(const char *src, GError **error)
{
  if (!geo_source_is_pg(src) || error == NULL || *error == NULL)
    return;
  if (strstr((*error)->message, "timeout expired") == NULL)
    return;
  g_autofree char *host = geo_source_pg_value(src + 3, "host");
  g_autofree char *port = geo_source_pg_value(src + 3, "port");
  g_autofree char *shown_host = geo_text_printable(host ? host : "localhost", 200);
  g_autofree char *shown_port = geo_text_printable(port ? port : "5432", 20);
  g_autofree char *timeout = geo_source_pg_value(src + 3, "connect_timeout");
  g_autofree char *said = g_strchomp(g_strdup((*error)->message));
  char *msg = g_strdup_printf("%s; the PostgreSQL server at host %s, port %s did not answer "
                              "within %s s (connect_timeout): is it up and reachable?",
                              said, shown_host, shown_port,
                              timeout ? timeout : G_STRINGIFY(GEO_PG_CONNECT_TIMEOUT_S));
  g_free((*error)->message);
  (*error)->message = msg;
}
