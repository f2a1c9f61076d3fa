package se.socialportal.platform.config;

/**
 * Every configuration key the server reads, with what it means. The key is also the environment variable's name;
 * the default values live in {@code conf/defaults.json} on the classpath (one entry per key, checked by
 * {@code ConfigLoaderTest}), and README.md lists every key (checked by {@code SettingDocumentationTest}).
 */
public enum Setting {
  MODE("demo, production or auto. auto = demo when no database is configured, otherwise production."),
  HTTP_HOST("Address the HTTP server binds to."),
  HTTP_PORT("HTTP port."),
  HTTP_INSTANCES("Number of HTTP verticle instances; 0 = one per CPU core."),
  PUBLIC_URL("The address residents use (e.g. https://e-tjanster.kommun.se); printed at startup and used for BankID returnUrl. Empty = http://localhost:HTTP_PORT."),
  TLS_CERT("PEM certificate chain for HTTPS on HTTP_PORT. Empty = plain HTTP (put a TLS-terminating proxy in front)."),
  TLS_KEY("PEM private key for TLS_CERT."),
  TRUSTED_PROXIES("Comma-separated IP addresses of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed."),
  BODY_LIMIT_KB("Largest JSON request body in KiB."),
  METRICS_TOKEN("/metrics requires 'Authorization: Bearer <token>'. Required in production (the server does not start without it); demo mode: empty = /metrics open."),
  LIVE_PUSH_MILLIS("The live admin dashboard (/admin/): a municipality's figures are recomputed and pushed at most once per this many milliseconds however many changes arrive."),
  LIVE_METRICS_SECONDS("How often the dashboard's figures for every municipality are recomputed for /metrics (queues, robot jobs, lead times, payments, bookings)."),
  DATABASE_URL("postgresql://user:password@host:port/database[?sslmode=require]. Takes precedence over the PG* variables."),
  PGHOST("PostgreSQL host (when DATABASE_URL is not set)."),
  PGPORT("PostgreSQL port."),
  PGDATABASE("PostgreSQL database."),
  PGUSER("PostgreSQL user."),
  PGPASSWORD("PostgreSQL password."),
  PGSSLMODE("disable, require or verify-full."),
  DB_POOL_SIZE("Connections in the reactive pool per server."),
  DATA_DIR("Demo mode: where the embedded PostgreSQL keeps its files between runs."),
  DEMO_DATA("Demo mode: create the demo residents and their cases. The municipalities come from robots/tenants/ in every mode."),
  DEFAULT_TENANT("The municipality (tenant id) residents reach when their host name is not in TENANT_HOSTS."),
  TENANT_HOSTS("host=tenant pairs, comma-separated: which municipality a resident reaches on which host name (e.g. e-tjanster.flen.se=flen)."),
  BANKID_URL("BankID RP API base URL, e.g. https://appapi2.test.bankid.com/rp/v6.0. Demo mode: empty = the built-in simulator."),
  BANKID_RP_CERT("PKCS#12 file with the relying party certificate (e.g. FPTestcert5_20240610.p12)."),
  BANKID_RP_CERT_PASSWORD("Password of BANKID_RP_CERT (qwerty123 for BankID's public test certificate)."),
  BANKID_CA("PEM file with the CA that issued BankID's server certificate."),
  BANKID_SIMULATOR_PORT("Demo mode: HTTPS port of the BankID simulator; 0 = any free port."),
  BANKID_CERTIFICATE_POLICIES("Comma-separated certificatePolicies sent in every order; empty = BankID's defaults."),
  OIDC_ISSUER("Staff login: the OpenID Connect issuer URL of the municipality's identity provider (discovery at /.well-known/openid-configuration). Demo mode: empty = a local provider with demo staff."),
  OIDC_CLIENT_ID("Staff login: this application's client id at the identity provider."),
  OIDC_CLIENT_SECRET("Staff login: the client secret (empty for a public client; PKCE is always used)."),
  OIDC_ROLES_CLAIM("Staff login: the token claim that lists the user's roles or groups."),
  OIDC_TENANT_CLAIM("Staff login: the token claim that names the user's municipality (a tenant id)."),
  OIDC_ROLE_MAP("Staff login: idp-group=role pairs, comma-separated, when the IdP's group names differ from ours (handlaggare, socialsekreterare, gruppledare, enhetschef, familjerattssekreterare, attestant, utskott, admin)."),
  OIDC_DEMO_PORT("Demo mode: port of the local OpenID Connect provider; 0 = any free port."),
  SESSION_IDLE_MINUTES("A resident or staff session ends after this many minutes without a request."),
  SESSION_MAX_HOURS("A session ends this many hours after login, active or not."),
  LOGIN_RATE_PER_MINUTE("Login starts allowed per client address and minute."),
  ROBOT_ENABLED("Run the robot (beslutsförslag for submitted applications) in this server instance. Any number of instances may run it; they share the work through the database."),
  ROBOT_CONCURRENCY("Applications one robot instance works on at the same time; results that finish together are written in one transaction, so more at a time means fewer, larger writes."),
  ROBOT_INSTANCES("Robot instances (verticles, each on its own event loop) this server runs; one per core lets one server use every core."),
  ROBOT_LEASE_SECONDS("How long a robot instance holds a claimed job without renewing; a stopped instance's jobs are taken over after this."),
  ROBOT_SWEEP_SECONDS("Seconds between the robot's sweeps for due retries, expired leases and missed notifications."),
  ROBOT_MAX_ATTEMPTS("Failed attempts at a job before it is parked for manual review."),
  ROBOT_BACKOFF_SECONDS("Delay before the first retry of a failed job; doubles with every further failure (at most one hour)."),
  ROBOT_REGISTER_RETRY_MINUTES("Minutes before the robot asks the registers again when their data for the month is not complete yet."),
  ROBOT_REGISTER_MAX_WAIT_HOURS("Hours after submission the robot waits for complete register data; then it proposes with a MISSING_EXTERNAL_DATA warning."),
  ROBOT_STUCK_SECONDS("A job in flight this long is given up by its robot instance (its lease is no longer renewed, so it is taken over and tried again), and a robot instance that has not claimed for this long while jobs are due is restarted by its watchdog."),
  ROBOT_REGISTERS("Where the robot gets register data (SSBTEK-style): simulator (demo mode only), none (no connection: every proposal carries MISSING_EXTERNAL_DATA) or auto (simulator in demo mode, none in production)."),
  ROBOTS_DIR("Folder with the robot's rule files (riksnorm, caps, income classification ...). Empty = ./robots if it exists, else the copy inside the jar."),
  ROBOTS_RELOAD_SECONDS("How often the rules folder is checked for changed files; a change is validated as at startup and, if valid, takes effect without a restart. 0 = only when an admin reloads."),
  PROVRAKNING_RATE_PER_MINUTE("Provräkning calculations allowed per client address and minute."),
  COSIGN_DEADLINE_HOURS("Försörjningsstöd: hours a co-applicant has to sign after the applicant signed; then the application returns to draft and the applicant is told."),
  COSIGN_REMINDER_HOURS("Försörjningsstöd: a co-applicant who has not signed is reminded this many hours after being asked (and again every as many hours until the deadline)."),
  ATTACHMENT_DIR("Where uploaded attachments are stored (files named by a random id, never served from webroot). Empty = DATA_DIR/attachments."),
  NOTIFICATION_FILE("Notifications to residents (co-signature, reminders, komplettering) are delivered by the built-in simulator, one JSON line each, to this file. Empty = DATA_DIR/notifications.jsonl."),
  BISTAND_CHECK_SECONDS("Försörjningsstöd: how often co-signature deadlines, reminders and pending notifications are checked."),

  CASEWORK_DUE_DAYS("Handläggning: days after submission by which a decision is due (the queue sorts and flags by it)."),
  LETTER_OUTBOX_DIR("Decision letters are handed to the digital mailbox as files (<letter id>.pdf + .json) in this folder. Empty = DATA_DIR/letter-outbox."),
  LETTER_RETRY_SECONDS("How often letters not yet handed to the digital mailbox are tried again."),
  PRINT_ADDRESS_SOURCE("Where the print batch looks up postal addresses (folkbokföring): simulator (demo mode only), none (no source: the print batch cannot address letters and makes none) or auto (simulator in demo mode, none in production)."),
  PRINT_BATCH_TIME("Time of day (HH:mm, Swedish time) the daily print batch of letters that go by post is made."),
  APPEAL_COURT_OUTBOX_DIR("Överklaganden: appeals forwarded to förvaltningsrätten are written by the built-in court simulator as files (<appeal id>.pdf, the documents as one bundle, + .json) to this folder. Empty = DATA_DIR/court-outbox."),
  PAYMENT_JOBS_ENABLED("Run the payment jobs in this server instance: payments for new decisions, a pain.001 file per debtor account at each cut-off, delivery, and the bank's feedback files. Any number of instances may run them; they share the work through the database."),
  PAYMENT_CHECK_SECONDS("How often the payment jobs look for new decisions, a cut-off that has passed, files to finish and bank files in the inbox."),
  PAYMENT_OUTBOX_DIR("Payment files (pain.001.001.03) are delivered to the bank through this folder, one file per batch named by the batch. Empty = DATA_DIR/payment-outbox."),
  PAYMENT_INBOX_DIR("The bank's feedback files (pain.002, camt.054) are read from this folder; a file read is moved to processed/, one that cannot be read to rejected/. Empty = DATA_DIR/payment-inbox."),
  PAYMENT_WORK_DIR("Where payment files are written, synced and checked against the schema before delivery; they stay as the record of what was sent. Empty = DATA_DIR/payment-files."),
  PAYMENT_LEDGER_DIR("Each batch's bookkeeping record (a SIE 4 verifikation per file) is written to this folder for the finance system. Empty = DATA_DIR/payment-ledger."),
  SMTP_HOST("Familjerätt: the SMTP server that sends confirmations and reminders by e-mail. Empty = e-mail is written to MAIL_FILE instead (demo)."),
  SMTP_PORT("Familjerätt: the SMTP server's port."),
  SMTP_STARTTLS("Familjerätt: STARTTLS towards the SMTP server: required, optional or disabled."),
  SMTP_USERNAME("Familjerätt: user name at the SMTP server (empty = no login)."),
  SMTP_PASSWORD("Familjerätt: password at the SMTP server."),
  MAIL_FROM("Familjerätt: the sender of e-mail to residents, e.g. familjeratt@kommun.se."),
  MAIL_FILE("Familjerätt: where e-mail goes when SMTP_HOST is empty, one JSON line each. Empty = DATA_DIR/mail.jsonl."),
  SMS_FILE("Familjerätt: text messages are delivered by the built-in SMS simulator, one JSON line each, to this file. Empty = DATA_DIR/sms.jsonl."),
  FAMILJERATT_CHECK_SECONDS("Familjerätt: how often unconfirmed bookings are released, reminders created, Skatteverket notifications followed up and e-mail and SMS sent.");

  private final String description;

  Setting(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
