// Grant applications' statuses and labels, and which actions each status
// allows in the UI (the core checks every rule again).
import { t } from '../i18n/index.js';

export const STATUSES = ['modtaget', 'under_behandling', 'bevilget', 'delvist_bevilget', 'afslaaet', 'udbetalt', 'afrapporteret'];

export const statusLabel = (status) => t(`grants.status.${status}`);
export const eventLabel = (event) => t(`grants.event.${event}`);

// Partner and amount can change until a decision is made.
export const isOpen = (status) => ['modtaget', 'under_behandling'].includes(status);
export const canDecide = (status) => ['under_behandling', 'bevilget', 'delvist_bevilget', 'afslaaet'].includes(status);
export const canPay = (status) => ['bevilget', 'delvist_bevilget'].includes(status);
export const isPaid = (status) => ['udbetalt', 'afrapporteret'].includes(status);
export const hasLetter = (a) => Boolean(a.decided_on) && ['bevilget', 'delvist_bevilget', 'afslaaet', 'udbetalt', 'afrapporteret'].includes(a.status);
