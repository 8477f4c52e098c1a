// Idle-connection worker (forked by idle.mjs): opens one stock client per document, types a
// short paragraph once it is synced, then holds the connection idle until told to exit.
import { makeClient, until, sleep } from './clients.mjs'

process.setMaxListeners(0)
// Our parent is gone (time limit, crash): leave too, or the open sockets keep us alive for ever.
process.on('disconnect', () => process.exit(2))
const clients = []
process.on('message', async (msg) => {
  try {
    if (msg.cmd === 'open') {
      for (const name of msg.docs) {
        clients.push(makeClient(msg.protocol, msg.base, name, msg.token))
        if (clients.length % 50 === 0) {
          await until(() => clients.every((c) => c.isSynced()), 60000, 'batch synced') // at most 50 handshakes in flight
        }
      }
      await until(() => clients.every((c) => c.isSynced()), 60000, 'all synced')
      for (const c of clients) c.doc.getText('text').insert(0, 'Die Stadt Kassel veröffentlicht ihre Daten offen. ')
      await sleep(1000)
      await until(() => clients.every((c) => !c.hasUnsynced || !c.hasUnsynced()), 60000, 'all acknowledged')
      process.send({ ok: true })
    }
    if (msg.cmd === 'exit') { clients.forEach((c) => c.destroy()); process.exit(0) }
  } catch (e) {
    process.send({ ok: false, error: String(e && e.stack || e) })
  }
})
