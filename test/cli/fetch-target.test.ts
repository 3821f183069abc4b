import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-io';
import { defaultOutputName, parseFetchTarget } from '../../src/cli/fetch-target';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const CID = 'bafkreid3djvlfzcnxlaxqwmnvpt475m32zzdhw5awj7e7pi7tvftzb32kq';

describe('fetch target', () => {
  it('reads a pinned reference, its tag naming the layout entry', () => {
    expect(parseFetchTarget(`alpine:3.20@${DIGEST}`)).toMatchObject({
      kind: 'registry',
      domain: 'docker.io',
      path: 'library/alpine',
      digest: DIGEST,
      tag: '3.20',
    });
    expect(defaultOutputName(parseFetchTarget(`alpine@${DIGEST}`))).toBe('alpine-abababababab');
  });

  it('reads an image CID', () => {
    expect(parseFetchTarget(`ipfs://${CID}`)).toMatchObject({ kind: 'ipfs', cid: CID, tag: 'latest' });
    expect(defaultOutputName(parseFetchTarget(`ipfs://${CID}`))).toBe(`ipfs-${CID.slice(-12)}`);
  });

  it.each(['alpine:3.20', 'ipfs://', `ipfs://${CID}/etc/passwd`, 'UPPER/case@sha256:00'])('refuses %s', (input) => {
    expect(() => parseFetchTarget(input)).toThrow(UsageError);
  });
});
