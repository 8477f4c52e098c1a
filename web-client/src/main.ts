// Entry point: the page shell (header with navigation, role, sign-in place and language
// switch; <main>; footer) and the router that mounts the start page or the editor.
import './styles.css';
import { getMe } from './api';
import { h, i18nText, translateTree } from './dom';
import { getLanguage, hasMessage, initI18n, onLanguageChange, setLanguage, t } from './i18n';
import { parseRoute } from './router';
import { startPage } from './views/startPage';
import type { View } from './views/view';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

initI18n({ storage: safeStorage(), documentElement: document.documentElement });

const app = document.getElementById('app')!;
const main = h('main', { id: 'main', tabindex: '-1' });

// --- header -------------------------------------------------------------------------------
const homeLink = h('a', { href: '/', class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '¶'), h('span', {}, 'Pledgepad'));
const tagline = i18nText(h('span', { class: 'tagline' }), 'tagline');
const navHome = i18nText(h('a', { href: '/' }), 'home');
const nav = h('nav', { class: 'main-nav' }, h('ul', {}, h('li', {}, navHome)));
nav.dataset.i18nAriaLabel = 'mainNav';
nav.setAttribute('aria-label', t('mainNav'));

const roleText = h('span', { class: 'role' });
let role = 'guest';
function renderRole(): void {
  const key = `role.${role}`;
  roleText.textContent = t('role', { role: hasMessage(key) ? t(key) : role });
}
renderRole();

// Sign-in arrives with accounts (local and OpenID Connect); until then the place is shown, disabled.
const signIn = i18nText(h('button', { type: 'button', class: 'button button-quiet', disabled: true, 'aria-describedby': 'sign-in-later' }), 'signIn');
const signInLater = i18nText(h('span', { id: 'sign-in-later', class: 'visually-hidden' }), 'signInLater');

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
  h('div', { class: 'site-header-inner' }, h('div', { class: 'brand-block' }, homeLink, tagline), nav, h('div', { class: 'account' }, roleText, signIn, signInLater, languageButton)),
);
const footer = h('footer', { class: 'site-footer' }, h('p', {}, 'Pledgepad · Open Source'));
app.replaceChildren(header, main, footer);

getMe().then(
  (me) => {
    role = me.role;
    renderRole();
  },
  () => {
    // role stays "guest"; the pages show their own errors when the server is unreachable
  },
);

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
  };
}

function render(focusMain: boolean): void {
  view?.dispose();
  const route = parseRoute(location.pathname);
  if (route.page === 'document') view = lazyEditor(route.name);
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
