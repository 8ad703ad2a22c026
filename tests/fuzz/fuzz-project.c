/* fuzz-project.c — project files: cli_config_parse (cli/cli-options.c)
 * with argv {"build", FILE} on a file written from the input.
 *
 * Checks: a refused file gets a message; an accepted one names itself as
 * the project, and every text option is valid UTF-8 (texts reach the map
 * and PDF metadata).  Messages may quote invalid UTF-8 from the file (an
 * unknown key's name): the front end repairs every message it prints
 * (petarawan.c, cli-watch.c), so that is not checked here. */
#include "fuzz.h"

#include "cli.h"

#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *path = fuzz_write_temp("fuzz.petarawan", data, size);
  char *argv[] = {(char *)"build", (char *)path, NULL};
  CliConfig c = {0};
  GError *err = NULL;
  if (!cli_config_parse(&c, 2, argv, &err)) {
    FUZZ_CHECK(err != NULL && err->message[0] != '\0', "refused without a message");
    g_error_free(err);
  } else {
    FUZZ_CHECK(err == NULL, "accepted with a message");
    FUZZ_CHECK(c.project != NULL && strcmp(c.project, path) == 0, "project is '%s'", c.project);
    const BuilderConfig *b = &c.b;
    const char *texts[] = {b->key,       b->name,          b->group,        b->group_name,
                           b->value,     b->style,         b->format,       b->only,
                           b->title,     b->index_name,    b->index_date,   b->sources,
                           b->marking,   b->unit_name,     b->group_kind,   b->where,
                           b->layer,     b->context_layer, b->organisation, b->date,
                           b->separator, b->sheet,         b->header_row,   b->numbers};
    for (guint i = 0; i < G_N_ELEMENTS(texts); i++)
      FUZZ_CHECK(texts[i] == NULL || g_utf8_validate(texts[i], -1, NULL),
                 "text option %u is not UTF-8", i);
  }
  cli_config_free(&c);
  return 0;
}
