import { resource } from '../../rules/__testing__/builders';
import { cfn, report, tf, verdicts } from './__testing__/sides';
import { rotationDisabled } from './kms-rotation';

/** One key; `rotation` is the property's source text, or undefined to leave it out. */
const formats = [
  {
    name: 'CloudFormation',
    id: 'OrdersKey',
    unresolved: '!Ref Rotate',
    build: async (rotation?: string) =>
      cfn(`Parameters:\n  Rotate: { Type: String }\nResources:\n  OrdersKey:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: orders${rotation === undefined ? '' : `\n      EnableKeyRotation: ${rotation}`}\n`),
  },
  {
    name: 'Terraform',
    id: 'aws_kms_key.orders',
    unresolved: 'var.rotate',
    build: async (rotation?: string) => tf(`variable "rotate" {}\nresource "aws_kms_key" "orders" {\n  description = "orders"\n${rotation === undefined ? '' : `  enable_key_rotation = ${rotation}\n`}}\n`),
  },
];

describe.each(formats)('kms.rotation-disabled ($name)', ({ id, unresolved, build }) => {
  it('fails when rotation goes from on to off, with before → after', async () => {
    const results = report(rotationDisabled, await build('true'), await build('false'));
    expect(results).toEqual([expect.objectContaining({ verdict: 'fail', resource: id, path: 'kms.rotation', message: 'automatic key rotation turned off: rotation on → rotation off.' })]);
  });
  it('fails when the setting is removed (the default is off)', async () => {
    expect(verdicts(report(rotationDisabled, await build('true'), await build(undefined)))).toEqual([`fail ${id}`]);
  });
  it('says nothing when rotation stays on, is turned on, or was never on', async () => {
    expect(report(rotationDisabled, await build('true'), await build('true'))).toEqual([]);
    expect(report(rotationDisabled, await build('false'), await build('true'))).toEqual([]);
    expect(report(rotationDisabled, await build(undefined), await build('false'))).toEqual([]);
  });
  it('is unknown when head rotation cannot be read, or base could not be and head is off', async () => {
    const [head] = report(rotationDisabled, await build('true'), await build(unresolved));
    expect(head).toMatchObject({ verdict: 'unknown', resource: id });
    expect(head.message).toMatch(/^automatic key rotation may have been turned off, cannot tell: rotation on → unknown \(.+\)\.$/);
    expect(verdicts(report(rotationDisabled, await build(unresolved), await build('false')))).toEqual([`unknown ${id}`]);
  });
  it('says nothing when the same unreadable value stands on both sides (no change)', async () => {
    expect(report(rotationDisabled, await build(unresolved), await build(unresolved))).toEqual([]);
  });
  it('says nothing about a key added or removed (the scan rules and kms.key-deletion judge those)', async () => {
    expect(report(rotationDisabled, [], await build('false'))).toEqual([]);
    expect(report(rotationDisabled, await build('true'), [])).toEqual([]);
  });
});

describe('kms.rotation-disabled on keys AWS manages', () => {
  it('says nothing: AWS rotates them', () => {
    const key = (rotation: boolean) => [resource('arn:aws:kms:eu-west-1:111122223333:key/k', 'AWS::KMS::Key', { kms: { keyManager: 'AWS', rotation } }, { location: { file: 'config.json', format: 'aws-config' } })];
    expect(report(rotationDisabled, key(true), key(false))).toEqual([]);
  });
});
