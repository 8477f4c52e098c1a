// Shared helpers for the integration-test scripts: real Yjs clients over both protocols.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'

export { Y }

/** A y-websocket client for `name` on `baseUrl` (ws://host:port). */
export function yWebsocketClient (baseUrl, name, doc = new Y.Doc(), params = {}) {
  const provider = new WebsocketProvider(`${baseUrl}/ws`, name, doc, {
    WebSocketPolyfill: WebSocket,
    disableBc: true,
    params
  })
  return {
    doc,
    provider,
    whenSynced: () => until(() => provider.synced && provider.wsconnected, 60000, `y-websocket sync of ${name}`),
    disconnect: async () => {
      provider.disconnect()
      await until(() => !provider.wsconnected, 10000, 'y-websocket disconnect')
    },
    connect: () => provider.connect(),
    destroy: () => provider.destroy()
  }
}

/** A Hocuspocus client; several may share one socket via `socket`. */
export function hocuspocusClient (baseUrl, name, doc = new Y.Doc(), socket = null, token = 'guest-token') {
  const websocketProvider = socket ?? new HocuspocusProviderWebsocket({ url: `${baseUrl}/collab`, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider, name, document: doc, token })
  provider.attach() // an explicitly passed socket is never attached automatically
  return {
    doc,
    provider,
    socket: websocketProvider,
    // Polled rather than event-driven: 'synced' and 'unsyncedChanges' fire in orders that
    // differ between first connect and reconnect.
    whenSynced: () => until(() => provider.synced && !provider.hasUnsyncedChanges &&
      websocketProvider.status === 'connected', 60000, `hocuspocus sync of ${name}`),
    // connect() right after disconnect() is a no-op in provider 4.x while the old socket is
    // still closing: wait until it is closed.
    disconnect: async () => {
      websocketProvider.disconnect()
      await until(() => websocketProvider.status === 'disconnected', 10000, 'hocuspocus disconnect')
    },
    connect: () => websocketProvider.connect(),
    destroy: () => { provider.destroy(); if (!socket) websocketProvider.destroy() }
  }
}

/** A comparable picture of a document: text, map and XML content. */
export function snapshotOf (doc) {
  return {
    text: doc.getText('text').toString(),
    // Key order of a Y.Map follows each replica's insertion order: sort for comparison.
    map: Object.fromEntries(Object.entries(doc.getMap('map').toJSON()).sort(([a], [b]) => a.localeCompare(b))),
    xml: doc.getXmlFragment('default').toString(),
    list: doc.getArray('acked').toJSON()
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves when `cond()` holds, polling; rejects after `ms`. */
export async function until (cond, ms = 20000, what = 'condition') {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}
