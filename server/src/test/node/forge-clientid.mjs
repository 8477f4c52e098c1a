// A real Yjs client that forces another user's clientID: the owner edits first, then the forger
// (another account) adopts the owner's clientID and edits. Prints whether the server
// acknowledged the forged edit and what a fresh reader sees afterwards.
// Usage: node forge-clientid.mjs <ws://host:port> <document> <ownerToken> <forgerToken>
import * as decoding from 'lib0/decoding'
import { hocuspocusClient, until, Y } from './clients.mjs'

const [base, name, ownerToken, forgerToken] = process.argv.slice(2)

/** SyncStatus answers (true applied / false refused) the server sent to a provider. */
function statuses (client) {
  const seen = []
  client.provider.on('message', ({ event }) => {
    const d = decoding.createDecoder(new Uint8Array(event.data))
    decoding.readVarString(d)
    if (decoding.readVarUint(d) === 8) seen.push(decoding.readVarInt(d) === 1)
  })
  return seen
}

const owner = hocuspocusClient(base, name, new Y.Doc(), null, ownerToken)
await owner.whenSynced()
owner.doc.getText('text').insert(0, 'owner ')
await owner.whenSynced()

const forgedDoc = new Y.Doc()
const forger = hocuspocusClient(base, name, forgedDoc, null, forgerToken)
const forgerStatuses = statuses(forger)
await forger.whenSynced() // its own (empty) step 2 acknowledged
await until(() => forgedDoc.getText('text').toString().includes('owner'), 60000, 'forger sees the owner text')
// The forgery, after the sync: Yjs itself picks a new clientID when it receives structs under
// its own, so a forger sets the victim's clientID once it holds the victim's structs.
forgedDoc.clientID = owner.doc.clientID
const before = forgerStatuses.length
forgedDoc.getText('text').insert(0, 'forged ')
const answers = () => forgerStatuses.slice(before)
await until(() => answers().includes(false) || (answers().includes(true) && !forger.provider.hasUnsyncedChanges),
  60000, 'server answer to the forged edit')
const forgedAccepted = !answers().includes(false)

const reader = hocuspocusClient(base, name, new Y.Doc(), null, ownerToken)
await reader.whenSynced()
console.log(JSON.stringify({ forgedAccepted, readerText: reader.doc.getText('text').toString() }))
process.exit(0)
