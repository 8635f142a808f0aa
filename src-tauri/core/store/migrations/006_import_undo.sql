-- 006: the snapshots an import's "update" keeps so that undoing the batch can
-- put the updated partners back. They hold personal data, so they live in a
-- table of their own, one row per partner, that erasure can reach (and that
-- vanishes with the partner or the batch). Earlier snapshots kept in
-- app_settings under 'import_undo:<batch>' move here.

CREATE TABLE import_undo_snapshots (
    batch_id    TEXT NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    partner_id  TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
    snapshot    TEXT NOT NULL,               -- JSON: the partner's rows before the import
    PRIMARY KEY (batch_id, partner_id)
) WITHOUT ROWID;
CREATE INDEX import_undo_snapshots_partner ON import_undo_snapshots(partner_id);

INSERT OR IGNORE INTO import_undo_snapshots (batch_id, partner_id, snapshot)
SELECT substr(s.key, length('import_undo:') + 1), json_extract(j.value, '$.partner_id'), j.value
FROM app_settings s, json_each(s.value) j
WHERE substr(s.key, 1, 12) = 'import_undo:'
  AND json_valid(s.value)
  AND EXISTS (SELECT 1 FROM import_batches b WHERE b.id = substr(s.key, length('import_undo:') + 1))
  AND EXISTS (SELECT 1 FROM partners p WHERE p.id = json_extract(j.value, '$.partner_id'));

DELETE FROM app_settings WHERE substr(key, 1, 12) = 'import_undo:';
