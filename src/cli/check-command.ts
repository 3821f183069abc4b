import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { atLeast, PolicyError, type Finding, type FindingSeverity, type Policy } from '../core/policy';
import type { PinOutcome } from '../core/pin/pin-workspace';
import { parseCosignKey, parseTrustedRoot } from '../core/trust/sigstore';
import { systemClock } from '../node/system-clock';
import { EXIT, UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';
import { CHECK_FLAGS, CHECK_USAGE, identityFromFlags, parseFailOn } from './check-flags';
import { afterPinning, pinVerified } from './check-pin';
import { runCheck, type CheckRun } from './check-pipeline';
import { dctDeps, verifyPlan } from './check-plan';
import { silentProgress, stderrProgress } from './check-progress';
import { checkReportJson } from './check-report-json';
import { checkReportText } from './check-report-text';
import { parseOutputFormat } from './output-format';
import { pinReportText } from './pin-report';
import { loadPolicy } from './policy-file';
import { registryClientFor } from './registry-flags';
import { parseCommandArgs, scanFromFlags } from './scan-flags';
import { sarifReport } from './sarif-report';
import { terminalStyle } from './terminal-style';
import { defaultTrustedRoot } from './trust-root-default';

/** A file a flag names, parsed; an unreadable or unparsable one is a usage error (exit 2, before any request). */
function readFlagFile<T>(flag: string, file: string, cwd: string, parse: (text: string) => T): T {
  try {
    return parse(readFileSync(resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(`${flag} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** --require-tlog applies to every rule that does not say otherwise. */
function withFlags(policy: Policy, requireTlog: boolean | undefined): Policy {
  if (!requireTlog) return policy;
  const signatures = { ...policy.defaults.signatures, requireTlog: true };
  return { ...policy, defaults: { ...policy.defaults, signatures } };
}

/** The largest window any rule asks for: the verifier warns within it, judge() narrows it per rule. */
function widestWindow(policy: Policy): number {
  return Math.max(policy.defaults.expiryWarningDays, ...policy.rules.map((rule) => rule.expiryWarningDays ?? 0));
}

function exitStatus(run: CheckRun, findings: Finding[], failOn: FindingSeverity, pin?: PinOutcome): number {
  if (run.incomplete.length > 0 || pin?.files.some((file) => file.error)) return EXIT.incomplete;
  return findings.some((f) => !f.suppressed && atLeast(f.severity, failOn)) ? EXIT.findings : EXIT.ok;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, CHECK_FLAGS);
  const format = parseOutputFormat(values.format, ['text', 'json', 'sarif']) as string;
  const failOn = parseFailOn(values['fail-on']);
  const identities = identityFromFlags(values);
  const cliKeys = (values.key ?? []).map((file) =>
    readFlagFile('--key', file, io.cwd, (pem) => parseCosignKey(pem, file)),
  );
  const rootFile = values['trusted-root'];
  const trustedRoot =
    rootFile === undefined
      ? defaultTrustedRoot(io)
      : readFlagFile('--trusted-root', rootFile, io.cwd, (text) => parseTrustedRoot(text, rootFile));
  const roots = positionals.map((path) => resolve(io.cwd, path));
  const loaded = await loadPolicy(values.policy, roots, io.cwd);
  const policy = withFlags(loaded.policy, values['require-tlog']);
  const referenceTime = systemClock.now();
  const environment = io.env.DOCKER_CONTENT_TRUST_SERVER;
  const explicit = values['notary-server'];
  const servers = { ...(explicit ? { explicit } : {}), ...(environment ? { environment } : {}) };
  // A custom CA list replaces Node's store, which would drop NODE_EXTRA_CA_CERTS: name it explicitly.
  const caFiles = [...(values['ca-file'] ?? []), ...(io.env.NODE_EXTRA_CA_CERTS ? [io.env.NODE_EXTRA_CA_CERTS] : [])];
  const registry = registryClientFor({ ...values, 'ca-file': caFiles }, io);
  const progress = values.progress || io.isTty ? stderrProgress(io.stderr, () => Date.now()) : silentProgress;
  try {
    const run = await runCheck(() => scanFromFlags(positionals, values, io), {
      client: registry.client,
      dct: dctDeps(io, registry, servers, widestWindow(policy), referenceTime),
      plan: verifyPlan(policy, {
        servers,
        keys: cliKeys,
        identities,
        policyKeys: loaded.keys,
        ...(trustedRoot ? { trustedRoot } : {}),
      }),
      policy,
      progress,
      referenceTime,
    });
    const pin = values.pin ? await pinVerified(run) : undefined;
    const findings = pin ? afterPinning(run.findings, pin) : run.findings;
    const style = terminalStyle(io.isTty, io.env);
    const pinned = pin ? [pinReportText(pin, io.cwd, style, false).trimEnd()] : [];
    const shown = { ...run, findings };
    if (format === 'sarif') io.stdout(sarifReport(findings, io.cwd));
    else if (format === 'json') io.stdout(checkReportJson(shown, io.cwd, pinnedEdits(pin)));
    else io.stdout(checkReportText(shown, io.cwd, style, pinned));
    return exitStatus(run, findings, failOn, pin);
  } finally {
    registry.close();
  }
}

function pinnedEdits(pin: PinOutcome | undefined) {
  return (pin?.plans ?? []).flatMap((plan) =>
    plan.kind === 'edit' ? [{ file: plan.file, newText: plan.edit.newText }] : [],
  );
}

async function run(args: string[], io: CliIo): Promise<number> {
  try {
    return await check(args, io);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    io.stderr(`image-trust check: ${error.located}\n`);
    return EXIT.usage;
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'scan, resolve, verify and apply the trust policy; text, JSON or SARIF for CI',
  usage: CHECK_USAGE,
  run,
};
