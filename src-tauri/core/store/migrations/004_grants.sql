-- 004: the grant pool: one pool per year, applications from partners, their
-- decisions, payouts and reports, a history of every status and amount change,
-- and recorded adjustments of paid grants.
-- A landed migration is never edited; add a new file instead.
--
-- Money is integer øre. The rules are enforced in `crate::grants` inside the
-- same IMMEDIATE transaction as the change; the triggers below are a last line
-- of defence so that not even a bug can over-commit a pool or delete a paid
-- grant.

CREATE TABLE grant_pools (
    year                      INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
    total_ore                 INTEGER NOT NULL CHECK (total_ore > 0),
    max_per_application_ore   INTEGER NOT NULL CHECK (max_per_application_ore > 0),
    criteria                  TEXT NOT NULL DEFAULT '',
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    CHECK (max_per_application_ore <= total_ore)
);

-- Every change of a pool's amounts, with the date it was made.
CREATE TABLE grant_pool_history (
    id              TEXT PRIMARY KEY,         -- UUID
    year            INTEGER NOT NULL REFERENCES grant_pools(year),
    total_ore       INTEGER NOT NULL,
    max_per_application_ore INTEGER NOT NULL,
    changed_on      TEXT NOT NULL,            -- ISO date
    created_at      TEXT NOT NULL
);
CREATE INDEX grant_pool_history_year ON grant_pool_history(year);

CREATE TABLE grant_applications (
    id              TEXT PRIMARY KEY,         -- UUID
    year            INTEGER NOT NULL REFERENCES grant_pools(year),
    -- No cascade: a partner with applications cannot be removed for good.
    partner_id      TEXT NOT NULL REFERENCES partners(id),
    received_on     TEXT NOT NULL,            -- ISO date
    purpose         TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    description     TEXT NOT NULL DEFAULT '',
    planned_on      TEXT,                     -- ISO date of the activity
    expected_reach  INTEGER CHECK (expected_reach IS NULL OR expected_reach >= 0),
    requested_ore   INTEGER NOT NULL CHECK (requested_ore > 0),
    status          TEXT NOT NULL CHECK (status IN ('modtaget', 'under_behandling',
                        'bevilget', 'delvist_bevilget', 'afslaaet', 'udbetalt', 'afrapporteret')),
    decided_on      TEXT,                     -- ISO date of the decision
    -- The amount granted now: the decision, or after adjustments of a paid
    -- grant (which may bring it to zero when everything was paid back).
    granted_ore     INTEGER CHECK (granted_ore IS NULL OR granted_ore >= 0),
    decision_reason TEXT NOT NULL DEFAULT '',
    paid_on         TEXT,                     -- ISO date of the payout
    actual_reach    INTEGER CHECK (actual_reach IS NULL OR actual_reach >= 0),
    report_text     TEXT NOT NULL DEFAULT '',
    reported_on     TEXT,                     -- ISO date of the report
    deleted_at      TEXT,                     -- withdrawn/deleted; kept for the record
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((status IN ('bevilget', 'delvist_bevilget', 'udbetalt', 'afrapporteret')) = (granted_ore IS NOT NULL)),
    CHECK ((status IN ('udbetalt', 'afrapporteret')) = (paid_on IS NOT NULL)),
    CHECK (deleted_at IS NULL OR status NOT IN ('udbetalt', 'afrapporteret'))
);
CREATE INDEX grant_applications_year ON grant_applications(year);
CREATE INDEX grant_applications_partner ON grant_applications(partner_id);
CREATE INDEX grant_applications_status ON grant_applications(status);

-- Every change of status or amount of an application, with its date.
CREATE TABLE grant_history (
    id              TEXT PRIMARY KEY,         -- UUID
    application_id  TEXT NOT NULL REFERENCES grant_applications(id),
    changed_on      TEXT NOT NULL,            -- ISO date the change took effect
    event           TEXT NOT NULL,            -- created, requested, status, granted, adjusted, deleted
    status_from     TEXT,
    status_to       TEXT,
    amount_from_ore INTEGER,
    amount_to_ore   INTEGER,
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);
CREATE INDEX grant_history_application ON grant_history(application_id);

-- Corrections of paid grants (money paid back or paid in addition).
CREATE TABLE grant_adjustments (
    id              TEXT PRIMARY KEY,         -- UUID
    application_id  TEXT NOT NULL REFERENCES grant_applications(id),
    adjusted_on     TEXT NOT NULL,            -- ISO date
    amount_before_ore INTEGER NOT NULL,
    amount_after_ore  INTEGER NOT NULL CHECK (amount_after_ore >= 0),
    reason          TEXT NOT NULL CHECK (length(reason) >= 1),
    created_at      TEXT NOT NULL
);
CREATE INDEX grant_adjustments_application ON grant_adjustments(application_id);

-- Last line of defence: the sum granted in a year never exceeds its pool.
CREATE TRIGGER grant_applications_pool_insert AFTER INSERT ON grant_applications
WHEN NEW.granted_ore IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'grant pool over-committed')
    WHERE (SELECT coalesce(sum(granted_ore), 0) FROM grant_applications
           WHERE year = NEW.year AND deleted_at IS NULL AND granted_ore IS NOT NULL)
        > (SELECT total_ore FROM grant_pools WHERE year = NEW.year);
END;

CREATE TRIGGER grant_applications_pool_update AFTER UPDATE ON grant_applications
BEGIN
    SELECT RAISE(ABORT, 'grant pool over-committed')
    WHERE (SELECT coalesce(sum(granted_ore), 0) FROM grant_applications
           WHERE year = NEW.year AND deleted_at IS NULL AND granted_ore IS NOT NULL)
        > (SELECT total_ore FROM grant_pools WHERE year = NEW.year);
END;

CREATE TRIGGER grant_pools_not_below_granted AFTER UPDATE OF total_ore ON grant_pools
BEGIN
    SELECT RAISE(ABORT, 'grant pool below granted')
    WHERE (SELECT coalesce(sum(granted_ore), 0) FROM grant_applications
           WHERE year = NEW.year AND deleted_at IS NULL AND granted_ore IS NOT NULL)
        > NEW.total_ore;
END;

-- Paid grants are never deleted, not even by hand.
CREATE TRIGGER grant_applications_paid_not_deleted BEFORE DELETE ON grant_applications
WHEN OLD.status IN ('udbetalt', 'afrapporteret')
BEGIN
    SELECT RAISE(ABORT, 'paid grant cannot be deleted');
END;
