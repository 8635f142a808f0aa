// Saving a document: every save button goes through `saveDocument`. The
// system's "Gem som" dialog opens first (from Rust, in the kind's folder,
// with the name the core would give the file); closing it saves nothing.
// Otherwise `save(path)` writes the file: at the chosen path, or with
// `path` null (no dialog may open, as in the tests) in the kind's folder
// under a new name. Returns what `save` returned, or null when cancelled.
//
// Kinds: 'diplomas', 'grant_letters', 'grant_pool', 'partners', 'events',
// 'newsletters', 'awards' (the subfolders shown in Indstillinger).
import * as api from './api.js';

export async function saveDocument(kind, name, save) {
  const choice = await api.saveDialog(kind, name);
  if (!choice || choice.cancelled) return null;
  return save(choice.path || null);
}
