// "Abmelden" in the header. A failed sign-out must be seen, not only heard: the header still
// shows the person as signed in, and without a visible message a sighted user would believe
// the shared computer is signed out. So the failure is a visible notice next to the button and
// is also announced through the header's polite status region.
import { h, i18nText, icon } from '../dom';
import { t } from '../i18n';

export interface SignOutParts {
  button: HTMLElement;
  /** The header's polite live region (visually hidden). */
  status: HTMLElement;
  /** Sends DELETE /api/session. */
  request: () => Promise<void>;
  /** Runs after the server ended the session. */
  signedOut: () => void;
}

/** Wires the button; returns the visible failure notice (hidden until a sign-out fails) and a way to hide it. */
export function wireSignOut(parts: SignOutParts): { problem: HTMLElement; clear: () => void } {
  const problem = h('p', { class: 'account-problem', hidden: true }, icon('warning'), i18nText(h('span', {}), 'signOutFailed'));
  let pending = false;
  const clear = () => {
    problem.hidden = true;
  };
  parts.button.addEventListener('click', () => {
    if (pending) return; // one request at a time
    pending = true;
    parts.request().then(
      () => {
        pending = false;
        clear();
        parts.status.textContent = t('signedOutAnnounce');
        parts.signedOut();
      },
      () => {
        pending = false;
        problem.hidden = false;
        // Emptied first, so that a second failure with the same words is announced again.
        parts.status.textContent = '';
        parts.status.textContent = t('signOutFailed');
      },
    );
  });
  return { problem, clear };
}
