import type { Finding } from '../core/features/finding';
import { judgeFile } from '../core/features/judge-file';
import type { JudgeContext } from '../core/features/reference-trust';
import type { FileScan } from './document-scans';
import type { RegistryService } from './registry-service';

/** What a file is judged by: the policy in force and the file's own ignore comments. */
export function judgeContext(scan: FileScan, service: RegistryService): JudgeContext {
  return { policy: service.policy, ignoreComments: scan.ignoreComments };
}

/** Every finding of a scanned file from what the service knows now, judged by the policy in force. */
export function fileFindings(scan: FileScan, service: RegistryService): Finding[] {
  return judgeFile(scan.refs, service.lookups, judgeContext(scan, service));
}
