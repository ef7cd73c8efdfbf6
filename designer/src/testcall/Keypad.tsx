const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** A phone's twelve keys; each press is sent at once, as a caller's phone would. */
export function Keypad(props: { disabled: boolean; onPress: (key: string) => void }) {
  return (
    <fieldset className="testcall-keypad" aria-label="Keypad">
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          disabled={props.disabled}
          aria-label={`Press ${key}`}
          onClick={() => props.onPress(key)}
        >
          {key}
        </button>
      ))}
    </fieldset>
  );
}
