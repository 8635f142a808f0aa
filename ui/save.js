// Saving a document: every save button goes through `saveDocument`. The
// system's "Gem som" dialog opens first (from Rust, in the kind's folder,
// with the name the core would give the file); closing it saves nothing.
// Otherwise `save(path)` writes the file: at the chosen path, or with
// `path` null (no dialog may open, as in the tests) in the kind's folder
// under a new name. Returns what `save` returned, or null when cancelled.
//
// Kinds: 'diplomas', 'grant_letters', 'grant_pool', 'partners', 'events',
// 'newsletters', 'reports', 'awards' (the subfolders shown in Indstillinger).
//
// `openSaved(path, notify)` / `revealSaved(path, notify)`: the one way to
// hand a saved file to another program. When none opens it, the notice says
// "Filen er gemt i [mappe]" with "Vis i mappe" and "Åbn" (the core's text,
// never the launcher's).
import * as api from './api.js';
import { t } from './i18n/index.js';

function handoffFailed(err, path, notify, retry) {
  if (err && err.code === 'handoff.not_opened') {
    const actions = retry ? [
      { label: t('files.reveal'), run: () => revealSaved(path, notify, false) },
      { label: t('files.open'), run: () => openSaved(path, notify, false) },
    ] : [];
    notify(err.message, 'ok', { actions });
  } else {
    notify((err && err.message) || String(err), 'error');
  }
}

export async function openSaved(path, notify, retry = true) {
  try { await api.filesOpen(path); } catch (err) { handoffFailed(err, path, notify, retry); }
}

export async function revealSaved(path, notify, retry = true) {
  try { await api.filesReveal(path); } catch (err) { handoffFailed(err, path, notify, retry); }
}

export async function saveDocument(kind, name, save) {
  const choice = await api.saveDialog(kind, name);
  if (!choice || choice.cancelled) return null;
  return save(choice.path || null);
}
