/**
 * A unified diff of two texts that differ only inside lines (what pin edits do), one hunk per changed run of lines,
 * without context: enough for `pin --dry-run` to show exactly what would be written.
 */
export function lineDiff(path: string, before: string, after: string): string {
  const old = before.split('\n');
  const updated = after.split('\n');
  if (old.length !== updated.length) throw new Error('lineDiff expects edits within lines');
  const hunks: string[] = [];
  for (let i = 0; i < old.length;) {
    if (old[i] === updated[i]) {
      i++;
      continue;
    }
    const start = i;
    while (i < old.length && old[i] !== updated[i]) i++;
    const count = i - start;
    const removed = old.slice(start, i).map((line) => `-${line}`);
    const added = updated.slice(start, i).map((line) => `+${line}`);
    hunks.push(`@@ -${start + 1},${count} +${start + 1},${count} @@`, ...removed, ...added);
  }
  return hunks.length === 0 ? '' : [`--- a/${path}`, `+++ b/${path}`, ...hunks, ''].join('\n');
}
