/** Edit distance (insertions, deletions, substitutions), case-insensitive: enough to catch typos in keys. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** The known word closest to `word` when it is close enough to be a typo of it (at most a third of it differs). */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: { word: string; score: number } | undefined;
  for (const candidate of known) {
    const score = distance(word, candidate);
    if (best === undefined || score < best.score) best = { word: candidate, score };
  }
  if (best === undefined) return undefined;
  return best.score <= Math.max(1, Math.floor(best.word.length / 3)) ? best.word : undefined;
}
