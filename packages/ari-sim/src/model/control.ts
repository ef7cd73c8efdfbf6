/**
 * A Stasis channel's control object (res_stasis control.c): which app owns it and the command
 * queue its own thread works through. A play or record holds the queue until it ends, so a
 * `/moh` or `/dtmf` sent meanwhile waits; stopping a playback does not queue at all.
 */

export interface Command {
  /** Starts the command; it calls `done` once the channel may run the next one. */
  run(done: () => void): void;
  /** The channel left Stasis before the command ran. */
  cancel?(): void;
}

export class CommandQueue {
  #items: Command[] = [];
  #running = false;
  #closed = false;
  #ran = false;
  /** Called when the last queued command has finished (bridge announcers then leave). */
  onIdle: (() => void) | undefined;

  get busy(): boolean {
    return this.#running;
  }

  /** False when the channel has left Stasis and the command will never run. */
  enqueue(command: Command): boolean {
    if (this.#closed) return false;
    this.#items.push(command);
    if (!this.#running) this.#pump();
    return true;
  }

  /** Runs commands until one keeps the channel busy; that one's `done` resumes the pump. */
  #pump(): void {
    while (!this.#running && !this.#closed && this.#items.length > 0) {
      const next = this.#items.shift() as Command;
      this.#ran = true;
      this.#running = true;
      let sync = true;
      let finishedSync = false;
      next.run(() => {
        if (sync) finishedSync = true;
        else {
          this.#running = false;
          this.#pump();
        }
      });
      sync = false;
      if (finishedSync) this.#running = false;
    }
    if (this.#running || this.#closed || this.#items.length > 0 || !this.#ran) return;
    this.#ran = false;
    this.onIdle?.();
  }

  /** Leaving Stasis drops whatever was still queued (res_stasis flushes the control queue). */
  close(): void {
    this.#closed = true;
    const dropped = this.#items;
    this.#items = [];
    for (const command of dropped) command.cancel?.();
  }
}

export type StasisExit = 'hangup' | 'continue' | 'move';

export class StasisControl {
  readonly queue = new CommandQueue();

  constructor(
    readonly app: string,
    readonly args: string[],
    /** The dialplan app shown before Stasis, restored when a non-PBX channel is destroyed. */
    readonly savedApp: { appName: string; appData: string },
    /** How whoever ran Stasis() carries on once the channel leaves it. */
    readonly onExit: (reason: StasisExit) => void,
  ) {}

  /** Queues a command and resolves once it has run (for REST calls Asterisk answers synchronously). */
  runSync<T>(work: () => T): Promise<T | undefined> {
    return new Promise((resolve) => {
      const queued = this.queue.enqueue({
        run: (done) => {
          resolve(work());
          done();
        },
        cancel: () => resolve(undefined),
      });
      if (!queued) resolve(undefined);
    });
  }

  /** Queues a command whose effect is instantaneous; REST replies without waiting for it. */
  runAsync(work: () => void): void {
    this.queue.enqueue({
      run: (done) => {
        work();
        done();
      },
    });
  }
}
