import { isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { didYouMean } from './did-you-mean';
import { PolicyError, type PolicyErrorCode, type PolicyPosition } from './policy-error';

type Value = Node | null | undefined;

/**
 * Reads a policy's YAML nodes with the place of every mistake: a file's nodes carry their offsets; a policy given
 * as an object (settings) has none, and its errors name the key path alone.
 */
export class PolicyReader {
  constructor(
    private readonly source: string,
    private readonly lines?: LineCounter,
  ) {}

  position(node: Value): PolicyPosition | undefined {
    const offset = node?.range?.[0];
    if (offset === undefined || this.lines === undefined) return undefined;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  fail(code: PolicyErrorCode, message: string, node: Value): never {
    throw new PolicyError(code, message, this.source, this.position(node));
  }

  /** A mapping's entries as written: each key's name and node, and its value. */
  entries(node: Value, what: string): { name: string; key: Node; value: Node | null }[] {
    if (!isMap(node)) this.fail('POLICY_INVALID_VALUE', `${what} must be a mapping of keys to values`, node);
    return node.items.map((pair) => {
      const key = pair.key as Node;
      return { name: isScalar(key) ? String(key.value) : '', key, value: (pair.value as Node | null) ?? null };
    });
  }

  /** A mapping's values by key; an unknown key is an error that names the closest known one. */
  map(node: Value, what: string, known: readonly string[]): Map<string, Node | null> {
    const values = new Map<string, Node | null>();
    for (const { name, key, value } of this.entries(node, what)) {
      if (!known.includes(name)) {
        const guess = didYouMean(name, known);
        const hint = guess ? `; did you mean '${guess}'?` : `; known keys: ${known.join(', ')}`;
        this.fail('POLICY_UNKNOWN_KEY', `unknown key '${name}' in ${what}${hint}`, key);
      }
      values.set(name, value);
    }
    return values;
  }

  /** A key the mapping must have; its absence is reported at the mapping. */
  required(values: Map<string, Node | null>, key: string, mapping: Node, what: string): Node | null {
    if (!values.has(key)) this.fail('POLICY_INVALID_VALUE', `${what} needs ${key}`, mapping);
    return values.get(key) ?? null;
  }

  list(node: Value, what: string): Node[] {
    if (!isSeq(node)) this.fail('POLICY_INVALID_VALUE', `${what} must be a list`, node);
    return node.items as Node[];
  }

  string(node: Value, what: string): string {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '')
      this.fail('POLICY_INVALID_VALUE', `${what} must be a non-empty string`, node);
    return node.value;
  }

  strings(node: Value, what: string): string[] {
    return this.list(node, what).map((item, i) => this.string(item, `${what}[${i}]`));
  }

  boolean(node: Value, what: string): boolean {
    if (!isScalar(node) || typeof node.value !== 'boolean')
      this.fail('POLICY_INVALID_VALUE', `${what} must be true or false`, node);
    return node.value;
  }

  wholeNumber(node: Value, what: string): number {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      this.fail('POLICY_INVALID_VALUE', `${what} must be a whole number (0 or more)`, node);
    return value;
  }

  oneOf<T extends string>(node: Value, what: string, allowed: readonly T[]): T {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      const hint = guess ? `; did you mean '${guess}'?` : '';
      this.fail('POLICY_INVALID_VALUE', `${what} must be one of ${allowed.join(', ')}${hint}`, node);
    }
    return value as T;
  }
}
