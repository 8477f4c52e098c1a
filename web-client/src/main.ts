// Entry point: the page shell (header with navigation, role, the signed-in person with sign-in
// and sign-out, language switch; <main>; footer) and the router that mounts the pages.
import './styles.css';
import { signOut } from './api';
import { h, i18nText, startLanguage, translateTree } from './dom';
import { getLanguage, hasMessage, onLanguageChange, setLanguage, t } from './i18n';
import { parseRoute } from './router';
import { displayName, me, onMeChange, refreshMe, roleRank, setMe } from './session';
import { GUEST } from './api';
import { createSignInDialog } from './views/signInDialog';
import { passwordChangePage } from './views/passwordChangePage';
import { startPage } from './views/startPage';
import { wireSignOut } from './views/signOut';
import type { View } from './views/view';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

startLanguage(document, safeStorage());

const app = document.getElementById('app')!;
const main = h('main', { id: 'main', tabindex: '-1' });

// --- header -------------------------------------------------------------------------------
const homeLink = h('a', { href: '/', class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '¶'), h('span', {}, 'Pledgepad'));
const tagline = i18nText(h('span', { class: 'tagline' }), 'tagline');
const navHome = i18nText(h('a', { href: '/' }), 'home');
const navCompare = i18nText(h('a', { href: '/vergleich' }), 'navCompare');
const navModeration = i18nText(h('a', { href: '/moderation' }), 'navModeration');
const moderationItem = h('li', { hidden: true }, navModeration);
const nav = h('nav', { class: 'main-nav' }, h('ul', {}, h('li', {}, navHome), h('li', {}, navCompare), moderationItem));
nav.dataset.i18nAriaLabel = 'mainNav';
nav.setAttribute('aria-label', t('mainNav'));

const roleText = h('span', { class: 'role' });
const userText = h('span', { class: 'user-name' });
// A polite region tells screen reader users that they signed in or out.
const accountStatus = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
function renderRole(): void {
  const current = me();
  const key = `role.${current.role}`;
  roleText.textContent = t('role', { role: hasMessage(key) ? t(key) : current.role });
  const name = displayName(current);
  userText.textContent = name ? `${t('signedInAs', { name })}${current.user?.pseudonym ? ` ${t('pseudonymMark')}` : ''}` : '';
  userText.hidden = !name;
  signIn.hidden = current.user !== null;
  signOutButton.hidden = current.user === null;
  myDataLink.hidden = current.user === null;
  // "Still signed in" is wrong once the session is gone by any route (expiry, another tab).
  if (current.user === null) signOutFailure.clear();
  moderationItem.hidden = roleRank(current.role) < roleRank('moderator');
}

const signIn = i18nText(h('button', { type: 'button', class: 'button button-quiet sign-in' }), 'signIn');
const signOutButton = i18nText(h('button', { type: 'button', class: 'button button-quiet sign-out', hidden: true }), 'signOut');
const myDataLink = i18nText(h('a', { href: '/meine-daten', class: 'my-data-link', hidden: true }), 'navMyData');
const signInDialog = createSignInDialog(() => {
  accountStatus.textContent = t('signedInAnnounce', { name: displayName(me()) ?? '' });
  // On a one-time password the change page has taken the focus (its heading).
  if (!me().mustChangePassword) signOutButton.focus();
});
signIn.addEventListener('click', () => signInDialog.open(signIn));
const signOutFailure = wireSignOut({
  button: signOutButton,
  status: accountStatus,
  request: signOut,
  signedOut: () => {
    setMe(GUEST);
    signIn.focus();
    refreshMe().catch(() => undefined);
  },
});

const languageButton = h('button', { type: 'button', class: 'button button-quiet language-switch' });
function renderLanguageButton(): void {
  const target = getLanguage() === 'de' ? 'en' : 'de';
  languageButton.textContent = t('switchLanguage');
  languageButton.lang = target;
  languageButton.setAttribute('aria-label', t('switchLanguageLabel'));
}
renderLanguageButton();
languageButton.addEventListener('click', () => setLanguage(getLanguage() === 'de' ? 'en' : 'de'));

const header = h(
  'header',
  { class: 'site-header' },
  h('div', { class: 'site-header-inner' }, h('div', { class: 'brand-block' }, homeLink, tagline), nav, h('div', { class: 'account' }, roleText, userText, myDataLink, signIn, signOutButton, languageButton, accountStatus), signOutFailure.problem),
);
const footer = h('footer', { class: 'site-footer' }, h('p', {}, 'Pledgepad · Open Source'));
app.replaceChildren(header, main, footer, signInDialog.element);
renderRole();

let identity = 'guest|';
let passwordGate = false;
onMeChange((current) => {
  renderRole();
  // Rights changed: the page is drawn again (the editor reconnects with the new session).
  const next = `${current.role}|${current.user?.id ?? ''}`;
  const gate = current.mustChangePassword === true;
  if (gate !== passwordGate) {
    // Into or out of the password change: always a new page; leaving it, the focus goes to the
    // page that was asked for (the form that had it is gone).
    passwordGate = gate;
    identity = next;
    render(!gate);
  } else if (next !== identity) {
    identity = next;
    if (view && !(view.onIdentityChange?.() ?? false)) render(false);
  }
});

/** After a successful change: announced, and the session asked again (the server lifted the restriction). */
function passwordChanged(): void {
  accountStatus.textContent = t('passwordChangedAnnounce');
  refreshMe().catch(() => setMe({ ...me(), mustChangePassword: false }));
}
refreshMe().catch(() => {
  // stays a guest; the pages show their own errors when the server is unreachable
});

// --- routing ------------------------------------------------------------------------------
let view: View | null = null;

function backLink(): HTMLElement {
  return h('p', { class: 'back' }, i18nText(h('a', { href: '/' }), 'backToList'));
}

/** The editor (Tiptap, Yjs, provider) is loaded only when a document is opened: the start page stays small. */
function lazyEditor(name: string): View {
  let inner: View | null = null;
  let disposed = false;
  main.replaceChildren(i18nText(h('p', { class: 'muted' }), 'loading'));
  import('./views/editorPage').then(
    ({ editorPage }) => {
      if (!disposed) inner = editorPage(main, name, backLink);
    },
    () => {
      if (!disposed) main.replaceChildren(h('div', { class: 'notice notice-problem', role: 'alert' }, h('p', {}, t('documentLoadFailed', { detail: 'script' }))), backLink());
    },
  );
  return {
    title: () => inner?.title() ?? `${name} – Pledgepad`,
    dispose() {
      disposed = true;
      inner?.dispose();
    },
    onIdentityChange: () => inner?.onIdentityChange?.() ?? false,
  };
}

/**
 * A page loaded on demand (history, comparison, moderation): the start page stays small. The
 * page is built only if it is still wanted when its module arrives: a page built after it was
 * replaced (sign-in state known a moment after the first draw) would draw over its successor.
 */
function lazyPage(load: () => Promise<() => View>, fallbackTitle: string): View {
  let inner: View | null = null;
  let disposed = false;
  main.replaceChildren(i18nText(h('p', { class: 'muted' }), 'loading'));
  load().then(
    (make) => {
      if (disposed) return;
      inner = make();
      document.title = inner.title();
    },
    () => {
      if (!disposed) main.replaceChildren(h('div', { class: 'notice notice-problem', role: 'alert' }, h('p', {}, t('documentLoadFailed', { detail: 'script' }))), backLink());
    },
  );
  return {
    title: () => inner?.title() ?? `${fallbackTitle} – Pledgepad`,
    dispose() {
      disposed = true;
      inner?.dispose();
    },
    onIdentityChange: () => inner?.onIdentityChange?.() ?? false,
  };
}

function render(focusMain: boolean): void {
  view?.dispose();
  const route = parseRoute(location.pathname);
  // A session on a one-time password may do nothing else on the server: every address shows the
  // change first, and after it the page of that address.
  if (me().mustChangePassword) {
    view = passwordChangePage(main, passwordChanged);
    document.title = view.title();
    return;
  }
  if (route.page === 'document') view = lazyEditor(route.name);
  else if (route.page === 'history') view = lazyPage(() => import('./views/historyPage').then((m) => () => m.historyPage(main, route.name)), route.name);
  else if (route.page === 'compare') view = lazyPage(() => import('./views/comparePage').then((m) => () => m.comparePage(main)), t('navCompare'));
  else if (route.page === 'my-data') view = lazyPage(() => import('./views/myDataPage').then((m) => () => m.myDataPage(main)), t('myDataTitle'));
  else if (route.page === 'moderation') view = lazyPage(() => import('./views/moderationPage').then((m) => () => m.moderationPage(main)), t('moderationTitle'));
  else {
    view = startPage(main);
    if (route.page === 'not-found') history.replaceState(null, '', '/');
  }
  document.title = view.title();
  if (focusMain) main.focus({ preventScroll: false });
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element).closest?.('a');
  if (!link || link.target || link.hasAttribute('download') || link.closest('.ProseMirror')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  if (url.pathname !== location.pathname) history.pushState(null, '', url.pathname);
  render(true);
});
window.addEventListener('popstate', () => render(true));

onLanguageChange(() => {
  translateTree(document);
  renderRole();
  renderLanguageButton();
  if (view) document.title = view.title();
});

render(false);
