// Indstillinger: the programme, the consultant's contact (the same form as
// Rapporter → Case, ../../contact.js), its goals, the logo, the signatories, the
// documents folder, the UI language and the data (where it lives, the copies
// taken before updates).
// Each section saves on its own; errors appear at their field. `page` holds
// what the cards share: the settings as last loaded and the unsaved parts.
import { h, showFieldError } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { programmeCard } from './programme.js';
import { goalsCard } from './goals.js';
import { logoCard, signatoryCard } from './images.js';
import { languageCard, backupsCard } from './data.js';
import { filesCard } from './files.js';
import { retentionCard } from './retention.js';
import { contactForm } from '../../contact.js';

export async function render(main, ctx) {
  const { api, notify } = ctx;
  const page = {
    api,
    notify,
    ctx,
    settings: await api.settingsGet(),
    contact: await api.contactGet(),
    dirty: new Set(),
    fail: (scope) => (err) => showFieldError(scope, err, notify),
  };
  main.append(
    h('div', { class: 'page-head' },
      h('h2', { text: t('settings.title') }),
      h('p', { class: 'lead', text: t('settings.intro') })),
    h('div', { class: 'settings' },
      programmeCard(page),
      contactForm({
        api, notify, contact: page.contact,
        onDirty: () => page.dirty.add('contact'),
        onSaved: (saved) => { page.contact = saved; page.dirty.delete('contact'); },
      }),
      goalsCard(page),
      logoCard(page),
      h('section', { 'aria-labelledby': 'settings-sig-h' },
        h('h3', { id: 'settings-sig-h', text: t('settings.signatories') }),
        h('p', { class: 'lead', text: t('settings.signatories_intro') }),
        h('div', { class: 'grid-2' }, signatoryCard(page, 1), signatoryCard(page, 2))),
      filesCard(page),
      languageCard(page),
      backupsCard(page),
      retentionCard(page),
      h('section', { 'aria-labelledby': 'settings-copies-h' },
        h('h3', { id: 'settings-copies-h', text: t('merge.title') }),
        h('p', { class: 'lead', text: t('merge.settings_intro') }),
        h('a', { class: 'btn', href: '#/kopier', id: 'settings-copies', text: t('merge.open') }))));
  return { canLeave: () => page.dirty.size === 0 };
}
