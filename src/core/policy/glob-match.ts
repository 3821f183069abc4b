/**
 * Shell-like globs over image names: `*` matches within one path segment (no `/`), `**` across segments, `?` one
 * character. Everything else is literal, so `127.0.0.1:*` and `docker.io/library/*` mean what they say.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] ?? '';
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const compiled = new Map<string, RegExp>();

export function globMatches(glob: string, name: string): boolean {
  let pattern = compiled.get(glob);
  if (pattern === undefined) {
    pattern = globToRegExp(glob);
    compiled.set(glob, pattern);
  }
  return pattern.test(name);
}
