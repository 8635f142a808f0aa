-- 009: the consultant's activity log per partner (calls, meetings, e-mails,
-- visits, notes) and follow-ups (a due date and a text; done or not).
-- A landed migration is never edited; add a new file.
--
-- Both belong to one partner and go with it when it is deleted. Erasing a
-- partner's personal data (GDPR) keeps an activity's kind and date for
-- statistics but empties its text and author, and removes the partner's
-- follow-ups; the partners area calls `activities::erase_partner` for that.

CREATE TABLE activities (
    id           TEXT PRIMARY KEY,          -- UUID
    partner_id   TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('opkald', 'moede', 'email', 'besoeg', 'note')),
    happened_on  TEXT NOT NULL,             -- ISO date
    text         TEXT NOT NULL,
    author       TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX activities_partner ON activities(partner_id, happened_on);

CREATE TABLE follow_ups (
    id           TEXT PRIMARY KEY,          -- UUID
    partner_id   TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    -- the activity it was made from ("ring igen om 14 dage"), if any
    activity_id  TEXT REFERENCES activities(id) ON DELETE SET NULL,
    due_on       TEXT NOT NULL,             -- ISO date
    text         TEXT NOT NULL,
    done_on      TEXT,                      -- ISO date; NULL while not done
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX follow_ups_open ON follow_ups(due_on) WHERE done_on IS NULL AND deleted_at IS NULL;
CREATE INDEX follow_ups_partner ON follow_ups(partner_id);
