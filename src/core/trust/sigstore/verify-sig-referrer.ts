import { CosignError } from './cosign-error';
import type { ReferrerDescriptor } from './referrers';
import { parseSignatureManifest } from './signature-manifest';
import { verifyLayer, type LayerContext, type LayerOutcome } from './verify-layer';

/** cosign 2's `--registry-referrers-mode=oci-1-1`: the `.sig` manifest pushed as a referrer of the image. */
export const COSIGN_SIG_ARTIFACT = 'application/vnd.dev.cosign.artifact.sig.v1+json';

/** Verifies every simple-signing layer of a cosign signature manifest; a malformed manifest is one failure. */
export async function verifySignatureManifest(bytes: Uint8Array, ctx: LayerContext): Promise<LayerOutcome[]> {
  let layers;
  try {
    layers = parseSignatureManifest(bytes, ctx.options.maxSignatures);
  } catch (error) {
    if (error instanceof CosignError) return [{ kind: 'failed', error }];
    throw error;
  }
  return Promise.all(layers.map((layer) => verifyLayer(layer, ctx)));
}

/** Verifies a cosign signature referrer exactly as a `.sig` tag. */
export async function verifySigReferrer(descriptor: ReferrerDescriptor, ctx: LayerContext): Promise<LayerOutcome[]> {
  const outcomes = await verifySignatureManifest(await ctx.source.fetchManifest(descriptor.digest, ctx.signal), ctx);
  return outcomes.map((o) => (o.kind === 'verified' ? { ...o, source: 'referrer' } : o));
}
