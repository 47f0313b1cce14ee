/* hd-story-column.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-story-column"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-card-rows.h"
#include "hd-completeness.h"
#include "hd-story-column.h"
#include "hd-text-block.h"
#include "hd-ui-format.h"

struct _HdStoryColumn
{
  AdwBin             parent_instance;

  /* template children */
  GtkScrolledWindow *story_scroller;
  GtkWidget         *completeness_card;
  GtkLabel          *completeness_title_label;
  HdTextBlock       *completeness_label;
  GtkWidget         *summary_card;
  HdTextBlock       *sentiment_label;
  GtkLabel          *summary_label;
  GtkWidget         *unresolved_title_label;
  GtkLabel          *unresolved_label;
  GtkWidget         *actions_title_label;
  HdTextBlock       *actions_label;
  GtkWidget         *next_action_card;
  GtkLabel          *next_action_label;
  HdTextBlock       *documents_label;
  GtkWidget         *intents_card;
  GtkBox            *intents_box;
  GtkWidget         *entities_title_label;
  GtkGrid           *entities_grid;
};

G_DEFINE_FINAL_TYPE (HdStoryColumn, hd_story_column, ADW_TYPE_BIN)

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}


static char *
bullet_list (const char * const *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: one item of a bulleted list */
      g_string_append_printf (text, _("• %s"), items[i]);
    }
  return g_string_free (text, text->len == 0);
}

static void
update_completeness (HdStoryColumn *self,
                     HdPacket      *packet)
{
  HdCompleteness *completeness = hd_packet_get_completeness (packet);
  GString *text = g_string_new (NULL);
  guint n_missing = completeness != NULL ? hd_completeness_get_n_missing (completeness) : 0;

  /* One line per part of the context, so even an empty packet stays short. */
  for (HdContext context = 0; completeness != NULL && context < HD_N_CONTEXTS; context++)
    {
      const char * const *missing = hd_completeness_get_missing (completeness, context);
      g_autofree char *joined = NULL;

      if (missing == NULL || missing[0] == NULL)
        continue;
      joined = g_strjoinv (_(", "), (char **) missing);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a part of the bot's context and what it lacks,
       * e.g. "• Summary: no summary, unresolved issue missing" */
      g_string_append_printf (text, _("• %s: %s"), hd_context_get_title (context), joined);
    }

  if (n_missing == 0)
    {
      gtk_label_set_text (self->completeness_title_label, _("Context Complete"));
      hd_text_block_set_text (self->completeness_label, _("The bot sent every part of the handoff context."), NULL, NULL);
      gtk_widget_remove_css_class (self->completeness_card, "incomplete");
    }
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "The Bot Left Out %u Item — Ask the Customer",
                                                             "The Bot Left Out %u Items — Ask the Customer",
                                                             n_missing),
                                                n_missing);

      gtk_label_set_text (self->completeness_title_label, title);
      hd_text_block_set_text (self->completeness_label, text->str, NULL, NULL);
      gtk_widget_add_css_class (self->completeness_card, "incomplete");
    }
  g_string_free (text, TRUE);
}

static void
update_summary (HdStoryColumn *self,
                HdPacket      *packet)
{
  HdSummary *summary = hd_packet_get_summary (packet);
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  const char *text = hd_summary_get_text (summary);
  const char *next = hd_case_fields_get_next_best_action (case_fields);
  const char * const *documents = hd_case_fields_get_documents_requested (case_fields);
  double frustration = hd_summary_get_frustration (summary);
  const char *sentiment = hd_ui_format_sentiment (hd_summary_get_sentiment (summary));
  g_autofree char *sentiment_text = NULL;
  g_autofree char *actions = bullet_list (hd_summary_get_actions_attempted (summary));
  g_autofree char *documents_text = NULL;

  gtk_label_set_text (self->summary_label,
                      text != NULL && *text != '\0' ? text : _("The bot sent no summary."));
  hd_card_rows_set_optional (self->unresolved_label, self->unresolved_title_label,
                hd_summary_get_unresolved_issue (summary));
  hd_card_rows_set_optional (self->actions_label, self->actions_title_label, actions);

  if (frustration >= 0)
    sentiment_text = g_strdup_printf (_("Sentiment: %s, frustration %d %%"), sentiment,
                                      (int) (frustration * 100 + 0.5));
  else
    sentiment_text = g_strdup_printf (_("Sentiment: %s"), sentiment);
  hd_text_block_set_text (self->sentiment_label, sentiment_text, NULL, NULL);

  gtk_label_set_text (self->next_action_label,
                      next != NULL && *next != '\0' ? next : _("The bot suggested no next step."));
  if (documents != NULL && documents[0] != NULL)
    {
      g_autofree char *list = bullet_list (documents);

      documents_text = g_strdup_printf (_("Documents requested:\n%s"), list);
    }
  else
    documents_text = g_strdup (_("No documents requested"));
  hd_text_block_set_text (self->documents_label, documents_text, NULL, NULL);
}

/* An intent's row: its time, its name, the outcome chip and the
 * confidence, the last two hidden when the bot gave none.  Rows are kept
 * from one handoff to the next and only their words change: a new row is
 * new widgets to style, measure and shape in the offer's first frame, and
 * a label given the text it has does nothing at all. */
static GtkWidget *
intent_row_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "intent");
  label = hd_card_rows_new_label ("", "caption");
  gtk_widget_add_css_class (label, "dim-label");
  hd_card_rows_set_no_wrap (label);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (box), label);
  label = hd_card_rows_new_label ("", NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (box), label);
  label = hd_card_rows_new_label ("", "chip");
  hd_card_rows_set_no_wrap (label);
  gtk_widget_add_css_class (label, "chip-fallback");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), label);
  label = hd_card_rows_new_label ("", "numeric");
  hd_card_rows_set_no_wrap (label);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
set_label_shown (GtkWidget  *label,
                 const char *text)
{
  gtk_widget_set_visible (label, text != NULL);
  if (text != NULL)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
intent_row_set (GtkWidget  *box,
                guint       i,
                HdIntent   *intent,
                gboolean    primary)
{
  GtkWidget *clock_label = gtk_widget_get_first_child (box);
  GtkWidget *name_label = gtk_widget_get_next_sibling (clock_label);
  GtkWidget *chip = gtk_widget_get_next_sibling (name_label);
  GtkWidget *confidence_label = gtk_widget_get_next_sibling (chip);
  g_autofree char *name = hd_ui_format_token (hd_intent_get_name (intent));
  g_autofree char *clock = hd_ui_format_clock (hd_intent_get_time (intent));
  g_autofree char *confidence = NULL;
  g_autofree char *accessible = NULL;
  const char *outcome = NULL;
  double value = hd_intent_get_confidence (intent);

  switch (hd_intent_get_outcome (intent))
    {
    case HD_INTENT_OUTCOME_FALLBACK:
      outcome = _("Fallback");
      break;
    case HD_INTENT_OUTCOME_FAILED:
      outcome = _("Failed");
      break;
    case HD_INTENT_OUTCOME_MATCHED:
    default:
      break;
    }
  if (value >= 0)
    confidence = g_strdup_printf (_("%d %%"), (int) (value * 100 + 0.5));

  gtk_label_set_text (GTK_LABEL (clock_label), clock != NULL ? clock : "");
  gtk_label_set_text (GTK_LABEL (name_label), name != NULL ? name : "");
  set_css_class (name_label, "heading", primary);
  set_label_shown (chip, outcome);
  set_css_class (box, "fallback", outcome != NULL);
  set_label_shown (confidence_label, confidence);

  {
    /* TRANSLATORS: a confidence the bot did not report */
    const char *confidence_text = confidence != NULL ? confidence : C_("confidence", "unknown");

    if (outcome != NULL && primary)
      /* TRANSLATORS: spoken intent row: position, name, confidence (e.g. 92 %), outcome */
      accessible = g_strdup_printf (_("Intent %u: %s, confidence %s, %s, primary intent"), i + 1,
                                    name != NULL ? name : "", confidence_text, outcome);
    else if (outcome != NULL)
      /* TRANSLATORS: spoken intent row: position, name, confidence (e.g. 92 %), outcome */
      accessible = g_strdup_printf (_("Intent %u: %s, confidence %s, %s"), i + 1,
                                    name != NULL ? name : "", confidence_text, outcome);
    else if (primary)
      /* TRANSLATORS: spoken intent row: position, name, confidence (e.g. 92 %) */
      accessible = g_strdup_printf (_("Intent %u: %s, confidence %s, primary intent"), i + 1,
                                    name != NULL ? name : "", confidence_text);
    else
      /* TRANSLATORS: spoken intent row: position, name, confidence (e.g. 92 %) */
      accessible = g_strdup_printf (_("Intent %u: %s, confidence %s"), i + 1,
                                    name != NULL ? name : "", confidence_text);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_intents (HdStoryColumn *self,
                HdPacket      *packet)
{
  GListModel *intents = hd_packet_get_intents (packet);
  GListModel *entities = hd_packet_get_entities (packet);
  HdIntent *primary = hd_packet_get_primary_intent (packet);
  guint n = intents != NULL ? g_list_model_get_n_items (intents) : 0;
  guint n_entities = entities != NULL ? g_list_model_get_n_items (entities) : 0;
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->intents_box));
  GtkWidget *box;
  int row = 0;

  /* The line that says there is none is not a row to reuse. */
  if (first != NULL && !gtk_widget_has_css_class (first, "intent"))
    clear_box (self->intents_box);
  box = gtk_widget_get_first_child (GTK_WIDGET (self->intents_box));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdIntent) intent = g_list_model_get_item (intents, i);

      if (box == NULL)
        {
          box = intent_row_new ();
          gtk_box_append (self->intents_box, box);
        }
      intent_row_set (box, i, intent, intent == primary);
      box = gtk_widget_get_next_sibling (box);
    }
  while (box != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (box);

      gtk_box_remove (self->intents_box, box);
      box = next;
    }
  if (n == 0)
    gtk_box_append (self->intents_box, hd_card_rows_new_label (_("The bot recognised no intent."), "dim-label"));

  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(HdField) field = g_list_model_get_item (entities, i);
      g_autofree char *key = hd_ui_format_token (hd_field_get_name (field));
      const char *label = hd_field_get_label (field);

      hd_card_rows_set_row (self->entities_grid, &row, label != NULL ? label : key, hd_field_get_value (field));
    }
  hd_card_rows_trim (self->entities_grid, row);
  gtk_widget_set_visible (self->entities_title_label, row > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->entities_grid), row > 0);
}

static void
hd_story_column_dispose (GObject *object)
{
  /* The scroller is both the bin's child and a template child: unparent it once. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HD_TYPE_STORY_COLUMN);

  G_OBJECT_CLASS (hd_story_column_parent_class)->dispose (object);
}

static void
hd_story_column_class_init (HdStoryColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_story_column_dispose;

  g_type_ensure (HD_TYPE_TEXT_BLOCK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-story-column.ui");
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, story_scroller);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, completeness_card);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, completeness_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, completeness_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, summary_card);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, sentiment_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, unresolved_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, unresolved_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, actions_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, actions_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, next_action_card);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, next_action_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, documents_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, intents_card);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, intents_box);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, entities_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdStoryColumn, entities_grid);
}

static void
hd_story_column_init (HdStoryColumn *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->completeness_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Context Completeness"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bot Summary"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_action_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggested Next Step"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->intents_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Intents"), -1);
}

GtkWidget *
hd_story_column_new (void)
{
  return g_object_new (HD_TYPE_STORY_COLUMN, NULL);
}

void
hd_story_column_set_packet (HdStoryColumn *self,
                            HdPacket      *packet)
{
  g_return_if_fail (HD_IS_STORY_COLUMN (self));
  g_return_if_fail (HD_IS_PACKET (packet));

  update_completeness (self, packet);
  update_summary (self, packet);
  update_intents (self, packet);
  /* A new handoff's story is read from the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->story_scroller), 0);
}
