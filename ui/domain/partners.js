// The partner register's values and their labels, shared by every view that
// shows a partner (list, page, form, grants, import). The words live in i18n.
import { t } from '../i18n/index.js';

export const KINDS = ['kommunal', 'virksomhed', 'forening', 'borger', 'institution'];
export const STATUSES = ['interesseret', 'aktiv', 'i_dvale', 'afsluttet'];
export const CHANNELS = ['some', 'arrangement', 'direkte', 'gatekeeper', 'lokalavis', 'andet'];

export const kindLabel = (kind) => t(`partners.kind.${kind}`);
export const statusLabel = (status) => t(`partners.status.${status}`);
export const channelLabel = (channel) => t(`partners.channel.${channel}`);

// { value, label } lists for a <select> (see dom.js field()).
export const kindOptions = () => KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
export const statusOptions = () => STATUSES.map((s) => ({ value: s, label: statusLabel(s) }));
export const channelOptions = () => CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }));
