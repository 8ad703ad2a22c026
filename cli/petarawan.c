/* petarawan.c — the command-line front end: picks the command, hands the
 * options to cli-build.c (which runs builder/), and is the only place that
 * exits. */
#include "cli.h"

#include "config.h"
#include "geo.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static void
petarawan_usage(void)
{
  g_print("Usage: petarawan COMMAND [PROJECT] [OPTIONS]\n\n"
          "Commands:\n"
          "  build [PROJECT]   draw one PDF briefing sheet per group, atlas.pdf and an overview\n"
          "  check [PROJECT]   read and join the inputs, print the join report, draw nothing\n"
          "  watch [PROJECT]   build, then rebuild whenever an input file changes (Ctrl-C stops)\n"
          "  styles            list the built-in styles\n"
          "  papers [--json]   list the paper sizes of --paper and the type and lines on each\n\n"
          "  --help, --version\n\n");
  cli_options_print_help();
  g_print("\nExit status: 0 success; 1 data problems with --strict; 2 bad usage or input;\n"
          "3 rendering or writing failed.\n");
}

static int
petarawan_styles(void)
{
  const char *env = g_getenv("PETARAWAN_STYLES");
  g_autofree char *installed = g_build_filename(PETARAWAN_DATADIR, "styles", NULL);
  g_autofree char *dir = g_strdup(env && *env ? env
                                  : g_file_test(installed, G_FILE_TEST_IS_DIR)
                                      ? installed
                                      : PETARAWAN_SOURCE_DIR "/styles");
  g_auto(GStrv) paths = geo_style_list(dir);
  int status = 0;
  for (guint i = 0; paths && paths[i]; i++) {
    g_autoptr(GError) err = NULL;
    GeoStyle *s = geo_style_load(paths[i], dir, &err);
    if (s == NULL) {
      g_printerr("petarawan: error: %s\n", err->message);
      status = 2;
      continue;
    }
    g_print("%-14s %s\n", s->name, s->description ? s->description : "");
    geo_style_free(s);
  }
  return status;
}

int
main(int argc, char **argv)
{
  setlocale(LC_ALL, "");
  if (argc < 2) {
    petarawan_usage();
    return 2;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    petarawan_usage();
    return 0;
  }
  if (strcmp(cmd, "--version") == 0) {
    g_print("petarawan %s\n", PETARAWAN_VERSION);
    return 0;
  }
  if (strcmp(cmd, "styles") == 0)
    return petarawan_styles();
  if (strcmp(cmd, "papers") == 0)
    return cli_papers_run(argc - 1, argv + 1);
  if (strcmp(cmd, "build") != 0 && strcmp(cmd, "check") != 0 && strcmp(cmd, "watch") != 0) {
    g_autofree char *shown = g_utf8_make_valid(cmd, -1);
    g_printerr("petarawan: error: unknown command '%s' (build, check, watch, styles, papers)\n",
               shown);
    return 2;
  }
  for (int i = 2; i < argc; i++)
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      petarawan_usage();
      return 0;
    }
  if (strcmp(cmd, "watch") == 0)
    return cli_watch_run(argc - 1, argv + 1);
  CliConfig config = {0};
  config.command = g_strdup(cmd);
  GError *error = NULL;
  int status;
  if (!cli_config_parse(&config, argc - 1, argv + 1, &error)) {
    g_autofree char *msg = g_utf8_make_valid(error->message, -1);
    g_printerr("petarawan: error: %s\n", msg);
    g_error_free(error);
    status = 2;
  } else {
    status = cli_build_run(&config);
  }
  cli_config_free(&config);
  return status;
}
