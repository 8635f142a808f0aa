-- The start page's bounded reads (issue 17) answered from indexes, so that
-- Overblik stays fast with 10,000 partners. Indexes only: no table changes.

-- partners::lookup's counted reads: the partners that can be picked
-- (neither in the bin nor erased) by status, with every column those reads
-- show, order by or filter on, so that counting and listing them never
-- reads a partner's row; the e-mail consent early, so that the partners
-- without it are found without passing the others.
CREATE INDEX partners_pickable ON partners(
    status, deleted_at, erased_at, consent_email, id, joined_on, created_at, sort_key, name, kind
) WHERE deleted_at IS NULL AND erased_at IS NULL;

-- partners::incomplete: the (few) partners whose initiative is not described.
CREATE INDEX partners_without_initiative ON partners(id) WHERE trim(initiative) = '';

-- partners::store::count (the partners not erased) and
-- partners::unpickable_ids (with partners_list for the bin).
CREATE INDEX partners_erased ON partners(erased_at);

-- diploma::store::ceremonies: the original diplomas issued at each ceremony,
-- counted from the index.
CREATE INDEX diplomas_ceremony_issued ON diplomas(ceremony_id) WHERE is_copy = 0;

-- activities: the open follow-ups by due day in the due list's order, with
-- the partner (to leave out those who cannot be picked) so that the count
-- reads the index alone; and by partner (is a lead followed up?). The first
-- replaces follow_ups_open, which had the due day only.
DROP INDEX follow_ups_open;
CREATE INDEX follow_ups_due ON follow_ups(due_on, created_at, partner_id)
    WHERE done_on IS NULL AND deleted_at IS NULL;
CREATE INDEX follow_ups_open_partner ON follow_ups(partner_id)
    WHERE done_on IS NULL AND deleted_at IS NULL;
