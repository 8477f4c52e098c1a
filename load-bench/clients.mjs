// One real Yjs client (Y.Doc + stock provider, `ws` as WebSocket) for either protocol.
// protocol 'yws': y-websocket provider, document name appended to `base` as a path segment.
// protocol 'hp' : Hocuspocus provider with its own socket on `base`.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'

export { Y }

// onSynced (y-websocket only): called when the provider reports synced, for exact timing.
export function makeClient (protocol, base, name, token, onSynced) {
  const doc = new Y.Doc()
  if (protocol === 'yws') {
    const provider = new WebsocketProvider(base, name, doc, {
      WebSocketPolyfill: WebSocket, disableBc: true, params: token ? { token } : {}
    })
    if (onSynced) provider.on('sync', (synced) => { if (synced) onSynced() })
    return { doc, isSynced: () => provider.synced && provider.wsconnected, destroy: () => provider.destroy() }
  }
  const socket = new HocuspocusProviderWebsocket({ url: base, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: token || 'bench' })
  provider.attach()
  return {
    doc,
    isSynced: () => provider.synced && socket.status === 'connected',
    hasUnsynced: () => provider.hasUnsyncedChanges,
    destroy: () => { provider.destroy(); socket.destroy() }
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export async function until (cond, ms, what) {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}
