/**
 * Throws away a streamed response body so its connection closes now. A stream nobody started ignores `return()`
 * and holds its connection (and the process) until the idle timeout: taking one chunk starts it, and the `break`
 * then closes the response.
 */
export async function discardStream(stream: AsyncIterable<Uint8Array> | undefined): Promise<void> {
  try {
    for await (const _chunk of stream ?? []) break;
  } catch {
    // A body being thrown away may fail as it likes.
  }
}
