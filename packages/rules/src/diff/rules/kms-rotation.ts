import type { ChangeRule } from '../types';
import { bothSides, flagState, lost, orDefault } from './protection';

/**
 * `kms.rotation-disabled`: a customer-managed key that rotated in base does not in head. The scan
 * rule `kms.rotation` would report the key too, but only as one failure among many; turning
 * rotation off is a deliberate weakening that a reviewer should see as such.
 */
export const rotationDisabled: ChangeRule = {
  kind: 'change',
  id: 'kms.rotation-disabled',
  pillar: 'encryption',
  severity: 'high',
  title: 'KMS key rotation turned off',
  rationale:
    'Automatic rotation limits how much data one version of the key material protects. Turning it off on a customer-managed key — the keys red data must use — silently stops yearly rotation for everything the key encrypts.',
  remediation: {
    cloudformation: 'OrdersKey:\n  Type: AWS::KMS::Key\n  Properties:\n    EnableKeyRotation: true',
    terraform: 'resource "aws_kms_key" "orders" {\n  enable_key_rotation = true\n}',
  },
  appliesTo: ['AWS::KMS::Key'],
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
  compare(pair) {
    const sides = bothSides(pair);
    if (!sides) return undefined;
    // Keys AWS manages rotate on AWS's schedule, whatever the input says.
    if (sides.base.facets.kms?.keyManager === 'AWS' || sides.head.facets.kms?.keyManager === 'AWS') return undefined;
    // EnableKeyRotation defaults to false in CloudFormation, Terraform and the API.
    const state = (v: Parameters<typeof orDefault>[0]) => flagState(orDefault(v, false), 'rotation on', 'rotation off');
    return lost({ label: 'automatic key rotation', path: 'kms.rotation', verb: 'turned off' }, state(sides.base.facets.kms?.rotation), state(sides.head.facets.kms?.rotation));
  },
};
