/* hd-sf-standin.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "hd-sf-standin.h"

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
  guint       token_lifetime_ms;
  gboolean    rotate;

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
  GPtrArray  *held;             /* of Held */
  GPtrArray  *write_log;        /* of char* */
  char       *last_api_version;
  char       *last_auto_assign;
};

G_DEFINE_FINAL_TYPE (HdSfStandin, hd_sf_standin, G_TYPE_OBJECT)

enum { REQUEST, APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *case_fields[] = {
  "Id", "CaseNumber", "Subject", "Status", "Priority", "Type", "Reason", "Origin", "Description",
  "Disposition__c", "Next_Step__c", "AccountId", "ContactId", "OwnerId", "IsClosed", "IsEscalated",
  "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", NULL
};
static const char *case_writable[] = {
  "Subject", "Status", "Priority", "Type", "Reason", "Origin", "Description", "Disposition__c",
  "Next_Step__c", "AccountId", "ContactId", "OwnerId", "IsEscalated", NULL
};
static const char *case_statuses[] = { "New", "Working", "Waiting on Customer", "Escalated", "Closed", NULL };
static const char *case_priorities[] = { "Low", "Medium", "High", "Critical", NULL };
static const char *comment_fields[] = {
  "Id", "ParentId", "CommentBody", "IsPublished", "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};
static const char *account_fields[] = {
  "Id", "Name", "IsPersonAccount", "FirstName", "LastName", "PersonEmail", "PersonMobilePhone",
  "PersonContactId", "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};
static const char *contact_fields[] = {
  "Id", "Name", "FirstName", "LastName", "Email", "MobilePhone", "AccountId", "CreatedDate",
  "CreatedById", "LastModifiedDate", NULL
};
static const char *financial_fields[] = {
  "Id", "Name", "FinServ__FinancialAccountNumber__c", "FinServ__FinancialAccountType__c",
  "FinServ__Status__c", "FinServ__Balance__c", "FinServ__PrimaryOwner__c", "CreatedDate",
  "CreatedById", "LastModifiedDate", NULL
};
static const char *user_fields[] = { "Id", "Name", "Username", "Email", "CreatedDate", "LastModifiedDate", NULL };

static const char * const *
fields_of (const char *sobject)
{
  if (g_strcmp0 (sobject, "Case") == 0)
    return case_fields;
  if (g_strcmp0 (sobject, "CaseComment") == 0)
    return comment_fields;
  if (g_strcmp0 (sobject, "Account") == 0)
    return account_fields;
  if (g_strcmp0 (sobject, "Contact") == 0)
    return contact_fields;
  if (g_strcmp0 (sobject, "FinServ__FinancialAccount__c") == 0)
    return financial_fields;
  if (g_strcmp0 (sobject, "User") == 0)
    return user_fields;
  return NULL;
}

static const char *
prefix_of (const char *sobject)
{
  if (g_strcmp0 (sobject, "Case") == 0)
    return "500";
  if (g_strcmp0 (sobject, "CaseComment") == 0)
    return "00a";
  if (g_strcmp0 (sobject, "Account") == 0)
    return "001";
  if (g_strcmp0 (sobject, "Contact") == 0)
    return "003";
  if (g_strcmp0 (sobject, "User") == 0)
    return "005";
  return "a0B";
}

static char *
random_token (guint n_bytes)
{
  g_autoptr(GString) out = g_string_new (NULL);
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  for (guint i = 0; i < n_bytes; i++)
    g_string_append_c (out, alphabet[g_random_int_range (0, sizeof alphabet - 1)]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
new_secret (const char *prefix,
            guint       n_bytes,
            const char *suffix)
{
  g_autofree char *middle = random_token (n_bytes);

  return g_strconcat (prefix, middle, suffix, NULL);
}

static char *
sha256_base64url (const char *text)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;
  char *encoded;
  char *out;

  g_checksum_update (checksum, (const guchar *) text, strlen (text));
  g_checksum_get_digest (checksum, digest, &len);
  encoded = g_base64_encode (digest, len);
  out = encoded;
  for (char *p = encoded; *p != '\0'; p++)
    if (*p != '=')
      *out++ = *p == '+' ? '-' : *p == '/' ? '_' : *p;
  *out = '\0';
  return encoded;
}

static char *
format_datetime (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
  g_autofree char *base = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03d+0000", base, g_date_time_get_microsecond (utc) / 1000);
}

static GDateTime *
parse_datetime (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

/* --- records --- */

static GHashTable *
table_for (HdSfStandin *self,
           const char  *sobject)
{
  GHashTable *table = g_hash_table_lookup (self->records, sobject);

  if (table == NULL && fields_of (sobject) != NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
      g_hash_table_insert (self->records, g_strdup (sobject), table);
    }
  return table;
}

static JsonObject *
lookup_record (HdSfStandin *self,
               const char  *sobject,
               const char  *id)
{
  GHashTable *table = table_for (self, sobject);

  return table != NULL && id != NULL ? g_hash_table_lookup (table, id) : NULL;
}

/* Never earlier than now, and always at least a second after the last
 * change, so whole-second If-Unmodified-Since checks see every write. */
static void
touch (JsonObject *record,
       const char *user_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) last = parse_datetime (json_object_get_string_member_with_default (record, "LastModifiedDate", NULL));
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (last != NULL)
    {
      g_autoptr(GDateTime) next = g_date_time_add_seconds (last, 1.0);

      when = g_date_time_compare (next, now) > 0 ? g_date_time_ref (next) : g_date_time_ref (now);
    }
  else
    when = g_date_time_ref (now);
  text = format_datetime (when);
  json_object_set_string_member (record, "LastModifiedDate", text);
  if (json_object_has_member (record, "SystemModstamp"))
    json_object_set_string_member (record, "SystemModstamp", text);
  if (json_object_has_member (record, "LastModifiedById"))
    json_object_set_string_member (record, "LastModifiedById", user_id);
}

static char *
insert (HdSfStandin *self,
        const char  *sobject,
        JsonObject  *fields,
        const char  *user_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = format_datetime (now);
  GHashTable *table = table_for (self, sobject);
  const char * const *known = fields_of (sobject);
  JsonObject *record = json_object_new ();
  char *id;

  g_assert (table != NULL);
  id = g_strdup_printf ("%sHs%010u%s", prefix_of (sobject), ++self->next_id, "AAA");
  for (guint i = 0; known[i] != NULL; i++)
    json_object_set_null_member (record, known[i]);
  json_object_set_string_member (record, "Id", id);
  json_object_set_string_member (record, "CreatedDate", created);
  json_object_set_string_member (record, "CreatedById", user_id);
  json_object_set_string_member (record, "LastModifiedDate", created);
  if (g_strcmp0 (sobject, "Case") == 0)
    {
      g_autofree char *number = g_strdup_printf ("%08u", ++self->next_case_number);

      json_object_set_string_member (record, "CaseNumber", number);
      json_object_set_string_member (record, "Status", "New");
      json_object_set_string_member (record, "Priority", "Medium");
      json_object_set_string_member (record, "OwnerId", user_id);
      json_object_set_boolean_member (record, "IsClosed", FALSE);
      json_object_set_boolean_member (record, "IsEscalated", FALSE);
      json_object_set_string_member (record, "SystemModstamp", created);
      json_object_set_string_member (record, "LastModifiedById", user_id);
    }
  if (g_strcmp0 (sobject, "CaseComment") == 0)
    json_object_set_boolean_member (record, "IsPublished", FALSE);

  if (fields != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (record, l->data, json_node_copy (json_object_get_member (fields, l->data)));
    }
  g_hash_table_insert (table, g_strdup (id), record);
  g_ptr_array_add (self->order, g_strconcat (sobject, "/", id, NULL));
  return id;
}

/* --- answers --- */

static void
set_json (SoupServerMessage *msg,
          guint              status,
          JsonNode          *root)
{
  g_autofree char *text = json_to_string (root, FALSE);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json;charset=UTF-8", SOUP_MEMORY_COPY, text, strlen (text));
}

static void
set_error_array (SoupServerMessage  *msg,
                 guint               status,
                 const char         *code,
                 const char         *message,
                 const char * const *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "errorCode");
  json_builder_add_string_value (builder, code);
  if (fields != NULL)
    {
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint i = 0; fields[i] != NULL; i++)
        json_builder_add_string_value (builder, fields[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  set_json (msg, status, root);
}

static void
set_oauth_error (SoupServerMessage *msg,
                 guint              status,
                 const char        *error,
                 const char        *description)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();

  json_object_set_string_member (object, "error", error);
  json_object_set_string_member (object, "error_description", description);
  json_node_init_object (root, object);
  set_json (msg, status, root);
}

static JsonNode *
record_for_output (HdSfStandin *self,
                   const char  *sobject,
                   JsonObject  *record,
                   const char  *version,
                   const char * const *only)
{
  JsonObject *out = json_object_new ();
  JsonObject *attributes = json_object_new ();
  g_autofree char *url = g_strdup_printf ("/services/data/%s/sobjects/%s/%s", version, sobject,
                                          json_object_get_string_member (record, "Id"));
  g_autoptr(GList) names = json_object_get_members (record);
  JsonNode *node = json_node_alloc ();

  json_object_set_string_member (attributes, "type", sobject);
  json_object_set_string_member (attributes, "url", url);
  json_object_set_object_member (out, "attributes", attributes);
  if (only != NULL)
    {
      for (guint i = 0; only[i] != NULL; i++)
        {
          JsonNode *value = json_object_get_member (record, only[i]);

          json_object_set_member (out, only[i], value != NULL ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
        }
    }
  else
    for (GList *l = names; l != NULL; l = l->next)
      json_object_set_member (out, l->data, json_node_copy (json_object_get_member (record, l->data)));
  json_node_init_object (node, out);
  json_object_unref (out);
  return node;
}

/* --- OAuth endpoints --- */

static char *
add_query (const char *uri,
           const char *name1,
           const char *value1,
           const char *name2,
           const char *value2)
{
  g_autofree char *e1 = g_uri_escape_string (value1, NULL, FALSE);
  g_autofree char *e2 = value2 != NULL ? g_uri_escape_string (value2, NULL, FALSE) : NULL;

  return g_strdup_printf ("%s%s%s=%s%s%s%s%s", uri, strchr (uri, '?') != NULL ? "&" : "?", name1, e1,
                          e2 != NULL ? "&" : "", e2 != NULL ? name2 : "", e2 != NULL ? "=" : "",
                          e2 != NULL ? e2 : "");
}

static void
redirect_to (SoupServerMessage *msg,
             const char        *location)
{
  soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static void
authorize_handler (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  HdSfStandin *self = user_data;
  const char *client_id = query != NULL ? g_hash_table_lookup (query, "client_id") : NULL;
  const char *redirect_uri = query != NULL ? g_hash_table_lookup (query, "redirect_uri") : NULL;
  const char *response_type = query != NULL ? g_hash_table_lookup (query, "response_type") : NULL;
  const char *challenge = query != NULL ? g_hash_table_lookup (query, "code_challenge") : NULL;
  const char *method = query != NULL ? g_hash_table_lookup (query, "code_challenge_method") : NULL;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  g_autoptr(GUri) redirect = NULL;
  g_autofree char *location = NULL;
  g_autofree char *code = NULL;
  AuthCode *auth;

  if (g_strcmp0 (client_id, self->client_id) != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "error=invalid_client_id", 23);
      return;
    }
  /* Only loopback redirects are registered for the stand-in (any port,
   * like RFC 8252 asks; Salesforce itself matches exactly). */
  redirect = redirect_uri != NULL ? g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL) : NULL;
  if (redirect == NULL || g_strcmp0 (g_uri_get_scheme (redirect), "http") != 0 ||
      (g_strcmp0 (g_uri_get_host (redirect), "127.0.0.1") != 0 && g_strcmp0 (g_uri_get_host (redirect), "localhost") != 0))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "error=redirect_uri_mismatch", 27);
      return;
    }
  if (g_strcmp0 (response_type, "code") != 0)
    {
      location = add_query (redirect_uri, "error", "unsupported_response_type", "state", state);
      redirect_to (msg, location);
      return;
    }
  if (challenge == NULL || (method != NULL && g_strcmp0 (method, "S256") != 0))
    {
      g_autofree char *with_error = add_query (redirect_uri, "error", "invalid_request", "error_description",
                                               "missing or unsupported code challenge");

      location = state != NULL ? add_query (with_error, "state", state, NULL, NULL) : g_strdup (with_error);
      redirect_to (msg, location);
      return;
    }

  code = new_secret ("aPrx", 40, "==");
  auth = g_new0 (AuthCode, 1);
  auth->challenge = g_strdup (challenge);
  auth->redirect_uri = g_strdup (redirect_uri);
  auth->client_id = g_strdup (client_id);
  auth->expires_us = g_get_monotonic_time () + 15 * G_USEC_PER_SEC * 60;
  g_hash_table_insert (self->codes, g_strdup (code), auth);

  location = add_query (redirect_uri, "code", code, "state", state);
  redirect_to (msg, location);
}

static void
auth_code_free (AuthCode *auth)
{
  g_free (auth->challenge);
  g_free (auth->redirect_uri);
  g_free (auth->client_id);
  g_free (auth);
}

static void
session_free (Session *session)
{
  g_free (session->user_id);
  g_free (session->refresh_token);
  g_free (session);
}

static void
answer_tokens (HdSfStandin       *self,
               SoupServerMessage *msg,
               const char        *refresh_token,
               gboolean           include_refresh)
{
  g_autofree char *token = new_secret (ORG_ID "!AR", 96, NULL);
  g_autofree char *id_url = g_strdup_printf ("%s/id/%s/%s", self->url, ORG_ID, USER_ID);
  g_autofree char *issued = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000);
  g_autofree char *signature = random_token (43);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  Session *session = g_new0 (Session, 1);

  session->user_id = g_strdup (USER_ID);
  session->issued_us = g_get_monotonic_time ();
  session->generation = self->generation;
  session->refresh_token = g_strdup (refresh_token);
  g_hash_table_insert (self->sessions, g_strdup (token), session);

  /* The fields of Salesforce's answer: no expires_in. */
  json_object_set_string_member (object, "access_token", token);
  if (include_refresh && refresh_token != NULL)
    json_object_set_string_member (object, "refresh_token", refresh_token);
  json_object_set_string_member (object, "signature", signature);
  json_object_set_string_member (object, "scope", "refresh_token api");
  json_object_set_string_member (object, "instance_url", self->url);
  json_object_set_string_member (object, "id", id_url);
  json_object_set_string_member (object, "token_type", "Bearer");
  json_object_set_string_member (object, "issued_at", issued);
  json_node_init_object (root, object);
  set_json (msg, SOUP_STATUS_OK, root);
}

static GHashTable *
read_form (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return soup_form_decode (text);
}

static void
token_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  HdSfStandin *self = user_data;
  g_autoptr(GHashTable) form = NULL;
  const char *grant_type;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", "must use HTTP POST");
      return;
    }
  form = read_form (msg);
  grant_type = g_hash_table_lookup (form, "grant_type");

  if (g_strcmp0 (grant_type, "authorization_code") == 0)
    {
      const char *code = g_hash_table_lookup (form, "code");
      const char *verifier = g_hash_table_lookup (form, "code_verifier");
      AuthCode *auth = code != NULL ? g_hash_table_lookup (self->codes, code) : NULL;
      g_autofree char *challenge = NULL;
      g_autofree char *refresh = NULL;

      if (auth == NULL || auth->expires_us < g_get_monotonic_time ())
        {
          set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant", "invalid authorization code");
          return;
        }
      if (g_strcmp0 (g_hash_table_lookup (form, "client_id"), auth->client_id) != 0 ||
          g_strcmp0 (g_hash_table_lookup (form, "redirect_uri"), auth->redirect_uri) != 0)
        {
          g_hash_table_remove (self->codes, code);
          set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant", "redirect_uri must match configuration");
          return;
        }
      /* SALESFORCE.md §2.2: no verifier → invalid_grant, a wrong one →
       * invalid_request.  Either way the code is spent. */
      if (verifier == NULL)
        {
          g_hash_table_remove (self->codes, code);
          set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant", "code verifier is missing");
          return;
        }
      challenge = sha256_base64url (verifier);
      if (g_strcmp0 (challenge, auth->challenge) != 0)
        {
          g_hash_table_remove (self->codes, code);
          set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", "invalid code verifier");
          return;
        }
      g_hash_table_remove (self->codes, code);
      refresh = new_secret ("5Aep861", 80, NULL);
      g_hash_table_insert (self->refresh_tokens, g_strdup (refresh), g_strdup (USER_ID));
      answer_tokens (self, msg, refresh, TRUE);
      return;
    }

  if (g_strcmp0 (grant_type, "refresh_token") == 0)
    {
      const char *refresh = g_hash_table_lookup (form, "refresh_token");

      if (g_strcmp0 (g_hash_table_lookup (form, "client_id"), self->client_id) != 0)
        {
          set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_client_id", "client identifier invalid");
          return;
        }
      if (refresh == NULL || !g_hash_table_contains (self->refresh_tokens, refresh))
        {
          set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant", "expired access/refresh token");
          return;
        }
      self->n_refreshes++;
      if (self->rotate)
        {
          g_autofree char *fresh = new_secret ("5Aep861", 80, NULL);

          g_hash_table_remove (self->refresh_tokens, refresh);
          g_hash_table_insert (self->refresh_tokens, g_strdup (fresh), g_strdup (USER_ID));
          answer_tokens (self, msg, fresh, TRUE);
        }
      else
        {
          g_autofree char *same = g_strdup (refresh);

          answer_tokens (self, msg, same, FALSE);
        }
      return;
    }

  set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "unsupported_grant_type", "grant type not supported");
}

static void
revoke_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  HdSfStandin *self = user_data;
  g_autoptr(GHashTable) form = NULL;
  const char *token;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  form = read_form (msg);
  token = g_hash_table_lookup (form, "token");
  if (token != NULL && g_hash_table_remove (self->refresh_tokens, token))
    {
      GHashTableIter iter;
      Session *session;

      /* Revoking a refresh token revokes the access tokens it issued. */
      g_hash_table_iter_init (&iter, self->sessions);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &session))
        if (g_strcmp0 (session->refresh_token, token) == 0)
          g_hash_table_iter_remove (&iter);
    }
  else if (token == NULL || !g_hash_table_remove (self->sessions, token))
    {
      set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_token", "the token is not valid");
      return;
    }
  self->n_revocations++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static Session *
check_bearer (HdSfStandin       *self,
              SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  Session *session;

  if (header == NULL || !g_str_has_prefix (header, "Bearer "))
    return NULL;
  session = g_hash_table_lookup (self->sessions, header + strlen ("Bearer "));
  if (session == NULL || session->generation != self->generation)
    return NULL;
  if (self->token_lifetime_ms > 0 &&
      g_get_monotonic_time () - session->issued_us > (gint64) self->token_lifetime_ms * 1000)
    return NULL;
  return session;
}

static void
identity_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  HdSfStandin *self = user_data;
  g_autofree char *expected = g_strdup_printf ("/id/%s/%s", ORG_ID, USER_ID);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *urls;
  g_autofree char *id_url = NULL;
  g_autofree char *rest = NULL;

  if (check_bearer (self, msg) == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "Bad_OAuth_Token", 15);
      return;
    }
  if (g_strcmp0 (path, expected) != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  id_url = g_strconcat (self->url, expected, NULL);
  rest = g_strconcat (self->url, "/services/data/v{version}/", NULL);
  object = json_object_new ();
  json_object_set_string_member (object, "id", id_url);
  json_object_set_boolean_member (object, "asserted_user", TRUE);
  json_object_set_string_member (object, "user_id", USER_ID);
  json_object_set_string_member (object, "organization_id", ORG_ID);
  json_object_set_string_member (object, "username", "asha.verma@northbridge-bank.example");
  json_object_set_string_member (object, "nick_name", "asha.verma");
  json_object_set_string_member (object, "display_name", "Asha Verma");
  json_object_set_string_member (object, "email", "asha.verma@northbridge-bank.example");
  json_object_set_boolean_member (object, "active", TRUE);
  json_object_set_string_member (object, "user_type", "STANDARD");
  json_object_set_string_member (object, "language", "en_US");
  json_object_set_string_member (object, "locale", "en_IN");
  json_object_set_int_member (object, "utcOffset", 19800000);
  urls = json_object_new ();
  json_object_set_string_member (urls, "rest", rest);
  json_object_set_object_member (object, "urls", urls);
  root = json_node_alloc ();
  json_node_init_object (root, object);
  set_json (msg, SOUP_STATUS_OK, root);
}

/* --- SOQL subset --- */

typedef struct
{
  char     *field;
  char     *op;
  JsonNode *value;
} Condition;

static void
condition_free (Condition *condition)
{
  g_free (condition->field);
  g_free (condition->op);
  g_clear_pointer (&condition->value, json_node_unref);
  g_free (condition);
}

typedef struct
{
  const char *p;
} Lexer;

static void
skip_space (Lexer *lexer)
{
  while (g_ascii_isspace (*lexer->p))
    lexer->p++;
}

/* A word, an operator, a quoted string (returned with its quotes removed
 * and *quoted set) or a punctuation character. */
static char *
next_token (Lexer    *lexer,
            gboolean *quoted)
{
  const char *start;

  skip_space (lexer);
  *quoted = FALSE;
  start = lexer->p;
  if (*lexer->p == '\0')
    return NULL;
  if (*lexer->p == '\'')
    {
      GString *out = g_string_new (NULL);

      lexer->p++;
      while (*lexer->p != '\0' && *lexer->p != '\'')
        {
          if (*lexer->p == '\\' && lexer->p[1] != '\0')
            lexer->p++;
          g_string_append_c (out, *lexer->p++);
        }
      if (*lexer->p != '\'')
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      lexer->p++;
      *quoted = TRUE;
      return g_string_free (out, FALSE);
    }
  if (strchr ("<>!=", *lexer->p) != NULL)
    {
      while (strchr ("<>!=", *lexer->p) != NULL && *lexer->p != '\0')
        lexer->p++;
      return g_strndup (start, lexer->p - start);
    }
  if (strchr (",()", *lexer->p) != NULL)
    return g_strndup (lexer->p++, 1);
  while (*lexer->p != '\0' && !g_ascii_isspace (*lexer->p) && strchr (",()'<>!=", *lexer->p) == NULL)
    lexer->p++;
  return g_strndup (start, lexer->p - start);
}

static gboolean
field_known (const char *sobject,
             const char *field)
{
  const char * const *known = fields_of (sobject);

  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    if (g_ascii_strcasecmp (known[i], field) == 0)
      return TRUE;
  return FALSE;
}

static const char *
canonical_field (const char *sobject,
                 const char *field)
{
  const char * const *known = fields_of (sobject);

  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    if (g_ascii_strcasecmp (known[i], field) == 0)
      return known[i];
  return field;
}

static int
compare_values (JsonNode *a,
                JsonNode *b)
{
  const char *sa, *sb;
  g_autoptr(GDateTime) da = NULL;
  g_autoptr(GDateTime) db = NULL;

  if (a == NULL || JSON_NODE_HOLDS_NULL (a) || b == NULL || JSON_NODE_HOLDS_NULL (b))
    return (a == NULL || JSON_NODE_HOLDS_NULL (a)) == (b == NULL || JSON_NODE_HOLDS_NULL (b)) ? 0 : 2;
  if (json_node_get_value_type (a) == G_TYPE_BOOLEAN || json_node_get_value_type (b) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (a) == json_node_get_boolean (b) ? 0 : 2;
  if (json_node_get_value_type (a) != G_TYPE_STRING || json_node_get_value_type (b) != G_TYPE_STRING)
    {
      double x = json_node_get_double (a), y = json_node_get_double (b);

      return x < y ? -1 : x > y;
    }
  sa = json_node_get_string (a);
  sb = json_node_get_string (b);
  if (strchr (sa, 'T') != NULL && strchr (sb, 'T') != NULL &&
      (da = parse_datetime (sa)) != NULL && (db = parse_datetime (sb)) != NULL)
    return g_date_time_compare (da, db);
  return strcmp (sa, sb) < 0 ? -1 : strcmp (sa, sb) > 0;
}

static gboolean
matches (JsonObject *record,
         GPtrArray  *conditions)
{
  for (guint i = 0; i < conditions->len; i++)
    {
      Condition *condition = g_ptr_array_index (conditions, i);
      JsonNode *value = json_object_get_member (record, condition->field);
      int cmp;

      if (g_ascii_strcasecmp (condition->op, "LIKE") == 0)
        {
          g_autofree char *pattern = NULL;
          g_autoptr(GPatternSpec) spec = NULL;

          if (value == NULL || JSON_NODE_HOLDS_NULL (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            return FALSE;
          pattern = g_strdelimit (g_strdup (json_node_get_string (condition->value)), "%", '*');
          spec = g_pattern_spec_new (pattern);
          if (!g_pattern_spec_match_string (spec, json_node_get_string (value)))
            return FALSE;
          continue;
        }
      cmp = compare_values (value, condition->value);
      if ((strcmp (condition->op, "=") == 0 && cmp != 0) ||
          ((strcmp (condition->op, "!=") == 0 || strcmp (condition->op, "<>") == 0) && cmp == 0) ||
          (strcmp (condition->op, "<") == 0 && cmp != -1) ||
          (strcmp (condition->op, ">") == 0 && cmp != 1) ||
          (strcmp (condition->op, "<=") == 0 && cmp != -1 && cmp != 0) ||
          (strcmp (condition->op, ">=") == 0 && cmp != 1 && cmp != 0))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *field;
  gboolean    descending;
} Order;

static gint
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Order *order = user_data;
  int cmp = compare_values (json_object_get_member (*(JsonObject **) a, order->field),
                            json_object_get_member (*(JsonObject **) b, order->field));

  if (cmp == 2)
    cmp = 0;
  return order->descending ? -cmp : cmp;
}

static void
run_query (HdSfStandin       *self,
           SoupServerMessage *msg,
           const char        *soql,
           const char        *version)
{
  Lexer lexer = { soql };
  gboolean quoted;
  g_autoptr(GPtrArray) select = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) condition_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *token = NULL;
  g_autofree char *sobject = NULL;
  g_autofree char *order_field = NULL;
  gboolean descending = FALSE;
  gint64 limit = -1;
  g_autoptr(JsonObject) result = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  JsonArray *records;
  g_auto(GStrv) only = NULL;

#define MALFORMED(why) G_STMT_START { \
    set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "MALFORMED_QUERY", why, NULL); return; } G_STMT_END

  if (soql == NULL || *soql == '\0')
    MALFORMED ("SOQL statements cannot be empty or null");
  token = next_token (&lexer, &quoted);
  if (token == NULL || g_ascii_strcasecmp (token, "SELECT") != 0)
    MALFORMED ("unexpected token: expected SELECT");
  for (;;)
    {
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token == NULL || quoted || strcmp (token, "(") == 0)
        MALFORMED ("unexpected token in the field list");
      g_ptr_array_add (select, g_strdup (token));
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token != NULL && strcmp (token, ",") == 0)
        continue;
      break;
    }
  if (token == NULL || g_ascii_strcasecmp (token, "FROM") != 0)
    MALFORMED ("unexpected token: expected FROM");
  sobject = next_token (&lexer, &quoted);
  if (sobject == NULL || quoted)
    MALFORMED ("unexpected token: expected an sObject type");
  if (fields_of (sobject) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("sObject type '%s' is not supported. If you are attempting "
                                                  "to use a custom object, be sure to append the '__c' after "
                                                  "the entity name.", sobject);

      set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_TYPE", message, NULL);
      return;
    }
  for (guint i = 0; i < select->len; i++)
    if (!field_known (sobject, g_ptr_array_index (select, i)))
      {
        g_autofree char *message = g_strdup_printf ("No such column '%s' on entity '%s'.",
                                                    (char *) g_ptr_array_index (select, i), sobject);

        set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD", message, NULL);
        return;
      }

  g_free (token);
  token = next_token (&lexer, &quoted);
  if (token != NULL && g_ascii_strcasecmp (token, "WHERE") == 0)
    {
      for (;;)
        {
          Condition *condition;
          g_autofree char *field = next_token (&lexer, &quoted);
          g_autofree char *op = next_token (&lexer, &quoted);
          g_autofree char *value = NULL;
          gboolean value_quoted;

          if (field == NULL || op == NULL || strcmp (field, "(") == 0)
            MALFORMED ("unexpected token in WHERE");
          value = next_token (&lexer, &value_quoted);
          if (value == NULL || strcmp (value, "(") == 0)
            MALFORMED ("unexpected token in WHERE");
          if (!field_known (sobject, field))
            {
              g_autofree char *message = g_strdup_printf ("No such column '%s' on entity '%s'.", field, sobject);

              set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD", message, NULL);
              return;
            }
          condition = g_new0 (Condition, 1);
          condition->field = g_strdup (canonical_field (sobject, field));
          condition->op = g_steal_pointer (&op);
          if (value_quoted)
            condition->value = json_node_init_string (json_node_alloc (), value);
          else if (g_ascii_strcasecmp (value, "null") == 0)
            condition->value = json_node_new (JSON_NODE_NULL);
          else if (g_ascii_strcasecmp (value, "true") == 0 || g_ascii_strcasecmp (value, "false") == 0)
            condition->value = json_node_init_boolean (json_node_alloc (), g_ascii_strcasecmp (value, "true") == 0);
          else if (strchr (value, 'T') != NULL)
            condition->value = json_node_init_string (json_node_alloc (), value);   /* a datetime literal */
          else
            condition->value = json_node_init_double (json_node_alloc (), g_ascii_strtod (value, NULL));
          g_ptr_array_add (conditions, condition);

          g_free (token);
          token = next_token (&lexer, &quoted);
          if (token != NULL && g_ascii_strcasecmp (token, "AND") == 0)
            continue;
          break;
        }
    }
  if (token != NULL && g_ascii_strcasecmp (token, "ORDER") == 0)
    {
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token == NULL || g_ascii_strcasecmp (token, "BY") != 0)
        MALFORMED ("unexpected token: expected BY");
      order_field = next_token (&lexer, &quoted);
      if (order_field == NULL || !field_known (sobject, order_field))
        MALFORMED ("unexpected ORDER BY field");
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token != NULL && (g_ascii_strcasecmp (token, "ASC") == 0 || g_ascii_strcasecmp (token, "DESC") == 0))
        {
          descending = g_ascii_strcasecmp (token, "DESC") == 0;
          g_free (token);
          token = next_token (&lexer, &quoted);
        }
    }
  if (token != NULL && g_ascii_strcasecmp (token, "LIMIT") == 0)
    {
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token == NULL || (limit = g_ascii_strtoll (token, NULL, 10)) < 0)
        MALFORMED ("unexpected LIMIT");
      g_free (token);
      token = next_token (&lexer, &quoted);
    }
  if (token != NULL)
    MALFORMED ("unexpected token at the end of the query");
#undef MALFORMED

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *key = g_ptr_array_index (self->order, i);
      g_autofree char *type = g_strndup (key, strchr (key, '/') - key);
      JsonObject *record;

      if (strcmp (type, sobject) != 0)
        continue;
      record = lookup_record (self, sobject, strchr (key, '/') + 1);
      if (record != NULL && matches (record, conditions))
        g_ptr_array_add (rows, record);
    }
  if (order_field != NULL)
    {
      Order order = { canonical_field (sobject, order_field), descending };

      g_ptr_array_sort_with_data (rows, compare_records, &order);
    }
  if (limit >= 0 && rows->len > limit)
    g_ptr_array_set_size (rows, (guint) limit);

  only = g_new0 (char *, select->len + 1);
  for (guint i = 0; i < select->len; i++)
    only[i] = g_strdup (canonical_field (sobject, g_ptr_array_index (select, i)));
  records = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    json_array_add_element (records, record_for_output (self, sobject, g_ptr_array_index (rows, i), version,
                                                        (const char * const *) only));
  json_object_set_int_member (result, "totalSize", rows->len);
  json_object_set_boolean_member (result, "done", TRUE);
  json_object_set_array_member (result, "records", records);
  json_node_init_object (root, result);
  set_json (msg, SOUP_STATUS_OK, root);
}

/* --- data API --- */

static JsonObject *
read_json_object (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (g_bytes_get_size (bytes) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static void
log_write (HdSfStandin *self,
           const char  *method,
           const char  *what,
           JsonObject  *fields)
{
  g_autoptr(GList) names = fields != NULL ? json_object_get_members (fields) : NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  g_string_printf (line, "%s %s", method, what);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (line, "%s%s", l == names ? " " : ",", (char *) l->data);
  g_ptr_array_add (self->write_log, g_string_free (g_steal_pointer (&line), FALSE));
}

/* Checks the fields of a write; answers the 400 itself and returns FALSE. */
static gboolean
validate_fields (SoupServerMessage *msg,
                 const char        *sobject,
                 JsonObject        *fields)
{
  g_autoptr(GList) names = json_object_get_members (fields);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *one[] = { name, NULL };
      JsonNode *value = json_object_get_member (fields, name);

      if (!field_known (sobject, name))
        {
          g_autofree char *message = g_strdup_printf ("No such column '%s' on sobject of type %s", name, sobject);

          set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD", message, NULL);
          return FALSE;
        }
      if (g_strcmp0 (sobject, "Case") == 0 && !g_strv_contains (case_writable, name))
        {
          g_autofree char *message = g_strdup_printf ("Unable to create/update fields: %s. Please check the "
                                                      "security settings of this field and verify that it is "
                                                      "read/write for your profile or permission set.", name);

          set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD_FOR_INSERT_UPDATE", message, one);
          return FALSE;
        }
      if (g_strcmp0 (sobject, "Case") == 0 &&
          (strcmp (name, "Status") == 0 || strcmp (name, "Priority") == 0))
        {
          const char * const *allowed = strcmp (name, "Status") == 0 ? case_statuses : case_priorities;
          const char *text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                               ? json_node_get_string (value) : NULL;

          if (text == NULL || !g_strv_contains (allowed, text))
            {
              g_autofree char *message = g_strdup_printf ("%s: bad value for restricted picklist field: %s",
                                                          name, text != NULL ? text : "null");

              set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", message, one);
              return FALSE;
            }
        }
      if (g_strcmp0 (sobject, "CaseComment") == 0 && strcmp (name, "CommentBody") == 0 &&
          JSON_NODE_HOLDS_VALUE (value) && strlen (json_node_get_string (value)) > 4000)
        {
          set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "STRING_TOO_LONG",
                           "Body: data value too large (max length=4000)", one);
          return FALSE;
        }
    }
  return TRUE;
}

/* Returns TRUE when the request wrote something. */
static gboolean
handle_data (HdSfStandin       *self,
             SoupServerMessage *msg,
             Session           *session,
             const char        *version,
             const char        *rest,
             GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) parts = g_strsplit (rest, "/", -1);
  guint n = g_strv_length (parts);

  if (n == 1 && strcmp (parts[0], "query") == 0 && method == SOUP_METHOD_GET)
    {
      run_query (self, msg, query != NULL ? g_hash_table_lookup (query, "q") : NULL, version);
      return FALSE;
    }
  if (n < 2 || strcmp (parts[0], "sobjects") != 0 || fields_of (parts[1]) == NULL)
    {
      set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
      return FALSE;
    }

  if (n == 2 && method == SOUP_METHOD_POST &&
      (strcmp (parts[1], "Case") == 0 || strcmp (parts[1], "CaseComment") == 0))
    {
      g_autoptr(JsonObject) fields = read_json_object (msg);
      g_autoptr(JsonObject) answer = json_object_new ();
      g_autoptr(JsonNode) root = json_node_alloc ();
      g_autofree char *id = NULL;
      g_autofree char *what = NULL;

      if (fields == NULL)
        {
          set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "JSON_PARSER_ERROR", "The request body is not a JSON object", NULL);
          return FALSE;
        }
      if (!validate_fields (msg, parts[1], fields))
        return FALSE;
      if (strcmp (parts[1], "CaseComment") == 0)
        {
          const char *parent = json_object_get_string_member_with_default (fields, "ParentId", NULL);
          JsonObject *parent_case = lookup_record (self, "Case", parent);
          const char *fields_missing[] = { "ParentId", NULL };

          if (parent_case == NULL)
            {
              set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "FIELD_INTEGRITY_EXCEPTION",
                               "Parent ID: id value of incorrect type", fields_missing);
              return FALSE;
            }
        }
      id = insert (self, parts[1], fields, session->user_id);
      what = g_strdup_printf ("%s %s", parts[1], id);
      log_write (self, "POST", what, NULL);
      json_object_set_string_member (answer, "id", id);
      json_object_set_boolean_member (answer, "success", TRUE);
      json_object_set_array_member (answer, "errors", json_array_new ());
      json_node_init_object (root, answer);
      set_json (msg, SOUP_STATUS_CREATED, root);
      return TRUE;
    }

  if (n == 3)
    {
      JsonObject *record = lookup_record (self, parts[1], parts[2]);

      if (record == NULL)
        {
          set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
          return FALSE;
        }
      if (method == SOUP_METHOD_GET)
        {
          g_autoptr(JsonNode) root = NULL;
          const char *fields_param = query != NULL ? g_hash_table_lookup (query, "fields") : NULL;
          g_auto(GStrv) only = fields_param != NULL ? g_strsplit (fields_param, ",", -1) : NULL;

          for (guint i = 0; only != NULL && only[i] != NULL; i++)
            if (!field_known (parts[1], only[i]))
              {
                g_autofree char *message = g_strdup_printf ("No such column '%s' on sobject of type %s",
                                                            only[i], parts[1]);

                set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD", message, NULL);
                return FALSE;
              }
          root = record_for_output (self, parts[1], record, version, (const char * const *) only);
          set_json (msg, SOUP_STATUS_OK, root);
          return FALSE;
        }
      if (strcmp (method, "PATCH") == 0 && strcmp (parts[1], "Case") == 0)
        {
          SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
          const char *since_text = soup_message_headers_get_one (headers, "If-Unmodified-Since");
          const char *auto_assign = soup_message_headers_get_one (headers, "Sforce-Auto-Assign");
          g_autoptr(JsonObject) fields = read_json_object (msg);
          g_autofree char *what = NULL;
          g_autoptr(GList) names = NULL;

          g_free (self->last_auto_assign);
          self->last_auto_assign = g_strdup (auto_assign);
          if (fields == NULL)
            {
              set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "JSON_PARSER_ERROR", "The request body is not a JSON object", NULL);
              return FALSE;
            }
          if (since_text != NULL)
            {
              g_autoptr(GDateTime) since = soup_date_time_new_from_http_string (since_text);
              g_autoptr(GDateTime) modified = parse_datetime (json_object_get_string_member (record, "LastModifiedDate"));
              g_autoptr(GDateTime) modified_s = NULL;

              if (since == NULL)
                {
                  set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_HEADER_TYPE",
                                   "If-Unmodified-Since is not a valid HTTP date", NULL);
                  return FALSE;
                }
              /* Whole seconds, as HTTP dates have no more. */
              modified_s = g_date_time_add (modified, -(g_date_time_get_microsecond (modified)));
              if (g_date_time_compare (modified_s, since) > 0)
                {
                  set_error_array (msg, SOUP_STATUS_PRECONDITION_FAILED, "PRECONDITION_FAILED",
                                   "The requested entity has been modified since the time specified in If-Unmodified-Since",
                                   NULL);
                  return FALSE;
                }
            }
          if (!validate_fields (msg, "Case", fields))
            return FALSE;

          names = json_object_get_members (fields);
          for (GList *l = names; l != NULL; l = l->next)
            json_object_set_member (record, l->data, json_node_copy (json_object_get_member (fields, l->data)));
          json_object_set_boolean_member (record, "IsClosed",
                                          g_strcmp0 (json_object_get_string_member_with_default (record, "Status", ""), "Closed") == 0);
          /* Without Sforce-Auto-Assign: FALSE the assignment rules run and
           * hand the case to the default queue, as in a real org. */
          if (g_strcmp0 (auto_assign, "FALSE") != 0 && g_strcmp0 (auto_assign, "false") != 0)
            json_object_set_string_member (record, "OwnerId", QUEUE_ID);
          touch (record, session->user_id);
          what = g_strdup_printf ("Case/%s", parts[2]);
          log_write (self, "PATCH", what, fields);
          soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
          return TRUE;
        }
    }

  soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
  return FALSE;
}

static void
held_finished_cb (SoupServerMessage *msg,
                  gpointer           user_data)
{
  HdSfStandin *self = user_data;

  for (guint i = 0; i < self->held->len; i++)
    {
      Held *held = g_ptr_array_index (self->held, i);

      if (held->msg == msg)
        {
          g_ptr_array_remove_index (self->held, i);
          return;
        }
    }
}

static void
held_free (Held *held)
{
  g_clear_signal_handler (&held->finished_id, held->msg);
  g_clear_object (&held->msg);
  g_free (held);
}

static gboolean
unpause_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
data_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  HdSfStandin *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *after = path + strlen ("/services/data/");
  const char *slash = strchr (after, '/');
  g_autofree char *version = slash != NULL ? g_strndup (after, slash - after) : g_strdup (after);
  g_autoptr(GRegex) version_regex = g_regex_new ("^v[0-9]{2}\\.0$", 0, 0, NULL);
  g_autofree char *limit_info = NULL;
  HdSfStandinFault fault = HD_SF_STANDIN_FAULT_NONE;
  Session *session;
  gboolean wrote;

  g_signal_emit (self, signals[REQUEST], 0, method, path);

  if (self->fault_count > 0)
    {
      fault = self->fault;
      if (self->fault_count != G_MAXUINT)
        self->fault_count--;
    }
  if (fault == HD_SF_STANDIN_FAULT_DROP)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
      return;
    }

  if (!g_regex_match (version_regex, version, 0, NULL))
    {
      set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
      return;
    }
  g_free (self->last_api_version);
  self->last_api_version = g_strdup (version);

  if (!(session = check_bearer (self, msg)))
    {
      set_error_array (msg, SOUP_STATUS_UNAUTHORIZED, "INVALID_SESSION_ID", "Session expired or invalid", NULL);
      return;
    }

  self->n_api_calls++;
  limit_info = g_strdup_printf ("api-usage=%u/%u", self->n_api_calls,
                                self->request_limit > 0 ? self->request_limit : DEFAULT_API_LIMIT);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Sforce-Limit-Info", limit_info);
  if (self->request_limit > 0 && self->n_api_calls > self->request_limit)
    {
      set_error_array (msg, SOUP_STATUS_FORBIDDEN, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", NULL);
      return;
    }
  if (fault == HD_SF_STANDIN_FAULT_ERROR_500)
    {
      set_error_array (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "UNKNOWN_EXCEPTION",
                       "An unexpected error occurred. Please include this ErrorId if you contact support: "
                       "1234567890-12345 (-1234567890)", NULL);
      return;
    }

  wrote = handle_data (self, msg, session, version, slash != NULL ? slash + 1 : "", query);
  if (wrote)
    g_signal_emit (self, signals[APPLIED], 0, method, path);

  if (fault == HD_SF_STANDIN_FAULT_DELAY && self->delay_ms > 0)
    {
      soup_server_message_pause (msg);
      g_timeout_add_full (G_PRIORITY_DEFAULT, self->delay_ms, unpause_cb, g_object_ref (msg), g_object_unref);
    }
  else if (fault == HD_SF_STANDIN_FAULT_HOLD)
    {
      Held *held = g_new0 (Held, 1);

      held->msg = g_object_ref (msg);
      held->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (held_finished_cb), self);
      g_ptr_array_add (self->held, held);
      soup_server_message_pause (msg);
    }
}

static void
default_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
}

/* --- demo data --- */

typedef struct
{
  const char *template_name;
  const char *first_name;
  const char *last_name;
  const char *email;
  const char *account_label;
  const char *account_type;
  const char *masked_number;
  double      balance;
  const char *subject;
  const char *status;
  const char *priority;
  const char *type;
  const char *reason;
} DemoCustomer;

/* One per demo handoff template (src/demo/hd-demo-templates.c), with the
 * same customers; account numbers are stored masked, as the packets are. */
static const DemoCustomer demo_customers[] = {
  { "overseas-card-decline", "Priya", "Raman", "priya.raman@example.com", "Visa Signature credit card",
    "Credit Card", "XXXX-XXXX-XXXX-1111", -48210.55, "Card declined abroad (Dubai)", "New", "High",
    "card_service_request", "international_usage" },
  { "fraud-report", "James", "Whitaker", "j.whitaker@example.co.uk", "Mastercard debit card",
    "Debit Card", "XXXX-XXXX-XXXX-0004", 2310.12, "Unrecognised card payment GBP 1,249.99", "Escalated",
    "Critical", "fraud_claim", "card_not_present" },
  { "emi-hardship", "Sunita", "Devi", "sunita.devi@example.in", "Personal loan", "Loan",
    "XXXXXXXX7745", -312000.00, "EMI hardship: job loss", "New", "High", "hardship_request", "job_loss" },
  { "card-block", "Arjun", "Mehta", "arjun.mehta@example.in", "RuPay debit card", "Debit Card",
    "XXXX-XXXX-XXXX-7899", 18250.00, "Lost debit card: block and replace", "Working", "High",
    "card_replacement", "lost" },
  { "kyc-documents", "Fatima", "Sheikh", "fatima.sheikh@example.in", "Savings account", "Savings",
    "XXXXXXXXXX7812", 40500.75, "Re-KYC: Aadhaar upload rejected", "Waiting on Customer", "Medium",
    "kyc_update", "document_rejected" },
  { "salary-credit-missing", "Ramesh", "Kumar", "ramesh.kumar@example.in", "Salary account", "Savings",
    "XXXXXXXXXX4321", 1200.00, "Salary credit missing (NEFT)", "New", "High", "payment_investigation",
    "inward_neft" },
  { "emi-query", "Oliver", "Bennett", "oliver.bennett@example.co.uk", "Home loan", "Mortgage",
    "XXXXXX1234", -185400.00, "Mortgage payment increased by GBP 96", "New", "Medium", "loan_query",
    "emi_change" },
  { "merchant-dispute", "Emily", "Clarke", "emily.clarke@example.co.uk", "Visa credit card", "Credit Card",
    "XXXX-XXXX-XXXX-9012", -640.00, "Chargeback: sofa not delivered", "Working", "Medium", "dispute",
    "goods_not_received" },
  { "upi-debited-not-credited", "Kavya", "Iyer", "kavya.iyer@example.in", "Savings account", "Savings",
    "XXXXXXXXXX0093", 9800.00, "UPI debited, not credited (INR 2,000)", "New", "Medium",
    "payment_investigation", "upi_reversal" },
};

static void
seed (HdSfStandin *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_customers); i++)
    {
      const DemoCustomer *c = &demo_customers[i];
      g_autoptr(JsonObject) account = json_object_new ();
      g_autoptr(JsonObject) financial = json_object_new ();
      g_autoptr(JsonObject) kase = json_object_new ();
      g_autofree char *name = g_strdup_printf ("%s %s", c->first_name, c->last_name);
      g_autofree char *account_id = NULL;
      g_autofree char *financial_id = NULL;
      g_autofree char *case_id = NULL;
      g_autofree char *description = g_strdup_printf ("%s. Opened by the digital assistant.", c->subject);

      json_object_set_string_member (account, "Name", name);
      json_object_set_boolean_member (account, "IsPersonAccount", TRUE);
      json_object_set_string_member (account, "FirstName", c->first_name);
      json_object_set_string_member (account, "LastName", c->last_name);
      json_object_set_string_member (account, "PersonEmail", c->email);
      account_id = insert (self, "Account", account, USER_ID);

      json_object_set_string_member (financial, "Name", c->account_label);
      json_object_set_string_member (financial, "FinServ__FinancialAccountNumber__c", c->masked_number);
      json_object_set_string_member (financial, "FinServ__FinancialAccountType__c", c->account_type);
      json_object_set_string_member (financial, "FinServ__Status__c", "Open");
      json_object_set_double_member (financial, "FinServ__Balance__c", c->balance);
      json_object_set_string_member (financial, "FinServ__PrimaryOwner__c", account_id);
      financial_id = insert (self, "FinServ__FinancialAccount__c", financial, USER_ID);

      json_object_set_string_member (kase, "Subject", c->subject);
      json_object_set_string_member (kase, "Status", c->status);
      json_object_set_string_member (kase, "Priority", c->priority);
      json_object_set_string_member (kase, "Type", c->type);
      json_object_set_string_member (kase, "Reason", c->reason);
      json_object_set_string_member (kase, "Origin", "Chat");
      json_object_set_string_member (kase, "Description", description);
      json_object_set_string_member (kase, "AccountId", account_id);
      case_id = insert (self, "Case", kase, USER_ID);

      g_hash_table_insert (self->demo_cases, g_strdup (c->template_name), g_steal_pointer (&case_id));
      g_hash_table_insert (self->demo_accounts, g_strdup (c->template_name), g_steal_pointer (&account_id));
    }
}

/* --- GObject --- */

static void
hd_sf_standin_finalize (GObject *object)
{
  HdSfStandin *self = HD_SF_STANDIN (object);

  hd_sf_standin_stop (self);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->refresh_tokens, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->demo_cases, g_hash_table_unref);
  g_clear_pointer (&self->demo_accounts, g_hash_table_unref);
  g_clear_pointer (&self->write_log, g_ptr_array_unref);
  g_free (self->client_id);
  g_free (self->url);
  g_free (self->last_api_version);
  g_free (self->last_auto_assign);
  G_OBJECT_CLASS (hd_sf_standin_parent_class)->finalize (object);
}

static void
hd_sf_standin_class_init (HdSfStandinClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_sf_standin_finalize;

  signals[REQUEST] = g_signal_new ("request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
hd_sf_standin_init (HdSfStandin *self)
{
  self->client_id = g_strdup (DEFAULT_CLIENT_ID);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) auth_code_free);
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) session_free);
  self->refresh_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->order = g_ptr_array_new_with_free_func (g_free);
  self->demo_cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->demo_accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_free);
  self->write_log = g_ptr_array_new_with_free_func (g_free);
  self->next_case_number = 1040;
  seed (self);
}

HdSfStandin *
hd_sf_standin_new (void)
{
  return g_object_new (HD_TYPE_SF_STANDIN, NULL);
}

gboolean
hd_sf_standin_start (HdSfStandin  *self,
                     guint         port,
                     GError      **error)
{
  GSList *uris;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  self->server = soup_server_new ("server-header", "HandoffDesk-Salesforce-standin", NULL);
  soup_server_add_handler (self->server, NULL, default_handler, self, NULL);
  soup_server_add_handler (self->server, "/services/oauth2/authorize", authorize_handler, self, NULL);
  soup_server_add_handler (self->server, "/services/oauth2/token", token_handler, self, NULL);
  soup_server_add_handler (self->server, "/services/oauth2/revoke", revoke_handler, self, NULL);
  soup_server_add_handler (self->server, "/id/", identity_handler, self, NULL);
  soup_server_add_handler (self->server, "/services/data/", data_handler, self, NULL);
  if (!soup_server_listen_local (self->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }
  uris = soup_server_get_uris (self->server);
  self->port = uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_free (self->url);
  self->url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  return TRUE;
}

void
hd_sf_standin_stop (HdSfStandin *self)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));

  if (self->server == NULL)
    return;
  g_ptr_array_set_size (self->held, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
}

const char *
hd_sf_standin_get_url (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return self->url;
}

guint
hd_sf_standin_get_port (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->port;
}

const char *
hd_sf_standin_get_client_id (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return self->client_id;
}

void
hd_sf_standin_set_client_id (HdSfStandin *self,
                             const char  *client_id)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_return_if_fail (client_id != NULL);
  g_free (self->client_id);
  self->client_id = g_strdup (client_id);
}

const char *
hd_sf_standin_get_org_id (HdSfStandin *self)
{
  return ORG_ID;
}

const char *
hd_sf_standin_get_user_id (HdSfStandin *self)
{
  return USER_ID;
}

void
hd_sf_standin_set_token_lifetime_ms (HdSfStandin *self,
                                     guint        ms)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->token_lifetime_ms = ms;
}

void
hd_sf_standin_expire_access_tokens (HdSfStandin *self)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->generation++;
}

void
hd_sf_standin_set_rotate_refresh_tokens (HdSfStandin *self,
                                         gboolean     rotate)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->rotate = rotate;
}

void
hd_sf_standin_revoke_all (HdSfStandin *self)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_hash_table_remove_all (self->refresh_tokens);
  g_hash_table_remove_all (self->sessions);
}

void
hd_sf_standin_set_request_limit (HdSfStandin *self,
                                 guint        limit)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->request_limit = limit;
}

void
hd_sf_standin_set_fault (HdSfStandin      *self,
                         HdSfStandinFault  fault,
                         guint             count)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->fault = fault;
  self->fault_count = fault == HD_SF_STANDIN_FAULT_NONE ? 0 : count;
}

void
hd_sf_standin_set_delay_ms (HdSfStandin *self,
                            guint        ms)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->delay_ms = ms;
}

void
hd_sf_standin_release_held (HdSfStandin *self)
{
  g_autoptr(GPtrArray) held = NULL;

  g_return_if_fail (HD_IS_SF_STANDIN (self));
  held = g_steal_pointer (&self->held);
  self->held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_free);
  for (guint i = 0; i < held->len; i++)
    soup_server_message_unpause (((Held *) g_ptr_array_index (held, i))->msg);
}

guint
hd_sf_standin_get_n_api_calls (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->n_api_calls;
}

guint
hd_sf_standin_get_n_refreshes (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->n_refreshes;
}

guint
hd_sf_standin_get_n_revocations (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->n_revocations;
}

GStrv
hd_sf_standin_dup_write_log (HdSfStandin *self)
{
  GStrv log;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  log = g_new0 (char *, self->write_log->len + 1);
  for (guint i = 0; i < self->write_log->len; i++)
    log[i] = g_strdup (g_ptr_array_index (self->write_log, i));
  return log;
}

const char *
hd_sf_standin_get_last_api_version (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return self->last_api_version;
}

const char *
hd_sf_standin_get_last_auto_assign (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return self->last_auto_assign;
}

gboolean
hd_sf_standin_is_token_live (HdSfStandin *self,
                             const char  *token)
{
  Session *session;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), FALSE);
  if (token == NULL)
    return FALSE;
  if (g_hash_table_contains (self->refresh_tokens, token))
    return TRUE;
  session = g_hash_table_lookup (self->sessions, token);
  return session != NULL && session->generation == self->generation;
}

JsonObject *
hd_sf_standin_dup_record (HdSfStandin *self,
                          const char  *sobject,
                          const char  *id)
{
  JsonObject *record;
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  if ((record = lookup_record (self, sobject, id)) == NULL)
    return NULL;
  json_node_init_object (node, record);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

gboolean
hd_sf_standin_edit_record (HdSfStandin *self,
                           const char  *sobject,
                           const char  *id,
                           JsonObject  *fields)
{
  JsonObject *record;
  g_autoptr(GList) names = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), FALSE);
  if ((record = lookup_record (self, sobject, id)) == NULL)
    return FALSE;
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (record, l->data, json_node_copy (json_object_get_member (fields, l->data)));
  touch (record, "005Hs000000CLGEAAA");   /* a colleague */
  what = g_strdup_printf ("%s/%s (colleague)", sobject, id);
  log_write (self, "EDIT", what, fields);
  return TRUE;
}

char *
hd_sf_standin_insert_record (HdSfStandin *self,
                             const char  *sobject,
                             JsonObject  *fields)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  g_return_val_if_fail (fields_of (sobject) != NULL, NULL);
  return insert (self, sobject, fields, USER_ID);
}

GStrv
hd_sf_standin_find_records (HdSfStandin *self,
                            const char  *sobject,
                            const char  *field,
                            const char  *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  for (guint i = 0; i < self->order->len; i++)
    {
      const char *key = g_ptr_array_index (self->order, i);
      g_autofree char *type = g_strndup (key, strchr (key, '/') - key);
      JsonObject *record;

      if (g_strcmp0 (type, sobject) != 0 || (record = lookup_record (self, sobject, strchr (key, '/') + 1)) == NULL)
        continue;
      if (g_strcmp0 (json_object_get_string_member_with_default (record, field, NULL), value) == 0)
        g_strv_builder_add (builder, json_object_get_string_member (record, "Id"));
    }
  return g_strv_builder_end (builder);
}

const char *
hd_sf_standin_get_demo_case_id (HdSfStandin *self,
                                const char  *template_name)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return template_name != NULL ? g_hash_table_lookup (self->demo_cases, template_name) : NULL;
}

const char *
hd_sf_standin_get_demo_account_id (HdSfStandin *self,
                                   const char  *template_name)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return template_name != NULL ? g_hash_table_lookup (self->demo_accounts, template_name) : NULL;
}
