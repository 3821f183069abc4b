import { createHash, randomBytes } from 'node:crypto';
import { yamux } from '@chainsafe/libp2p-yamux';
import { withLibp2pLight, type HeliaWithLibp2p as WithLibp2p } from '@helia/libp2p';
import type { ServiceMap, Stream } from '@libp2p/interface';
import { MemoryBlockstore } from 'blockstore-core';
import { MemoryDatastore } from 'datastore-core';
import { createHeliaLight } from 'helia';
import { afterEach, describe, expect, it } from 'vitest';
import { libp2pConfig } from '../../../src/node/ipfs/helia-libp2p-config';
import { resolveHeliaOptions } from '../../../src/node/ipfs/helia-options';

type HeliaWithLibp2p = WithLibp2p<ServiceMap>;

const PROTOCOL = '/image-trust/test-window/1.0.0';
const SPEC_WINDOW = 256 * 1024;
const MESSAGE = 4 * 1024 * 1024;

const started: HeliaWithLibp2p[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((node) => node.stop()));
});

/** A real libp2p node (TCP on loopback, noise, yamux) as the embedded node configures it; `plain` drops the window grant. */
async function startNode(plain = false) {
  const config = await libp2pConfig(resolveHeliaOptions({ dir: '/unused' }));
  if (plain) config.streamMuxers = [yamux()];
  const node = withLibp2pLight(
    createHeliaLight({ blockstore: new MemoryBlockstore(), datastore: new MemoryDatastore() }),
    config,
  );
  started.push(node);
  await node.start();
  return node;
}

/** The receiver counts and hashes what arrives on the test protocol. */
function receive(node: HeliaWithLibp2p) {
  const received = { bytes: 0, hash: createHash('sha256') };
  const done = new Promise<void>((resolve) => {
    void node.libp2p.handle(PROTOCOL, async (stream: Stream) => {
      for await (const chunk of stream) {
        received.bytes += chunk.byteLength;
        received.hash.update(chunk.subarray());
        if (received.bytes >= MESSAGE) resolve();
      }
    });
  });
  return { received, done };
}

/** How many bytes the sender may still send before the receiver's next window update (yamux keeps it private). */
function sendWindow(sender: HeliaWithLibp2p, receiver: HeliaWithLibp2p): number {
  const [connection] = sender.libp2p.getConnections(receiver.libp2p.peerId);
  const stream = connection?.streams.find((s) => s.protocol === PROTOCOL);
  return (stream as unknown as { sendWindowCapacity: number }).sendWindowCapacity;
}

async function openStream(sender: HeliaWithLibp2p, receiver: HeliaWithLibp2p): Promise<Stream> {
  const stream = await sender.libp2p.dialProtocol(receiver.libp2p.getMultiaddrs(), PROTOCOL);
  stream.send(new Uint8Array([1]));
  return stream;
}

async function settled(read: () => number): Promise<number> {
  let last = read();
  for (let round = 0; round < 20; round++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    last = read();
    if (last > SPEC_WINDOW) return last;
  }
  return last;
}

describe('the receive window the embedded node grants on streams a peer opens', () => {
  it('lets the peer send up to 16 MiB at once, where yamux starts every stream at 256 KiB', async () => {
    const [receiver, sender] = [await startNode(), await startNode()];
    receive(receiver);
    await openStream(sender, receiver);
    expect(await settled(() => sendWindow(sender, receiver))).toBeGreaterThanOrEqual(16 * 1024 * 1024 - 1);
  });

  it('is what plain yamux does not grant (the control for the test above)', async () => {
    const [receiver, sender] = [await startNode(true), await startNode(true)];
    receive(receiver);
    await openStream(sender, receiver);
    // yamux may double the window once on a quiet connection; a 4 MiB message still cannot go at once.
    expect(await settled(() => sendWindow(sender, receiver))).toBeLessThan(MESSAGE);
  });

  it('carries a 4 MiB message intact through the larger window', async () => {
    const [receiver, sender] = [await startNode(), await startNode()];
    const { received, done } = receive(receiver);
    const stream = await openStream(sender, receiver);
    const message = randomBytes(MESSAGE - 1);
    if (!stream.send(message)) await stream.onDrain();
    await done;
    const expected = createHash('sha256')
      .update(new Uint8Array([1]))
      .update(message)
      .digest('hex');
    expect(received.bytes).toBe(MESSAGE);
    expect(received.hash.digest('hex')).toBe(expected);
    await stream.close();
  });
});
