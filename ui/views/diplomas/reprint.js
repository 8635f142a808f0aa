// "Genudskriv" of one diploma, from the Diplomer view and the partner page:
// "Gem som" first (see ../../save.js), then the stored snapshot printed again
// and recorded as a copy. Returns what was saved, or null (cancelled or failed;
// a failure is shown).
import { t } from '../../i18n/index.js';
import { saveDocument } from '../../save.js';

export async function reprintDiploma(ctx, diploma) {
  const { api, notify } = ctx;
  try {
    const g = await saveDocument('diplomas', `Diplom ${diploma.partner_name}.pdf`, (path) => api.diplomaReprint(diploma.id, path));
    if (g) notify(t('diplomas.reprinted', { file: g.file_name }));
    return g;
  } catch (err) {
    notify(err.message, 'error');
    return null;
  }
}
