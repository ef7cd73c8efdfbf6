import { type FormEvent, useState } from 'react';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** A number box with a phone's keys: on a call it adds the number (a consult), else it calls out. */
export function DialPad(props: {
  onCall: boolean;
  disabled: boolean;
  onDial: (phoneNumber: string) => void;
}) {
  const [number, setNumber] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (number.trim()) props.onDial(number.trim());
  };
  return (
    <form className="agent-dialpad" onSubmit={submit}>
      <input
        type="tel"
        aria-label="Phone number"
        placeholder="+15550100"
        value={number}
        onChange={(e) => setNumber(e.target.value)}
      />
      <fieldset aria-label="Dial pad" disabled={props.disabled}>
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            onClick={() => setNumber((n) => n + key)}
            aria-label={`Dial ${key}`}
          >
            {key}
          </button>
        ))}
      </fieldset>
      <button type="submit" disabled={props.disabled || !number.trim()}>
        {props.onCall ? 'Transfer to number' : 'Call number'}
      </button>
    </form>
  );
}
