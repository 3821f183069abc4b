import { computeFindings } from '../core/features/compute-findings';
import type { Finding } from '../core/features/finding';
import { referenceTrustFindings } from '../core/features/reference-trust';
import type { DocumentScan } from '../core/features/scan-document';
import type { RegistryService } from './registry-service';

/** Every finding of a scanned file from what the service knows now: the text, resolutions and signatures. */
export function fileFindings(scan: DocumentScan, service: RegistryService): Finding[] {
  return [...computeFindings(scan.refs, service.store.lookup), ...referenceTrustFindings(scan.refs, service.lookups)];
}
