// History routing: "/" is the start page, "/d/{name}" a document, "/d/{name}/verlauf" its
// history, "/vergleich" the pledge comparison, "/moderation" the moderators' queue, "/meine-daten"
// the signed-in person's own data (export, erasure). The server
// answers every unknown path with index.html, so these addresses can be bookmarked and reloaded.

export type Route =
  | { page: 'home' }
  | { page: 'document'; name: string }
  | { page: 'history'; name: string }
  | { page: 'compare' }
  | { page: 'moderation' }
  | { page: 'my-data' }
  | { page: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { page: 'home' };
  if (/^\/vergleich\/?$/.test(pathname)) return { page: 'compare' };
  if (/^\/moderation\/?$/.test(pathname)) return { page: 'moderation' };
  if (/^\/meine-daten\/?$/.test(pathname)) return { page: 'my-data' };
  const match = /^\/d\/([^/]+)(\/verlauf)?\/?$/.exec(pathname);
  if (match) {
    try {
      const name = decodeURIComponent(match[1]);
      if (name !== '') return match[2] ? { page: 'history', name } : { page: 'document', name };
    } catch {
      // malformed escape: not a route
    }
  }
  return { page: 'not-found', path: pathname };
}

/** Goes to {@code path} as a followed link would (main.ts draws the page on popstate). */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function documentPath(name: string): string {
  return `/d/${encodeURIComponent(name)}`;
}

export function historyPath(name: string): string {
  return `${documentPath(name)}/verlauf`;
}
