// Award rounds' statuses, who decides a prize, the basis of a decision and
// who wrote a nomination: the values the core sends and their labels.
import { t } from '../i18n/index.js';

export const ROUND_STATUSES = ['aaben', 'bedoemmes', 'afgjort'];
export const DECIDED_BY = ['committee', 'vote'];

export const roundStatusLabel = (s) => t(`awards.status.${s}`);
export const decidedByLabel = (d) => t(`awards.decided_by.${d}`);
export const basisLabel = (b) => t(`awards.basis.${b}`);
export const nominatedByLabel = (n) => t(`awards.nominated_by.${n}`);

// The nominee's name as shown: an erased nominee says so.
export const nomineeLabel = (n) => (n.erased ? t('awards.erased_name', { name: n.partner_name }) : n.partner_name);
