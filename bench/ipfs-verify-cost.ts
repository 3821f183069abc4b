import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sha256 } from 'multiformats/hashes/sha2';
import { BlobVerifier } from '../src/core/ipfs/blob-verifier';
import { createNodeHash } from '../src/node/ipfs/node-hash';
import { time } from './measure';

const BLOCK = 262_144;
const ROUNDS = 7;

/** The best time of each contender, rounds rotating who goes first (a loaded machine favours no one). */
async function bestOfRounds<K extends string>(contenders: Record<K, () => Promise<void>>): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  const best = Object.fromEntries(names.map((name) => [name, Infinity])) as Record<K, number>;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as K;
      best[name] = Math.min(best[name], await time(contenders[name]));
    }
  }
  return best;
}

/**
 * What verification costs over the layer's bytes, against one raw node:crypto sha256 of the same buffer: the
 * streaming OCI digest check over 256 KiB chunks as a fetch delivers them, and Helia's own check of each block
 * against its CID (done once per block as it arrives over bitswap).
 */
export async function verificationCost(file: string, digest: string) {
  const bytes = await readFile(file);
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += BLOCK) chunks.push(bytes.subarray(offset, offset + BLOCK));
  const descriptor = { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest, size: bytes.length };
  const best = await bestOfRounds({
    raw: async () => {
      if (`sha256:${createHash('sha256').update(bytes).digest('hex')}` !== digest) throw new Error('raw hash differs');
    },
    verifier: async () => {
      const verifier = new BlobVerifier(descriptor, createNodeHash, 'bench');
      for (const chunk of chunks) verifier.push(chunk);
      verifier.finish();
    },
    block: async () => {
      for (const chunk of chunks) await sha256.digest(chunk);
    },
  });
  return { rawMs: best.raw, verifierMs: best.verifier, blockMs: best.block };
}
