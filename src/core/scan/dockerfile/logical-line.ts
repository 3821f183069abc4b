/**
 * An instruction as BuildKit sees it: physical lines joined after removing continuations, comments and empty lines.
 * Every character keeps its offset in the file, so a reference split over lines maps back to what is written.
 */
export class LogicalLine {
  text = '';
  /** Parallel arrays: the logical index where each joined piece starts, and that piece's offset in the file. */
  private readonly starts: number[] = [];
  private readonly sources: number[] = [];

  append(source: string, from: number, to: number): void {
    if (to <= from) return;
    this.starts.push(this.text.length);
    this.sources.push(from);
    this.text += source.slice(from, to);
  }

  /** The file offset of the character at logical `index`. */
  offset(index: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= index) low = mid;
      else high = mid - 1;
    }
    return (this.sources[low] ?? 0) + index - (this.starts[low] ?? 0);
  }

  /** File offsets [start, end) covering logical [start, end); an empty span maps to an empty range. */
  span(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = start < this.text.length ? this.offset(start) : this.offset(Math.max(0, start - 1)) + 1;
      return [at, at];
    }
    return [this.offset(start), this.offset(end - 1) + 1];
  }
}
