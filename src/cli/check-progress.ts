/** Progress of a long check on stderr: one line per stage step, at most every `everyMs`, and the stage's end. */
export interface Progress {
  stage(name: string, total: number): (done: number) => void;
}

export const silentProgress: Progress = { stage: () => () => undefined };

export function stderrProgress(write: (text: string) => void, now: () => number, everyMs = 500): Progress {
  return {
    stage(name, total) {
      let last = now();
      write(`image-trust: ${name} ${total}…\n`);
      return (done) => {
        if (done < total && now() - last < everyMs) return;
        last = now();
        write(`image-trust: ${name} ${done}/${total}\n`);
      };
    },
  };
}
