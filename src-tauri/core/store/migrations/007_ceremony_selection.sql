-- 007: the partners chosen for a ceremony, in their printing order, kept with
-- the ceremony: the diplomas are printed a week before and marked as handed
-- out after the ceremony, often after the app has been closed in between.
-- A landed migration is never edited; add a new file instead.

CREATE TABLE ceremony_selection (
    ceremony_id  TEXT NOT NULL REFERENCES ceremonies(id) ON DELETE CASCADE,
    partner_id   TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 0),  -- the order on the PDF
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (ceremony_id, partner_id)
) WITHOUT ROWID;
CREATE INDEX ceremony_selection_partner ON ceremony_selection(partner_id);

-- When the selection was last printed (a PDF made), per ceremony.
ALTER TABLE ceremonies ADD COLUMN printed_at TEXT;
