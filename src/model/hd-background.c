/* hd-background.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-background"
/* For gettid (). */
#define _GNU_SOURCE

#include "config.h"

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "hd-background.h"

#define BACKGROUND_NICE 10

typedef struct
{
  GTask           *task;       /* owned; NULL for a release */
  GTaskThreadFunc  func;
  gpointer         data;
  GDestroyNotify   free_func;
} Job;

/* Lowers the calling thread's priority, once. */
static void
lower_thread (void)
{
  static GPrivate lowered;

  if (g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (1));
#ifdef __linux__
  /* On Linux the nice value belongs to the thread, not the process. */
  if (setpriority (PRIO_PROCESS, (id_t) gettid (), BACKGROUND_NICE) != 0)
    g_debug ("Could not lower a background thread's priority: %s", g_strerror (errno));
#endif
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  lower_thread ();
  if (job->task != NULL)
    {
      job->func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
                 g_task_get_cancellable (job->task));
      g_object_unref (job->task);
    }
  else
    job->free_func (job->data);
  g_free (job);
}

/* One thread for work and one for freeing, each its own (exclusive), so
 * lowering them slows nothing else, and work always runs in the same
 * thread: its allocator arena stays warm from one big offer to the next
 * (alternating between threads, a parse took half as long again). */
static GThreadPool *
get_pool (gboolean for_free)
{
  static GThreadPool *pools[2];

  if (g_once_init_enter (&pools[for_free]))
    g_once_init_leave (&pools[for_free], g_thread_pool_new (run_job, NULL, 1, TRUE, NULL));
  return pools[for_free];
}

void
hd_background_run (GTask           *task,
                   GTaskThreadFunc  func)
{
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->func = func;
  g_thread_pool_push (get_pool (FALSE), job, NULL);
}

void
hd_background_release (gpointer       data,
                       GDestroyNotify func)
{
  Job *job;

  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->data = data;
  job->free_func = func;
  g_thread_pool_push (get_pool (TRUE), job, NULL);
}
