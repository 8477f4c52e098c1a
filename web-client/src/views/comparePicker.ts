// The choice of the two documents on the comparison page, offered when there are more than two to
// compare. Two labelled native selects and a button: the comparison loads on "Vergleichen" only,
// so moving through the options with the arrow keys does not load one comparison per option.
import { KINDS, type DocumentSummary } from '../documents';
import { documentText, h, i18nText, icon } from '../dom';

/** The documents that hold pledges: programmes, coalition agreements and motions. */
export function comparable(documents: DocumentSummary[]): DocumentSummary[] {
  return documents.filter((d) => (KINDS as readonly string[]).includes(d.kind));
}

/** The chosen pair if both documents still exist and differ, else the first programme and agreement. */
export function choosePair(
  documents: DocumentSummary[],
  chosen: { a: string; b: string } | null,
  fallback: (documents: DocumentSummary[]) => { a: DocumentSummary; b: DocumentSummary } | null,
): { a: DocumentSummary; b: DocumentSummary } | null {
  const a = chosen && documents.find((d) => d.name === chosen.a);
  const b = chosen && documents.find((d) => d.name === chosen.b);
  return a && b && a !== b ? { a, b } : fallback(documents);
}

export function comparePicker(
  documents: DocumentSummary[],
  current: { a: DocumentSummary; b: DocumentSummary } | null,
  onChoose: (a: string, b: string) => void,
): HTMLElement {
  const select = (id: string, selected: string | undefined) => {
    const element = h('select', { id, name: id }, ...documents.map((d) => documentText(h('option', { value: d.name }, d.title || d.name))));
    if (selected) element.value = selected;
    return element;
  };
  const a = select('compare-a', current?.a.name);
  const b = select('compare-b', current?.b.name);
  const error = h('p', { class: 'field-error', role: 'alert', hidden: true }, icon('warning'), i18nText(h('span'), 'compareSameDocument'));
  const button = i18nText(h('button', { type: 'submit', class: 'button' }), 'compareShow');
  const form = h(
    'form',
    { class: 'compare-picker' },
    h(
      'fieldset',
      {},
      i18nText(h('legend'), 'compareChoose'),
      h('div', { class: 'field' }, i18nText(h('label', { for: 'compare-a' }), 'compareFirst'), a),
      h('div', { class: 'field' }, i18nText(h('label', { for: 'compare-b' }), 'compareSecond'), b),
      error,
      button,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const same = a.value === b.value;
    error.hidden = !same;
    if (same) b.setAttribute('aria-invalid', 'true');
    else b.removeAttribute('aria-invalid');
    if (!same) onChoose(a.value, b.value);
  });
  return form;
}
