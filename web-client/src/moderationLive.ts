// Live moderation: the /moderation page keeps one Hocuspocus connection per document open (its
// annotation events arrive as Stateless messages) and hears about reports and decisions as they
// happen. The server decides per recipient, when it sends, whether a connection may MODERATE —
// reports reach moderators only. The documents' text arrives too (the protocol syncs it) but is
// not shown; awareness is off, so moderators do not appear as present in the documents.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { collabUrl } from './api';
import { parseAnnotationEvent, type AnnotationEvent } from './annotations';

/** The server lets one socket carry this many documents (Limits.DEFAULT_MAX_DOCUMENTS_PER_CONNECTION). */
const DOCUMENTS_PER_SOCKET = 32;

export interface LiveWatch {
  dispose(): void;
}

export function watchModeration(names: string[], onEvent: (document: string, event: AnnotationEvent) => void): LiveWatch {
  const sockets: HocuspocusProviderWebsocket[] = [];
  const providers: HocuspocusProvider[] = [];
  for (let i = 0; i < names.length; i += DOCUMENTS_PER_SOCKET) {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: collabUrl() });
    sockets.push(websocketProvider);
    for (const name of names.slice(i, i + DOCUMENTS_PER_SOCKET)) {
      const provider = new HocuspocusProvider({ websocketProvider, name, document: new Y.Doc(), awareness: null });
      provider.on('stateless', ({ payload }: { payload: string }) => {
        const event = parseAnnotationEvent(payload, name);
        if (event) onEvent(name, event);
      });
      provider.attach(); // a socket passed in is not attached by itself
      providers.push(provider);
    }
  }
  return {
    dispose() {
      for (const p of providers) p.destroy();
      for (const s of sockets) s.destroy();
    },
  };
}
