/**
 * Where IPFS bytes come from: a Kubo daemon's RPC API, a trustless HTTP gateway, or the embedded Helia node.
 * Every answer is an untrusted hint: the caller re-hashes the reassembled bytes against the OCI digest and size
 * before anything is committed, because only that catches a lying daemon or a CID mapped to the wrong digest.
 */
export interface IpfsBlobSource {
  /** Shown in progress and in the summary of where each blob came from. */
  readonly name: 'kubo-rpc' | 'gateway' | 'helia';
  /**
   * The bytes of the UnixFS file or raw block that `cid` (any version, any codec the backend reads) names, in
   * order. Throws an IpfsError when a block does not hash to its CID, when the backend can tell.
   */
  cat(cid: string, options: { signal: AbortSignal }): AsyncIterable<Uint8Array>;
}

/** Where IPFS bytes go when an image is published (the embedded node or Kubo): returns the CIDv1 of the file. */
export interface IpfsBlobSink {
  readonly name: 'kubo-rpc' | 'helia';
  add(bytes: AsyncIterable<Uint8Array>, options: { signal: AbortSignal }): Promise<string>;
}
