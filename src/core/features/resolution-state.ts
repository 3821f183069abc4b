import type { Resolution } from '../registry/client-types';

/**
 * What the editor knows about the tag a reference names: nothing yet, being asked, the verified answer, or why
 * asking failed (the failure's stable code is kept so it can be said plainly and named in diagnostics).
 */
export type ResolutionState =
  | { kind: 'pending' }
  | { kind: 'resolved'; resolution: Resolution; at: number }
  | { kind: 'failed'; code: string; message: string; at: number }
  | { kind: 'offline' };

/** Looks up what is known for a resolution key (see resolutionKey); undefined when it was never asked. */
export type ResolutionLookup = (key: string) => ResolutionState | undefined;
