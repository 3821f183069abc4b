import type { yamux } from '@chainsafe/libp2p-yamux';

type YamuxFactory = ReturnType<ReturnType<typeof yamux>>;
type YamuxMuxer = ReturnType<YamuxFactory['createStreamMuxer']>;
type YamuxStream = Parameters<YamuxMuxer['onRemoteStream']>[0];

/** The part of a yamux stream this needs: its receive window (private in the typings) and the update it sends. */
interface WindowedStream {
  recvWindow?: unknown;
  sendWindowUpdate?: unknown;
}

/**
 * yamux with the receive window of every stream a peer opens raised to `windowBytes` at once, told to the peer
 * in a window update as go-yamux does. A bitswap peer opens one stream per message and js-yamux starts each at
 * 256 KiB, growing it only against a measured RTT (which is 0 on loopback, so never): a 4 MiB message of blocks
 * then waits for one window update per block. Raising the window is the receiver's to grant (the yamux spec's
 * window updates), so a Kubo or Helia peer of any version simply sends more at once.
 */
export function withAdvertisedWindow(
  factoryOf: ReturnType<typeof yamux>,
  windowBytes: number,
): ReturnType<typeof yamux> {
  return () => {
    const factory = factoryOf();
    const createStreamMuxer = factory.createStreamMuxer.bind(factory);
    factory.createStreamMuxer = (connection) => {
      const muxer = createStreamMuxer(connection);
      const onRemoteStream = muxer.onRemoteStream.bind(muxer);
      muxer.onRemoteStream = (stream: YamuxStream) => {
        raiseWindow(stream as unknown as WindowedStream, windowBytes);
        onRemoteStream(stream);
      };
      return muxer;
    };
    return factory;
  };
}

function raiseWindow(stream: WindowedStream, windowBytes: number): void {
  // Another yamux version without these fields keeps its own window: slower, never wrong.
  if (typeof stream.recvWindow !== 'number' || typeof stream.sendWindowUpdate !== 'function') return;
  if (stream.recvWindow >= windowBytes) return;
  stream.recvWindow = windowBytes;
  (stream.sendWindowUpdate as () => void).call(stream);
}
