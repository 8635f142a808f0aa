-- 001: the programme, its goals, signatories, stored images and app settings.
-- A landed migration is never edited; add a new file instead.

CREATE TABLE images (
    id          TEXT PRIMARY KEY,           -- UUID
    mime        TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
    width       INTEGER NOT NULL CHECK (width > 0),
    height      INTEGER NOT NULL CHECK (height > 0),
    bytes       BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE programme (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    municipality  TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL DEFAULT '',
    period_from   TEXT,                      -- ISO date
    period_to     TEXT,                      -- ISO date
    logo_id       TEXT REFERENCES images(id) ON DELETE SET NULL,
    updated_at    TEXT NOT NULL
);

INSERT INTO programme (id, municipality, name, updated_at)
VALUES (1, '', '', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TABLE goals (
    id          TEXT PRIMARY KEY,            -- UUID, so two laptops can merge
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    retired_at  TEXT,                        -- NULL = offered for new records
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX goals_position ON goals(position);

-- Fredericia's seven goals, the default list (DOMAIN.md). Fixed UUIDs: every
-- new database starts with the same seven, so merged data agrees on them.
INSERT INTO goals (id, position, title, created_at, updated_at) VALUES
 ('5b0f6c1e-0001-4c6e-9a51-000000000001', 1, 'At Fredericia bliver røgfri',          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
 ('5b0f6c1e-0002-4c6e-9a51-000000000002', 2, 'At Fredericia er i bevægelse',         strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
 ('5b0f6c1e-0003-4c6e-9a51-000000000003', 3, 'At Fredericia spiser sundt',           strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
 ('5b0f6c1e-0004-4c6e-9a51-000000000004', 4, 'At Fredericia trives',                 strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
 ('5b0f6c1e-0005-4c6e-9a51-000000000005', 5, 'Fællesskabets Fredericia',             strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
 ('5b0f6c1e-0006-4c6e-9a51-000000000006', 6, 'Et bæredygtigt Fredericia',            strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
 ('5b0f6c1e-0007-4c6e-9a51-000000000007', 7, 'Fredericia – en by i sund udvikling',  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TABLE signatories (
    slot          INTEGER PRIMARY KEY CHECK (slot IN (1, 2)),
    name          TEXT NOT NULL,
    title         TEXT NOT NULL,
    signature_id  TEXT REFERENCES images(id) ON DELETE SET NULL,
    updated_at    TEXT NOT NULL
);

-- Per-installation preferences (UI language, output folder, ...).
CREATE TABLE app_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
