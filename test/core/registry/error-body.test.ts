import { describe, expect, it } from 'vitest';
import { parseErrorCodes } from '../../../src/core/registry/error-body';

describe('parseErrorCodes', () => {
  it('lists the codes of a distribution error body', () => {
    const body = JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN', message: 'x' }, { code: 'DENIED' }] });
    expect(parseErrorCodes(new TextEncoder().encode(body))).toEqual(['NAME_UNKNOWN', 'DENIED']);
    expect(parseErrorCodes(new TextEncoder().encode('not json'))).toEqual([]);
  });
});
