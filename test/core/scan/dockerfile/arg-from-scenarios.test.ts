import { describe, expect, it } from 'vitest';
import { scanDockerfile } from '../../../../src/core/scan/dockerfile';
import { readBuildkitJson } from './peer-data';

interface Run {
  buildArgs?: Record<string, string>;
  target?: string | null;
  platform?: string;
  dockerfileAppend?: string;
  ok: boolean;
  stageBaseImages?: string[];
  error?: string;
  errorContains?: string;
}
interface Scenario {
  name: string;
  dockerfile?: string;
  dockerfile_template?: string;
  runs: Run[];
}

const { scenarios } = readBuildkitJson<{ scenarios: Scenario[] }>('arg-from-scenarios.json');

/**
 * Failures that come from instructions inside a stage, which a reference scanner does not evaluate: an ARG default
 * inside a stage (argDefaultExpansion) and a URL as a COPY source (copyUrlRejected).
 */
const NOT_ABOUT_REFERENCES = new Set(['argDefaultExpansion', 'copyUrlRejected']);

function runsOf(scenario: Scenario) {
  return scenario.runs.map((run, i) => [`${scenario.name} #${i}`, scenario, run] as const);
}

describe('FROM and ARG semantics of the BuildKit integration scenarios', () => {
  it.each(scenarios.flatMap(runsOf))('%s', (_name, scenario, run) => {
    // The template's %s is the build host's OS; a scanner gets it from the platform option.
    const text =
      (scenario.dockerfile ?? scenario.dockerfile_template?.replace('%s', 'linux') ?? '') +
      (run.dockerfileAppend ?? '');
    const platform = run.platform ?? (scenario.dockerfile_template ? 'linux/amd64' : undefined);
    const options = {
      buildArgs: run.buildArgs ?? {},
      ...(run.target ? { target: run.target } : {}),
      ...(platform ? { platform } : {}),
    };
    const result = scanDockerfile(text, options);
    const messages = [
      ...result.errors.map((e) => e.message),
      ...result.images.flatMap((i) => (i.error ? [i.error] : [])),
    ];
    if (run.stageBaseImages) {
      const external = run.stageBaseImages.filter((image) => image !== 'scratch');
      expect(result.images.filter((i) => i.kind === 'from').map((i) => i.expanded)).toEqual(external);
    }
    if (run.ok) return expect(messages).toEqual([]);
    if (NOT_ABOUT_REFERENCES.has(scenario.name)) return;
    expect(messages.length).toBeGreaterThan(0);
    const expected = run.error ?? run.errorContains;
    if (expected) expect(messages.some((m) => m.includes(expected))).toBe(true);
  });
});
