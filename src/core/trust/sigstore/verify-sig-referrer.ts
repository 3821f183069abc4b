import { CosignError } from './cosign-error';
import type { ReferrerDescriptor } from './referrers';
import { parseSignatureManifest } from './signature-manifest';
import { verifyLayer, type LayerContext, type LayerOutcome } from './verify-layer';

/** cosign 2's `--registry-referrers-mode=oci-1-1`: the `.sig` manifest pushed as a referrer of the image. */
export const COSIGN_SIG_ARTIFACT = 'application/vnd.dev.cosign.artifact.sig.v1+json';

/** Verifies the simple-signing layers of a cosign signature referrer exactly as those of a `.sig` tag. */
export async function verifySigReferrer(descriptor: ReferrerDescriptor, ctx: LayerContext): Promise<LayerOutcome[]> {
  const bytes = await ctx.source.fetchManifest(descriptor.digest, ctx.signal);
  let layers;
  try {
    layers = parseSignatureManifest(bytes, ctx.options.maxSignatures);
  } catch (error) {
    if (error instanceof CosignError) return [{ kind: 'failed', error }];
    throw error;
  }
  const outcomes = await Promise.all(layers.map((layer) => verifyLayer(layer, ctx)));
  return outcomes.map((o) => (o.kind === 'verified' ? { ...o, source: 'referrer' } : o));
}
