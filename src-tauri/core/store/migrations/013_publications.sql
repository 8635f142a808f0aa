-- 013: publications: the consultant's edited texts of the inspiration
-- catalogue, and each export of the partner pages for the city's website
-- with the pages it held (so the next export can say what to take down).
-- A landed migration is never edited; add a new file instead.

CREATE TABLE publication_texts (
    key         TEXT PRIMARY KEY,            -- 'intro', 'commitment', 'join', 'contact', 'example:<goal id>'
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE web_exports (
    id           TEXT PRIMARY KEY,           -- UUID
    exported_at  TEXT NOT NULL,              -- RFC 3339, UTC
    folder       TEXT NOT NULL,              -- where it was written
    page_count   INTEGER NOT NULL,
    ended        INTEGER NOT NULL DEFAULT 0, -- the programme's period had ended: every page to remove
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- No foreign key to partners: a page of an erased partner must still be
-- listed for removal. Only the id, the file name (made from the id, never
-- the name) and a digest of the content are kept: no personal data.
CREATE TABLE web_export_pages (
    export_id   TEXT NOT NULL REFERENCES web_exports(id) ON DELETE CASCADE,
    partner_id  TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    digest      TEXT NOT NULL,
    PRIMARY KEY (export_id, partner_id)
) WITHOUT ROWID;
