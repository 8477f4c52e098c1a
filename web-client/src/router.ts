// History routing: "/" is the start page, "/d/{name}" a document. The server answers every
// unknown path with index.html, so these addresses can be bookmarked and reloaded.

export type Route = { page: 'home' } | { page: 'document'; name: string } | { page: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { page: 'home' };
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (match) {
    try {
      const name = decodeURIComponent(match[1]);
      if (name !== '') return { page: 'document', name };
    } catch {
      // malformed escape: not a route
    }
  }
  return { page: 'not-found', path: pathname };
}

export function documentPath(name: string): string {
  return `/d/${encodeURIComponent(name)}`;
}
