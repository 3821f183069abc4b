import type { FoundImage, ScanError, ScanResult } from '../found-image';
import { detectSyntax } from './detect-syntax';
import { parseDockerfile } from './dockerfile-parser';
import { FilePositions } from './file-positions';
import { expandFrom, type FromStage } from './from-instruction';
import { GlobalArgs } from './global-args';
import { applyMetaArg } from './meta-args';
import { StageGraph } from './stage-graph';
import { addInstructionSources } from './stage-sources';
import { splitStages, type Stage } from './stage-split';

export interface ScanDockerfileOptions {
  /** `--build-arg` values; they apply to ARGs the file declares (and to the automatic platform ARGs). */
  buildArgs?: Record<string, string>;
  /** Build target stage: only references the target depends on are reported. */
  target?: string;
  /** Target platform (`linux/arm64/v8`): sets TARGETPLATFORM, TARGETOS, TARGETARCH, TARGETVARIANT. */
  platform?: string;
  /** Build platform: sets BUILDPLATFORM, BUILDOS, BUILDARCH, BUILDVARIANT. */
  buildPlatform?: string;
}

/**
 * Every image reference a Dockerfile makes, read as BuildKit reads it. Never throws: problems become ScanErrors
 * and the references that can still be found are returned.
 */
export function scanDockerfile(text: string, options: ScanDockerfileOptions = {}): ScanResult {
  try {
    return scan(text, options);
  } catch (error) {
    // A defect here must not take the host down with it; the file is reported as not scanned.
    return { images: [], errors: [{ line: 1, message: `internal error while scanning: ${String(error)}` }] };
  }
}

function scan(text: string, options: ScanDockerfileOptions): ScanResult {
  const parsed = parseDockerfile(text);
  const errors: ScanError[] = [...parsed.errors];
  const positions = new FilePositions(text);
  const { meta, stages } = splitStages(parsed.instructions, errors);
  const args = new GlobalArgs(options);
  for (const message of args.errors) errors.push({ line: 1, message });
  const last = stages[stages.length - 1];
  // An empty target means none, as in BuildKit (compose passes `target: ""` through).
  const target = options.target || undefined;
  const targetStage = target ?? last?.read.name ?? 'default';
  const targetArg = args.buildArg('TARGETSTAGE');
  args.set(
    'TARGETSTAGE',
    targetArg === undefined
      ? { value: targetStage }
      : { value: targetArg, origin: { name: 'TARGETSTAGE', source: 'build-arg' } },
  );
  for (const instruction of meta) {
    const toRange = (start: number, end: number) => positions.range(instruction.line, start, end);
    for (const message of applyMetaArg(instruction, args, parsed.escape, toRange)) {
      errors.push({ line: instruction.startLine, message });
    }
  }
  const graph = new StageGraph();
  const froms = stages.map((stage) => addStage(stage, graph, args, parsed.escape, positions, errors));
  stages.forEach((stage, index) => {
    const from = froms[index] as FromStage;
    const context = {
      state: index,
      stage: from.name ?? String(index),
      escape: parsed.escape,
      graph,
      positions,
      errors,
    };
    if (from.platform !== undefined) Object.assign(context, { platform: from.platform });
    for (const command of stage.commands) addInstructionSources(command, context);
  });
  const cycle = graph.findCycle();
  if (cycle !== undefined) errors.push({ line: 1, message: `circular dependency detected on stage: ${cycle}` });
  const images = selectImages(graph, target, errors);
  const syntax = detectSyntax(text);
  if (syntax) images.unshift(syntaxImage(syntax, positions));
  return { images, errors: errors.sort((a, b) => a.line - b.line) };
}

/** buildDispatchStates: a base naming an earlier stage is that stage; `scratch` is nothing; else an image. */
function addStage(
  stage: Stage,
  graph: StageGraph,
  args: GlobalArgs,
  escape: string,
  positions: FilePositions,
  errors: ScanError[],
): FromStage {
  const from = expandFrom(stage.from, stage.read, args, escape, positions);
  for (const message of from.errors) errors.push({ line: stage.from.startLine, message });
  const base = from.expanded === null ? undefined : graph.findExact(from.expanded);
  const index = graph.addStage(from.name);
  if (base !== undefined) graph.addDependency(index, base);
  else if (from.image && from.expanded !== 'scratch') {
    from.image.stage = from.name ?? String(index);
    graph.addImage(index, from.image);
  }
  return from;
}

function selectImages(graph: StageGraph, target: string | undefined, errors: ScanError[]): FoundImage[] {
  const stage = target === undefined ? undefined : graph.findByName(target);
  if (target !== undefined && stage === undefined) {
    errors.push({ line: 1, message: `target stage "${target}" could not be found` });
  }
  // Without a (known) target every reference counts: an editor shows them all.
  const selected = stage === undefined ? graph.allImages() : graph.reachableImages(stage);
  return [...selected].sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

function syntaxImage(syntax: { ref: string; start: number; end: number }, positions: FilePositions): FoundImage {
  return {
    kind: 'syntax',
    range: positions.fileRange(syntax.start, syntax.end),
    text: syntax.ref,
    expanded: syntax.ref,
  };
}
