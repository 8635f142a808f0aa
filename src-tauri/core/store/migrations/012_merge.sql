-- Fair mode and merging a laptop's copy back (issue 13).
--
-- sync_meta: this database's identity. `device_id` is made once per database
-- (a copy gets its own when it is written); `change_counter` goes up by one
-- on every write to a table that can be merged (triggers below), so "newer"
-- never depends on two machines' clocks. A copy also holds `copy_id` (the
-- copies_out row at the office it came from) and `copy_of_device`.
CREATE TABLE sync_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
INSERT INTO sync_meta (key, value) VALUES
    ('device_id', lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
        substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
        substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
    ('change_counter', '0');

-- The copies that went out from this (office) database.
CREATE TABLE copies_out (
    id              TEXT PRIMARY KEY,        -- UUID, also written into the copy
    taken_at        TEXT NOT NULL,           -- UTC, RFC 3339
    schema_version  INTEGER NOT NULL,
    change_counter  INTEGER NOT NULL,        -- the office's counter when taken
    file_name       TEXT NOT NULL,           -- where it was written (for the list)
    base_file       TEXT NOT NULL,           -- the base snapshot, beside the database
    merged_at       TEXT,                    -- set once: a copy is merged only once
    merge_summary   TEXT NOT NULL DEFAULT '' -- JSON counts of what the merge did
);

-- Every value that lost a conflict in a merge, and every row a merge removed
-- or could not carry, so that no edit is ever lost. `partner_id` ties the
-- entry to the partner page (erasure deletes a partner's entries).
CREATE TABLE merge_history (
    id            TEXT PRIMARY KEY,          -- UUID
    copy_id       TEXT NOT NULL REFERENCES copies_out(id),
    merged_at     TEXT NOT NULL,
    table_name    TEXT NOT NULL,
    row_id        TEXT NOT NULL,
    partner_id    TEXT,
    event_id      TEXT,
    column_name   TEXT NOT NULL DEFAULT '',  -- '' for a whole row
    kind          TEXT NOT NULL CHECK (kind IN ('conflict', 'removed', 'not_carried')),
    base_value    TEXT,                      -- JSON
    office_value  TEXT,                      -- JSON
    copy_value    TEXT,                      -- JSON
    kept          TEXT NOT NULL CHECK (kept IN ('office', 'copy'))
);
CREATE INDEX merge_history_partner ON merge_history(partner_id);
CREATE INDEX merge_history_event ON merge_history(event_id);

-- Fair mode: each quick sign-up, with the consent given at the stand and its
-- source ("messe: [event]"); `before` is the partner's form input before an
-- update of an existing partner, for the undo.
CREATE TABLE fair_signups (
    id              TEXT PRIMARY KEY,        -- UUID
    event_id        TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    partner_id      TEXT REFERENCES partners(id) ON DELETE SET NULL,
    created_partner INTEGER NOT NULL CHECK (created_partner IN (0, 1)),
    consent_email   INTEGER NOT NULL DEFAULT 0,
    consent_public  INTEGER NOT NULL DEFAULT 0,
    consent_source  TEXT NOT NULL DEFAULT '',
    consent_on      TEXT,                    -- ISO date
    before          TEXT,                    -- JSON PartnerInput, updates only
    undone_at       TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX fair_signups_event ON fair_signups(event_id);
CREATE INDEX fair_signups_partner ON fair_signups(partner_id);

-- The change counter, on every write to a table the merge knows.
CREATE TRIGGER sync_partners_i AFTER INSERT ON partners BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_partners_u AFTER UPDATE ON partners BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_partners_d AFTER DELETE ON partners BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_contacts_i AFTER INSERT ON contacts BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_contacts_u AFTER UPDATE ON contacts BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_contacts_d AFTER DELETE ON contacts BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_partner_goals_i AFTER INSERT ON partner_goals BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_partner_goals_d AFTER DELETE ON partner_goals BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_events_i AFTER INSERT ON events BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_events_u AFTER UPDATE ON events BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_events_d AFTER DELETE ON events BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_event_participants_i AFTER INSERT ON event_participants BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_event_participants_u AFTER UPDATE ON event_participants BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_event_participants_d AFTER DELETE ON event_participants BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_fair_signups_i AFTER INSERT ON fair_signups BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_fair_signups_u AFTER UPDATE ON fair_signups BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;

-- Fair mode: the partners exhibiting, checked in at their booth.
CREATE TABLE fair_booths (
    id             TEXT PRIMARY KEY,         -- UUID
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    partner_id     TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    checked_in_at  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
-- Not UNIQUE: two machines could both check the same partner in; the merge
-- treats a second check-in of the same partner as not carried.
CREATE INDEX fair_booths_event ON fair_booths(event_id, partner_id);

-- The change counter on the other merged tables.
CREATE TRIGGER sync_fair_booths_i AFTER INSERT ON fair_booths BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_fair_booths_u AFTER UPDATE ON fair_booths BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_fair_booths_d AFTER DELETE ON fair_booths BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_event_goals_i AFTER INSERT ON event_goals BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_event_goals_d AFTER DELETE ON event_goals BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_event_organisers_i AFTER INSERT ON event_organisers BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_event_organisers_u AFTER UPDATE ON event_organisers BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_event_organisers_d AFTER DELETE ON event_organisers BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_partner_status_history_i AFTER INSERT ON partner_status_history BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_partner_status_history_u AFTER UPDATE ON partner_status_history BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_partner_status_history_d AFTER DELETE ON partner_status_history BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_import_batches_i AFTER INSERT ON import_batches BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_import_batches_u AFTER UPDATE ON import_batches BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_import_batches_d AFTER DELETE ON import_batches BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
CREATE TRIGGER sync_fair_signups_d AFTER DELETE ON fair_signups BEGIN
    UPDATE sync_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'change_counter'; END;
