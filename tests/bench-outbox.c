/* bench-outbox.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "test-sf-common.h"

/* The outbox against the in-process stand-in over loopback: the cost of
 * making an edit durable (two fsyncs), an edit's round trip from submit to
 * "sent", and the flush rate of a backlog.  Results in docs/PERFORMANCE.md. */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) MIN (values->len - 1, p * values->len));
}

static void
on_sent_cb (HdOutbox      *outbox,
            HdOutboxEntry *entry,
            gpointer       user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
drained (gpointer data)
{
  return hd_outbox_get_pending_count (data) == 0 && hd_outbox_get_state (data) == HD_OUTBOX_STATE_IDLE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HdSfStandin) standin = NULL;
  g_autoptr(HdTokenStore) store = NULL;
  g_autoptr(HdSfAuth) auth = NULL;
  g_autoptr(HdSfClient) client = NULL;
  g_autoptr(HdOutbox) outbox = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) durable = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) round_trip = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  const char *case_id;
  const guint n_durable = 300, n_round = 200, n_backlog = 300;
  guint n_sent = 0;
  gint64 start;
  double flush_s;

  sf_test_root = hd_test_init_xdg ();
  standin = sf_test_new_standin ();
  store = hd_memory_token_store_new ();
  auth = sf_test_new_signed_in_auth (standin, store);
  client = hd_sf_client_new (auth, "v64.0");
  dir = sf_test_new_dir ("bench-outbox");
  outbox = hd_outbox_new (dir, client, &error);
  g_assert_no_error (error);
  g_signal_connect (outbox, "sent", G_CALLBACK (on_sent_cb), &n_sent);
  case_id = hd_sf_standin_get_demo_case_id (standin, "card-block");

  /* 1. Submit → durable (entry file + directory fsync), nothing sent. */
  hd_outbox_set_paused (outbox, TRUE);
  for (guint i = 0; i < n_durable; i++)
    {
      SfTestAsync async = { 0 };
      g_autofree char *body = g_strdup_printf ("Backlog note %u", i);
      g_autofree char *id = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      hd_outbox_add_comment_async (outbox, case_id, NULL, body, NULL, sf_test_async_cb, &async);
      id = hd_outbox_submit_finish (outbox, sf_test_async_wait (&async), NULL);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (durable, ms);
      sf_test_async_clear (&async);
    }

  /* 2. Flush the backlog just made. */
  start = g_get_monotonic_time ();
  hd_outbox_set_paused (outbox, FALSE);
  g_assert_true (hd_test_wait_until (drained, outbox, 120000));
  flush_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  /* 3. One update at a time: submit → "sent". */
  for (guint i = 0; i < n_round; i++)
    {
      SfTestAsync async = { 0 };
      g_autoptr(JsonObject) record = hd_sf_standin_dup_record (standin, "Case", case_id);
      g_autoptr(JsonObject) changes = json_object_new ();
      g_autofree char *id = NULL;
      guint before = n_sent;
      gint64 t0;
      double ms;

      json_object_set_string_member (changes, "Priority", i % 2 ? "High" : "Low");
      t0 = g_get_monotonic_time ();
      hd_outbox_update_async (outbox, "Case", case_id, NULL, changes, NULL,
                              json_object_get_string_member (record, "LastModifiedDate"), NULL,
                              sf_test_async_cb, &async);
      id = hd_outbox_submit_finish (outbox, sf_test_async_wait (&async), NULL);
      while (n_sent == before)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (round_trip, ms);
      sf_test_async_clear (&async);
    }

  printf ("durable submit (%u comments): p50 %.2f ms, p95 %.2f ms, max %.2f ms\n", n_durable,
          percentile (durable, 0.5), percentile (durable, 0.95), percentile (durable, 1.0));
  printf ("backlog flush (%u comments, each: sending write + POST + unlink): %.2f s, %.0f edits/s\n",
          n_backlog, flush_s, n_backlog / flush_s);
  printf ("update submit -> sent (%u, sequential): p50 %.2f ms, p95 %.2f ms, max %.2f ms\n", n_round,
          percentile (round_trip, 0.5), percentile (round_trip, 0.95), percentile (round_trip, 1.0));

  g_clear_object (&outbox);
  hd_test_rm_rf (sf_test_root);
  return EXIT_SUCCESS;
}
