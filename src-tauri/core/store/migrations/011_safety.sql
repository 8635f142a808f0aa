-- 011: data safety and privacy.
--
-- erasure_log: which partners were erased (GDPR) and when: ids and dates only,
-- no personal data. A copy of it lives in `erasure-log.json` beside the
-- database; both are applied to every restored or opened backup, so a person
-- erased after a backup was taken stays erased.
--
-- consent_history: every change of a partner's consent (to be shown publicly,
-- to receive e-mail): given or withdrawn, the day, and where the change came
-- from (`source` is an open text code: 'form', 'import', 'fair', 'merge',
-- 'demo', 'migration'; areas added later may use their own). The current
-- values stay in partners.consent_*; this is their history. Erasure removes
-- a partner's rows.
--
-- Backup settings (rotation, second folder) are preferences in app_settings.

CREATE TABLE erasure_log (
    partner_id  TEXT PRIMARY KEY,            -- no foreign key: the partner row may be gone
    erased_at   TEXT NOT NULL                -- UTC, RFC 3339
) WITHOUT ROWID;

CREATE TABLE consent_history (
    id          TEXT PRIMARY KEY,            -- UUID
    partner_id  TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    consent     TEXT NOT NULL CHECK (consent IN ('public', 'email')),
    given       INTEGER NOT NULL CHECK (given IN (0, 1)),
    changed_on  TEXT NOT NULL,               -- ISO date
    source      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX consent_history_partner ON consent_history(partner_id, changed_on);

-- The consents given before this version: one entry each, dated as recorded.
INSERT INTO consent_history (id, partner_id, consent, given, changed_on, source, created_at, updated_at)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
       substr(lower(hex(randomblob(2))), 2) || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' ||
       lower(hex(randomblob(6))),
       id, 'public', 1, coalesce(consent_public_on, substr(created_at, 1, 10)), 'migration',
       created_at, created_at
FROM partners WHERE consent_public = 1 AND erased_at IS NULL;
INSERT INTO consent_history (id, partner_id, consent, given, changed_on, source, created_at, updated_at)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
       substr(lower(hex(randomblob(2))), 2) || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' ||
       lower(hex(randomblob(6))),
       id, 'email', 1, coalesce(consent_email_on, substr(created_at, 1, 10)), 'migration',
       created_at, created_at
FROM partners WHERE consent_email = 1 AND erased_at IS NULL;

-- Partners erased before this version.
INSERT INTO erasure_log (partner_id, erased_at)
SELECT id, erased_at FROM partners WHERE erased_at IS NOT NULL;
