-- 002: the partner register: partners, their goals, contacts, status history
-- and import batches. A landed migration is never edited; add a new file instead.

CREATE TABLE import_batches (
    id          TEXT PRIMARY KEY,            -- UUID
    file_name   TEXT NOT NULL,
    row_count   INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    undone_at   TEXT
);

CREATE TABLE partners (
    id                   TEXT PRIMARY KEY,   -- UUID
    name                 TEXT NOT NULL,
    name_key             TEXT NOT NULL,      -- normalised for duplicate matching
    sort_key             TEXT NOT NULL,      -- Danish collation key (æ, ø, å after z)
    kind                 TEXT NOT NULL CHECK (kind IN ('kommunal', 'virksomhed', 'forening', 'borger', 'institution')),
    status               TEXT NOT NULL CHECK (status IN ('interesseret', 'aktiv', 'i_dvale', 'afsluttet')),
    joined_on            TEXT,               -- ISO date
    initiative           TEXT NOT NULL DEFAULT '',
    target_group         TEXT NOT NULL DEFAULT '',
    arena                TEXT NOT NULL DEFAULT '',
    address              TEXT NOT NULL DEFAULT '',
    website              TEXT NOT NULL DEFAULT '',
    recruitment_channel  TEXT CHECK (recruitment_channel IN ('some', 'arrangement', 'direkte', 'gatekeeper', 'lokalavis', 'andet')),
    recruited_by         TEXT NOT NULL DEFAULT '',
    recruitment_notes    TEXT NOT NULL DEFAULT '',
    consent_public       INTEGER NOT NULL DEFAULT 0,
    consent_public_on    TEXT,
    consent_email        INTEGER NOT NULL DEFAULT 0,
    consent_email_on     TEXT,
    some_commitment      INTEGER NOT NULL DEFAULT 0,
    notes                TEXT NOT NULL DEFAULT '',
    import_batch_id      TEXT REFERENCES import_batches(id) ON DELETE SET NULL,
    deleted_at           TEXT,               -- in the bin when set
    erased_at            TEXT,               -- personal data erased (GDPR) when set
    search_text          TEXT NOT NULL DEFAULT '', -- lowercased name, contact names, emails, initiative (search as you type)
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX partners_sort ON partners(sort_key);
CREATE INDEX partners_name_key ON partners(name_key);
CREATE INDEX partners_status ON partners(status);
CREATE INDEX partners_kind ON partners(kind);
CREATE INDEX partners_joined ON partners(joined_on);
-- The list and its search as you type: a covering index, so counting,
-- filtering and the first page in Danish order read only the index
-- (10,000 partners in a few milliseconds; see benches/partners_search.rs).
CREATE INDEX partners_list ON partners(deleted_at, sort_key, id, status, kind, joined_on, search_text);

CREATE TABLE partner_goals (
    partner_id  TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    goal_id     TEXT NOT NULL REFERENCES goals(id),
    PRIMARY KEY (partner_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX partner_goals_goal ON partner_goals(goal_id);

CREATE TABLE contacts (
    id          TEXT PRIMARY KEY,            -- UUID
    partner_id  TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    is_primary  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX contacts_partner ON contacts(partner_id);
CREATE INDEX contacts_email ON contacts(lower(email));

CREATE TABLE partner_status_history (
    id          TEXT PRIMARY KEY,            -- UUID
    partner_id  TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    changed_on  TEXT NOT NULL,               -- ISO date of the change
    created_at  TEXT NOT NULL
);
CREATE INDEX partner_status_history_partner ON partner_status_history(partner_id);
