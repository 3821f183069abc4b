/** One challenge of a `WWW-Authenticate` header (RFC 7235): the scheme in lower case and its parameters. */
export interface Challenge {
  scheme: string;
  /** Parameter names in lower case; quoted-string values unescaped. */
  params: Record<string, string>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/**
 * Parses every challenge in every `WWW-Authenticate` value. A value may hold several challenges
 * (`Bearer realm="a", Basic realm="b"`) and a comma inside a quoted string separates nothing.
 */
export function parseChallenges(headerValues: readonly string[]): Challenge[] {
  return headerValues.flatMap((value) => new ChallengeScanner(value).challenges());
}

class ChallengeScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  challenges(): Challenge[] {
    const found: Challenge[] = [];
    for (;;) {
      this.skip(/[\s,]/);
      const scheme = this.token();
      if (scheme === '') return found;
      found.push({ scheme: scheme.toLowerCase(), params: this.params() });
    }
  }

  // Reads `name=value` pairs until something that is not one: the next challenge's scheme, or the end.
  private params(): Record<string, string> {
    const params: Record<string, string> = {};
    for (;;) {
      this.skip(/[\s,]/);
      const start = this.pos;
      const name = this.token();
      this.skip(/\s/);
      if (name === '' || this.text[this.pos] !== '=') {
        this.pos = start;
        return params;
      }
      this.pos += 1;
      this.skip(/\s/);
      params[name.toLowerCase()] = this.text[this.pos] === '"' ? this.quoted() : this.token();
    }
  }

  private token(): string {
    const start = this.pos;
    while (this.pos < this.text.length && TOKEN_CHAR.test(this.text[this.pos] ?? '')) this.pos += 1;
    return this.text.slice(start, this.pos);
  }

  // quoted-string with quoted-pair: a backslash keeps the next character, whatever it is.
  private quoted(): string {
    let value = '';
    for (this.pos += 1; this.pos < this.text.length; this.pos += 1) {
      const ch = this.text[this.pos];
      if (ch === '"') {
        this.pos += 1;
        return value;
      }
      if (ch === '\\') this.pos += 1;
      value += this.text[this.pos] ?? '';
    }
    return value;
  }

  private skip(pattern: RegExp): void {
    while (this.pos < this.text.length && pattern.test(this.text[this.pos] ?? '')) this.pos += 1;
  }
}

/** Challenges remembered per endpoint: scheme, lower-case host and explicit port (https → 443, http → 80). */
export class ChallengeStore {
  private readonly byEndpoint = new Map<string, Challenge[]>();

  set(url: URL, challenges: Challenge[]): void {
    this.byEndpoint.set(endpointKey(url), challenges);
  }

  get(url: URL): Challenge[] | undefined {
    return this.byEndpoint.get(endpointKey(url));
  }
}

export function endpointKey(url: URL): string {
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return `${url.protocol}//${url.hostname.toLowerCase()}:${port}`;
}
