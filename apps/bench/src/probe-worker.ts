import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addEvent, eventText } from '@debrief/model';
import { findMarkers, marker } from './markers.ts';
import { debriefProtocol, type SessionTarget } from './protocols.ts';

/**
 * An unrelated session beside an attack, in its own thread so that the attacker's work in the bench process does
 * not delay it: one person types (an edit every 50 ms), another receives. Posts 'ready', then on 'stop' the
 * latency of every edit (an edit that never arrived counts as the time it has waited).
 */
export type ProbeMessage = { type: 'ready' } | { type: 'result'; latencies: number[]; edits: number };

const target = workerData as SessionTarget;
const writer = new Y.Doc();
const reader = new Y.Doc();
const writing = await debriefProtocol.connectWriter(target, writer);
const reading = await debriefProtocol.connectWriter(target, reader);
const sent = new Map<string, number>();
const latencies: number[] = [];
reader.on('update', (update: Uint8Array) => {
  for (const key of findMarkers(update)) {
    const t0 = sent.get(key);
    if (t0 !== undefined) latencies.push(performance.now() - t0);
    sent.delete(key);
  }
});
const eventId = addEvent(writer, { at: new Date().toISOString(), what: '' });
let seq = 0;
const timer = setInterval(() => {
  const text = eventText(writer, eventId, 'what');
  if (!text) return;
  seq++;
  sent.set(`0.0.${seq}`, performance.now());
  // Keep the event short: the probe measures delivery, not a growing text.
  writer.transact(() => {
    if (text.length > 400) text.delete(0, text.length);
    text.insert(text.length, marker(0, 0, seq));
  });
}, 50);
parentPort!.postMessage({ type: 'ready' } satisfies ProbeMessage);
parentPort!.once('message', () => {
  clearInterval(timer);
  setTimeout(() => {
    for (const t0 of sent.values()) latencies.push(performance.now() - t0);
    writing.close();
    reading.close();
    parentPort!.postMessage({ type: 'result', latencies, edits: seq } satisfies ProbeMessage);
  }, 2_000);
});
