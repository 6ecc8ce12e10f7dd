/**
 * The Postgres schema, one entry per version; `schema_version` records how many have run. Append new steps;
 * never edit a released one. Same tables and columns as SQLite, so rows parse with the same schemas.
 */
export const postgresMigrations: readonly string[] = [
  `CREATE TABLE doc_state (
     doc_id TEXT PRIMARY KEY,
     state BYTEA NOT NULL,
     through_seq BIGINT NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE TABLE doc_update (
     seq BIGSERIAL PRIMARY KEY,
     doc_id TEXT NOT NULL,
     data BYTEA NOT NULL
   );
   CREATE INDEX doc_update_by_doc ON doc_update (doc_id, seq);`,
  `CREATE TABLE workspace (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     challenge TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE party (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL REFERENCES workspace (id),
     position INTEGER NOT NULL,
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     org_number TEXT
   );
   CREATE INDEX party_by_workspace ON party (workspace_id, position);
   CREATE TABLE invite (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL REFERENCES workspace (id),
     role TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE INDEX invite_by_workspace ON invite (workspace_id);
   CREATE TABLE member (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL REFERENCES workspace (id),
     party_id TEXT NOT NULL REFERENCES party (id),
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     session_hash TEXT NOT NULL UNIQUE,
     invite_id TEXT REFERENCES invite (id),
     joined_at TEXT NOT NULL
   );
   CREATE INDEX member_by_workspace ON member (workspace_id, joined_at);
   CREATE INDEX member_by_invite ON member (invite_id);
   CREATE TABLE document (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL REFERENCES workspace (id),
     template TEXT NOT NULL,
     title TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by TEXT
   );
   CREATE INDEX document_by_workspace ON document (workspace_id, created_at);
   CREATE TABLE audit_event (
     seq BIGSERIAL PRIMARY KEY,
     workspace_id TEXT NOT NULL REFERENCES workspace (id),
     at TEXT NOT NULL,
     type TEXT NOT NULL,
     actor TEXT,
     subject TEXT
   );
   CREATE INDEX audit_by_workspace ON audit_event (workspace_id, seq);`,
  `CREATE TABLE document_version (
     document_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     label TEXT NOT NULL,
     note TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     template TEXT NOT NULL,
     template_version INTEGER NOT NULL,
     state BYTEA NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (document_id, number)
   );`,
  `CREATE TABLE version_approval (
     document_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     party_id TEXT NOT NULL,
     party_name TEXT NOT NULL,
     member_id TEXT NOT NULL,
     name TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (document_id, number, party_id)
   );`,
  // JSON of DocumentFreeze, or NULL when the document takes edits.
  `ALTER TABLE document ADD COLUMN frozen TEXT;`,
  // Which member first wrote with each Yjs client id of a document: text is attributed by this, not by clients.
  `CREATE TABLE doc_client (
     doc_id TEXT NOT NULL,
     client_id BIGINT NOT NULL,
     member_id TEXT NOT NULL,
     party_id TEXT NOT NULL,
     PRIMARY KEY (doc_id, client_id)
   );
   ALTER TABLE workspace ADD COLUMN initiative_party TEXT;`,
  // The workspace's own vocabulary guide (JSON array of VocabularyTerm); NULL means the default guide.
  `ALTER TABLE workspace ADD COLUMN vocabulary TEXT;`,
  // The readiness probe's row: rewritten every few seconds, so a database that cannot take writes shows.
  `CREATE TABLE health_probe (id INTEGER PRIMARY KEY, at BIGINT NOT NULL);`,
  // JSON of ScreenFocus: what the workspace's shared screens show (null: nothing yet).
  `ALTER TABLE workspace ADD COLUMN screen_focus TEXT;`,
  // Each party's own diarienummer for the workspace (document_id '') and for each document.
  `CREATE TABLE record_reference (
     workspace_id TEXT NOT NULL,
     document_id TEXT NOT NULL,
     party_id TEXT NOT NULL,
     reference TEXT NOT NULL,
     PRIMARY KEY (workspace_id, document_id, party_id)
   );`,
  // Whether the member's party marked them as one who may take its position.
  `ALTER TABLE member ADD COLUMN decision_maker BOOLEAN NOT NULL DEFAULT FALSE;`,
  // Each party's formal decision on a version (JSON of VersionDecision), once.
  `CREATE TABLE version_decision (
     document_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     party_id TEXT NOT NULL,
     decision TEXT NOT NULL,
     PRIMARY KEY (document_id, number, party_id)
   );`,
  // Members' recommendations that their party approve a version (once per member and version).
  `CREATE TABLE version_recommendation (
     document_id TEXT NOT NULL,
     number INTEGER NOT NULL,
     party_id TEXT NOT NULL,
     party_name TEXT NOT NULL,
     member_id TEXT NOT NULL,
     name TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (document_id, number, member_id)
   );`,
  // Sign-in with an organisation account (OpenID Connect): a membership bound to the provider's subject, the
  // browser sessions of signed-in people (only the token's hash), and the verified identity on an approval
  // (JSON of VerifiedIdentity, NULL when the approver used an invite session).
  `ALTER TABLE member ADD COLUMN account_issuer TEXT;
   ALTER TABLE member ADD COLUMN account_subject TEXT;
   ALTER TABLE member ADD COLUMN account_name TEXT;
   CREATE INDEX member_by_account ON member (account_issuer, account_subject);
   CREATE TABLE account_session (
     session_hash TEXT PRIMARY KEY,
     issuer TEXT NOT NULL,
     subject TEXT NOT NULL,
     name TEXT NOT NULL,
     id_token TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   ALTER TABLE version_approval ADD COLUMN identity TEXT;`,
]
