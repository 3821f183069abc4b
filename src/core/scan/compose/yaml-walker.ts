/**
 * Reads one YAML document the way go-yaml hands it to compose-go, without building a JS copy of it: aliases resolve
 * to the node where the anchored value is written, `<<` merge keys (a map or a list of maps) fill in keys the map
 * does not set itself, earlier merges first, and `!reset` removes a value. Every node visit counts against one
 * budget, so alias bombs end in an error instead of a hang.
 */
import {
  type Document,
  type Node,
  type ParsedNode,
  type Pair,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  visit,
  type YAMLMap,
} from 'yaml';

/** compose-go's default cap on node visits per document (loader `defaultMaxNodeVisits`). */
export const MAX_NODE_VISITS = 100_000;

export interface WalkProblem {
  offset: number;
  message: string;
}

export class YamlWalker {
  readonly problems: WalkProblem[] = [];
  private visits = 0;
  private anchors: Map<string, Node[]> | undefined;
  private readonly checkedMaps = new WeakSet<YAMLMap>();
  private readonly entryCache = new WeakMap<YAMLMap, Map<string, { key: Node; value: unknown }>>();

  constructor(
    readonly document: Document.Parsed,
    private readonly lineOf: (offset: number) => number,
  ) {}

  get exhausted(): boolean {
    return this.visits > MAX_NODE_VISITS;
  }

  /** The value a node stands for: aliases followed, `!reset` and missing anchors as undefined. */
  resolve(node: unknown): Node | undefined {
    let current = node;
    for (let hops = 0; isAlias(current); hops += 1) {
      if (!this.visit(current) || hops > MAX_NODE_VISITS) return undefined;
      const target = this.anchorFor(current.source, current.range?.[0] ?? 0);
      if (!target) this.problem(current, `unknown anchor '${current.source}' referenced`);
      current = target;
    }
    if (!isNodeLike(current) || current.tag === '!reset') return undefined;
    return this.visit(current) ? current : undefined;
  }

  /**
   * The key/value pairs of a map after merge keys, keys as compose-go stringifies them; first one wins. Kept per map,
   * so a map shared through aliases is read (and counted against the budget) once.
   */
  entries(map: YAMLMap): Map<string, { key: Node; value: unknown }> {
    const cached = this.entryCache.get(map);
    if (cached) return cached;
    const out = new Map<string, { key: Node; value: unknown }>();
    this.collect(map, out, new Set());
    this.entryCache.set(map, out);
    return out;
  }

  /** One key of a map, merges included. */
  get(map: YAMLMap, key: string): Node | undefined {
    const entry = this.entries(map).get(key);
    return entry ? this.resolve(entry.value) : undefined;
  }

  problem(node: Node | Pair | undefined, message: string): void {
    const offset = node && 'range' in node ? (node.range?.[0] ?? 0) : 0;
    this.problems.push({ offset, message });
  }

  /**
   * go-yaml rejects a key written twice in one map. yaml's own `uniqueKeys` check compares every pair of keys, which
   * is quadratic on large maps, so it is off and this check runs, once per map, on the maps that are read.
   */
  private collect(map: YAMLMap, out: Map<string, { key: Node; value: unknown }>, seen: Set<YAMLMap>): void {
    if (seen.has(map)) return;
    seen.add(map);
    const merges: unknown[] = [];
    const own = new Map<string, number>();
    for (const pair of map.items) {
      if (!this.visit(pair.key)) return;
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') merges.push(pair.value);
      else if (isScalar(pair.key)) {
        // compose-go turns every key into a string (`true:` becomes "true").
        const key = String(pair.key.value);
        const first = own.get(key);
        if (first !== undefined && !this.checkedMaps.has(map)) {
          this.problem(pair.key, `mapping key ${JSON.stringify(key)} already defined at line ${this.lineOf(first)}`);
        }
        if (first === undefined) own.set(key, pair.key.range?.[0] ?? 0);
        if (!out.has(key)) out.set(key, { key: pair.key, value: pair.value });
      }
    }
    this.checkedMaps.add(map);
    for (const merge of merges) this.collectMerge(merge, out, seen);
  }

  private collectMerge(value: unknown, out: Map<string, { key: Node; value: unknown }>, seen: Set<YAMLMap>): void {
    const source = this.resolve(value);
    const sources = isSeq(source) ? source.items.map((item) => this.resolve(item)) : [source];
    for (const item of sources) {
      if (isMap(item)) this.collect(item, out, seen);
      else if (item !== undefined) this.problem(item, 'map merge requires map or sequence of maps as the value');
    }
  }

  private visit(node: unknown): boolean {
    this.visits += 1;
    if (this.visits === MAX_NODE_VISITS + 1) {
      this.problem(
        isNodeLike(node) ? node : undefined,
        `compose file exceeds maximum node visit limit (${MAX_NODE_VISITS})`,
      );
    }
    return this.visits <= MAX_NODE_VISITS;
  }

  /** The last node anchored with `name` before `offset`, as YAML resolves aliases; indexed once per document. */
  private anchorFor(name: string, offset: number): Node | undefined {
    this.anchors ??= indexAnchors(this.document);
    const candidates = this.anchors.get(name) ?? [];
    for (let i = candidates.length - 1; i >= 0; i -= 1) {
      const node = candidates[i];
      if (node && (node.range?.[0] ?? 0) < offset) return node;
    }
    return undefined;
  }
}

function indexAnchors(doc: Document.Parsed): Map<string, Node[]> {
  const anchors = new Map<string, Node[]>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node) || !node.anchor) return;
      const list = anchors.get(node.anchor);
      if (list) list.push(node);
      else anchors.set(node.anchor, [node]);
    },
  });
  return anchors;
}

function isNodeLike(value: unknown): value is ParsedNode {
  return isScalar(value) || isMap(value) || isSeq(value);
}
