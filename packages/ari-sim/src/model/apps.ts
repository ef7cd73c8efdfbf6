import type { Application } from '@parley/ari';

/**
 * Stasis applications: which websocket owns each app, and what each app is subscribed to.
 * Subscriptions are reference counted like res_stasis's forwards: a channel an app originated and
 * that is also in its Stasis is held twice, so leaving Stasis keeps the originate subscription.
 */

/** Where an app's events go: one events websocket (HTTP) or in-process stream. */
export interface EventSink {
  send(text: string): void;
}

export interface EventFilterEntry {
  type: string;
}

export class SimApp {
  sink: EventSink | undefined;
  subscribeAll = false;
  readonly channels = new Map<string, number>();
  readonly bridges = new Map<string, number>();
  readonly endpoints = new Set<string>();
  readonly devices = new Set<string>();
  allowed: EventFilterEntry[] = [];
  disallowed: EventFilterEntry[] = [];

  constructor(readonly name: string) {}

  get registered(): boolean {
    return this.sink !== undefined;
  }

  accepts(type: string): boolean {
    if (this.allowed.length > 0 && !this.allowed.some((e) => e.type === type)) return false;
    return !this.disallowed.some((e) => e.type === type);
  }

  toJson(): Application {
    return {
      name: this.name,
      channel_ids: [...this.channels.keys()],
      bridge_ids: [...this.bridges.keys()],
      endpoint_ids: [...this.endpoints],
      device_names: [...this.devices],
      events_allowed: this.allowed.map((e) => ({ ...e })),
      events_disallowed: this.disallowed.map((e) => ({ ...e })),
    };
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next > 0) map.set(key, next);
  else map.delete(key);
}

export class AppRegistry {
  readonly #apps = new Map<string, SimApp>();

  get(name: string): SimApp | undefined {
    return this.#apps.get(name);
  }

  list(): SimApp[] {
    return [...this.#apps.values()];
  }

  /** Asterisk restarted: no app is registered and nothing is subscribed to anything. */
  clear(): void {
    this.#apps.clear();
  }

  #ensure(name: string): SimApp {
    let app = this.#apps.get(name);
    if (!app) {
      app = new SimApp(name);
      this.#apps.set(name, app);
    }
    return app;
  }

  /** Attaches a socket; returns the sockets that lost an app to it (they get ApplicationReplaced). */
  connect(
    names: readonly string[],
    sink: EventSink,
    subscribeAll: boolean,
  ): { app: string; old: EventSink }[] {
    const replaced: { app: string; old: EventSink }[] = [];
    for (const name of names) {
      const app = this.#ensure(name);
      if (app.sink && app.sink !== sink) replaced.push({ app: name, old: app.sink });
      app.sink = sink;
      app.subscribeAll = subscribeAll;
    }
    return replaced;
  }

  /** A closed socket unregisters the apps it still owns; their channels stay in Stasis. */
  disconnect(sink: EventSink): void {
    for (const app of this.#apps.values()) {
      if (app.sink !== sink) continue;
      app.sink = undefined;
      app.subscribeAll = false;
      this.#forgetIfIdle(app);
    }
  }

  isRegistered(name: string): boolean {
    return this.#apps.get(name)?.registered ?? false;
  }

  subscribeChannel(name: string, channelId: string): void {
    bump(this.#ensure(name).channels, channelId, 1);
  }

  unsubscribeChannel(name: string, channelId: string): void {
    const app = this.#apps.get(name);
    if (!app) return;
    bump(app.channels, channelId, -1);
    this.#forgetIfIdle(app);
  }

  subscribeBridge(name: string, bridgeId: string): void {
    bump(this.#ensure(name).bridges, bridgeId, 1);
  }

  unsubscribeBridge(name: string, bridgeId: string): void {
    const app = this.#apps.get(name);
    if (!app) return;
    bump(app.bridges, bridgeId, -1);
    this.#forgetIfIdle(app);
  }

  /** Apps that receive a channel's events, in registration order. */
  forChannel(channelId: string): SimApp[] {
    return this.list().filter((a) => a.subscribeAll || a.channels.has(channelId));
  }

  forBridge(bridgeId: string): SimApp[] {
    return this.list().filter((a) => a.subscribeAll || a.bridges.has(bridgeId));
  }

  /** A destroyed channel or bridge drops out of every subscription. */
  forgetChannel(channelId: string): void {
    for (const app of this.list()) {
      app.channels.delete(channelId);
      this.#forgetIfIdle(app);
    }
  }

  forgetBridge(bridgeId: string): void {
    for (const app of this.list()) {
      app.bridges.delete(bridgeId);
      this.#forgetIfIdle(app);
    }
  }

  /** res_stasis drops an unregistered app once nothing keeps it alive. */
  #forgetIfIdle(app: SimApp): void {
    if (app.registered || app.channels.size > 0 || app.bridges.size > 0) return;
    if (app.endpoints.size > 0 || app.devices.size > 0) return;
    this.#apps.delete(app.name);
  }
}
