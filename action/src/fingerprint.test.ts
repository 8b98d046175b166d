import type { ApprovalDecision } from '@pillarguard/rules';
import { approvalFingerprint } from './fingerprint';

const access = (what: string, line = 12) => ({ ruleId: 'iam.new-access', resource: 'AppRole', message: `AppRole allows access the base version did not: ${what}.`, file: 'stack.yaml', line });
const decision = (...reasons: ApprovalDecision['reasons']): ApprovalDecision => ({ required: reasons.length > 0, reasons });

describe('approvalFingerprint', () => {
  it('is the same for the same reasons, in any order and at any line', () => {
    const a = decision(access('dynamodb Write: PutItem'), { ruleId: 'kms.rotation-disabled', resource: 'Key', message: 'rotation turned off' });
    const b = decision({ ruleId: 'kms.rotation-disabled', resource: 'Key', message: 'rotation turned off' }, access('dynamodb Write: PutItem', 40));
    expect(approvalFingerprint(a)).toBe(approvalFingerprint(b));
  });
  it('changes when what is risky changes', () => {
    expect(approvalFingerprint(decision(access('dynamodb Write: PutItem')))).not.toBe(approvalFingerprint(decision(access('dynamodb Write: PutItem, DeleteItem'))));
    expect(approvalFingerprint(decision(access('to AWS:arn:aws:iam::111122223333:root')))).not.toBe(approvalFingerprint(decision(access('to AWS:arn:aws:iam::444455556666:root'))));
  });
  it('a file-level reason follows the file content', () => {
    const d = decision({ message: 'changes under infra/iam/** always need approval', file: 'infra/iam/main.tf' });
    expect(approvalFingerprint(d, () => 'blob1')).toBe(approvalFingerprint(d, () => 'blob1'));
    expect(approvalFingerprint(d, () => 'blob1')).not.toBe(approvalFingerprint(d, () => 'blob2'));
  });
  it('nothing to approve has its own fingerprint', () => {
    expect(approvalFingerprint(decision())).toBe('none');
  });
});
