// The activity log's values and labels: kinds of activity, where a
// follow-up stands (the core decides: done, overdue, due, upcoming), and
// how a timeline entry from any area reads. The words live in i18n.
import { t } from '../i18n/index.js';
import { statusLabel as partnerStatusLabel } from './partners.js';
import { kindLabel as eventKindLabel, statusLabel as participantLabel } from './events.js';
import { statusLabel as grantStatusLabel } from './grants.js';

export const KINDS = ['opkald', 'moede', 'email', 'besoeg', 'note'];

export const kindLabel = (kind) => t(`activities.kind.${kind}`);
export const kindOptions = () => KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
export const stateLabel = (state) => t(`activities.state.${state}`);

// One line of the partner's timeline: { label, text }.
export function timelineLabel(e) {
  switch (e.source) {
    case 'activity':
      return { label: kindLabel(e.code), text: e.title, by: e.detail };
    case 'status':
      return { label: t('activities.tl_status'), text: partnerStatusLabel(e.code) };
    case 'diploma':
      return {
        label: t(e.code === 'copy' ? 'activities.tl_diploma_copy' : 'activities.tl_diploma'),
        text: t('activities.tl_diploma_text', { number: e.detail, place: e.title }),
      };
    case 'event':
      return {
        label: eventKindLabel(e.code),
        text: e.detail === 'organiser' ? t('activities.tl_event_organiser', { title: e.title })
          : t('activities.tl_event', { title: e.title, status: participantLabel(e.detail) }),
      };
    case 'grant':
      return { label: t('activities.tl_grant'), text: `${e.title} (${grantStatusLabel(e.code)})` };
    case 'welcome':
      return { label: t('activities.tl_welcome'), text: t('activities.tl_welcome_text') };
    default:
      return { label: e.source, text: e.title };
  }
}
