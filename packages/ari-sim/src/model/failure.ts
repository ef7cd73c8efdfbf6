/**
 * An ARI error answer: `{"message": ...}` with its status, or, for allocation failures,
 * `{"error": "Allocation failed"}` (ast_ari_response_alloc_failed uses a different key).
 */
export class Failure {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly key: 'message' | 'error' = 'message',
  ) {}

  toJson(): Record<string, string> {
    return { [this.key]: this.message };
  }
}

export function fail(status: number, message: string): Failure {
  return new Failure(status, message);
}

export function failAlloc(): Failure {
  return new Failure(500, 'Allocation failed', 'error');
}

export function isFailure(value: unknown): value is Failure {
  return value instanceof Failure;
}
