-- 010: reports: the programme's evaluations (kept over time: midway, final),
-- the case for Sund By Netværket's case bank as the consultant edited it, and
-- the consultant's contact (a part of the programme settings the case shows).
-- A landed migration is never edited; add a new file instead.

-- One evaluation as the case bank asks it. The two ratings are 0..3:
-- Slet ikke, I mindre grad, I nogen grad, I høj grad.
CREATE TABLE evaluations (
    id             TEXT PRIMARY KEY,            -- UUID
    written_on     TEXT NOT NULL,               -- ISO date
    author         TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
    purpose_met    INTEGER NOT NULL CHECK (purpose_met BETWEEN 0 AND 3),
    implemented    INTEGER NOT NULL CHECK (implemented BETWEEN 0 AND 3),
    evaluated      TEXT NOT NULL CHECK (evaluated IN ('nej', 'internt', 'eksternt')),
    effect         TEXT NOT NULL DEFAULT '',
    attention      TEXT NOT NULL DEFAULT '',    -- opmærksomhedspunkter
    barriers       TEXT NOT NULL DEFAULT '',
    promoting      TEXT NOT NULL DEFAULT '',    -- fremmende tiltag
    deleted_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX evaluations_written ON evaluations(written_on);

-- The case as edited: one per programme (one programme per database). The
-- fields are JSON {key: text}; a field never edited is absent and filled
-- from the data when the case is shown.
CREATE TABLE report_case (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    fields      TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL
);

-- The consultant who answers for the programme (the case's "Kontakt").
CREATE TABLE programme_contact (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
);

-- The highlights the consultant writes for the status report (JSON list of
-- short texts), kept until changed.
CREATE TABLE report_highlights (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    items       TEXT NOT NULL DEFAULT '[]',
    updated_at  TEXT NOT NULL
);
