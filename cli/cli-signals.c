/* cli-signals.c — Ctrl-C (SIGINT) or SIGTERM during a build: the staging
 * folder this process made inside the output folder is removed before the
 * process dies of the signal (exit 130 or 143, as a shell expects), instead
 * of waiting there for the next build's sweep.
 *
 * The two signals are blocked in the calling thread before the build
 * starts its drawing threads (which inherit the mask), and one thread of
 * ours waits for them with sigtimedwait: the cleanup runs in an ordinary
 * thread, not in a signal handler.  When something already handles them
 * (watch's main loop after its first build) nothing is changed: that
 * build finishes and cleans up by itself; an ignored one stays ignored. */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

typedef struct {
  char *output;
  pthread_t thread;
  sigset_t set, old_mask;
  volatile gboolean stop;
  gboolean active;
} CliSignals;

static CliSignals cli_signals;

static void *
cli_signals_wait(void *data)
{
  CliSignals *s = data;
  const struct timespec tick = {0, 100 * 1000 * 1000};
  while (!s->stop) {
    int sig = sigtimedwait(&s->set, NULL, &tick);
    if (sig < 0)
      continue; /* EAGAIN: look at stop again; EINTR */
    builder_stage_sweep(s->output, (long)getpid());
    /* Die of the signal itself: its default action, now unblocked here. */
    signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
    _exit(128 + sig); /* not reached */
  }
  return NULL;
}

/* What `sig` does now: 0 its default action, 1 ignored (a background job
 * of a shell ignores SIGINT: left so), 2 someone handles it. */
static int
cli_signals_disposition(int sig)
{
  struct sigaction sa;
  if (sigaction(sig, NULL, &sa) != 0)
    return 2;
  if (sa.sa_flags & SA_SIGINFO)
    return 2;
  return sa.sa_handler == SIG_DFL ? 0 : sa.sa_handler == SIG_IGN ? 1 : 2;
}

void
cli_signals_guard_begin(const char *output)
{
  CliSignals *s = &cli_signals;
  if (s->active || output == NULL)
    return;
  int d_int = cli_signals_disposition(SIGINT), d_term = cli_signals_disposition(SIGTERM);
  if (d_int == 2 || d_term == 2 || (d_int == 1 && d_term == 1))
    return;
  sigemptyset(&s->set);
  if (d_int == 0)
    sigaddset(&s->set, SIGINT);
  if (d_term == 0)
    sigaddset(&s->set, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &s->set, &s->old_mask) != 0)
    return;
  s->output = g_strdup(output);
  s->stop = FALSE;
  if (pthread_create(&s->thread, NULL, cli_signals_wait, s) != 0) {
    pthread_sigmask(SIG_SETMASK, &s->old_mask, NULL);
    g_clear_pointer(&s->output, g_free);
    return;
  }
  s->active = TRUE;
}

void
cli_signals_guard_end(void)
{
  CliSignals *s = &cli_signals;
  if (!s->active)
    return;
  s->stop = TRUE;
  pthread_join(s->thread, NULL);
  s->active = FALSE;
  g_clear_pointer(&s->output, g_free);
  /* A signal that came after the wait ended is delivered now, with its
   * default action: nothing of this build is left to clean. */
  pthread_sigmask(SIG_SETMASK, &s->old_mask, NULL);
}
