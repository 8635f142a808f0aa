// The partner page's activity log, follow-ups and one timeline (issue 17),
// as a panel (see ../../panels.js). Logging is two fields and Enter: the
// kind (a call by default) and the text; a follow-up date may be added
// ("ring igen om 14 dage"). Follow-ups are ticked done here; overdue ones
// stand out. The timeline shows the log beside the status history,
// diplomas, events and grants, newest first; an activity is deleted from it
// after the confirm dialog.
import { h, field, clearErrors, showFieldError } from '../../dom.js';
import { t } from '../../i18n/index.js';
import { shortDate, isoFromDanish, money } from '../../format.js';
import { registerPartnerPanel } from '../../panels.js';
import { confirmDialog } from '../../dialog.js';
import { kindOptions, stateLabel, timelineLabel } from '../../domain/activities.js';

function followUpRow(f, onToggle) {
  const box = h('input', { type: 'checkbox', id: `fu-${f.id}`, checked: f.state === 'done' });
  box.addEventListener('change', () => onToggle(f, box));
  return h('li', { class: `follow-up state-${f.state}`, 'data-follow-up': f.id, 'data-state': f.state },
    box,
    h('label', { for: `fu-${f.id}` },
      h('span', { class: 'when', text: shortDate(f.due_on) }), ' ',
      h('span', { class: 'follow-up-text', text: f.text })),
    h('span', { class: `badge state ${f.state}`, text: stateLabel(f.state) }));
}

// An activity's row has a delete button (asked first); the other areas'
// entries are changed in their own areas.
function timelineRow(e, onDelete) {
  const { label, text, by } = timelineLabel(e);
  const body = e.link ? h('a', { href: e.link, text }) : h('span', { text });
  let del = null;
  if (e.source === 'activity') {
    del = h('button', {
      class: 'btn small secondary tl-delete', type: 'button', 'data-delete-activity': e.id,
      text: t('activities.delete'), 'aria-label': t('activities.delete_label', { text: e.title }),
    });
    del.addEventListener('click', () => onDelete(e, del));
  }
  return h('li', { 'data-source': e.source, 'data-id': e.source === 'activity' ? e.id : null },
    h('span', { class: 'when', text: shortDate(e.on) }),
    h('span', { class: `badge tl-${e.source}`, text: label }),
    h('span', { class: 'tl-text' }, body,
      e.amount_ore !== null && e.amount_ore !== undefined ? ` · ${money(e.amount_ore)}` : null,
      by ? h('span', { class: 'muted', text: ` · ${by}` }) : null),
    del);
}

export async function renderPartnerActivities(container, partner, ctx) {
  const { api, notify } = ctx;
  const followList = h('ul', { class: 'follow-ups', id: 'partner-follow-ups' });
  const timeline = h('ol', { class: 'timeline', id: 'partner-timeline' });

  const kind = field({ label: t('activities.kind'), name: 'activity_kind', value: 'opkald', options: kindOptions() });
  const text = field({ label: t('activities.text'), name: 'activity_text', required: true, attrs: { maxlength: 2000, autocomplete: 'off' } });
  const followOn = field({ label: t('activities.follow_up_on'), name: 'follow_up_on', hint: t('activities.follow_up_hint'), attrs: { autocomplete: 'off' } });
  const logBtn = h('button', { class: 'btn', type: 'submit', id: 'activity-add', text: t('activities.add') });
  const form = h('form', { class: 'inline-form activity-form', id: 'activity-form', novalidate: true },
    kind.wrap, text.wrap, followOn.wrap, logBtn);

  const fuOn = field({ label: t('activities.follow_up_on'), name: 'follow_up_on', hint: t('common.date_hint'), required: true, attrs: { autocomplete: 'off' } });
  const fuText = field({ label: t('activities.follow_up_text'), name: 'follow_up_text', required: true, attrs: { maxlength: 2000, autocomplete: 'off' } });
  const fuBtn = h('button', { class: 'btn secondary', type: 'submit', id: 'follow-up-add', text: t('activities.follow_up_add') });
  const fuForm = h('form', { class: 'inline-form', id: 'follow-up-form', novalidate: true }, fuOn.wrap, fuText.wrap, fuBtn);

  container.append(h('section', { class: 'card partner-activities', id: 'partner-activities', 'aria-labelledby': 'pa-h' },
    h('h3', { id: 'pa-h', text: t('activities.title') }),
    form,
    h('h4', { text: t('activities.follow_ups') }),
    followList,
    fuForm,
    h('h4', { text: t('activities.timeline') }),
    timeline));

  const drawFollowUps = async () => {
    const list = await api.followUpsForPartner(partner.id);
    if (!list.length) {
      followList.replaceChildren(h('li', { class: 'hint', text: t('activities.no_follow_ups') }));
      return;
    }
    followList.replaceChildren(...list.map((f) => followUpRow(f, async (fu, box) => {
      box.disabled = true;
      try {
        await api.followUpSetDone(fu.id, box.checked);
        notify(box.checked ? t('activities.done_saved') : t('activities.undone_saved'));
        await drawFollowUps();
      } catch (err) {
        box.checked = !box.checked;
        box.disabled = false;
        notify(err.message, 'error');
      }
    })));
  };
  const onDelete = async (e, btn) => {
    const sure = await confirmDialog(t('activities.delete_confirm', { text: e.title, date: shortDate(e.on) }),
      { ok: t('activities.delete'), danger: true });
    if (!sure) return;
    btn.disabled = true;
    try {
      await api.activityDelete(e.id);
      notify(t('activities.deleted'));
      await drawTimeline();
      text.input.focus();
    } catch (err) {
      btn.disabled = false;
      notify(err.message, 'error');
    }
  };
  const drawTimeline = async () => {
    const list = await api.partnerTimeline(partner.id);
    timeline.replaceChildren(...(list.length
      ? list.map((e) => timelineRow(e, onDelete))
      : [h('li', { class: 'hint', text: t('activities.no_timeline') })]));
  };
  const redraw = () => Promise.all([drawFollowUps(), drawTimeline()]);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    logBtn.disabled = true;
    try {
      await api.activityAdd(partner.id, {
        kind: kind.input.value,
        text: text.input.value,
        follow_up_on: isoFromDanish(followOn.input.value) || followOn.input.value,
      });
      text.input.value = '';
      followOn.input.value = '';
      notify(t('activities.added'));
      await redraw();
      text.input.focus();
    } catch (err) {
      showFieldError(form, err, notify);
    } finally {
      logBtn.disabled = false;
    }
  });
  fuForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(fuForm);
    fuBtn.disabled = true;
    try {
      await api.followUpAdd(partner.id, {
        due_on: isoFromDanish(fuOn.input.value) || fuOn.input.value,
        text: fuText.input.value,
      });
      fuOn.input.value = '';
      fuText.input.value = '';
      notify(t('activities.follow_up_added'));
      await drawFollowUps();
    } catch (err) {
      showFieldError(fuForm, err, notify);
    } finally {
      fuBtn.disabled = false;
    }
  });
  await redraw();
}

registerPartnerPanel('activities', 5, renderPartnerActivities);
