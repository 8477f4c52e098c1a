// "Verlauf geprüft: unverändert" — the result of the server's chain verification (GET …/verify,
// a full recomputation of the hash chain and replay), in words and with an icon, never colour
// alone. Checked after the history has loaded, and again after it changed (naming, restoring).
import { errorDetail } from '../actionErrors';
import { getJson, type WaitListener } from '../api';
import { h, icon } from '../dom';
import { parseVerification, type Verification } from '../history';
import { historyBase } from '../historyApi';
import { t } from '../i18n';

export interface VerificationLine {
  element: HTMLElement;
  check(): void;
  /** Draws the last result again (language switch). */
  redraw(): void;
  dispose(): void;
}

export function verificationLine(name: string, wait?: WaitListener): VerificationLine {
  const element = h('div', { class: 'verification' });
  let result: Verification | null = null;
  /** Why the check failed (worded when drawn, in the current language). */
  let failure: { error: unknown } | null = null;
  let abort: AbortController | null = null;

  function redraw(): void {
    element.dataset.verification = failure !== null ? 'failed' : !result ? 'running' : result.ok ? 'ok' : 'broken'; // read by the end-to-end test
    if (failure !== null) {
      element.replaceChildren(h('p', { class: 'muted' }, t('verifyFailed', { detail: errorDetail(failure.error) })));
    } else if (!result) {
      element.replaceChildren(h('p', { class: 'muted' }, t('verifyRunning')));
    } else if (result.ok) {
      const hash = result.headHash ? `${result.headHash.slice(0, 16)}…` : '—';
      element.replaceChildren(h('p', { class: 'notice notice-ok' }, icon('check'), h('span', {}, h('strong', {}, t('verifyOk')), ' ', h('span', { class: 'muted' }, t('verifyOkDetail', { rows: result.rowsChecked, hash })))));
    } else {
      element.replaceChildren(
        h('p', { class: 'notice notice-problem', role: 'alert' }, icon('warning'), h('span', {}, h('strong', {}, t('verifyBroken', { seq: String(result.firstBadSeq ?? '?') })), ' ', t('verifyBrokenDetail', { kind: result.kind ?? '?' }))),
      );
    }
  }

  function check(): void {
    abort?.abort();
    const mine = new AbortController();
    abort = mine;
    result = null;
    failure = null;
    redraw();
    getJson(`${historyBase(name)}/verify`, mine.signal, wait).then(
      (value) => {
        if (abort !== mine) return;
        try {
          result = parseVerification(value);
        } catch (error) {
          failure = { error };
        }
        redraw();
      },
      (error: unknown) => {
        if ((error as Error).name === 'AbortError' || abort !== mine) return;
        failure = { error };
        redraw();
      },
    );
  }

  return { element, check, redraw, dispose: () => abort?.abort() };
}
