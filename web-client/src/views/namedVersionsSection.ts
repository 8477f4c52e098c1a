// Named versions ("Fassung nach Ausschuss, 12.03."): the list, set apart from the automatic
// revisions, each with "In der Zeitleiste zeigen" and — for those the server allows — "Diese
// Fassung wiederherstellen"; editors get the form that names the current text. Those who may
// not restore or name read why instead of meeting a dead button.
import { errorDetail } from '../actionErrors';
import { ApiError } from '../api';
import { h, icon } from '../dom';
import type { HistoryPermissions, NamedVersion } from '../history';
import { nameVersion } from '../historyApi';
import { formatDateTime, t } from '../i18n';

export interface NamedSectionOptions {
  name: string;
  named: NamedVersion[];
  headSeq: number;
  may: HistoryPermissions;
  show(seq: number): void;
  restore(version: NamedVersion, button: HTMLElement): void;
  /** After a version was named: reload the history, announce the message, focus its entry. */
  onNamed(message: string, version: { seq: number; name: string }): void;
}

const MAX_NAME = 200;

function nameError(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return t('nameVersionTaken');
  if (error instanceof ApiError && error.status === 400) return t('nameVersionMissing');
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return t('nameVersionNotAllowed');
  return t('nameVersionFailed', { detail: errorDetail(error) });
}

export function namedVersionsSection(options: NamedSectionOptions): HTMLElement {
  const items = options.named.map((v) => {
    const show = h('button', { type: 'button', class: 'button button-quiet' }, t('showInTimeslider'));
    show.addEventListener('click', () => options.show(v.seq));
    const restore = options.may.restore ? h('button', { type: 'button', class: 'button restore-button' }, t('restoreButton')) : null;
    restore?.addEventListener('click', () => options.restore(v, restore));
    const meta = t('namedMeta', { seq: String(v.seq), date: v.at ? formatDateTime(v.at) : '', creator: v.creator ?? '—' });
    return h(
      'li',
      // Focusable from script only: the entry takes the focus once it has been named (see historyPage).
      { class: 'named-version', 'data-seq': String(v.seq), 'data-name': v.name, tabindex: '-1' },
      h('p', { class: 'named-name' }, icon('check'), ' ', h('strong', {}, v.name)),
      h('p', { class: 'muted named-meta' }, meta),
      h('div', { class: 'named-actions', role: 'group', 'aria-label': v.name }, show, restore),
    );
  });
  const section = h(
    'section',
    { class: 'named-versions', 'aria-labelledby': 'named-title' },
    h('h2', { id: 'named-title' }, t('namedTitle')),
    items.length > 0 ? h('ul', { class: 'named-list' }, ...items) : h('p', { class: 'muted' }, t('namedNone')),
  );
  if (!options.may.restore && items.length > 0) section.append(h('p', { class: 'notice restore-not-allowed' }, icon('lock'), h('span', {}, t('restoreNotAllowed'))));
  section.append(options.may.nameVersion ? nameForm(options) : h('p', { class: 'muted name-not-allowed' }, t('nameVersionNotAllowed')));
  return section;
}

function nameForm(options: NamedSectionOptions): HTMLFormElement {
  const input = h('input', { id: 'version-name', type: 'text', maxlength: MAX_NAME, required: true, autocomplete: 'off', 'aria-describedby': 'version-name-hint' });
  const error = h('p', { id: 'version-name-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, t('nameVersionSubmit'));
  const form = h(
    'form',
    { class: 'name-version-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: input.id }, t('nameVersionLabel')), input, h('p', { id: 'version-name-hint', class: 'hint' }, t('nameVersionHint', { seq: String(options.headSeq) }))),
    error,
    submit,
  );
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const value = input.value.trim();
    if (value === '' || value.length > MAX_NAME) {
      error.textContent = t('nameVersionMissing');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'version-name-hint version-name-error');
      input.focus();
      return;
    }
    busy = true;
    submit.setAttribute('aria-disabled', 'true');
    nameVersion(options.name, options.headSeq, value).then(
      () => options.onNamed(t('nameVersionDone', { name: value, seq: String(options.headSeq) }), { seq: options.headSeq, name: value }),
      (failure: unknown) => {
        busy = false;
        submit.removeAttribute('aria-disabled');
        error.textContent = nameError(failure);
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'version-name-hint version-name-error');
        input.focus();
      },
    );
  });
  return form;
}
