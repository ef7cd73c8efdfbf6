/**
 * V8 flags for a process that serves calls: `pnpm worker`, and the benches that load the runtime with
 * calls (package.json's `worker`, `soak` and `bench:pbx` scripts hold the same; a test keeps them so).
 *
 * V8 grows the young generation's semi-space to 16 MB under load. With hundreds of calls up, a
 * scavenge then copies the state of every call that moved since the last one and held the event loop
 * for 7–22 ms, which every ARI event arriving meanwhile waited out. At 2 MB scavenges come more
 * often and last 1–3 ms, for a few per cent more CPU. Loading flows (the API server, `parley
 * validate`) parses large documents that all survive, which a small young generation copies more
 * often: those processes keep V8's default.
 */
export const CALL_SERVING_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
