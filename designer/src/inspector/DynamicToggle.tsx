/** Static value or JSONPath: shown beside a field whose catalog entry allows both (x-dynamic). */
export function DynamicToggle(props: { dynamic: boolean; label: string; onChange(dynamic: boolean): void }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: two toggle buttons, not a form's fieldset
    <span className="dynamic-toggle" role="group" aria-label={`How ${props.label} is set`}>
      <button type="button" aria-pressed={!props.dynamic} onClick={() => props.onChange(false)}>
        Static
      </button>
      <button
        type="button"
        aria-pressed={props.dynamic}
        title="Set dynamically: a JSONPath such as $.Attributes.x"
        onClick={() => props.onChange(true)}
      >
        $.
      </button>
    </span>
  );
}
