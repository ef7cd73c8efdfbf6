/**
 * What block executors may do to a call. The runtime's only implementation speaks ARI
 * (`ari-call.ts`); executors never see ARI, so their tests can use any stand-in.
 */
export type HangupReason = 'normal' | 'busy' | 'congestion' | 'no_answer' | 'rejected' | 'failure';

export type PlayOutcome =
  | { status: 'done' }
  /** A key interrupted the prompt; the key stays in the call's digit buffer for the next collect. */
  | { status: 'interrupted'; digit: string }
  /**
   * Asterisk could not play the media (missing file, bad format), or did not carry out the command
   * (`reason`: an error answer or none, after the client's retries).
   */
  | { status: 'failed'; reason?: string }
  /** The caller of `play` stopped it through its signal (a loop's interrupt, a stopped run). */
  | { status: 'stopped' }
  | { status: 'hungup' };

export interface PlayOptions {
  /** The first key stops the media (barge-in) and stays buffered for the next collect. */
  interruptible?: boolean;
  /** Aborting stops the media at once; ARI would otherwise queue the next command behind it. */
  signal?: AbortSignal;
}

export interface CollectOptions {
  /** Played first; a key press interrupts it and counts as input. */
  prompt?: readonly string[];
  maxDigits: number;
  /** Keys that end input early and are not part of it (Connect: up to five of 0-9 * #). */
  terminators?: string;
  /** `*` clears what was entered unless Connect's DisableCancelKey is set (null). */
  cancelKey?: string | null;
  /** Wait for the first key after the prompt ends (Connect's InputTimeLimitSeconds). */
  firstDigitTimeoutMs: number;
  /** Wait between keys (Connect's InterdigitTimeLimitSeconds, default 5 s). */
  interDigitTimeoutMs: number;
}

export type CollectOutcome =
  /** Input ended by max digits, a terminator, or the inter-digit wait after at least one key. */
  | { status: 'digits'; digits: string; ended: 'max' | 'terminator' | 'interdigit' }
  /** No key before the first-digit wait ran out. */
  | { status: 'timeout' }
  /** The prompt could not be played (PlayOutcome `failed`). */
  | { status: 'failed'; reason?: string }
  | { status: 'hungup' };

export interface ListenOptions {
  /** Played first; a key or speech interrupts it and counts as input (barge-in). */
  prompt?: readonly string[];
  /** The key that ends keyed input at once and is not part of it; `#` unless told. */
  dtmfTerminator?: string;
  /** Wait for the caller to start speaking or keying, from the end of the prompt. */
  startTimeoutMs: number;
  /** Silence after speech that ends the utterance; more speech within it joins the utterance. */
  endTimeoutMs: number;
  /** Wait after a key before keyed input counts as finished (Lex's DTMF end timeout, 5 s unless told). */
  dtmfEndTimeoutMs?: number;
  /** Most keys one input may hold (Lex's DTMF max length, 1024 unless told). */
  maxDigits?: number;
  /** Aborting stops the prompt and the wait. */
  signal?: AbortSignal;
}

export type ListenOutcome =
  /** The caller spoke; the words as recognised. */
  | { status: 'speech'; text: string }
  /** The caller keyed instead (the terminator, if pressed, left out). */
  | { status: 'dtmf'; digits: string }
  /** Neither speech nor a key before the start timeout. */
  | { status: 'timeout' }
  | { status: 'failed' }
  /** Stopped through the signal. */
  | { status: 'stopped' }
  | { status: 'hungup' };

/** How a transfer to an external number went. */
export type TransferOutcome =
  /** The third party answered and was bridged with the caller; settled once that conversation is over. */
  | 'answered'
  | 'busy'
  /** Nobody answered within the time limit. */
  | 'noAnswer'
  /** The number could not be dialled (unreachable, congestion, refused). */
  | 'failed';

export interface TransferOptions {
  /** How long the number may ring before the attempt counts as unanswered. */
  timeoutSeconds: number;
  /** What the third party sees, `"Name" <+15550001111>` or a bare number. */
  callerId?: string;
  /** Keys sent to the third party once it answers; `,` pauses half a second. */
  dtmf?: string;
}

export interface CallEnd {
  /** Q.850 cause when the far end hung up; 16 = normal clearing. */
  cause: number | undefined;
  /** Who ended it, as far as ARI tells. */
  by: 'caller' | 'runtime';
}

export interface CallPort {
  readonly channelId: string;
  /** The caller's number (ANI) and the number dialled (DNIS). */
  readonly from: string;
  readonly to: string;
  readonly ended: CallEnd | undefined;
  answer(): Promise<void>;
  /** Plays media URIs (`sound:…`) in order. */
  play(media: readonly string[], options?: PlayOptions): Promise<PlayOutcome>;
  collectDigits(options: CollectOptions): Promise<CollectOutcome>;
  /**
   * Hears one caller turn for a bot: speech or keys, whichever comes first. Never rejects. Optional:
   * a call that cannot hear speech leaves it out and the bot block takes its error branch.
   */
  listen?(options: ListenOptions): Promise<ListenOutcome>;
  sendDtmf(digits: string): Promise<void>;
  startMusicOnHold(mohClass?: string): Promise<void>;
  stopMusicOnHold(): Promise<void>;
  hangup(reason?: HangupReason): Promise<void>;
  /**
   * Dials `e164` and bridges the caller with it once answered (TransferParticipantToThirdParty).
   * Settles when the transfer is over: `answered` once the answered third party's leg has ended and
   * the bridge is gone (the caller may still be on the line: check `ended`), else why the dial failed.
   * Never rejects. Optional: a call that cannot dial out leaves it out.
   */
  transferToNumber?(e164: string, options: TransferOptions): Promise<TransferOutcome>;
  /**
   * Starts recording both directions of the call into a stored recording `name` (WAV), without
   * touching the call itself. Optional: a call that cannot record leaves it out.
   */
  startRecording?(name: string): Promise<{ ok: true; name: string } | { ok: false; reason: string }>;
  /** Stops and keeps the recording `name`; a recording already over is fine. */
  stopRecording?(name: string): Promise<void>;
  /** Called once when the call ends, whoever ended it. */
  onEnd(listener: (end: CallEnd) => void): () => void;
}
