// The app shell: loads the programme and language, draws the navigation and
// routes `#/area/...` to one view module per area. A view's `render(container, ctx)`
// may return `{ canLeave(), destroy() }`; the router asks before leaving a view
// with unsaved changes.
import * as api from './api.js';
import { h, clear } from './dom.js';
import { t, setLanguage } from './i18n/index.js';
import { confirmDialog } from './dialog.js';
import { notify } from './notice.js';
import { shortDate } from './format.js';
import { SAFETY_CHANGED } from './safety.js';
// Registers the other areas' panels on the partner page before any view draws.
import './views/panels.js';

// Areas in navigation order. `view` loads the module lazily.
const AREAS = [
  { route: 'overblik', label: 'nav.overview', view: () => import('./views/overview/index.js') },
  { route: 'partnere', label: 'nav.partners', view: () => import('./views/partners/index.js') },
  { route: 'diplomer', label: 'nav.diplomas', view: () => import('./views/diplomas/index.js') },
  { route: 'arrangementer', label: 'nav.events', view: () => import('./views/events/index.js') },
  { route: 'pulje', label: 'nav.grants', view: () => import('./views/grants/index.js') },
  { route: 'publikationer', label: 'nav.publications', view: () => import('./views/publications/index.js') },
  { route: 'priser', label: 'nav.awards', view: () => import('./views/awards/index.js') },
  { route: 'rapporter', label: 'nav.reports', view: () => import('./views/reports/index.js') },
  { route: 'indstillinger', label: 'nav.settings', view: () => import('./views/settings/index.js') },
  // Not in the navigation: fair mode (full window) and copies/merging.
  { route: 'messe', label: 'fair.mode', hidden: true, view: () => import('./views/fair/index.js') },
  { route: 'kopier', label: 'merge.title', hidden: true, view: () => import('./views/merge/index.js') },
  // In the navigation's footer, not its list.
  { route: 'om', label: 'nav.about', view: () => import('./views/about/index.js'), footer: true },
];
const DEFAULT_ROUTE = 'overblik';

let info = null;
let current = null;        // { area, handle }
let currentHash = '';
let ignoreNextHash = false;

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const area = AREAS.find((a) => a.route === parts[0]);
  return { area: area || null, params: parts.slice(1) };
}

function drawChrome() {
  document.title = t('app.name');
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('sidebar').setAttribute('aria-label', t('app.nav_label'));
  document.getElementById('header-programme').textContent = (info && info.programme_name) || t('app.name');
  // On an empty database the header says so and leads to Indstillinger.
  const muni = document.getElementById('header-municipality');
  if (info && !info.programme_name && !info.municipality) {
    muni.replaceChildren(h('a', { href: '#/indstillinger', id: 'header-setup', text: t('app.no_programme') }));
  } else {
    muni.textContent = info && info.municipality ? info.municipality : '';
  }
  const nav = document.getElementById('nav');
  const foot = document.getElementById('sidebar-foot');
  clear(nav);
  clear(foot);
  const active = parseHash().area;
  for (const area of AREAS.filter((a) => !a.hidden)) {
    const link = h('a', { href: `#/${area.route}`, 'data-route': area.route, text: t(area.label) });
    if (active && active.route === area.route) link.setAttribute('aria-current', 'page');
    if (area.footer) foot.append(link);
    else nav.append(h('li', {}, link));
  }
  if (info) foot.append(h('span', { id: 'app-version', text: t('app.version', { version: info.version }) }));
}

// The header's warnings (issue 15): a data folder on a network drive or in
// a sync folder, and no backup for 7 days. Drawn at start and again when a
// view says the backups changed (`safety.js`: a backup taken, a restore),
// without a restart.
async function drawSafetyWarnings() {
  const bar = document.querySelector('.topbar');
  if (!bar) return;
  const old = document.getElementById('header-safety');
  if (old) old.remove();
  let place = null;
  let status = null;
  try {
    [place, status] = await Promise.all([api.dataLocation(), api.backupsStatus()]);
  } catch (_) {
    return;
  }
  const lines = [];
  if (place) lines.push(h('p', { text: place.message }));
  if (status && status.warn) lines.push(h('p', {}, h('a', { href: '#/indstillinger', text: t('app.backup_warning') })));
  if (lines.length) bar.append(h('div', { id: 'header-safety', class: 'banner error', role: 'alert' }, ...lines));
}

async function refreshHeader() {
  info = await api.appInfo();
  drawChrome();
}

async function changeLanguage(code) {
  setLanguage(code);
  drawChrome();
  await show(true);
}

// Each navigation takes a token; a render that finishes after a newer
// navigation started is dropped and its handle destroyed. Every view draws
// into a fresh container of its own, which goes into `#main` (replacing the
// one before) as soon as the view has drawn something, and only while its
// navigation is the newest: a stale render never shows.
let navToken = 0;

async function show(force = false) {
  const token = ++navToken;
  const { area, params } = parseHash();
  if (!area) {
    location.replace(`#/${DEFAULT_ROUTE}`);
    return;
  }
  if (!force && current && current.handle && current.handle.canLeave && !current.handle.canLeave()) {
    const leave = await confirmDialog(t('common.unsaved'), { ok: t('common.leave'), cancel: t('common.stay'), danger: true });
    if (token !== navToken) return; // a newer navigation asks again
    if (!leave) {
      ignoreNextHash = true;
      location.hash = currentHash;
      return;
    }
  }
  if (current && current.handle && current.handle.destroy) current.handle.destroy();
  current = null;
  currentHash = location.hash;
  drawChrome();
  const main = document.getElementById('main');
  clear(main);
  const view = h('div', { class: 'view', 'data-route': area.route });
  const attach = () => {
    if (token === navToken && view.parentNode !== main) main.replaceChildren(view);
  };
  const drawn = new MutationObserver(() => { drawn.disconnect(); attach(); });
  drawn.observe(view, { childList: true });
  const ctx = { params, notify, refreshHeader, changeLanguage, areaLabel: t(area.label), api };
  let handle = null;
  try {
    const module = await area.view();
    if (token !== navToken) return;
    handle = (await module.render(view, ctx)) || null;
  } catch (err) {
    if (token !== navToken) return;
    view.replaceChildren(h('p', { class: 'banner error', role: 'alert', text: (err && err.message) || String(err) }));
  }
  drawn.disconnect();
  if (token !== navToken) {
    if (handle && handle.destroy) handle.destroy();
    return;
  }
  attach();
  current = { area, handle };
  main.focus({ preventScroll: true });
}

// When the open database is a copy taken along, the window says so plainly.
async function drawCopyBanner() {
  let copy = null;
  try { copy = await api.copyInfo(); } catch (_) { copy = null; }
  const bar = document.getElementById('copy-banner');
  if (!bar) return;
  bar.hidden = !copy;
  document.body.classList.toggle('is-copy', Boolean(copy));
  if (copy) {
    // The way back to the office database is one link away ("Luk kopien").
    const link = document.createElement('a');
    link.href = '#/kopier';
    link.id = 'copy-banner-close';
    link.textContent = t('merge.banner_close');
    bar.replaceChildren(
      document.createTextNode(`${t('merge.banner', { programme: copy.programme, date: shortDate(String(copy.taken_at).slice(0, 10)) })} `),
      link);
  }
}

function showOpenError(err) {
  const main = document.getElementById('main');
  clear(main);
  document.getElementById('nav').replaceChildren();
  document.querySelectorAll('#sidebar-foot a').forEach((a) => a.remove());
  main.append(h('section', { class: 'card', role: 'alert' },
    h('h2', { text: t('app.open_error_title') }),
    h('p', { class: 'banner error', text: err.message }),
    h('p', { text: t('app.open_error_help') })));
}

async function boot() {
  try {
    info = await api.appInfo();
  } catch (err) {
    showOpenError(err);
    return;
  }
  setLanguage(info.language);
  if (info.open_error) {
    drawChrome();
    showOpenError(info.open_error);
    return;
  }
  await drawCopyBanner();
  // The copy remembered from the last run no longer opens (the USB stick is
  // out, the file is gone): the office database opened, and this says why.
  try {
    const why = await api.copyStartNotice();
    if (why) notify(why.message, 'error');
  } catch (_) { /* nothing to say */ }
  // A fair that was open when the window closed (or the power went) resumes.
  try {
    const fair = await api.fairActive();
    if (fair && !location.hash.startsWith('#/messe/')) location.replace(`#/messe/${encodeURIComponent(fair)}`);
  } catch (_) { /* no fair to resume */ }
  window.addEventListener('hashchange', () => {
    if (ignoreNextHash) { ignoreNextHash = false; return; }
    show();
  });
  window.addEventListener('beforeunload', (e) => {
    if (current && current.handle && current.handle.canLeave && !current.handle.canLeave()) e.preventDefault();
  });
  await show();
  window.addEventListener(SAFETY_CHANGED, () => { drawSafetyWarnings(); });
  drawSafetyWarnings();
  document.body.dataset.ready = 'true';
}

boot();
