import fc from 'fast-check';

const lower = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const alnum = fc.string({ unit: fc.constantFrom(...lower), minLength: 1, maxLength: 6 });
const separator = fc.constantFrom('.', '_', '__', '-', '--');
const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

/** A path component: alphanumerics joined by '.', '_', '__' or runs of '-'. */
const pathComponent = fc
  .tuple(alnum, fc.array(fc.tuple(separator, alnum), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([sep, part]) => sep + part).join(''));

const label = fc
  .tuple(fc.constantFrom(...'abcXYZ019'), fc.string({ unit: fc.constantFrom(...'ab-Z9'), maxLength: 4 }))
  .map(([first, rest]) => (rest === '' || rest.endsWith('-') ? first : first + rest + 'x'));
const port = fc.option(
  fc.integer({ min: 1, max: 65535 }).map((n) => `:${n}`),
  { nil: '' },
);

/** A registry host as Docker recognises one: dotted labels, localhost, or an IPv6 literal, with a port or not. */
export const domainArbitrary = fc.oneof(
  fc.tuple(fc.array(label, { minLength: 2, maxLength: 3 }), port).map(([labels, p]) => labels.join('.') + p),
  fc
    .tuple(fc.constantFrom('localhost', 'docker.io', 'index.docker.io', 'Reg', '[::1]', '[fd00:1::2]'), port)
    .map(([host, p]) => host + p),
);

const tagArbitrary = fc
  .tuple(fc.constantFrom(...'aZ9_'), fc.string({ unit: fc.constantFrom(...'aZ9_.-'), maxLength: 20 }))
  .map(([first, rest]) => first + rest);
const digestArbitrary = fc.oneof(
  hex(64).map((h) => `sha256:${h}`),
  hex(96).map((h) => `sha384:${h}`),
  hex(128).map((h) => `sha512:${h}`),
);

/** A valid reference as text: `[domain/]path[:tag][@digest]`. */
export const referenceTextArbitrary = fc
  .record({
    domain: fc.option(domainArbitrary, { nil: undefined }),
    path: fc.array(pathComponent, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')),
    tag: fc.option(tagArbitrary, { nil: undefined }),
    digest: fc.option(digestArbitrary, { nil: undefined }),
  })
  .map(({ domain, path, tag, digest }) => {
    const name = domain ? `${domain}/${path}` : path;
    return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  });

/** Strings over the characters the grammar cares about, so that fuzzing reaches past the first check. */
export const grammarishString = fc.string({ unit: fc.constantFrom(...'aZ09._-/:@[]+~ '), maxLength: 80 });
