import ElkApi, { type ELK } from 'elkjs/lib/elk-api.js';
// The worker script as a file of the build: ELK runs there, so laying out 2,000 blocks leaves the
// page free to paint and answer the pointer.
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

let engine: ELK | undefined;

/** The page's one ELK, in a Web Worker started on the first layout. */
export const layoutEngine = (): ELK => {
  engine ??= new ElkApi({ workerUrl: elkWorkerUrl });
  return engine;
};
