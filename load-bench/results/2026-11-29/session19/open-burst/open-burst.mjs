import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
const token = process.argv[2], prefix = process.argv[3], n = +process.argv[4];
const t0 = performance.now(); const times = [];
await Promise.all(Array.from({length: n}, (_, i) => new Promise(res => {
  const doc = new Y.Doc();
  const p = new WebsocketProvider('ws://127.0.0.1:' + (process.env.PORT || 18778) + '/ws', prefix + i, doc, { WebSocketPolyfill: WebSocket, params: { token } });
  p.on('sync', s => { if (s) { times.push(performance.now() - t0); doc.getText('t').insert(0, 'x'); setTimeout(() => { p.destroy(); res(); }, 300); } });
})));
times.sort((a, b) => a - b);
console.log(prefix, 'synced: min', times[0].toFixed(0), 'median', times[n >> 1].toFixed(0), 'max', times[n - 1].toFixed(0), 'ms');
process.exit(0);
