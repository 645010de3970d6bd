// The benchmark's services process: plain Node, no TypeScript loader, nothing of the benchmark's own.
// It starts the built service host's worker threads as the application's main process does and passes
// their messages to and from the benchmark (`ServicesProcess` in servicesProcess.ts), so that this
// process's resident memory is the services' alone.
import { Worker } from 'node:worker_threads';

const threads = new Map();
const send = (message) => process.send?.(message);

/** Shared memory cannot cross processes: each buffer the benchmark named is made here, as large. */
function workerDataOf(data, sharedBuffers) {
  const copy = { ...data };
  for (const [key, bytes] of Object.entries(sharedBuffers)) copy[key] = new SharedArrayBuffer(bytes);
  return copy;
}

process.on('message', (message) => {
  if (message.type === 'start') {
    const { thread, entry, workerData, sharedBuffers, resourceLimits } = message;
    const worker = new Worker(entry, {
      workerData: workerDataOf(workerData, sharedBuffers),
      ...(resourceLimits ? { resourceLimits } : {}),
    });
    threads.set(thread, worker);
    worker.on('message', (payload) => send({ type: 'message', thread, payload }));
    worker.on('error', (error) => send({ type: 'error', thread, error: String(error?.stack ?? error) }));
    worker.on('exit', (code) => {
      threads.delete(thread);
      send({ type: 'exit', thread, code });
    });
  } else if (message.type === 'post') {
    threads.get(message.thread)?.postMessage(message.payload);
  } else if (message.type === 'terminate') {
    void threads.get(message.thread)?.terminate();
  }
});

process.on('disconnect', () => process.exit(0));
send({ type: 'listening' });
