// Streams a recording with Gladia's official JavaScript SDK's live client (@gladiaio/sdk) to a Gladia emulator.
//
// Run by tests/official/test_live.py with node, from the directory the SDK (and ws, which node < 22 needs
// for WebSockets, as the SDK's README says) was installed into. Only the SDK and node's own modules are used:
// the emulator is judged by Gladia's own client.
//
// Usage: node js_live_driver.mjs CONFIG.json   (the same config as live_driver.py)
// Prints one JSON line, as live_driver.py does for each of its clients, with the SDK's version and how many
// warnings node emitted.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { GladiaClient } from '@gladiaio/sdk'

const FRAME_SECONDS = 0.1
const END_WAIT_MS = 30_000
const ADDON_TYPES = ['translation', 'named_entity_recognition', 'sentiment_analysis', 'post_summarization']

const warnings = []
process.on('warning', (warning) => warnings.push(`${warning.name}: ${warning.message}`))

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const audio = readFileSync(config.audio)
const options = config.options
const frame = Math.floor(options.sample_rate * FRAME_SECONDS) * options.channels * (options.bit_depth / 8)

const live = new GladiaClient({ apiKey: config.key, apiUrl: config.url }).liveV2()
const session = live.startSession(options)
const report = { finals: [], types: [], errors: [], addons: [], samples: {} }
session.on('message', (message) => {
  report.types.push(message.type)
  if (message.type === 'transcript' && message.data.is_final) report.finals.push(message.data.utterance.text)
  if (ADDON_TYPES.includes(message.type)) {
    report.addons.push([message.type, message.data != null && message.error == null])
    if (message.data != null && !(message.type in report.samples)) report.samples[message.type] = message.data
  }
})
session.on('error', (error) => report.errors.push(String(error)))
const within = (register) =>
  new Promise((resolve) => {
    register(() => resolve(true))
    setTimeout(() => resolve(false), END_WAIT_MS).unref()
  })
const connected = within((done) => session.on('connected', done))
const ended = within((done) => session.on('ended', done))
for (let start = 0; start < audio.length; start += frame) {
  session.sendAudio(audio.subarray(start, start + frame))
}
// Stopped once the socket is open, as live_driver.py does (its docstring says why).
if (session.status === 'connected' || (await connected)) session.stopRecording()
report.ended = await ended
report.session_id = session.sessionId
await new Promise((resolve) => setImmediate(resolve)) // let pending warnings be emitted
report.warnings = warnings
report.sdk = createRequire(import.meta.url)('@gladiaio/sdk/package.json').version
console.log(JSON.stringify(report))
