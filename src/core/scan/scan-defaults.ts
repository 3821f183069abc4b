/** Limits of a workspace scan, in one place (DESIGN: options resolve once against one DEFAULTS table). */
export const SCAN_DEFAULTS = {
  /** Larger files are reported, not read: no real Dockerfile or compose file comes near this. */
  maxFileBytes: 4 * 1024 * 1024,
  /** Files read at once while scanning. */
  readConcurrency: 64,
} as const;
