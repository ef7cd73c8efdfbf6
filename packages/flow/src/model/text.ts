/**
 * `String(value)` for values out of documents. A JSON object may carry its own `toString` or
 * `valueOf` key holding data (`"toString": 0`), and then String(), template literals and sorting
 * throw "Cannot convert object to primitive value"; such a value is shown as JSON instead.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return JSON.stringify(value) ?? typeof value;
  }
}
