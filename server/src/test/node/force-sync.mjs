// The Hocuspocus provider's forced sync (forceSyncInterval) sends a step 1 and counts an unsynced
// change until the step 2 it sends in reply to the server's step 1 is acknowledged: the server
// must answer each step 1 with its step 2 and then its own step 1, as Hocuspocus does.
// Usage: node force-sync.mjs <ws://host:port> <document>
import { hocuspocusClient, sleep } from './clients.mjs'

const [base, name] = process.argv.slice(2)
const a = hocuspocusClient(base, name, undefined, null, 'writer')
await a.whenSynced()
a.doc.getText('text').insert(0, 'vor dem Abgleich')
await a.whenSynced()
a.provider.forceSync()
await sleep(1500)
const afterForce = a.provider.hasUnsyncedChanges
a.doc.getText('text').insert(0, 'danach ')
await sleep(1500)
console.log(JSON.stringify({ afterForce, afterEdit: a.provider.hasUnsyncedChanges }))
process.exit(0)
