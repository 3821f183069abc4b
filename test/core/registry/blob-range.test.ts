import { describe, expect, it } from 'vitest';
import { isRequestedRange, rangeHeaders } from '../../../src/core/registry/blob-range';

describe('rangeHeaders', () => {
  it('asks for nothing on the first request and for the rest from the byte reached on a resume', () => {
    expect(rangeHeaders(0)).toEqual({});
    expect(rangeHeaders(1000)).toEqual({ range: 'bytes=1000-' });
  });
});

describe('isRequestedRange › for the rest of a 3000-byte blob from byte 1000', () => {
  it.each(['bytes 1000-2999/3000', 'Bytes 1000-2999/3000', ' bytes 1000-2999/3000 '])('accepts %j', (value) => {
    expect(isRequestedRange(value, 1000, 3000)).toBe(true);
  });

  it.each([
    ['another start', 'bytes 0-2999/3000'],
    ['an end short of the blob', 'bytes 1000-1999/3000'],
    ['an end past the blob', 'bytes 1000-3000/3001'],
    ['another total size', 'bytes 1000-2999/4000'],
    ['an unknown total size', 'bytes 1000-2999/*'],
    ['an unsatisfied range', 'bytes */3000'],
    ['another unit', 'items 1000-2999/3000'],
    ['several ranges', 'bytes 1000-1999/3000, 2000-2999/3000'],
    ['a negative start', 'bytes -1000-2999/3000'],
    ['nothing', undefined],
  ])('refuses %s', (_, value) => {
    expect(isRequestedRange(value, 1000, 3000)).toBe(false);
  });
});
