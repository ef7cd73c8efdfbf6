/** Hard limits on input, chosen well above Connect's own (250 actions, 256,000 characters). */
export const LIMITS = {
  maxBytes: 2 * 1024 * 1024,
  maxActions: 5000,
  maxDepth: 64,
  maxStringLength: 256_000,
  connectMaxActions: 250,
  connectMaxCharacters: 256_000,
} as const;
