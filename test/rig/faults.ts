import type { IncomingHttpHeaders } from 'node:http';

/**
 * What the fault proxy does instead of (or on top of) forwarding a request. Faults that change a response
 * (`digest-header`, `body`, `inflate`, `stall` at the body, `cut`) or the request (`ignore-range`) forward; the
 * others never reach the registry.
 */
export type Fault =
  /** Replace `Docker-Content-Digest` in the registry's answer: the header lies, the bytes do not. */
  | { kind: 'digest-header'; digest: string }
  /** Replace the body; headers, including the digest, stay as the registry sent them. */
  | { kind: 'body'; transform: (body: Buffer) => Buffer }
  /** Pad the body with spaces to `size` bytes (JSON stays valid); `chunked` hides the length up front. */
  | { kind: 'inflate'; size: number; chunked?: boolean }
  /** Answer with this status, e.g. 429 with `retryAfter: '1'`, or 500. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Never answer ('headers'), or send the registry's headers and half the body, then hang ('body'). */
  | { kind: 'stall'; phase: 'headers' | 'body' }
  /** Send the registry's headers and the first `afterBytes` bytes of its body, then close the connection. */
  | { kind: 'cut'; afterBytes: number }
  /** Forward without the Range header, as a registry that does not serve ranges answers (200, the whole body). */
  | { kind: 'ignore-range' }
  /** Redirect to `location` (e.g. another host:port), with 307 unless told. */
  | { kind: 'redirect'; location: string; status?: number };

export interface FaultMatch {
  method?: string;
  /** Matched against the path and query, e.g. /\/manifests\/v1$/. */
  path?: RegExp;
}

export interface FaultRule {
  match?: FaultMatch;
  fault: Fault;
  /** How many requests the rule applies to; every matching request when absent. */
  times?: number;
}

/** Faults that need the registry's answer before they can act. */
export function needsUpstream(fault: Fault | undefined): boolean {
  return (
    fault === undefined ||
    !(fault.kind === 'status' || fault.kind === 'redirect' || (fault.kind === 'stall' && fault.phase === 'headers'))
  );
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (match?.method !== undefined && match.method.toUpperCase() !== method) return false;
  return match?.path === undefined || match.path.test(path);
}

/** The first rule that matches and has uses left; its count goes down by one. */
export function takeFault(rules: FaultRule[], method: string, path: string): Fault | undefined {
  const rule = rules.find((r) => (r.times === undefined || r.times > 0) && matches(r.match, method, path));
  if (rule?.times !== undefined) rule.times -= 1;
  return rule?.fault;
}

/** The answer to send after applying a response fault to what the registry returned. */
export function applyResponseFault(
  fault: Fault | undefined,
  headers: IncomingHttpHeaders,
  body: Buffer,
): { headers: IncomingHttpHeaders; body: Buffer; chunked: boolean } {
  if (fault?.kind === 'digest-header')
    return { headers: { ...headers, 'docker-content-digest': fault.digest }, body, chunked: false };
  if (fault?.kind === 'body') return { headers, body: fault.transform(body), chunked: false };
  if (fault?.kind === 'inflate') {
    const padded = Buffer.concat([body, Buffer.alloc(Math.max(0, fault.size - body.length), ' ')]);
    return { headers, body: padded, chunked: fault.chunked ?? false };
  }
  return { headers, body, chunked: false };
}
