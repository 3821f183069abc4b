import { ANCHORED_DIGEST, ANCHORED_DOMAIN_AND_PORT, ANCHORED_TAG } from './grammar';
import { failure, UPSTREAM_MESSAGES, type ReferenceError } from './reference-error';

const OUTSIDE_ALPHABET = /[^A-Za-z0-9._\-/:@[\]+]/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// A first component is a registry host when Docker would read it as one: a dot, a port, brackets or localhost.
const LOOKS_LIKE_HOST = /[.:[]|^localhost$/;

/**
 * ErrReferenceInvalidFormat with a reason: the first rule that the input breaks, and where. The grammar says
 * only "no"; people need to know which character or part to fix. Linear: each check is one pass.
 */
export function explainInvalidReference(s: string): { ok: false; error: ReferenceError } {
  return failure('invalid-format', UPSTREAM_MESSAGES.invalidFormat, s, explain(s));
}

function explain(s: string): string | undefined {
  const odd = OUTSIDE_ALPHABET.exec(s);
  if (odd) return `unexpected character ${JSON.stringify(odd[0])} at position ${odd.index + 1}`;
  const at = s.indexOf('@');
  const nameAndTag = at < 0 ? s : s.slice(0, at);
  if (at >= 0 && !ANCHORED_DIGEST.test(s.slice(at + 1))) {
    return `digest ${JSON.stringify(s.slice(at + 1))} is not "algorithm:hex" with at least 32 hex digits`;
  }
  if (nameAndTag.startsWith('[') && !nameAndTag.includes('/')) {
    return 'an IPv6 registry host must be followed by "/" and a repository path';
  }
  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  const name = colon < 0 ? nameAndTag : nameAndTag.slice(0, colon);
  if (name === '') return `missing repository name before ${JSON.stringify(s[0])}`;
  if (colon >= 0 && !ANCHORED_TAG.test(nameAndTag.slice(colon + 1))) {
    const tag = nameAndTag.slice(colon + 1);
    return `tag ${JSON.stringify(tag)} must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`;
  }
  return explainName(name);
}

function explainName(name: string): string | undefined {
  const components = name.split('/');
  let offset = 0;
  if (components.length > 1 && LOOKS_LIKE_HOST.test(components[0] ?? '')) {
    const host = components.shift() ?? '';
    if (!ANCHORED_DOMAIN_AND_PORT.test(host)) return `registry host ${JSON.stringify(host)} is not a valid host[:port]`;
    offset = host.length + 1;
  }
  for (const [index, component] of components.entries()) {
    if (component === '') return explainEmpty(offset, index === components.length - 1);
    const problem = explainComponent(component, offset);
    if (problem) return problem;
    offset += component.length + 1;
  }
  return undefined;
}

function explainEmpty(offset: number, last: boolean): string {
  if (offset === 0) return 'the name starts with "/"';
  return last ? 'the name ends with "/"' : `empty path component: "//" at position ${offset}`;
}

function explainComponent(component: string, offset: number): string | undefined {
  if (component.includes(':')) return `":" in the path at position ${offset + component.indexOf(':') + 1}`;
  if (PATH_COMPONENT.test(component)) return undefined;
  return (
    `path component ${JSON.stringify(component)} must be lower-case letters and digits, separated by one '.', ` +
    `one or two '_', or any number of '-', and must not start or end with a separator`
  );
}
