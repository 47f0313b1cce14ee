/* hd-handoff-pane.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-handoff-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-case-editor.h"
#include "hd-handoff-pane-private.h"
#include "hd-packet.h"
#include "hd-text-block.h"
#include "hd-ui-format.h"
#include "hd-verification-badge.h"

G_DEFINE_FINAL_TYPE (HdHandoffPane, hd_handoff_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HANDOFF,
  PROP_CAN_REPLY,
  PROP_CAN_SEND,
  PROP_READ_ONLY,
  PROP_STALE_AFTER_SECONDS,
  PROP_SF_CLIENT,
  PROP_OUTBOX,
  PROP_ALLOW_REVEAL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Builders for the few context widgets made at run time.  Every text that
 * came over the network goes through gtk_label_set_text (), never markup. */

static GtkWidget *
new_text_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  /* Keeps the context columns at their set width whatever the text. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  /* A wrapping label with no narrowest width is laid out at width zero to
   * find one: with word-char wrapping a line per character, each shaped
   * on its own, on every measure.  Labels that do not wrap turn this off. */
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One line, as wide as its text: no narrowest width to find. */
static void
set_no_wrap (GtkWidget *label)
{
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_width_chars (GTK_LABEL (label), -1);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
add_grid_row (GtkGrid    *grid,
              int        *row,
              const char *key,
              const char *value)
{
  GtkWidget *key_label;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;

  key_label = new_text_label (key, "dim-label");
  set_no_wrap (key_label);
  gtk_widget_set_valign (key_label, GTK_ALIGN_START);
  value_label = new_text_label (value, NULL);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_grid_attach (grid, key_label, 0, *row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, *row, 1, 1);
  (*row)++;
}

/* Like add_grid_row (), in a grid of key and value columns only, reusing
 * the labels of a row already there: a label given its own text again
 * keeps its layout. */
static void
set_grid_row (GtkGrid    *grid,
              int        *row,
              const char *key,
              const char *value)
{
  GtkWidget *key_label = gtk_grid_get_child_at (grid, 0, *row);
  GtkWidget *value_label = gtk_grid_get_child_at (grid, 1, *row);

  if (value == NULL || *value == '\0')
    return;
  if (key_label == NULL || value_label == NULL)
    {
      add_grid_row (grid, row, key, value);
      return;
    }
  gtk_label_set_text (GTK_LABEL (key_label), key);
  gtk_label_set_text (GTK_LABEL (value_label), value);
  (*row)++;
}

/* Drops the rows from @row on. */
static void
trim_grid (GtkGrid *grid,
           int      row)
{
  GtkWidget *child;

  while ((child = gtk_grid_get_child_at (grid, 0, row)) != NULL ||
         (child = gtk_grid_get_child_at (grid, 1, row)) != NULL)
    gtk_grid_remove_row (grid, row);
}

static const char * const chip_variants[] = {
  "chip-high", "chip-vip", "chip-vulnerable", "chip-breached",
};

/* The @n th routing chip, made the first time only: a new handoff, or a
 * state change of this one, changes the words of the chips already there
 * rather than making new widgets. */
static void
set_chip (HdHandoffPane *self,
          guint         *n,
          const char    *text,
          const char    *variant)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->routing_chips, (int) *n);
  GtkWidget *chip;

  if (child == NULL)
    {
      chip = new_text_label (text, "chip");
      set_no_wrap (chip);
      child = GTK_FLOW_BOX_CHILD (gtk_flow_box_child_new ());
      /* Chips are words to read, not stops for the Tab key. */
      gtk_widget_set_focusable (GTK_WIDGET (child), FALSE);
      gtk_flow_box_child_set_child (child, chip);
      gtk_flow_box_append (self->routing_chips, GTK_WIDGET (child));
    }
  else
    {
      chip = gtk_flow_box_child_get_child (child);
      gtk_label_set_text (GTK_LABEL (chip), text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (chip_variants); i++)
    if (g_strcmp0 (variant, chip_variants[i]) == 0)
      gtk_widget_add_css_class (chip, chip_variants[i]);
    else
      gtk_widget_remove_css_class (chip, chip_variants[i]);
  (*n)++;
}

/* Drops the chips past the first @n. */
static void
trim_chips (HdHandoffPane *self,
            guint          n)
{
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (self->routing_chips, (int) n)) != NULL)
    gtk_flow_box_remove (self->routing_chips, GTK_WIDGET (child));
}

static void
set_optional (gpointer    label,
              GtkWidget  *title,
              const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  if (HD_IS_TEXT_BLOCK (label))
    hd_text_block_set_text (label, shown ? text : "", NULL, NULL);
  else
    gtk_label_set_text (GTK_LABEL (label), shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
  if (title != NULL)
    gtk_widget_set_visible (title, shown);
}

static char *
describe_account (HdAccountRef *account)
{
  const char *label = hd_account_ref_get_label (account);
  const char *masked = hd_account_ref_get_masked_id (account);
  g_autofree char *kind = hd_ui_format_token (hd_account_ref_get_kind (account));
  const char *name = label != NULL ? label : kind;

  if (name == NULL)
    return g_strdup (masked != NULL ? masked : "");
  if (masked == NULL)
    return g_strdup (name);
  /* TRANSLATORS: an account and its masked number, e.g. "Premier savings ••••6789" */
  return g_strdup_printf (_("%s %s"), name, masked);
}

/* Takes away whatever is in the grid's cell (@column, @row). */
static void
clear_cell (GtkGrid *grid,
            int      column,
            int      row)
{
  GtkWidget *child = gtk_grid_get_child_at (grid, column, row);

  if (child != NULL)
    gtk_grid_remove (grid, child);
}

/* One row per account, the key on the first only.  Next to each a "Reveal"
 * button, shown only while policy allows it: it asks upward through
 * pane.reveal, the pane itself never sees the unmasked number.  The rows
 * and buttons of the previous handoff are reused. */
static void
add_account_rows (HdHandoffPane *self,
                  int           *row,
                  const char    *key,
                  GListModel    *accounts,
                  gboolean       linked)
{
  guint n = accounts != NULL ? g_list_model_get_n_items (accounts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdAccountRef) account = g_list_model_get_item (accounts, i);
      g_autofree char *line = describe_account (account);
      g_autofree char *tooltip = NULL;
      GtkWidget *button;
      int at = *row;

      set_grid_row (self->customer_grid, row, i == 0 ? key : "", line);
      if (*row == at)
        continue;

      button = gtk_grid_get_child_at (self->customer_grid, 2, at);
      if (button == NULL)
        {
          button = gtk_button_new_with_label (_("Reveal"));
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "caption");
          gtk_widget_add_css_class (button, "reveal-button");
          gtk_widget_set_valign (button, GTK_ALIGN_START);
          /* The target first: the action takes one. */
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(bu)", linked, i);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "pane.reveal");
          gtk_grid_attach (self->customer_grid, button, 2, at, 1, 1);
        }
      /* A visible widget's new tooltip asks the X server where the pointer
       * is, a round trip per button: hidden, it does not. */
      gtk_widget_set_visible (button, FALSE);
      /* TRANSLATORS: the tooltip of the Reveal button, e.g. "Reveal Premier savings ••••6789" */
      tooltip = g_strdup_printf (_("Reveal %s"), line);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(bu)", linked, i);
      gtk_widget_set_visible (button, self->allow_reveal);
    }
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
update_customer (HdHandoffPane *self,
                 HdPacket      *packet)
{
  HdCustomer *customer = hd_packet_get_customer (packet);
  const char *name = hd_customer_get_name (customer);
  g_autofree char *segment = hd_ui_format_token (hd_customer_get_segment (customer));
  g_autofree char *meta = NULL;
  const char *channel = hd_ui_format_channel (hd_customer_get_channel (customer));
  int row = 0;

  gtk_label_set_text (self->customer_name_label,
                      name != NULL && *name != '\0' ? name : _("Name not given"));
  if (segment != NULL)
    /* TRANSLATORS: customer segment and channel, e.g. "Premier · In-app chat" */
    meta = g_strdup_printf (_("%s · %s"), segment, channel);
  else
    meta = g_strdup (channel);
  gtk_label_set_text (self->customer_meta_label, meta);

  set_grid_row (self->customer_grid, &row, _("CRM account"), hd_customer_get_crm_account_id (customer));
  set_grid_row (self->customer_grid, &row, _("CRM contact"), hd_customer_get_crm_contact_id (customer));
  /* Those two rows have no Reveal button (a reused row may have had one). */
  for (int i = 0; i < row; i++)
    clear_cell (self->customer_grid, 2, i);
  add_account_rows (self, &row, _("Accounts"), hd_customer_get_accounts (customer), FALSE);
  add_account_rows (self, &row, _("Linked"), hd_customer_get_linked_accounts (customer), TRUE);
  trim_grid (self->customer_grid, row);
}

static void
update_routing (HdHandoffPane *self,
                HdPacket      *packet)
{
  HdRouting *routing = hd_packet_get_routing (packet);
  HdPriority priority = hd_handoff_get_priority (self->handoff);
  const char *language = hd_routing_get_language (routing);
  g_autofree char *skill = hd_ui_format_token (hd_routing_get_skill_group (routing));
  g_autofree char *sla = NULL;
  GDateTime *deadline = hd_handoff_get_sla_deadline (self->handoff);
  guint n_chips = 0;
  int row = 0;

  gtk_label_set_text (self->escalation_reason_label,
                      hd_ui_format_escalation_reason (hd_routing_get_escalation_reason (routing)));
  set_optional (self->escalation_detail_label, NULL, hd_routing_get_escalation_detail (routing));

  set_chip (self, &n_chips, hd_ui_format_priority (priority),
            priority >= HD_PRIORITY_HIGH ? "chip-high" : NULL);
  if (hd_routing_get_vip (routing))
    set_chip (self, &n_chips, _("VIP"), "chip-vip");
  if (hd_handoff_get_vulnerable (self->handoff))
    set_chip (self, &n_chips, _("Vulnerable customer"), "chip-vulnerable");
  if (language != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Language: %s"), language);

      set_chip (self, &n_chips, text, NULL);
    }
  if (hd_handoff_get_sla_breached (self->handoff))
    set_chip (self, &n_chips, _("SLA breached"), "chip-breached");
  trim_chips (self, n_chips);

  if (deadline != NULL)
    {
      g_autofree char *clock = hd_ui_format_clock (deadline);
      guint target = hd_routing_get_sla_target_seconds (routing);

      /* TRANSLATORS: SLA deadline and target, e.g. "Due 09:15 (target 2 min)" */
      sla = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due %s (target %u min)",
                                          "Due %s (target %u min)", (target + 59) / 60),
                             clock, (target + 59) / 60);
    }

  set_grid_row (self->routing_grid, &row, _("Skill"), skill);
  set_grid_row (self->routing_grid, &row, _("SLA"), sla);
  trim_grid (self->routing_grid, row);
}

static void
update_completeness (HdHandoffPane *self,
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
update_summary (HdHandoffPane *self,
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
  set_optional (self->unresolved_label, self->unresolved_title_label,
                hd_summary_get_unresolved_issue (summary));
  set_optional (self->actions_label, self->actions_title_label, actions);

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

static void
update_intents (HdHandoffPane *self,
                HdPacket      *packet)
{
  GListModel *intents = hd_packet_get_intents (packet);
  GListModel *entities = hd_packet_get_entities (packet);
  HdIntent *primary = hd_packet_get_primary_intent (packet);
  guint n = intents != NULL ? g_list_model_get_n_items (intents) : 0;
  guint n_entities = entities != NULL ? g_list_model_get_n_items (entities) : 0;
  int row = 0;

  clear_box (self->intents_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdIntent) intent = g_list_model_get_item (intents, i);
      g_autofree char *name = hd_ui_format_token (hd_intent_get_name (intent));
      g_autofree char *clock = hd_ui_format_clock (hd_intent_get_time (intent));
      g_autofree char *confidence = NULL;
      g_autofree char *accessible = NULL;
      const char *outcome = NULL;
      double value = hd_intent_get_confidence (intent);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label;

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

      gtk_widget_add_css_class (box, "intent");
      label = new_text_label (clock != NULL ? clock : "", "caption");
      gtk_widget_add_css_class (label, "dim-label");
      set_no_wrap (label);
      gtk_label_set_width_chars (GTK_LABEL (label), 5);
      gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (box), label);
      label = new_text_label (name, intent == primary ? "heading" : NULL);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (box), label);
      if (outcome != NULL)
        {
          label = new_text_label (outcome, "chip");
          set_no_wrap (label);
          gtk_widget_add_css_class (label, "chip-fallback");
          gtk_widget_set_valign (label, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (box), label);
          gtk_widget_add_css_class (box, "fallback");
        }
      if (confidence != NULL)
        {
          label = new_text_label (confidence, "numeric");
          set_no_wrap (label);
          gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
          gtk_box_append (GTK_BOX (box), label);
        }

      /* TRANSLATORS: spoken intent row: position, name, confidence, outcome */
      accessible = g_strdup_printf (_("Intent %u: %s, confidence %s%s%s%s"), i + 1,
                                    name != NULL ? name : "",
                                    confidence != NULL ? confidence : _("unknown"),
                                    outcome != NULL ? _(", ") : "",
                                    outcome != NULL ? outcome : "",
                                    intent == primary ? _(", primary intent") : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_box_append (self->intents_box, box);
    }
  if (n == 0)
    gtk_box_append (self->intents_box, new_text_label (_("The bot recognised no intent."), "dim-label"));

  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(HdField) field = g_list_model_get_item (entities, i);
      g_autofree char *key = hd_ui_format_token (hd_field_get_name (field));
      const char *label = hd_field_get_label (field);

      set_grid_row (self->entities_grid, &row, label != NULL ? label : key, hd_field_get_value (field));
    }
  trim_grid (self->entities_grid, row);
  gtk_widget_set_visible (self->entities_title_label, row > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->entities_grid), row > 0);
}

/* Handoff-quality signals are about a chat the agent holds now. */
static void
update_quality_actions (HdHandoffPane *self)
{
  gboolean quality = self->handoff != NULL && !self->read_only &&
                     hd_handoff_get_state (self->handoff) == HD_HANDOFF_STATE_ACCEPTED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.signal-asked-to-repeat", quality);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.signal-re-verified", quality);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.transfer", quality);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.wrap-up", quality);
}

/* Actions. */

/* Ctrl+F and Ctrl+G work wherever the focus is in the pane: they ask the transcript. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (HD_HANDOFF_PANE (widget)->transcript), "transcript.find", NULL);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (HD_HANDOFF_PANE (widget)->transcript), "transcript.find-next", NULL);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (HD_HANDOFF_PANE (widget)->transcript), "transcript.find-previous", NULL);
}

static void
scroll_to_latest_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  hd_transcript_view_scroll_to_latest (HD_HANDOFF_PANE (widget)->transcript);
}

/* The reply box's action, for the window and tests: the reply bar sends. */
static void
send_reply_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (HD_HANDOFF_PANE (widget)->reply_bar), "reply.send", NULL);
}

static void
on_handoff_notify_cb (HdHandoffPane *self,
                      GParamSpec    *pspec,
                      HdHandoff     *handoff)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "state"))
    update_quality_actions (self);
  else if (g_str_equal (name, "priority") || g_str_equal (name, "vulnerable") ||
           g_str_equal (name, "sla-breached"))
    update_routing (self, hd_handoff_get_packet (handoff));
}

static void
disconnect_handoff (HdHandoffPane *self)
{
  if (self->handoff != NULL)
    g_clear_signal_handler (&self->state_notify_id, self->handoff);
}

static void
update_all (HdHandoffPane *self)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;

  update_quality_actions (self);
  _hd_handoff_pane_update_journal_actions (self);
  gtk_widget_set_visible (gtk_widget_get_first_child (GTK_WIDGET (self)), packet != NULL);
  if (packet == NULL)
    {
      hd_verification_badge_set_verification (self->verification_badge, NULL);
      return;
    }

  update_customer (self, packet);
  hd_verification_badge_set_verification (self->verification_badge, hd_packet_get_verification (packet));
  update_routing (self, packet);
  update_completeness (self, packet);
  update_summary (self, packet);
  update_intents (self, packet);

  /* A new chat starts at its latest turn, reading along. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->context_scroller), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->story_scroller), 0);
  hd_transcript_view_scroll_to_latest (self->transcript);
}

static void
hd_handoff_pane_dispose (GObject *object)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (object);

  disconnect_handoff (self);
  g_clear_object (&self->handoff);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_HANDOFF_PANE);

  G_OBJECT_CLASS (hd_handoff_pane_parent_class)->dispose (object);
}

static void
hd_handoff_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      g_value_set_object (value, self->handoff);
      break;
    case PROP_CAN_REPLY:
      g_value_set_boolean (value, hd_handoff_pane_get_can_reply (self));
      break;
    case PROP_CAN_SEND:
      g_value_set_boolean (value, hd_handoff_pane_get_can_send (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_STALE_AFTER_SECONDS:
      g_value_set_uint (value, hd_handoff_pane_get_stale_after_seconds (self));
      break;
    case PROP_SF_CLIENT:
      g_value_set_object (value, hd_handoff_pane_get_sf_client (self));
      break;
    case PROP_OUTBOX:
      g_value_set_object (value, hd_handoff_pane_get_outbox (self));
      break;
    case PROP_ALLOW_REVEAL:
      g_value_set_boolean (value, self->allow_reveal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_handoff_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      hd_handoff_pane_set_handoff (self, g_value_get_object (value));
      break;
    case PROP_CAN_REPLY:
      hd_handoff_pane_set_can_reply (self, g_value_get_boolean (value));
      break;
    case PROP_CAN_SEND:
      hd_handoff_pane_set_can_send (self, g_value_get_boolean (value));
      break;
    case PROP_READ_ONLY:
      hd_handoff_pane_set_read_only (self, g_value_get_boolean (value));
      break;
    case PROP_STALE_AFTER_SECONDS:
      hd_handoff_pane_set_stale_after_seconds (self, g_value_get_uint (value));
      break;
    case PROP_SF_CLIENT:
      hd_handoff_pane_set_sf_client (self, g_value_get_object (value));
      break;
    case PROP_OUTBOX:
      hd_handoff_pane_set_outbox (self, g_value_get_object (value));
      break;
    case PROP_ALLOW_REVEAL:
      hd_handoff_pane_set_allow_reveal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_handoff_pane_class_init (HdHandoffPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_handoff_pane_dispose;
  object_class->get_property = hd_handoff_pane_get_property;
  object_class->set_property = hd_handoff_pane_set_property;

  properties[PROP_HANDOFF] =
    g_param_spec_object ("handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REPLY] =
    g_param_spec_boolean ("can-reply", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether a reply would be sent now (the window binds the feed's state). */
  properties[PROP_CAN_SEND] =
    g_param_spec_boolean ("can-send", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STALE_AFTER_SECONDS] =
    g_param_spec_uint ("stale-after-seconds", NULL, NULL,
                       0, G_MAXUINT, HD_VERIFICATION_DEFAULT_STALE_AFTER_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SF_CLIENT] =
    g_param_spec_object ("sf-client", NULL, NULL, HD_TYPE_SF_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, HD_TYPE_OUTBOX,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALLOW_REVEAL] =
    g_param_spec_boolean ("allow-reveal", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HD_TYPE_VERIFICATION_BADGE);
  g_type_ensure (HD_TYPE_TEXT_BLOCK);
  g_type_ensure (HD_TYPE_CASE_EDITOR);
  g_type_ensure (HD_TYPE_TRANSCRIPT_VIEW);
  g_type_ensure (HD_TYPE_REPLY_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-handoff-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, context_scroller);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, story_scroller);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, customer_card);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, customer_name_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, customer_meta_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, customer_grid);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, verification_badge);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, routing_card);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, escalation_reason_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, escalation_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, routing_chips);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, routing_grid);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, completeness_card);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, completeness_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, completeness_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, summary_card);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, sentiment_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, unresolved_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, unresolved_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, actions_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, actions_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, next_action_card);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, next_action_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, documents_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, intents_card);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, intents_box);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, entities_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, entities_grid);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, transcript);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, reply_bar);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, journal_button);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, case_editor);

  gtk_widget_class_install_action (widget_class, "pane.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "pane.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "pane.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "pane.scroll-to-latest", NULL, scroll_to_latest_action);
  gtk_widget_class_install_action (widget_class, "pane.send-reply", NULL, send_reply_action);
  _hd_handoff_pane_class_actions_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pane.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "pane.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pane.find-previous", NULL);
}

static void
hd_handoff_pane_init (HdHandoffPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->customer_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customer"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->routing_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Escalation and Routing"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->completeness_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Context Completeness"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bot Summary"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_action_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggested Next Step"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->intents_card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Intents"), -1);

  update_all (self);
}

GtkWidget *
hd_handoff_pane_new (void)
{
  return g_object_new (HD_TYPE_HANDOFF_PANE, NULL);
}

HdHandoff *
hd_handoff_pane_get_handoff (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), NULL);
  return self->handoff;
}

void
hd_handoff_pane_set_handoff (HdHandoffPane *self,
                             HdHandoff     *handoff)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  if (self->handoff == handoff)
    return;

  disconnect_handoff (self);
  g_set_object (&self->handoff, handoff);
  hd_reply_bar_set_handoff (self->reply_bar, handoff);
  /* The same slice shows every handoff's transcript: the rows stay, and
   * only bind to the new turns. */
  hd_transcript_view_set_transcript (self->transcript, handoff != NULL ? hd_handoff_get_transcript (handoff) : NULL);
  if (handoff != NULL)
    self->state_notify_id =
      g_signal_connect_swapped (handoff, "notify", G_CALLBACK (on_handoff_notify_cb), self);

  hd_case_editor_set_handoff (self->case_editor, handoff);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

gboolean
hd_handoff_pane_get_can_reply (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return hd_reply_bar_get_can_reply (self->reply_bar);
}

void
hd_handoff_pane_set_can_reply (HdHandoffPane *self,
                               gboolean       can_reply)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  can_reply = !!can_reply;
  if (hd_reply_bar_get_can_reply (self->reply_bar) == can_reply)
    return;
  hd_reply_bar_set_can_reply (self->reply_bar, can_reply);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REPLY]);
}

gboolean
hd_handoff_pane_get_can_send (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return hd_reply_bar_get_can_send (self->reply_bar);
}

void
hd_handoff_pane_set_can_send (HdHandoffPane *self,
                              gboolean       can_send)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  can_send = !!can_send;
  if (hd_reply_bar_get_can_send (self->reply_bar) == can_send)
    return;
  hd_reply_bar_set_can_send (self->reply_bar, can_send);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SEND]);
}

gboolean
hd_handoff_pane_get_read_only (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return self->read_only;
}

void
hd_handoff_pane_set_read_only (HdHandoffPane *self,
                               gboolean       read_only)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  /* Supervisors and trainers look on; only the agent edits the case. */
  gtk_widget_set_visible (GTK_WIDGET (self->case_editor), !read_only);
  gtk_widget_set_visible (self->journal_button, !read_only);
  hd_reply_bar_set_read_only (self->reply_bar, read_only);
  update_quality_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

guint
hd_handoff_pane_get_stale_after_seconds (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), 0);
  return hd_verification_badge_get_stale_after_seconds (self->verification_badge);
}

void
hd_handoff_pane_set_stale_after_seconds (HdHandoffPane *self,
                                         guint          seconds)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  if (hd_verification_badge_get_stale_after_seconds (self->verification_badge) == seconds)
    return;
  hd_verification_badge_set_stale_after_seconds (self->verification_badge, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_AFTER_SECONDS]);
}

gboolean
hd_handoff_pane_get_following (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return hd_transcript_view_get_following (self->transcript);
}

HdSfClient *
hd_handoff_pane_get_sf_client (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), NULL);
  return hd_case_editor_get_sf_client (self->case_editor);
}

void
hd_handoff_pane_set_sf_client (HdHandoffPane *self,
                               HdSfClient    *client)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));
  g_return_if_fail (client == NULL || HD_IS_SF_CLIENT (client));

  if (hd_case_editor_get_sf_client (self->case_editor) == client)
    return;
  hd_case_editor_set_sf_client (self->case_editor, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SF_CLIENT]);
}

HdOutbox *
hd_handoff_pane_get_outbox (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), NULL);
  return hd_case_editor_get_outbox (self->case_editor);
}

void
hd_handoff_pane_set_outbox (HdHandoffPane *self,
                            HdOutbox      *outbox)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));
  g_return_if_fail (outbox == NULL || HD_IS_OUTBOX (outbox));

  if (hd_case_editor_get_outbox (self->case_editor) == outbox)
    return;
  hd_case_editor_set_outbox (self->case_editor, outbox);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

gboolean
hd_handoff_pane_get_allow_reveal (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return self->allow_reveal;
}

void
hd_handoff_pane_set_allow_reveal (HdHandoffPane *self,
                                  gboolean       allow_reveal)
{
  GtkWidget *child;

  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  allow_reveal = !!allow_reveal;
  if (self->allow_reveal == allow_reveal)
    return;
  self->allow_reveal = allow_reveal;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->customer_grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "reveal-button"))
      gtk_widget_set_visible (child, allow_reveal);
  _hd_handoff_pane_update_journal_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_REVEAL]);
}
