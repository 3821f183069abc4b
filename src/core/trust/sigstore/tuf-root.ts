import tufRootJson from '../../../../assets/sigstore/tuf-root.json';

/**
 * The TUF root.json of Sigstore's repository `tuf-repo-cdn.sigstore.dev` shipped with the tool (see
 * assets/sigstore/README.md): the trust anchor `trust-root update` starts from. Signatures cover the canonical
 * form of `signed`, so re-serializing the imported JSON keeps them valid.
 */
export function sigstoreTufRoot(): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(tufRootJson));
}
