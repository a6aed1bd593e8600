// Drives Gladia's official JavaScript SDK (@gladiaio/sdk) against a Gladia emulator.
//
// Run by tests/official/test_js_sdk.py with node, from the directory the SDK was installed into (npm, at
// test time). Any warning node emits fails the run. Only the SDK and node's own modules are used here: the
// emulator is judged by Gladia's own client, not by this project's code.
//
// Usage: node js_driver.mjs CONFIG.json   (the same config as python_driver.py)
// Prints one JSON line: the SDK version and how many checks passed.

import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { createRequire } from 'node:module'
import { GladiaClient } from '@gladiaio/sdk'

const warnings = []
process.on('warning', (warning) => warnings.push(`${warning.name}: ${warning.message}`))

const POLL = { interval: 50, timeout: 30_000 }
let passed = 0

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`)
  passed += 1
}

async function rejects(promise) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

async function scenario(client, config) {
  const data = readFileSync(config.audio)
  const text = config.text
  const metadata = { run: `js-${Math.random().toString(16).slice(2, 10)}` }

  // Upload: a path, a Blob and a File (what a browser has).
  const byPath = await client.uploadFile(config.audio)
  check(byPath.audio_metadata.filename === basename(config.audio), 'upload by path keeps the file name')
  check(byPath.audio_metadata.size === data.length, 'upload by path counts every byte')
  check(byPath.audio_metadata.audio_duration > 0, 'upload reads the duration')
  const byBlob = await client.uploadFile(new Blob([data]))
  check(byBlob.audio_metadata.size === data.length, 'upload of a Blob')
  const byFile = await client.uploadFile(new File([data], 'named.wav'))
  check(byFile.audio_metadata.filename === 'named.wav', 'upload of a File keeps its name')

  // Create, get, poll, with Gladia's newest model and add-ons (fixtures: the emulator runs no model).
  const job = await client.create({
    audio_url: byPath.audio_url,
    custom_metadata: metadata,
    model: 'solaria-fusion',
    diarization: true,
    sentiment_analysis: true,
    summarization: true,
    translation: true,
    translation_config: { target_languages: ['fr'] },
    named_entity_recognition: true,
    audio_to_llm: true,
    audio_to_llm_config: { prompts: [['Summarize the call']] },
    subtitles: true,
    subtitles_config: { formats: ['srt', 'vtt'] },
  })
  check(job.result_url.endsWith(job.id), 'create answers the result URL')
  const first = await client.get(job.id)
  check(['queued', 'processing', 'done'].includes(first.status), 'get answers a live status')
  const done = await client.poll(job.id, POLL)
  check(done.status === 'done' && done.kind === 'pre-recorded', 'poll ends done')
  check(JSON.stringify(done.custom_metadata) === JSON.stringify(metadata), 'custom metadata is kept')
  const transcription = done.result.transcription
  check(transcription.full_transcript === text, 'the registered transcript comes back')
  check(transcription.utterances.every((u) => Number.isInteger(u.speaker)), 'every utterance has a speaker')
  check(transcription.subtitles.map((s) => s.format).join() === 'srt,vtt', 'subtitles in both formats')
  check(done.request_params.model === 'solaria-fusion', "Gladia's newest model is accepted")
  for (const name of ['sentiment_analysis', 'summarization', 'translation', 'named_entity_recognition', 'audio_to_llm']) {
    const block = done.result[name]
    check(block.success === true && block.error === null, `${name} answers data`)
  }
  const sentiments = JSON.parse(done.result.sentiment_analysis.results)
  check(sentiments.every((s) => 'sentiment' in s && 'emotion' in s && 'speaker' in s), 'sentiments')
  check(typeof done.result.summarization.results === 'string', 'a summary')
  check(done.result.translation.results[0].full_transcript.startsWith('[fr] '), 'a (fixture) translation')

  const created = await client.createAndPoll({ audio_url: byFile.audio_url, custom_metadata: metadata }, POLL)
  check(created.result.transcription.full_transcript === text, 'createAndPoll')
  const byLocal = await client.transcribe(config.audio, { language_config: { languages: ['en'] } }, POLL)
  check(byLocal.result.transcription.full_transcript === text, 'transcribe a local path')
  const byUrl = await client.transcribe(config.remote_url, { custom_metadata: metadata }, POLL)
  check(byUrl.result.transcription.full_transcript === config.remote_text, 'transcribe a URL')

  // List: the metadata filter, pagination by the answer's absolute links, status and dates.
  const mine = [job.id, created.id, byUrl.id].sort()
  let page = await client.list({ limit: 2, custom_metadata: metadata })
  check(page.items.length === 2 && page.next, 'the first page is full and links to the next')
  const seen = page.items.map((item) => item.id)
  while (page.next) {
    page = await client.list({ url: page.next })
    seen.push(...page.items.map((item) => item.id))
  }
  check(JSON.stringify(seen.sort()) === JSON.stringify(mine), 'pages hold exactly the jobs with this metadata')
  const newest = await client.list({ custom_metadata: metadata, status: ['done'] })
  check(newest.items.map((i) => i.id).join() === [byUrl.id, created.id, job.id].join(), 'newest first, done')
  const queued = await client.list({ custom_metadata: metadata, status: ['queued', 'processing'] })
  check(queued.items.length === 0, 'a status filter')
  const later = new Date(Date.now() + 3_600_000).toISOString()
  const today = new Date().toISOString().slice(0, 10)
  check((await client.list({ custom_metadata: metadata, date: today })).items.length === 3, 'a date filter')
  check((await client.list({ custom_metadata: metadata, before_date: later })).items.length === 3, 'before_date')
  check((await client.list({ custom_metadata: metadata, after_date: later })).items.length === 0, 'after_date')

  // The audio of a job, then its deletion.
  const audio = Buffer.from(await client.getFile(job.id))
  check(audio.equals(data), 'getFile returns the uploaded bytes')
  check((await client.delete(job.id)) === true, 'delete answers 202')
  const gone = await rejects(client.get(job.id))
  check(gone.status === 404, 'a deleted job is gone')
  check(Boolean(gone.id), 'errors carry the x-aipi-call-id as their id')

  // A job that fails, and a body the API refuses.
  const failing = await client.uploadFile(config.failing)
  const doomed = await client.create({ audio_url: failing.audio_url })
  const failure = await rejects(client.poll(doomed.id, POLL))
  check(String(failure.message).includes(String(config.failing_code)), 'poll rejects with the error code')
  const failed = await client.get(doomed.id)
  check(failed.status === 'error' && failed.error_code === config.failing_code, 'an error job')
  check(failed.post_session_metadata.error.code === config.failing_code, 'it says why')
  const refused = await rejects(client.createUntyped({ audio_url: 'not a url', diarization: 'yes' }))
  check(refused.status === 400, 'an invalid body is a 400')
  check(refused.responseBody.validation_errors.length === 2, 'with one validation error per field')
}

const config = JSON.parse(readFileSync(process.argv[2], 'utf-8'))
const gladia = new GladiaClient({ apiKey: config.key, apiUrl: config.url })
await scenario(gladia.preRecordedV2(), config)
await new Promise((resolve) => setImmediate(resolve)) // let pending warnings be emitted
if (warnings.length) throw new Error(`node warned: ${warnings.join('; ')}`)
const require = createRequire(import.meta.url)
const version = require('@gladiaio/sdk/package.json').version
console.log(JSON.stringify({ sdk: version, checks: { async: passed }, warnings: warnings.length }))
