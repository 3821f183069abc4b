/** Every limit and window of the notary client lives here, nowhere else (DESIGN.md "Layout"). */
export const NOTARY_DEFAULTS = {
  /** notary's own caps: root and timestamp are read before any parent bounds their length (the rest are capped
   * at the length their parent signed). */
  maxRootBytes: 2 * 1024 * 1024,
  maxTimestampBytes: 1024 * 1024,
  /** "Expires soon" for what the publisher must re-sign; the server-managed timestamp is only checked. */
  expiryWarningDays: 30,
  /** A new root's certificates may start up to a day in the future (notary's NotBefore leeway). */
  certNotBeforeLeewayMs: 24 * 60 * 60 * 1000,
  /** Delegation nesting beyond this is refused, so a hostile tree cannot grow without bound. */
  maxDelegations: 256,
  /** Root rotations walked through `<version>.root.json` in one update. */
  maxRootRotations: 64,
} as const;

export interface NotaryOptions {
  expiryWarningDays: number;
  maxRootBytes: number;
  maxTimestampBytes: number;
}

export function resolveNotaryOptions(options: Partial<NotaryOptions> = {}): NotaryOptions {
  return {
    expiryWarningDays: options.expiryWarningDays ?? NOTARY_DEFAULTS.expiryWarningDays,
    maxRootBytes: options.maxRootBytes ?? NOTARY_DEFAULTS.maxRootBytes,
    maxTimestampBytes: options.maxTimestampBytes ?? NOTARY_DEFAULTS.maxTimestampBytes,
  };
}
