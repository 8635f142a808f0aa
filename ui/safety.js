// The one signal that the backups changed (a backup taken, a restore): the
// shell redraws the header's safety warnings on it, without a restart.
export const SAFETY_CHANGED = 'sundby-safety-changed';

export function safetyChanged() {
  window.dispatchEvent(new Event(SAFETY_CHANGED));
}
