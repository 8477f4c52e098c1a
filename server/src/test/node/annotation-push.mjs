// A browser's view of annotation pushes: a Hocuspocus provider (signed in with a token) has the
// document open; a comment created through REST must reach it as a Stateless message.
// Usage: node annotation-push.mjs <ws://host:port> <http://host:port> <document> <token> <start> <end>
// Prints the first annotation event received as JSON.
import { hocuspocusClient, until } from './clients.mjs'

const [wsBase, httpBase, name, token, start, end] = process.argv.slice(2)
const client = hocuspocusClient(wsBase, name, undefined, null, token)
const events = []
client.provider.on('stateless', ({ payload }) => {
  const event = JSON.parse(payload)
  if (event.kind === 'annotation') events.push(event)
})
// Not client.whenSynced(): a read-only connection's empty step 2 is answered with SyncStatus 0,
// so hasUnsyncedChanges never drops to zero for a citizen; being synced is what matters here.
await until(() => client.provider.synced, 60000, 'hocuspocus sync')
const res = await fetch(`${httpBase}/api/documents/${encodeURIComponent(name)}/comments`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  body: JSON.stringify({ start, end, body: 'Live?' })
})
if (res.status !== 201) throw new Error(`comment refused: ${res.status} ${await res.text()}`)
const thread = await res.json()
await until(() => events.some((e) => e.thread === thread.id), 20000, 'the pushed annotation event')
console.log(JSON.stringify({ thread: thread.id, event: events.find((e) => e.thread === thread.id) }))
client.destroy()
process.exit(0)
