import { useState } from 'react';

/**
 * Sends the box's words, trimmed, and answers what the box holds after: empty once sent. Blank
 * input sends nothing and is left as it is.
 */
export function sendWords(text: string, onSay: (words: string) => void): string {
  const words = text.trim();
  if (words === '') return text;
  onSay(words);
  return '';
}

/** What the caller says to a bot (Lex) in a test call: typed, sent as the caller's speech. */
export function SayBox(props: { disabled: boolean; onSay: (words: string) => void }) {
  const [words, setWords] = useState('');
  return (
    <form
      className="testcall-say"
      onSubmit={(e) => {
        e.preventDefault();
        setWords(sendWords(words, props.onSay));
      }}
    >
      <input
        aria-label="Say to the bot"
        placeholder="Say something to a bot"
        value={words}
        onChange={(e) => setWords(e.target.value)}
        disabled={props.disabled}
      />
      <button type="submit" disabled={props.disabled}>
        Say
      </button>
    </form>
  );
}
