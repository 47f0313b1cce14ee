/* test-slice-model.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-slice-model"

#include "config.h"

#include "hd-slice-model.h"

/* The transcript's slice, without a display: a mirror follows the slice's
 * "items-changed" signals the way a list view does, and must always hold
 * exactly the source's items the slice says it shows. */

typedef struct
{
  GListStore   *source;
  HdSliceModel *slice;
  GPtrArray    *mirror;     /* the items, as told by the signals */
  guint         n_signals;
  guint         n_moved;    /* items added plus items removed, over all signals */
} Fixture;

static GObject *
item_new (guint i)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (item, "i", GUINT_TO_POINTER (i));
  return item;
}

static void
append_items (Fixture *fixture,
              guint    n)
{
  guint first = g_list_model_get_n_items (G_LIST_MODEL (fixture->source));

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(GObject) item = item_new (i);

      g_list_store_append (fixture->source, item);
    }
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
  /* The model is already in the state the signal tells of. */
  g_assert_cmpuint (fixture->mirror->len, ==, g_list_model_get_n_items (model));
  fixture->n_signals++;
  fixture->n_moved += removed + added;
}

/* The mirror shows source items [first, first + n). */
static void
assert_shows (Fixture *fixture,
              guint    first,
              guint    n)
{
  g_assert_cmpuint (hd_slice_model_get_offset (fixture->slice), ==, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->slice)), ==, n);
  g_assert_cmpuint (fixture->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) expected = g_list_model_get_item (G_LIST_MODEL (fixture->source), first + i);

      g_autoptr(HdSliceItem) shown = g_list_model_get_item (G_LIST_MODEL (fixture->slice), i);

      /* The mirror holds what the slice holds, and that shows the source's. */
      g_assert_true (g_ptr_array_index (fixture->mirror, i) == shown);
      g_assert_true (hd_slice_item_get_item (shown) == expected);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (expected, "i")), ==, first + i);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->slice), n));
  g_assert_cmpint (hd_slice_model_reaches_start (fixture->slice), ==, first == 0);
  g_assert_cmpint (hd_slice_model_reaches_end (fixture->slice), ==,
                   first + n == g_list_model_get_n_items (G_LIST_MODEL (fixture->source)));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->source = g_list_store_new (G_TYPE_OBJECT);
  append_items (fixture, 1000);
  fixture->slice = hd_slice_model_new (G_LIST_MODEL (fixture->source), 24, 100);
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->slice)); i++)
    g_ptr_array_add (fixture->mirror, g_list_model_get_item (G_LIST_MODEL (fixture->slice), i));
  g_signal_connect (fixture->slice, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->slice);
  g_clear_object (&fixture->source);
  g_clear_pointer (&fixture->mirror, g_ptr_array_unref);
}

static void
test_opens_at_end (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_shows (fixture, 976, 24);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->slice)) == HD_TYPE_SLICE_ITEM);
}

static void
test_extend_start (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Grows upward until it holds max-items ... */
  g_assert_cmpuint (hd_slice_model_extend_start (fixture->slice, 40), ==, 40);
  assert_shows (fixture, 936, 64);
  g_assert_cmpuint (fixture->n_moved, ==, 40);
  g_assert_cmpuint (hd_slice_model_extend_start (fixture->slice, 40), ==, 40);
  assert_shows (fixture, 896, 100);

  /* ... then slides: as many dropped at the end as come in above, and
   * nothing else is told again. */
  fixture->n_moved = 0;
  fixture->n_signals = 0;
  g_assert_cmpuint (hd_slice_model_extend_start (fixture->slice, 40), ==, 40);
  assert_shows (fixture, 856, 100);
  g_assert_cmpuint (fixture->n_moved, ==, 80);
  g_assert_cmpuint (fixture->n_signals, ==, 2);

  /* All the way to the first item, then no further. */
  while (hd_slice_model_extend_start (fixture->slice, 64) > 0)
    ;
  assert_shows (fixture, 0, 100);
  g_assert_cmpuint (hd_slice_model_extend_start (fixture->slice, 10), ==, 0);
  assert_shows (fixture, 0, 100);
}

static void
test_extend_end (Fixture       *fixture,
                 gconstpointer  data)
{
  hd_slice_model_show_around (fixture->slice, 500, 60);
  assert_shows (fixture, 470, 60);

  fixture->n_moved = 0;
  g_assert_cmpuint (hd_slice_model_extend_end (fixture->slice, 30), ==, 30);
  assert_shows (fixture, 470, 90);
  g_assert_cmpuint (fixture->n_moved, ==, 30);
  g_assert_cmpuint (hd_slice_model_extend_end (fixture->slice, 30), ==, 30);
  assert_shows (fixture, 490, 100);

  while (hd_slice_model_extend_end (fixture->slice, 64) > 0)
    ;
  assert_shows (fixture, 900, 100);
  g_assert_cmpuint (hd_slice_model_extend_end (fixture->slice, 1), ==, 0);
}

static void
test_show_around_and_end (Fixture       *fixture,
                          gconstpointer  data)
{
  /* Far away: everything told afresh, once. */
  fixture->n_signals = 0;
  hd_slice_model_show_around (fixture->slice, 100, 24);
  assert_shows (fixture, 88, 24);
  g_assert_cmpuint (fixture->n_signals, ==, 1);

  /* Clamped at both ends of the source, and to max-items. */
  hd_slice_model_show_around (fixture->slice, 3, 24);
  assert_shows (fixture, 0, 24);
  hd_slice_model_show_around (fixture->slice, 998, 500);
  assert_shows (fixture, 900, 100);

  /* Overlapping: only the start changes. */
  fixture->n_moved = 0;
  hd_slice_model_show_end (fixture->slice, 40);
  assert_shows (fixture, 960, 40);
  g_assert_cmpuint (fixture->n_moved, ==, 60);
  hd_slice_model_show_end (fixture->slice, 40);
  g_assert_cmpuint (fixture->n_moved, ==, 60);
}

static void
test_live_appends (Fixture       *fixture,
                   gconstpointer  data)
{
  /* At the end: new items show at once, even past max-items ... */
  hd_slice_model_extend_start (fixture->slice, 76);
  assert_shows (fixture, 900, 100);
  append_items (fixture, 3);
  assert_shows (fixture, 900, 103);
  /* ... until the view trims what lies above. */
  hd_slice_model_show_end (fixture->slice, 100);
  assert_shows (fixture, 903, 100);

  /* Reading earlier turns: the slice stays where it is. */
  hd_slice_model_show_around (fixture->slice, 200, 24);
  fixture->n_signals = 0;
  append_items (fixture, 2);
  g_assert_cmpuint (fixture->n_signals, ==, 0);
  assert_shows (fixture, 188, 24);
  g_assert_cmpuint (hd_slice_model_extend_end (fixture->slice, 1000), ==, 1005 - 212);
  assert_shows (fixture, 905, 100);
}

static void
test_other_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  /* A removal or an insertion in the middle is rare: the last items afresh. */
  hd_slice_model_show_around (fixture->slice, 500, 50);
  g_list_store_remove (fixture->source, 10);
  g_assert_cmpuint (hd_slice_model_get_offset (fixture->slice), ==, 949);
  g_assert_cmpuint (fixture->mirror->len, ==, 50);
  g_assert_true (hd_slice_model_reaches_end (fixture->slice));

  /* An emptied source, then one that fills again. */
  g_list_store_remove_all (fixture->source);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->slice)), ==, 0);
  g_assert_cmpuint (fixture->mirror->len, ==, 0);
  append_items (fixture, 5);
  g_assert_cmpuint (fixture->mirror->len, ==, 5);
  g_assert_true (hd_slice_model_reaches_start (fixture->slice));
  hd_slice_model_extend_start (fixture->slice, 10);
  hd_slice_model_show_end (fixture->slice, 2);
  assert_shows (fixture, 3, 2);
}

/* A new source, and a jump: the items already there show the new ones, in
 * one signal, so a list view keeps its rows. */
static void
test_set_source_reuses_items (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) before = g_ptr_array_copy (fixture->mirror, (GCopyFunc) g_object_ref, NULL);
  g_autoptr(GListStore) other = g_list_store_new (G_TYPE_OBJECT);
  GListStore *first = fixture->source;  /* the fixture's reference, now ours */

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(GObject) item = item_new (i);

      g_list_store_append (other, item);
    }

  fixture->n_signals = 0;
  fixture->source = g_object_ref (other);
  hd_slice_model_set_source (fixture->slice, G_LIST_MODEL (other), 10);
  g_assert_cmpuint (fixture->n_signals, ==, 1);
  assert_shows (fixture, 20, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_true (g_ptr_array_index (fixture->mirror, i) == g_ptr_array_index (before, i));

  /* The old source no longer moves the slice; the new one does. */
  fixture->n_signals = 0;
  g_list_store_remove_all (first);
  g_assert_cmpuint (fixture->n_signals, ==, 0);
  append_items (fixture, 2);
  assert_shows (fixture, 20, 12);

  /* A jump far back reuses them too. */
  fixture->n_signals = 0;
  hd_slice_model_show_around (fixture->slice, 3, 6);
  g_assert_cmpuint (fixture->n_signals, ==, 1);
  assert_shows (fixture, 0, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_true (g_ptr_array_index (fixture->mirror, i) == g_ptr_array_index (before, i));

  /* No source: nothing shown, and nothing to extend. */
  hd_slice_model_set_source (fixture->slice, NULL, 10);
  g_assert_cmpuint (fixture->mirror->len, ==, 0);
  g_assert_cmpuint (hd_slice_model_extend_start (fixture->slice, 5), ==, 0);
  g_assert_true (hd_slice_model_reaches_start (fixture->slice));
  g_assert_true (hd_slice_model_reaches_end (fixture->slice));
  g_object_unref (first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hd/slice-model/opens-at-end", Fixture, NULL, fixture_setup, test_opens_at_end, fixture_teardown);
  g_test_add ("/hd/slice-model/extend-start", Fixture, NULL, fixture_setup, test_extend_start, fixture_teardown);
  g_test_add ("/hd/slice-model/extend-end", Fixture, NULL, fixture_setup, test_extend_end, fixture_teardown);
  g_test_add ("/hd/slice-model/show-around-and-end", Fixture, NULL, fixture_setup, test_show_around_and_end,
              fixture_teardown);
  g_test_add ("/hd/slice-model/live-appends", Fixture, NULL, fixture_setup, test_live_appends, fixture_teardown);
  g_test_add ("/hd/slice-model/other-changes", Fixture, NULL, fixture_setup, test_other_changes, fixture_teardown);
  g_test_add ("/hd/slice-model/set-source", Fixture, NULL, fixture_setup, test_set_source_reuses_items,
              fixture_teardown);

  return g_test_run ();
}
