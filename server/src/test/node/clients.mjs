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
    whenSynced: () => new Promise((resolve) => {
      if (provider.synced) return resolve()
      const h = (synced) => { if (synced) { provider.off('sync', h); resolve() } }
      provider.on('sync', h)
    }),
    disconnect: () => provider.disconnect(),
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
    whenSynced: () => new Promise((resolve) => {
      const check = () => provider.synced && !provider.hasUnsyncedChanges
      if (check()) return resolve()
      const h = () => { if (check()) { provider.off('synced', h); provider.off('unsyncedChanges', h); resolve() } }
      provider.on('synced', h)
      provider.on('unsyncedChanges', h)
    }),
    disconnect: () => websocketProvider.disconnect(),
    connect: () => websocketProvider.connect(),
    destroy: () => { provider.destroy(); if (!socket) websocketProvider.destroy() }
  }
}

/** A comparable picture of a document: text, map and XML content. */
export function snapshotOf (doc) {
  return {
    text: doc.getText('text').toString(),
    map: doc.getMap('map').toJSON(),
    xml: doc.getXmlFragment('default').toString()
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
