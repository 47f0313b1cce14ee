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
#include "hd-feed-protocol.h"
#include "hd-handoff-pane-private.h"
#include "hd-packet.h"
#include "hd-repeat-detector.h"
#include "hd-slice-model.h"
#include "hd-text-block.h"
#include "hd-ui-format.h"
#include "hd-verification-badge.h"

/* How long the reply box waits after the last keystroke before it looks for
 * questions the bot already answered. */
#define REPEAT_DEBOUNCE_MS 250
/* How close to the end (in pixels) still counts as "at the bottom". */
#define BOTTOM_SLACK 24.0
/* The transcript's slice (hd-slice-model.h): the turns shown at first, how
 * many come in whenever the agent scrolls near either end of it, and how many
 * it holds at most.  GTK 4.8's list view builds a row for every item near
 * what it shows (up to 200) when the agent jumps, so the slice's size bounds
 * the cost of any jump; a slide adds rows only as they scroll into view (or,
 * SLICE_FILL_STEP a frame, until a slice too short for the view fills it). */
#define SLICE_FIRST 16
#define SLICE_STEP 32
#define SLICE_FILL_STEP 8
#define SLICE_MAX 120

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

static void
update_transcript_title (HdHandoffPane *self)
{
  guint n = self->transcript != NULL ? g_list_model_get_n_items (self->transcript) : 0;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Transcript · %u turn",
                                                         "Transcript · %u turns", n), n);

  gtk_label_set_text (self->transcript_title_label, title);
}

gboolean
_hd_handoff_pane_has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Repeat detection: what the bot already captured, shown under the reply box
 * while the agent types a question about it. */

static GPtrArray *
detect_repeats (HdHandoffPane *self,
                const char    *text)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;

  if (packet == NULL || !_hd_handoff_pane_has_text (text) ||
      hd_handoff_get_state (self->handoff) != HD_HANDOFF_STATE_ACCEPTED)
    return NULL;
  return hd_repeat_detect (packet, text);
}

static void
clear_repeat_hint (HdHandoffPane *self)
{
  g_clear_handle_id (&self->repeat_source_id, g_source_remove);
  gtk_label_set_text (self->repeat_hint_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_hint_label), FALSE);
}

static void
show_repeat_hint (HdHandoffPane *self,
                  GPtrArray     *matches)
{
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (matches == NULL || matches->len == 0)
    {
      clear_repeat_hint (self);
      return;
    }

  for (guint i = 0; i < matches->len; i++)
    {
      HdRepeatMatch *match = g_ptr_array_index (matches, i);

      if (i > 0)
        /* TRANSLATORS: separates the items of "The bot already captured: …" */
        g_string_append (items, _("; "));
      /* TRANSLATORS: an item the bot captured and its value, e.g. "Card: Visa credit ••••1111" */
      g_string_append_printf (items, _("%s: %s"), match->label, match->captured);
    }
  /* TRANSLATORS: shown under the reply box, e.g.
   * "The bot already captured: Card: Visa credit ••••1111; City: Dubai" */
  text = g_strdup_printf (_("The bot already captured: %s"), items->str);
  /* Captured values came over the network: plain text, never markup. */
  gtk_label_set_text (self->repeat_hint_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_hint_label), TRUE);
}

static gboolean
repeat_timeout_cb (gpointer user_data)
{
  HdHandoffPane *self = user_data;
  g_autoptr(GPtrArray) matches = NULL;

  self->repeat_source_id = 0;
  matches = detect_repeats (self, gtk_editable_get_text (GTK_EDITABLE (self->reply_entry)));
  show_repeat_hint (self, matches);
  return G_SOURCE_REMOVE;
}

static void
update_reply (HdHandoffPane *self)
{
  HdHandoffState state = self->handoff != NULL ? hd_handoff_get_state (self->handoff)
                                               : HD_HANDOFF_STATE_OFFERED;
  const char *why = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reply_entry));
  gboolean open;
  gboolean quality;

  if (self->handoff == NULL)
    why = _("Select a handoff to reply.");
  else if (!self->can_reply)
    why = _("Replies are off: the routing layer does not relay agent messages for this chat.");
  else if (state == HD_HANDOFF_STATE_OFFERED)
    why = _("Accept the handoff to reply to the customer.");
  else if (state != HD_HANDOFF_STATE_ACCEPTED)
    why = _("This chat has ended: replies can no longer be sent.");

  open = why == NULL;
  gtk_widget_set_visible (self->reply_box, !self->read_only);
  gtk_label_set_text (self->reply_disabled_label, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reply_disabled_label), !open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reply_entry), open);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reply_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why != NULL ? why : "",
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.send-reply",
                                 open && !self->read_only && _hd_handoff_pane_has_text (text));

  /* Handoff-quality signals are about a chat the agent holds now. */
  quality = self->handoff != NULL && state == HD_HANDOFF_STATE_ACCEPTED && !self->read_only;
  gtk_widget_set_visible (self->quality_box, quality);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.signal-asked-to-repeat", quality);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.signal-re-verified", quality);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.transfer", quality);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.wrap-up", quality);
  if (!open)
    clear_repeat_hint (self);
}

/* The transcript: rows are made by the list view for the turns near what
 * is shown only, so 50,000 turns cost no more than a few hundred.
 *
 * A turn is one label: its speaker and time, its text and its attachments
 * as plain text, told apart by Pango attributes (never markup: the text is
 * the customer's).  The list view holds up to 200 rows and builds them all
 * when the agent jumps far, so a row must cost as little as one widget can. */

static const char * const speaker_classes[] = {
  "turn-bot", "turn-customer", "turn-agent", "turn-system",
};

static void
turn_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *bubble = hd_text_block_new ();

  gtk_widget_add_css_class (bubble, "turn");
  gtk_list_item_set_child (item, bubble);
}

/* Bold, small and dimmed: the speaker line, like the .caption style. */
static void
add_caption_attributes (PangoAttrList *attributes,
                        guint          start,
                        guint          end,
                        gboolean       bold,
                        guint16        alpha)
{
  PangoAttribute *attribute;

  attribute = pango_attr_scale_new (PANGO_SCALE_SMALL);
  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (attributes, attribute);
  attribute = pango_attr_foreground_alpha_new (alpha);
  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (attributes, attribute);
  if (bold)
    {
      attribute = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attribute->start_index = start;
      attribute->end_index = end;
      pango_attr_list_insert (attributes, attribute);
    }
}

static void
turn_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *bubble = gtk_list_item_get_child (item);
  HdTurn *turn = hd_slice_item_get_item (gtk_list_item_get_item (item));
  HdSpeaker speaker = hd_turn_get_speaker (turn);
  GListModel *attachments = hd_turn_get_attachments (turn);
  guint n_attachments = attachments != NULL ? g_list_model_get_n_items (attachments) : 0;
  const char *speaker_name = hd_ui_format_speaker (speaker);
  const char *text = hd_turn_get_text (turn);
  g_autofree char *clock = hd_ui_format_clock (hd_turn_get_time (turn));
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *accessible = NULL;
  guint header_end;

  /* GTK 4.8 binds a row again whenever its position changes, as when
   * earlier turns come in above: a row that already shows its turn keeps
   * its layout, or every row would be measured and shaped anew. */
  if (g_object_get_data (G_OBJECT (bubble), "hd-turn") == turn)
    return;
  g_object_set_data_full (G_OBJECT (bubble), "hd-turn", g_object_ref (turn), g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (speaker_classes); i++)
    if (i == (guint) speaker)
      gtk_widget_add_css_class (bubble, speaker_classes[i]);
    else
      gtk_widget_remove_css_class (bubble, speaker_classes[i]);
  gtk_widget_set_halign (bubble, speaker == HD_SPEAKER_AGENT ? GTK_ALIGN_END : GTK_ALIGN_START);

  if (clock != NULL)
    /* TRANSLATORS: a turn's speaker and time, e.g. "Customer · 09:11" */
    g_string_append_printf (shown, _("%s · %s"), speaker_name, clock);
  else
    g_string_append (shown, speaker_name);
  header_end = shown->len;
  add_caption_attributes (attributes, 0, header_end, TRUE, 0.75 * G_MAXUINT16);
  g_string_append_c (shown, '\n');
  g_string_append (shown, text != NULL ? text : "");

  if (n_attachments > 0)
    {
      guint start = shown->len + 1;

      for (guint i = 0; i < n_attachments; i++)
        {
          g_autoptr(HdAttachment) attachment = g_list_model_get_item (attachments, i);
          const char *name = hd_attachment_get_name (attachment);

          g_string_append_c (shown, '\n');
          /* TRANSLATORS: a file the customer sent, e.g. "Attachment: receipt.png" */
          g_string_append_printf (shown, _("Attachment: %s"),
                                  name != NULL ? name : hd_attachment_get_id (attachment));
        }
      add_caption_attributes (attributes, start, shown->len, FALSE, 0.55 * G_MAXUINT16);
    }

  /* TRANSLATORS: how a screen reader announces a turn: speaker, time, text */
  accessible = g_strdup_printf (_("%s at %s: %s"), speaker_name, clock != NULL ? clock : "",
                                text != NULL ? text : "");
  hd_text_block_set_text (HD_TEXT_BLOCK (bubble), shown->str, attributes, accessible);
}

static gboolean
adjustment_at_bottom (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
         >= gtk_adjustment_get_upper (adjustment) - BOTTOM_SLACK;
}

/* Puts the end of the transcript in view.  Our own change of the value is
 * not the agent scrolling, so it must not decide "following". */
static void
stick_to_bottom (HdHandoffPane *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->transcript_scroller);

  self->sticking = TRUE;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  self->last_value = gtk_adjustment_get_value (adjustment);
  self->last_upper = gtk_adjustment_get_upper (adjustment);
  self->last_page_size = gtk_adjustment_get_page_size (adjustment);
  self->sticking = FALSE;
}

static guint
n_shown_turns (HdHandoffPane *self)
{
  return self->slice != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->slice)) : 0;
}

static gboolean
stick_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (user_data);

  /* Row heights become known only as rows are laid out: keep at the end
   * for a few frames after a change.  Right after a new transcript came in,
   * the bounds are the old one's: only ask the list for its last row. */
  if (self->following && self->bounds_stale)
    {
      guint n = n_shown_turns (self);

      self->bounds_stale = FALSE;
      if (n > 0)
        {
          self->landing = TRUE;
          gtk_widget_activate_action (GTK_WIDGET (self->transcript_view), "list.scroll-to-item", "u", n - 1);
        }
      return G_SOURCE_CONTINUE;
    }
  if (self->following)
    stick_to_bottom (self);
  if (--self->stick_frames > 0 && self->following)
    return G_SOURCE_CONTINUE;
  self->stick_frames = 0;
  self->stick_tick_id = 0;
  self->landing = FALSE;
  return G_SOURCE_REMOVE;
}

/* Keeps the end in view for the next few frames.  The value is never set
 * from inside the list view's own allocation (notify::upper): it would be
 * out of step with the rows the list view lays out. */
static void
queue_stick (HdHandoffPane *self,
             int            frames)
{
  self->stick_frames = MAX (self->stick_frames, frames);
  if (self->stick_tick_id == 0)
    self->stick_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->transcript_view),
                                                        stick_tick_cb, self, NULL);
}

static void
scroll_to_latest (HdHandoffPane *self)
{
  guint offset, n;

  self->following = TRUE;
  gtk_widget_set_visible (self->jump_button, FALSE);
  if (self->slice == NULL)
    return;
  /* Back from reading far above: a fresh small slice at the end, rather than
   * sliding through everything in between.  Following: drop what live turns
   * added past the slice's bound, above what is shown. */
  offset = hd_slice_model_get_offset (self->slice);
  n = n_shown_turns (self);
  hd_slice_model_show_end (self->slice, hd_slice_model_reaches_end (self->slice) ? MIN (n, SLICE_MAX) : SLICE_FIRST);
  /* A new slice: until the next layout the bounds are the old slice's. */
  if (offset != hd_slice_model_get_offset (self->slice) || n != n_shown_turns (self))
    self->bounds_stale = TRUE;
  n = n_shown_turns (self);
  if (n == 0)
    return;
  self->landing = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self->transcript_view), "list.scroll-to-item", "u", n - 1);
  queue_stick (self, 6);
}

/* While following the end, only a slice too short to scroll slides: a new
 * transcript is drawn without the turns above it, which come in once the
 * agent scrolls up towards them (which stops following). */
static gboolean
may_slide (HdHandoffPane *self,
           GtkAdjustment *adjustment)
{
  return !self->following ||
         gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment);
}

static gboolean
slide_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (user_data);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->transcript_scroller);
  guint step;

  self->slide_tick_id = 0;
  if (self->slice == NULL)
    return G_SOURCE_REMOVE;
  /* While a new transcript is laid out its bounds can briefly read as too
   * short (the upper bound equal to the page): judged again once laid out. */
  if (!may_slide (self, adjustment))
    return G_SOURCE_REMOVE;
  /* Filling a view the first slice does not: a few turns a frame, so the
   * frames after an offer stay light (32 at once took longer to lay out
   * than the offer's own frame). */
  step = self->following ? SLICE_FILL_STEP : SLICE_STEP;
  if (self->slide_direction < 0)
    hd_slice_model_extend_start (self->slice, step);
  else
    hd_slice_model_extend_end (self->slice, step);
  return G_SOURCE_REMOVE;
}

/* Slides the transcript's slice once the agent scrolls within a page of
 * either of its ends; never from inside the list view's own layout, hence
 * the tick callback.  The list view keeps the rows in view where they are. */
static void
maybe_slide (HdHandoffPane *self,
             GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (self->slice == NULL || self->slide_tick_id != 0 || !may_slide (self, adjustment))
    return;
  if (value <= page && !hd_slice_model_reaches_start (self->slice))
    self->slide_direction = -1;
  else if (value + 2 * page >= gtk_adjustment_get_upper (adjustment) &&
           !hd_slice_model_reaches_end (self->slice))
    self->slide_direction = 1;
  else
    return;
  self->slide_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->transcript_view),
                                                      slide_tick_cb, self, NULL);
}

static void
on_vadjustment_value_changed_cb (HdHandoffPane *self,
                                 GtkAdjustment *adjustment)
{
  gboolean bounds_changed;

  if (self->sticking)
    return;

  /* A change that comes with new bounds is layout (rows measured, turns
   * appended, window resized), not the agent scrolling. */
  bounds_changed = gtk_adjustment_get_upper (adjustment) != self->last_upper ||
                   gtk_adjustment_get_page_size (adjustment) != self->last_page_size;

  /* Our scroll to the last row lands a frame later, with the row in view but
   * not always at the very bottom: that is not the agent scrolling up (it
   * stopped following and slid 32 rows into the frame after an offer). */
  {
    double previous = self->last_value;

    self->last_value = gtk_adjustment_get_value (adjustment);
    /* Downwards only: the agent scrolling up meanwhile is the agent. */
    if (self->landing && self->following && !bounds_changed && self->stick_tick_id != 0 &&
        self->last_value >= previous)
      {
        self->landing = FALSE;
        return;
      }
    self->landing = FALSE;
  }

  /* The agent's own scrolling decides whether live turns are followed: at
   * the bottom of a slice that ends with the latest turn. */
  if (!bounds_changed)
    {
      self->following = adjustment_at_bottom (adjustment) && hd_slice_model_reaches_end (self->slice);
      if (self->following)
        gtk_widget_set_visible (self->jump_button, FALSE);
    }

  maybe_slide (self, adjustment);

  if (bounds_changed)
    {
      self->last_upper = gtk_adjustment_get_upper (adjustment);
      self->last_page_size = gtk_adjustment_get_page_size (adjustment);
      if (self->following)
        queue_stick (self, 2);
    }
}

static void
on_vadjustment_upper_cb (HdHandoffPane *self,
                         GParamSpec    *pspec,
                         GtkAdjustment *adjustment)
{
  /* The bounds are not recorded here: the value change that usually comes
   * with new bounds must still be recognised as layout. */
  if (self->following)
    queue_stick (self, 2);
}

static void
on_transcript_items_changed_cb (HdHandoffPane *self,
                                guint          position,
                                guint          removed,
                                guint          added,
                                GListModel    *model)
{
  update_transcript_title (self);
  if (added == 0)
    return;
  if (self->following)
    scroll_to_latest (self);
  else
    gtk_widget_set_visible (self->jump_button, TRUE);
}

/* Find in transcript. */

static gboolean
turn_matches (HdTurn     *turn,
              const char *folded_query)
{
  const char *text = hd_turn_get_text (turn);
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_query) != NULL;
}

static void
find (HdHandoffPane *self,
      int            direction,
      gboolean       include_current)
{
  guint n = self->transcript != NULL ? g_list_model_get_n_items (self->transcript) : 0;
  guint selected = gtk_single_selection_get_selected (self->transcript_selection);
  guint offset = self->slice != NULL ? hd_slice_model_get_offset (self->slice) : 0;
  guint start;

  /* Positions below are in the whole transcript, the selection's in the slice. */
  if (selected != GTK_INVALID_LIST_POSITION)
    selected += offset;

  if (self->search_folded == NULL || *self->search_folded == '\0' || n == 0)
    {
      gtk_label_set_text (self->search_status_label, "");
      return;
    }

  if (selected == GTK_INVALID_LIST_POSITION)
    start = direction > 0 ? 0 : n - 1;
  else if (include_current)
    start = selected;
  else
    start = (selected + n + direction) % n;

  for (guint k = 0; k < n; k++)
    {
      guint i = (start + n + (direction > 0 ? k : n - k)) % n;
      g_autoptr(HdTurn) turn = g_list_model_get_item (self->transcript, i);

      if (turn_matches (turn, self->search_folded))
        {
          g_autofree char *status = g_strdup_printf (_("Turn %u of %u"), i + 1, n);

          /* A match outside the slice: a small slice around it. */
          if (i < offset || i >= offset + n_shown_turns (self))
            {
              hd_slice_model_show_around (self->slice, i, SLICE_FIRST);
              offset = hd_slice_model_get_offset (self->slice);
            }
          gtk_single_selection_set_selected (self->transcript_selection, i - offset);
          gtk_widget_activate_action (GTK_WIDGET (self->transcript_view), "list.scroll-to-item", "u", i - offset);
          gtk_label_set_text (self->search_status_label, status);
          self->following = FALSE;
          return;
        }
    }

  gtk_single_selection_set_selected (self->transcript_selection, GTK_INVALID_LIST_POSITION);
  gtk_label_set_text (self->search_status_label, _("No matches"));
}

static void
on_search_changed_cb (HdHandoffPane  *self,
                      GtkSearchEntry *entry)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->search_folded, g_free);
  if (query != NULL && *query != '\0')
    self->search_folded = g_utf8_casefold (query, -1);
  find (self, 1, TRUE);
}

static void
on_search_activate_cb (HdHandoffPane  *self,
                       GtkSearchEntry *entry)
{
  find (self, 1, FALSE);
}

static void
on_search_previous_cb (HdHandoffPane  *self,
                       GtkSearchEntry *entry)
{
  find (self, -1, FALSE);
}

/* Actions. */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  find (HD_HANDOFF_PANE (widget), 1, FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  find (HD_HANDOFF_PANE (widget), -1, FALSE);
}

static void
scroll_to_latest_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  scroll_to_latest (HD_HANDOFF_PANE (widget));
}

static void
send_reply_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reply_entry))));
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *id = NULL;
  gboolean taken;

  if (self->handoff == NULL || *text == '\0')
    return;

  /* Not connected: say so, and keep the agent's text in the box. */
  if (!self->can_send)
    {
      gtk_widget_activate_action (widget, "win.show-toast", "s",
                                  _("Not sent: the routing layer is not connected. Your message is still in the reply box."));
      return;
    }

  /* Activations may change the selection: keep the handoff's id for both. */
  id = g_strdup (hd_handoff_get_handoff_id (self->handoff));
  /* Detected again on the text as sent, not on the last debounced one. */
  matches = detect_repeats (self, text);
  if (matches != NULL && matches->len > 0)
    {
      g_autofree char *detail = hd_repeat_matches_to_detail (matches);

      gtk_widget_activate_action (widget, "session.quality-report", "(susb)", id,
                                  (guint32) HD_QUALITY_REPORT_ASKED_TO_REPEAT, detail, TRUE);
    }

  taken = gtk_widget_activate_action (widget, "session.reply", "(ss)", id, text);
  /* The text stays if no session took it, so nothing the agent typed is lost. */
  if (taken)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->reply_entry), "");
      clear_repeat_hint (self);
    }
}

static void
on_reply_activate_cb (HdHandoffPane *self,
                      GtkEntry      *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "pane.send-reply", NULL);
}

static void
on_reply_changed_cb (HdHandoffPane *self,
                     GtkEditable   *editable)
{
  update_reply (self);

  /* Matching runs once the agent pauses, not on every keystroke. */
  g_clear_handle_id (&self->repeat_source_id, g_source_remove);
  if (!_hd_handoff_pane_has_text (gtk_editable_get_text (editable)))
    clear_repeat_hint (self);
  else if (self->handoff != NULL && hd_handoff_get_state (self->handoff) == HD_HANDOFF_STATE_ACCEPTED)
    self->repeat_source_id = g_timeout_add (REPEAT_DEBOUNCE_MS, repeat_timeout_cb, self);
}

static void
on_handoff_notify_cb (HdHandoffPane *self,
                      GParamSpec    *pspec,
                      HdHandoff     *handoff)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "state"))
    update_reply (self);
  else if (g_str_equal (name, "priority") || g_str_equal (name, "vulnerable") ||
           g_str_equal (name, "sla-breached"))
    update_routing (self, hd_handoff_get_packet (handoff));
}

static void
disconnect_handoff (HdHandoffPane *self)
{
  if (self->slide_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->transcript_view), self->slide_tick_id);
  self->slide_tick_id = 0;
  if (self->transcript != NULL)
    g_clear_signal_handler (&self->transcript_changed_id, self->transcript);
  if (self->handoff != NULL)
    g_clear_signal_handler (&self->state_notify_id, self->handoff);
  g_clear_object (&self->transcript);
}

static void
update_all (HdHandoffPane *self)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;

  /* The adjustment still has the old transcript's bounds until the next layout. */
  self->bounds_stale = TRUE;
  update_transcript_title (self);
  update_reply (self);
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
  scroll_to_latest (self);
}

static void
hd_handoff_pane_dispose (GObject *object)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (object);

  disconnect_handoff (self);
  g_clear_handle_id (&self->repeat_source_id, g_source_remove);
  g_clear_object (&self->handoff);
  if (self->stick_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->transcript_view), self->stick_tick_id);
  self->stick_tick_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_HANDOFF_PANE);
  g_clear_object (&self->transcript_selection);
  g_clear_object (&self->slice);

  G_OBJECT_CLASS (hd_handoff_pane_parent_class)->dispose (object);
}

static void
hd_handoff_pane_finalize (GObject *object)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (object);

  g_free (self->search_folded);

  G_OBJECT_CLASS (hd_handoff_pane_parent_class)->finalize (object);
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
      g_value_set_boolean (value, self->can_reply);
      break;
    case PROP_CAN_SEND:
      g_value_set_boolean (value, self->can_send);
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
  object_class->finalize = hd_handoff_pane_finalize;
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
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, transcript_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, search_status_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, transcript_scroller);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, transcript_view);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, jump_button);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, reply_box);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, reply_disabled_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, reply_entry);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, send_button);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, repeat_hint_label);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, quality_box);
  /* Not kept in the struct, only named for tests and accessibility checks. */
  gtk_widget_class_bind_template_child_full (widget_class, "asked_to_repeat_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "re_verified_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "transfer_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "wrap_up_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, find_button);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, journal_button);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, case_editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reply_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reply_changed_cb);

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
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  self->can_reply = TRUE;
  self->can_send = TRUE;
  self->following = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (turn_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (turn_bind_cb), NULL);
  self->transcript_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->transcript_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->transcript_selection, TRUE);
  self->slice = hd_slice_model_new (NULL, SLICE_FIRST, SLICE_MAX);
  gtk_single_selection_set_model (self->transcript_selection, G_LIST_MODEL (self->slice));
  gtk_list_view_set_factory (self->transcript_view, factory);
  gtk_list_view_set_model (self->transcript_view, GTK_SELECTION_MODEL (self->transcript_selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  adjustment = gtk_scrolled_window_get_vadjustment (self->transcript_scroller);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::upper",
                           G_CALLBACK (on_vadjustment_upper_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::page-size",
                           G_CALLBACK (on_vadjustment_upper_cb), self, G_CONNECT_SWAPPED);

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
  gtk_editable_set_text (GTK_EDITABLE (self->reply_entry), "");
  clear_repeat_hint (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  /* The same slice shows every handoff's transcript: the rows stay, and
   * only bind to the new turns. */
  if (handoff == NULL)
    hd_slice_model_set_source (self->slice, NULL, 0);
  if (handoff != NULL)
    {
      self->transcript = g_object_ref (hd_handoff_get_transcript (handoff));
      /* Before our own handler, so the list already has new turns when it runs. */
      hd_slice_model_set_source (self->slice, self->transcript, SLICE_FIRST);
      self->transcript_changed_id =
        g_signal_connect_swapped (self->transcript, "items-changed",
                                  G_CALLBACK (on_transcript_items_changed_cb), self);
      self->state_notify_id =
        g_signal_connect_swapped (handoff, "notify", G_CALLBACK (on_handoff_notify_cb), self);
    }

  hd_case_editor_set_handoff (self->case_editor, handoff);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

gboolean
hd_handoff_pane_get_can_reply (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return self->can_reply;
}

void
hd_handoff_pane_set_can_reply (HdHandoffPane *self,
                               gboolean       can_reply)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  can_reply = !!can_reply;
  if (self->can_reply == can_reply)
    return;
  self->can_reply = can_reply;
  update_reply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REPLY]);
}

gboolean
hd_handoff_pane_get_can_send (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return self->can_send;
}

void
hd_handoff_pane_set_can_send (HdHandoffPane *self,
                              gboolean       can_send)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  can_send = !!can_send;
  if (self->can_send == can_send)
    return;
  self->can_send = can_send;
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
  update_reply (self);
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
  return self->following;
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
