// The Finding type lives with judge() in src/core/policy; the editor features keep importing it from here.
export { FINDING_CODES, type Finding, type FindingSeverity } from '../policy/finding';
