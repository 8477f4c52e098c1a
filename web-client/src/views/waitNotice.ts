// "Der Server ist gerade ausgelastet. Neuer Versuch in 2 Sekunden …": shown while a page's GET
// waits for the server's Retry-After (getJson asks again by itself). Without it the page sits on
// "Wird geladen …" for seconds with no reason given. The element is a polite live region from
// the start, so a screen reader announces the sentence when it appears (WCAG 4.1.3), and it is
// visible, not only announced.
import type { WaitListener } from '../api';
import { h, icon } from '../dom';
import { onLanguageChange, t } from '../i18n';

export interface WaitNotice {
  element: HTMLElement;
  /** Passed to getJson; several requests of one page may wait at once. */
  listener: WaitListener;
  dispose(): void;
}

export function waitNotice(): WaitNotice {
  const element = h('div', { class: 'wait-notice', role: 'status', 'aria-live': 'polite' });
  let waiting = 0;
  let seconds = 0;

  function draw(): void {
    element.dataset.waiting = waiting > 0 ? 'true' : 'false'; // read by tests
    if (waiting === 0) {
      element.replaceChildren();
      return;
    }
    const text = t(seconds === 1 ? 'serverBusyWaitingOne' : 'serverBusyWaiting', { seconds: String(seconds) });
    element.replaceChildren(h('p', { class: 'notice' }, icon('sync'), h('span', {}, text)));
  }

  const unsubscribe = onLanguageChange(draw);
  draw();
  return {
    element,
    listener: {
      waiting(s) {
        waiting++;
        seconds = s;
        draw();
      },
      over() {
        waiting = Math.max(0, waiting - 1);
        draw();
      },
    },
    dispose: unsubscribe,
  };
}
