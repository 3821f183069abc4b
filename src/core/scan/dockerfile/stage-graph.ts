import type { FoundImage } from '../found-image';

/**
 * BuildKit's dispatch states: the stages in order, then one state per external source that COPY --from or
 * RUN --mount names (appended as they are found, so `--from=<index>` can even point at one, as in BuildKit).
 */
interface State {
  /** The stage's name for messages (`stage-N` when unnamed), or the external source's name. */
  label: string;
  images: FoundImage[];
  deps: number[];
}

export class StageGraph {
  private readonly states: State[] = [];
  private readonly byName = new Map<string, number>();

  get size(): number {
    return this.states.length;
  }

  addStage(name: string | undefined): number {
    const index = this.states.length;
    this.states.push({ label: name ?? `stage-${index}`, images: [], deps: [] });
    if (name !== undefined) this.byName.set(name, index);
    return index;
  }

  addSource(label: string, image: FoundImage | undefined): number {
    this.states.push({ label, images: image ? [image] : [], deps: [] });
    return this.states.length - 1;
  }

  /** FROM looks a base name up exactly; names are stored lowercased, so `FROM Builder` is an image, as in BuildKit. */
  findExact(name: string): number | undefined {
    return this.byName.get(name);
  }

  /** COPY --from, RUN --mount from= and targets match stage names case-insensitively. */
  findByName(name: string): number | undefined {
    return this.byName.get(name.toLowerCase());
  }

  addImage(state: number, image: FoundImage): void {
    this.states[state]?.images.push(image);
  }

  addDependency(state: number, dependency: number): void {
    this.states[state]?.deps.push(dependency);
  }

  /** validateCircularDependency: the first state from which a cycle is reachable. */
  findCycle(): string | undefined {
    const visited = new Uint8Array(this.states.length);
    const onPath = new Uint8Array(this.states.length);
    for (let root = 0; root < this.states.length; root++) {
      if (visited[root]) continue;
      if (this.cycleFrom(root, visited, onPath)) return this.states[root]?.label;
    }
    return undefined;
  }

  /** Iterative depth-first search, so a long chain of stages cannot overflow the stack. */
  private cycleFrom(root: number, visited: Uint8Array, onPath: Uint8Array): boolean {
    const stack: Array<[number, number]> = [[root, 0]];
    visited[root] = 1;
    onPath[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const deps = this.states[top[0]]?.deps ?? [];
      if (top[1] >= deps.length) {
        onPath[top[0]] = 0;
        stack.pop();
        continue;
      }
      const next = deps[top[1]++] as number;
      if (onPath[next]) return true;
      if (visited[next]) continue;
      visited[next] = 1;
      onPath[next] = 1;
      stack.push([next, 0]);
    }
    return false;
  }

  allImages(): Set<FoundImage> {
    const images = new Set<FoundImage>();
    for (const state of this.states) for (const image of state.images) images.add(image);
    return images;
  }

  /** Images of every state the given state depends on, itself included. */
  reachableImages(from: number): Set<FoundImage> {
    const seen = new Uint8Array(this.states.length);
    const images = new Set<FoundImage>();
    const todo = [from];
    seen[from] = 1;
    while (todo.length > 0) {
      const state = this.states[todo.pop() as number];
      if (!state) continue;
      for (const image of state.images) images.add(image);
      for (const dep of state.deps) {
        if (!seen[dep]) {
          seen[dep] = 1;
          todo.push(dep);
        }
      }
    }
    return images;
  }
}
