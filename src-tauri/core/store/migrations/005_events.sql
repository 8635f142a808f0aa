-- 005: events (network meetings, fairs, public events, ceremonies made here,
-- celebrations), their organisers, goals and participants, and the record of
-- each newsletter issue. A landed migration is never edited; add a new file.
--
-- Times are the local wall-clock time in Danish time ('YYYY-MM-DDTHH:MM',
-- naive) beside the zone they are in ('Europe/Copenhagen'), so a meeting at
-- 16:00 stays at 16:00 across the summer-time change.
--
-- A partner who is removed or erased later leaves a readable record: every
-- link to a partner keeps the partner's name as it was when linked, and the
-- key itself is set to NULL (ON DELETE SET NULL).

CREATE TABLE events (
    id                 TEXT PRIMARY KEY,     -- UUID
    title              TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind               TEXT NOT NULL CHECK (kind IN ('netvaerksmoede', 'messe', 'offentligt',
                           'overraekkelse', 'fejring', 'andet')),
    starts_at          TEXT NOT NULL,        -- local 'YYYY-MM-DDTHH:MM'
    ends_at            TEXT NOT NULL,        -- local 'YYYY-MM-DDTHH:MM'
    time_zone          TEXT NOT NULL DEFAULT 'Europe/Copenhagen',
    place              TEXT NOT NULL DEFAULT '',
    description        TEXT NOT NULL DEFAULT '',
    by_municipality    INTEGER NOT NULL DEFAULT 1 CHECK (by_municipality IN (0, 1)),
    booths             INTEGER CHECK (booths IS NULL OR booths >= 0),
    visitors           INTEGER CHECK (visitors IS NULL OR visitors >= 0),
    citizens_reached   INTEGER CHECK (citizens_reached IS NULL OR citizens_reached >= 0),
    notes              TEXT NOT NULL DEFAULT '',
    follow_up          TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (ends_at >= starts_at)
);
CREATE INDEX events_starts ON events(starts_at);
CREATE INDEX events_kind ON events(kind);

-- Partners who organise (run) an event, e.g. a yoga class in the park.
CREATE TABLE event_organisers (
    id            TEXT PRIMARY KEY,          -- UUID
    event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    partner_id    TEXT REFERENCES partners(id) ON DELETE SET NULL,
    partner_name  TEXT NOT NULL,             -- as it was when linked
    created_at    TEXT NOT NULL
);
CREATE INDEX event_organisers_event ON event_organisers(event_id);
CREATE INDEX event_organisers_partner ON event_organisers(partner_id);

CREATE TABLE event_goals (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    goal_id   TEXT NOT NULL REFERENCES goals(id),
    PRIMARY KEY (event_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX event_goals_goal ON event_goals(goal_id);

CREATE TABLE event_participants (
    id            TEXT PRIMARY KEY,          -- UUID
    event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    partner_id    TEXT REFERENCES partners(id) ON DELETE SET NULL,
    partner_name  TEXT NOT NULL,             -- as it was when invited
    status        TEXT NOT NULL CHECK (status IN ('inviteret', 'tilmeldt', 'deltog', 'afbud')),
    people        INTEGER NOT NULL DEFAULT 1 CHECK (people >= 0),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX event_participants_event ON event_participants(event_id);
CREATE INDEX event_participants_partner ON event_participants(partner_id);
-- A partner is on an event's list once (a removed partner's NULL may repeat).
CREATE UNIQUE INDEX event_participants_once ON event_participants(event_id, partner_id);

-- GDPR: when a private person (kind 'borger') is erased, the names kept here
-- go too; an organisation's name stays, so the event keeps a readable record.
-- Erasure either anonymises the partner row (erased_at set, name replaced)...
CREATE TRIGGER events_partner_erased AFTER UPDATE OF erased_at ON partners
WHEN NEW.erased_at IS NOT NULL AND OLD.erased_at IS NULL
BEGIN
    UPDATE event_participants SET partner_name = NEW.name WHERE partner_id = NEW.id;
    UPDATE event_organisers SET partner_name = NEW.name WHERE partner_id = NEW.id;
END;
-- ... or deletes it (then the keys above become NULL).
CREATE TRIGGER events_person_deleted BEFORE DELETE ON partners
WHEN OLD.kind = 'borger'
BEGIN
    UPDATE event_participants SET partner_name = '—' WHERE partner_id = OLD.id;
    UPDATE event_organisers SET partner_name = '—' WHERE partner_id = OLD.id;
END;

-- Each newsletter issue that was made: its period, the day it was made and
-- how many recipients it had. The next issue starts where the last ended.
CREATE TABLE newsletters (
    id               TEXT PRIMARY KEY,       -- UUID
    period_from      TEXT NOT NULL,          -- ISO date
    period_to        TEXT NOT NULL,          -- ISO date
    issued_on        TEXT NOT NULL,          -- ISO date
    recipient_count  INTEGER NOT NULL CHECK (recipient_count >= 0),
    stories          TEXT NOT NULL DEFAULT '[]',  -- JSON [{title, body}]
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (period_to >= period_from)
);
CREATE INDEX newsletters_period ON newsletters(period_to);
