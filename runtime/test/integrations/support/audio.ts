import type { Pcm } from '../../../src/integrations/wav.js';

/** A sine tone, for resampling and engine stand-ins. */
export function tone(hz: number, rate: number, seconds: number, amplitude = 10_000): Pcm {
  const samples = new Int16Array(Math.round(rate * seconds));
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
  return { sampleRate: rate, samples };
}
