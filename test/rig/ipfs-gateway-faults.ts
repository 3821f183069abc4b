import type { ServerResponse } from 'node:http';
import * as dagPb from '@ipld/dag-pb';
import type { Blockstore } from 'interface-blockstore';
import type { CID } from 'multiformats/cid';
import { readBlock } from './ipfs-gateway-store';

/**
 * Switches a test flips on a running IPFS test server. `tamper`: blocks (by CID string) served with one byte
 * changed, on every route. `vanishAfterBytes`: the next responses' connections are destroyed after this many
 * body bytes, as a peer that goes away mid-transfer.
 */
export interface IpfsServerFaults {
  tamper: Set<string>;
  vanishAfterBytes?: number;
  /** With `vanishAfterBytes`: after the first cut the server is gone — every later connection is dropped at once. */
  vanishForGood?: boolean;
  /** Set by the server once it has vanished for good. */
  gone?: boolean;
  /** Requests are accepted and never answered (a daemon searching the network for a CID nobody has). */
  stall?: boolean;
  /** CARs are refused (the gateway answers 406, Kubo knows no dag/export), so clients read blocks or `cat`. */
  refuseCar?: boolean;
}

export function noFaults(): IpfsServerFaults {
  return { tamper: new Set() };
}

/** Every switch off again, and the request log emptied, between tests sharing one server. */
export function resetFaults(...servers: { faults: IpfsServerFaults; requests: string[] }[]): void {
  for (const server of servers) {
    Object.assign(server.faults, {
      vanishAfterBytes: undefined,
      vanishForGood: false,
      gone: false,
      refuseCar: false,
      stall: false,
    });
    server.faults.tamper.clear();
    server.requests.length = 0;
  }
}

/** A block as the faulty server serves it: tampered blocks get their last byte flipped. */
export async function servedBlock(store: Blockstore, cid: CID, faults: IpfsServerFaults) {
  const bytes = await readBlock(store, cid);
  if (bytes === undefined || !faults.tamper.has(cid.toString())) return bytes;
  const changed = Uint8Array.from(bytes);
  changed[changed.length - 1] = (changed.at(-1) ?? 0) ^ 0xff;
  return changed;
}

/** A CAR's links as the faulty server follows them: none under a tampered dag-pb node (its bytes may not decode). */
export function faultyLinks(faults: IpfsServerFaults) {
  return (cid: CID, bytes: Uint8Array): CID[] =>
    faults.tamper.has(cid.toString()) ? [] : dagPb.decode(bytes).Links.map((link) => link.Hash);
}

/** A blockstore view whose `get` serves what `servedBlock` serves (for the UnixFS exporter behind `cat`). */
export function faultyBlockstore(store: Blockstore, faults: IpfsServerFaults): Blockstore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'get') return Reflect.get(target, property, receiver);
      return async function* (cid: CID) {
        const bytes = await servedBlock(target, cid, faults);
        if (bytes === undefined) throw Object.assign(new Error(`block ${cid} not found`), { name: 'NotFoundError' });
        yield bytes;
      };
    },
  });
}

/** Writes a streamed body, honouring `vanishAfterBytes` (the socket is destroyed, no clean end). */
export async function sendBody(
  response: ServerResponse,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  faults: IpfsServerFaults,
) {
  let sent = 0;
  for await (const chunk of chunks) {
    const limit = faults.vanishAfterBytes;
    if (limit !== undefined && sent + chunk.length > limit) {
      response.write(chunk.subarray(0, Math.max(0, limit - sent)));
      response.socket?.destroy();
      if (faults.vanishForGood) faults.gone = true;
      return;
    }
    sent += chunk.length;
    if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
  }
  response.end();
}

/** True (and the connection dropped) when the server has vanished for good. */
export function droppedForGood(response: ServerResponse, faults: IpfsServerFaults): boolean {
  if (faults.gone) response.socket?.destroy();
  return faults.gone === true;
}
