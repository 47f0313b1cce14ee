/* hd-sf-standin-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hd-sf-standin.h"

G_BEGIN_DECLS

/* Shared by hd-sf-standin.c (server, routing, faults, public API),
 * hd-sf-standin-oauth.c, hd-sf-standin-store.c (records and the data API),
 * hd-sf-standin-soql.c (the SOQL subset, pure) and hd-sf-standin-data.c
 * (schema and seed data). */

#define DEFAULT_CLIENT_ID  "HandoffDeskDemo"
#define DEFAULT_API_LIMIT  15000
#define ORG_ID             "00DHs000000DEMOAAA"
#define USER_ID            "005Hs000000AGNTAAA"
#define QUEUE_ID           "00GHs000000QUEUAAA"

typedef struct
{
  char    *user_id;
  gint64   issued_us;
  guint    generation;     /* expire_access_tokens () bumps the stand-in's */
  char    *refresh_token;  /* the refresh token it came from, nullable */
} Session;

typedef struct
{
  char     *challenge;
  char     *redirect_uri;
  char     *client_id;
  gint64    expires_us;
} AuthCode;

typedef struct
{
  char     *sobject;
  char     *when_field;
  char     *when_value;
  char     *required_field;
  gboolean  at_field;
  char     *message;
} ValidationRule;

typedef struct
{
  SoupServerMessage *msg;   /* owned */
  gulong             finished_id;
} Held;

struct _HdSfStandin
{
  GObject     parent_instance;

  SoupServer *server;
  char       *url;
  guint       port;
  char       *client_id;

  GHashTable *codes;            /* code → AuthCode */
  GHashTable *sessions;         /* access token → Session */
  GHashTable *refresh_tokens;   /* refresh token → user id (live ones) */
  guint       generation;
  gboolean    cdc_enabled;    /* Case is selected for Change Data Capture */
  guint       token_lifetime_ms;
  gboolean    rotate;
  char       *refresh_refusal;  /* nullable: the OAuth error every refresh gets */
  char       *refresh_refusal_description;

  GHashTable *records;          /* sobject → (id → JsonObject) */
  GPtrArray  *order;            /* "sobject/id" in creation order */
  guint       next_id;
  guint       next_case_number;
  GHashTable *demo_cases;       /* template name → case id */
  GHashTable *demo_accounts;    /* template name → account id */

  guint       request_limit;
  guint       n_api_calls;
  guint       n_refreshes;
  guint       n_revocations;
  HdSfStandinFault fault;
  guint       fault_count;
  guint       delay_ms;
  guint       fault_status;     /* HD_SF_STANDIN_FAULT_PROXY_PAGE's status */
  GPtrArray  *held;             /* of Held */
  GPtrArray  *write_log;        /* of char* */
  GPtrArray  *rules;            /* of ValidationRule, in the order added */
  GHashTable *removed_fields;   /* "Case.Next_Step__c": fields the org lacks */
  GHashTable *picklists;        /* Case field → GStrv: the org's values */
  GHashTable *picklist_defaults;/* Case field → default value */
  gint64      describe_modified;/* unix seconds: the metadata's last change */
  guint       n_describes;
  guint       n_describes_not_modified;
  guint       n_picklist_reads; /* ui-api picklist-values requests */
  char       *last_api_version;
  char       *last_auto_assign;

  struct _HdSfStandinStreaming *streaming;   /* hd-sf-standin-streaming-private.h */
};

extern const char * const _hd_sf_standin_case_writable[];
extern const char * const _hd_sf_standin_case_statuses[];
extern const char * const _hd_sf_standin_case_priorities[];

/* hd-sf-standin.c */
void _hd_sf_standin_set_json (SoupServerMessage *msg, guint status, JsonNode *root);
void _hd_sf_standin_set_error_array (SoupServerMessage *msg, guint status, const char *code, const char *message, const char * const *fields);
void _hd_sf_standin_set_oauth_error (SoupServerMessage *msg, guint status, const char *error, const char *description);

/* hd-sf-standin-oauth.c */
char * _hd_sf_standin_random_token (guint n_bytes);
char * _hd_sf_standin_new_secret (const char *prefix, guint n_bytes, const char *suffix);
void _hd_sf_standin_authorize_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data);
void _hd_sf_standin_auth_code_free (AuthCode *auth);
void _hd_sf_standin_session_free (Session *session);
void _hd_sf_standin_token_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data);
void _hd_sf_standin_revoke_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data);
Session * _hd_sf_standin_check_bearer (HdSfStandin *self, SoupServerMessage *msg);
void _hd_sf_standin_identity_handler (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data);

/* hd-sf-standin-store.c */
char * _hd_sf_standin_format_datetime (GDateTime *when);
GDateTime * _hd_sf_standin_parse_datetime (const char *text);
GHashTable * _hd_sf_standin_table_for (HdSfStandin *self, const char *sobject);
JsonObject * _hd_sf_standin_lookup_record (HdSfStandin *self, const char *sobject, const char *id);
void _hd_sf_standin_touch (JsonObject *record, const char *user_id);
/* Publishes the CaseChangeEvent of a Case @change_type ("CREATE",
 * "UPDATE") of @record by @user_id: on UPDATE @fields are the values
 * changed, as Change Data Capture sends them (hd-sf-standin-streaming.c). */
void _hd_sf_standin_publish_case_change (HdSfStandin *self, const char *change_type, JsonObject *record, JsonObject *fields, const char *user_id);
char * _hd_sf_standin_insert (HdSfStandin *self, const char *sobject, JsonObject *fields, const char *user_id);
JsonNode * _hd_sf_standin_record_for_output (HdSfStandin *self, const char *sobject, JsonObject *record, const char *version, const char * const *only);
void _hd_sf_standin_run_query (HdSfStandin *self, SoupServerMessage *msg, const char *soql, const char *version);
void _hd_sf_standin_log_write (HdSfStandin *self, const char *method, const char *what, JsonObject *fields);
gboolean _hd_sf_standin_handle_data (HdSfStandin *self, SoupServerMessage *msg, Session *session, const char *version, const char *rest, GHashTable *query);

/* hd-sf-standin-rules.c */
void _hd_sf_standin_rule_free (ValidationRule *rule);
/* Checks @sobject's validation rules against @record with @fields written
 * over it (@record is NULL for a create); answers the 400 itself and
 * returns FALSE. */
gboolean _hd_sf_standin_check_rules (HdSfStandin *self, SoupServerMessage *msg, const char *sobject, JsonObject *record, JsonObject *fields);

/* hd-sf-standin-describe.c */
void _hd_sf_standin_touch_describe (HdSfStandin *self);
gboolean _hd_sf_standin_field_removed (HdSfStandin *self, const char *sobject, const char *field);
const char * const * _hd_sf_standin_picklist_values (HdSfStandin *self, const char *field);
void _hd_sf_standin_answer_describe (HdSfStandin *self, SoupServerMessage *msg, const char *sobject);
/* GET ui-api/… (@parts: the path split at '/'): the picklist values of a record type. */
void _hd_sf_standin_answer_ui_picklists (HdSfStandin *self, SoupServerMessage *msg, const char *version, const char * const *parts);

/* hd-sf-standin-data.c */
gboolean _hd_sf_standin_field_known (const char *sobject, const char *field);
const char * _hd_sf_standin_canonical_field (const char *sobject, const char *field);
const char * const * _hd_sf_standin_fields_of (const char *sobject);
const char * _hd_sf_standin_prefix_of (const char *sobject);
void _hd_sf_standin_seed (HdSfStandin *self);

G_END_DECLS
