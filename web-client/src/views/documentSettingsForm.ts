// "Dokument verwalten" in the editor's sidebar, for admins: title, kind, stage, the owning group
// or committee, further editors (a coalition partner's councillors) and people invited to read
// and comment on the draft. The server decides (PATCH answers 403 to anyone else) and
// re-checks open connections before it answers, so a published document turns read-only for
// its writers at once.
import { actionErrorMessage, errorDetail } from '../actionErrors';
import { getSettings, peopleLines, peopleProblem, peopleText, saveSettings, settingsChange, type DocumentSettings } from '../documentSettings';
import { KINDS, STAGES } from '../documents';
import { h } from '../dom';
import { t } from '../i18n';
import { kindLabel, stageLabel } from './startPage';

const MAX_TITLE = 200;

export function documentSettingsSection(name: string, onSaved: (settings: DocumentSettings) => void): HTMLElement {
  const toggle = h('button', { type: 'button', class: 'button settings-toggle', 'aria-expanded': 'false', 'aria-controls': 'doc-settings' }, t('settingsToggle'));
  const panel = h('div', { id: 'doc-settings', class: 'doc-settings', hidden: true });
  let current: DocumentSettings | null = null;
  let loading: AbortController | null = null;

  toggle.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open && current === null) void load();
    if (!open) loading?.abort();
  });

  async function load(): Promise<void> {
    loading = new AbortController();
    panel.replaceChildren(h('p', { class: 'muted', role: 'status' }, t('loading')));
    try {
      current = await getSettings(name, loading.signal);
      panel.replaceChildren(form(current));
      panel.querySelector<HTMLInputElement>('#doc-settings-title')?.focus();
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      panel.replaceChildren(h('p', { class: 'field-error', role: 'alert' }, t('settingsLoadFailed', { detail: errorDetail(error) })));
    }
  }

  function form(settings: DocumentSettings): HTMLFormElement {
    const title = h('input', { id: 'doc-settings-title', type: 'text', maxlength: MAX_TITLE, required: true, autocomplete: 'off' });
    title.value = settings.title;
    const kind = h('select', { id: 'doc-settings-kind' }, ...KINDS.map((k) => h('option', { value: k }, kindLabel(k))));
    if (!(KINDS as readonly string[]).includes(settings.kind)) kind.append(h('option', { value: settings.kind }, settings.kind));
    kind.value = settings.kind;
    const stage = h('select', { id: 'doc-settings-stage' }, ...STAGES.map((s) => h('option', { value: s }, stageLabel(s))));
    if (!(STAGES as readonly string[]).includes(settings.stage)) stage.append(h('option', { value: settings.stage }, settings.stage));
    stage.value = settings.stage;
    const owner = h('input', { id: 'doc-settings-owner', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'doc-settings-owner-hint' });
    owner.value = settings.ownerBody;
    const editors = h('textarea', { id: 'doc-settings-editors', rows: 3, spellcheck: 'false', 'aria-describedby': 'doc-settings-editors-hint' });
    editors.value = peopleText(settings.editors);
    const commenters = h('textarea', { id: 'doc-settings-commenters', rows: 3, spellcheck: 'false', 'aria-describedby': 'doc-settings-commenters-hint' });
    commenters.value = peopleText(settings.commenters);
    const error = h('p', { id: 'doc-settings-error', class: 'field-error', role: 'alert' });
    const done = h('p', { class: 'settings-done', role: 'status' });
    const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('settingsSave'));
    const field = (control: HTMLElement, label: string, hint: string | null = null) =>
      h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint === null ? null : h('p', { id: `${control.id}-hint`, class: 'hint' }, hint));

    const f = h(
      'form',
      { class: 'doc-settings-form', novalidate: true, 'aria-labelledby': 'doc-settings-heading' },
      h('h3', { id: 'doc-settings-heading' }, t('settingsHeading')),
      field(title, t('settingsTitle')),
      field(kind, t('kind')),
      field(stage, t('stage')),
      field(owner, t('settingsOwner'), t('settingsOwnerHint', { name: settings.ownerBodyName })),
      field(editors, t('settingsEditors'), t('settingsEditorsHint')),
      field(commenters, t('settingsCommenters'), t('settingsCommentersHint')),
      error,
      done,
      submit,
    );

    let busy = false;
    const fail = (message: string, at: HTMLElement) => {
      error.textContent = message;
      at.setAttribute('aria-invalid', 'true');
      at.setAttribute('aria-describedby', [at.getAttribute('aria-describedby'), 'doc-settings-error'].filter(Boolean).join(' '));
      at.focus();
    };
    f.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy || current === null) return;
      for (const control of [title, owner, editors, commenters]) control.removeAttribute('aria-invalid');
      error.textContent = '';
      done.textContent = '';
      const wanted = { title: title.value.trim(), kind: kind.value, stage: stage.value, ownerBody: owner.value.trim(), editors: peopleLines(editors.value), commenters: peopleLines(commenters.value) };
      if (wanted.title === '' || wanted.title.length > MAX_TITLE) {
        fail(t('settingsTitleMissing'), title);
        return;
      }
      const change = settingsChange(current, wanted);
      if (Object.keys(change).length === 0) {
        done.textContent = t('settingsSaved');
        return;
      }
      busy = true;
      submit.setAttribute('aria-disabled', 'true');
      submit.textContent = t('settingsSaving');
      saveSettings(name, change).then(
        (saved) => {
          busy = false;
          current = saved;
          submit.removeAttribute('aria-disabled');
          submit.textContent = t('settingsSave');
          title.value = saved.title;
          editors.value = peopleText(saved.editors);
          commenters.value = peopleText(saved.commenters);
          done.textContent = t('settingsSaved');
          onSaved(saved);
        },
        (failure: unknown) => {
          busy = false;
          submit.removeAttribute('aria-disabled');
          submit.textContent = t('settingsSave');
          const people = peopleProblem(failure, change);
          const list = people === null ? null : /commenters/.test((failure as Error).message) ? commenters : editors;
          fail(people ?? actionErrorMessage(failure), list ?? title);
        },
      );
    });
    return f;
  }

  return h('div', { class: 'doc-settings-slot' }, toggle, panel);
}
