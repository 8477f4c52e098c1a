// Moderator-only pushes: a moderator and a citizen both have the document open (Hocuspocus,
// signed in with tokens). Another citizen reports a post through REST: the report must reach
// the moderator's socket and not the citizen's. The moderator then hides the post, an event for
// everyone: once the citizen has that one, anything sent before it on the same document would
// have arrived too, so the citizen's missing report event is a fact, not a timing guess.
// Usage: node moderation-push.mjs <ws://host:port> <http://host:port> <document> <post id>
//        <moderator token> <watching citizen token> <reporting citizen token>
// Prints {moderator: [event types], citizen: [event types]}.
import { hocuspocusClient, until } from './clients.mjs'

const [wsBase, httpBase, name, postId, moderatorToken, citizenToken, reporterToken] = process.argv.slice(2)

function listen (token) {
  const client = hocuspocusClient(wsBase, name, undefined, null, token)
  const events = []
  client.provider.on('stateless', ({ payload }) => {
    const event = JSON.parse(payload)
    if (event.kind === 'annotation') events.push(event)
  })
  return { client, events }
}

async function post (path, token, body) {
  const res = await fetch(`${httpBase}/api/documents/${encodeURIComponent(name)}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body)
  })
  if (res.status >= 300) throw new Error(`${path} refused: ${res.status} ${await res.text()}`)
}

const moderator = listen(moderatorToken)
const citizen = listen(citizenToken)
await until(() => moderator.client.provider.synced && citizen.client.provider.synced, 60000, 'hocuspocus sync')

await post(`/posts/${postId}/report`, reporterToken, { reason: 'Beleidigend' })
await until(() => moderator.events.some((e) => e.type === 'report.created' && e.post === postId), 20000,
  'the report event at the moderator')
await post(`/posts/${postId}/hide`, moderatorToken, { reason: 'Beleidigend' })
await until(() => citizen.events.some((e) => e.type === 'post.hidden' && e.post === postId), 20000,
  'the hide event at the citizen')
await until(() => moderator.events.some((e) => e.type === 'post.hidden' && e.post === postId), 20000,
  'the hide event at the moderator')

console.log(JSON.stringify({
  moderator: moderator.events.map((e) => e.type),
  citizen: citizen.events.map((e) => e.type),
  reportEvent: moderator.events.find((e) => e.type === 'report.created')
}))
moderator.client.destroy()
citizen.client.destroy()
process.exit(0)
