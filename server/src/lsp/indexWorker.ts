// The worker thread side of the workspace index's initial scan (see IndexReader in
// workspaceIndex.ts): reads each file it is asked for and answers with its index entry.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Logger } from './documents';
import { INDEX_WORKER_DATA, readIndexedFile, type IndexWorkerMessage, type IndexWorkerRequest } from './workspaceIndex';

/** True in a worker that the workspace index started from the server's bundle. */
export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === INDEX_WORKER_DATA.role;
}

export function runIndexWorker(): void {
  const port = parentPort!;
  const send = (message: IndexWorkerMessage) => port.postMessage(message);
  const log: Logger = { error: (message) => send({ log: 'error', message }), info: (message) => send({ log: 'info', message }) };
  // One file at a time, in the order asked: the server waits for each answer before the next.
  port.on('message', (request: IndexWorkerRequest) => {
    void readIndexedFile(request.filePath, log).then((referat) => send({ id: request.id, referat }));
  });
}
