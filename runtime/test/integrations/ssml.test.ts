import { describe, expect, it } from 'vitest';
import { parseSsml, type SsmlNode, ssmlToText, toEspeakSsml } from '../../src/integrations/ssml.js';

const nodes = (ssml: string): SsmlNode[] => {
  const parsed = parseSsml(ssml);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.nodes;
};
const espeak = (ssml: string) => toEspeakSsml(nodes(ssml));
const text = (ssml: string) => ssmlToText(nodes(ssml));
const tagNames = (markup: string) => [...markup.matchAll(/<\/?([A-Za-z][\w:.-]*)/g)].map((m) => m[1]);

/** Every tag Connect's prompts may carry, in one document. */
const KITCHEN_SINK = `<speak>
  <p><s>Welcome to <sub alias="Acme Incorporated">Acme Inc</sub>.</s></p>
  <amazon:effect name="whispered">This is a secret.</amazon:effect>
  <amazon:domain name="news">Markets rose.</amazon:domain>
  <amazon:auto-breaths>Breathe in.</amazon:auto-breaths><amazon:breath duration="long"/>
  <lang xml:lang="fr-FR">Bonjour</lang>
  <phoneme alphabet="ipa" ph="pɪˈkɑːn">pecan</phoneme>
  <w role="amazon:VB">read</w>
  <mark name="here"/>
  <emphasis level="strong">really</emphasis>
  <prosody rate="slow" volume="+6dB" pitch="x-high" amazon:max-duration="2s">slowly</prosody>
  <say-as interpret-as="characters">ABC</say-as>
  <say-as interpret-as="date" format="mdy">12/25/2024</say-as>
  <break time="1500ms"/>
  <voice name="Kendra">Goodbye</voice>
</speak>`;

describe('SSML for espeak-ng', () => {
  it('never leaves a tag espeak-ng would read aloud', () => {
    const out = espeak(KITCHEN_SINK);
    expect(new Set(tagNames(out))).toEqual(
      new Set(['speak', 'p', 's', 'emphasis', 'prosody', 'say-as', 'break']),
    );
    expect(out).not.toMatch(/amazon|xml:lang|alphabet|mark/);
  });

  it('keeps the words of tags it cannot honour, and says the alias of a sub', () => {
    const out = espeak(KITCHEN_SINK);
    for (const word of [
      'This is a secret.',
      'Markets rose.',
      'Bonjour',
      'pecan',
      'read',
      'Goodbye',
      '12/25/2024',
    ]) {
      expect(out).toContain(word);
    }
    expect(out).toContain('Acme Incorporated');
    expect(out).not.toContain('Acme Inc<');
  });

  it('honours breaks, prosody, emphasis and spelled-out characters', () => {
    const out = espeak(KITCHEN_SINK);
    expect(out).toContain('<break time="1500ms"/>');
    expect(out).toContain('<prosody rate="slow" pitch="x-high">slowly</prosody>');
    expect(out).toContain('<emphasis level="strong">really</emphasis>');
    expect(out).toContain('<say-as interpret-as="characters">ABC</say-as>');
  });

  it('caps a break at the 10 seconds Polly allows and reads seconds', () => {
    expect(espeak('<speak>a<break time="30s"/>b<break time="2.5s"/>c</speak>')).toBe(
      '<speak>a<break time="10000ms"/>b<break time="2500ms"/>c</speak>',
    );
    expect(espeak('<speak><break strength="x-strong"/><break time="soon"/></speak>')).toBe(
      '<speak><break strength="x-strong"/><break/></speak>',
    );
  });

  it('silences an expletive instead of saying it', () => {
    const out = espeak('<speak>What the <say-as interpret-as="expletive">heck</say-as></speak>');
    expect(out).not.toContain('heck');
    expect(text('<speak>What the <say-as interpret-as="expletive">heck</say-as></speak>')).toBe('What the');
  });

  it('escapes text again after decoding entities, and keeps phoneme brackets from reaching espeak', () => {
    expect(espeak('<speak>Fish &amp; chips &lt;3 &#x263A; [[h@l@U]]</speak>')).toBe(
      '<speak>Fish &amp; chips &lt;3 ☺ [ [h@l@U]]</speak>',
    );
  });

  it('wraps content that has no speak element', () => {
    expect(espeak('Hello <break time="1s"/> there')).toBe(
      '<speak>Hello <break time="1000ms"/> there</speak>',
    );
  });

  it('skips comments and processing instructions and reads CDATA as text', () => {
    expect(espeak('<?xml version="1.0"?><speak><!-- note -->a <![CDATA[b < c]]></speak>')).toBe(
      '<speak>a b &lt; c</speak>',
    );
  });
});

describe('the words of an SSML prompt', () => {
  it('are its text without markup, spaces tidied', () => {
    expect(text(KITCHEN_SINK)).toBe(
      'Welcome to Acme Incorporated. This is a secret. Markets rose. Breathe in. Bonjour pecan read really slowly ABC 12/25/2024 Goodbye',
    );
  });
});

describe('malformed SSML', () => {
  it.each([
    ['an unclosed element', '<speak>Hello'],
    ['a mismatched close', '<speak><p>Hello</s></speak>'],
    ['a close with no open', 'Hello</speak>'],
    ['a stray angle bracket', '<speak>1 < 2</speak>'],
    ['an unterminated tag', '<speak><break time="1s"</speak>'],
    ['an unterminated comment', '<speak><!-- oops</speak>'],
  ])('is refused: %s', (_, ssml) => {
    expect(parseSsml(ssml).ok).toBe(false);
  });
});
