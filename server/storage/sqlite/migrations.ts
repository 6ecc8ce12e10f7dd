/**
 * SQLite schema, one entry per version; `PRAGMA user_version` records how many have run.
 * Append new steps; never edit a released one.
 */
export const sqliteMigrations: readonly string[] = [
  `CREATE TABLE doc_state (
     doc_id TEXT PRIMARY KEY,
     state BLOB NOT NULL,
     through_seq INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE doc_update (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL,
     data BLOB NOT NULL
   ) STRICT;
   CREATE INDEX doc_update_by_doc ON doc_update (doc_id, seq);`,
]
