import { readFileSync } from 'fs';
import { join } from 'path';
import { scan } from '../../engine/scan';

/**
 * The adapter through the real engine: the snapshot fixture is detected as AWS Config and the
 * rules reach verdicts from its facets (references between items resolve by ARN and name).
 */
describe('AWS Config snapshot through the engine', () => {
  const content = readFileSync(join(__dirname, '__fixtures__', 'snapshot.json'), 'utf8');
  const run = scan([{ path: 'live/snapshot.json', content }], { now: '2026-11-28T00:00:00Z' });
  const verdict = async (rule: string, id: string) => {
    const evs = (await run).evaluations.filter((e) => e.ruleId === rule && e.resource.id === id);
    return evs.map((e) => e.verdict);
  };

  it('is detected and parsed without errors', async () => {
    const r = await run;
    expect(r.inputs).toEqual([{ path: 'live/snapshot.json', format: 'aws-config', resources: 18 }]);
    expect(r.errors).toEqual([]);
  });

  it('reaches pass and fail verdicts from Config facets', async () => {
    expect(await verdict('dynamodb.pitr', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders')).toEqual(['pass']);
    expect(await verdict('dynamodb.pitr', 'arn:aws:dynamodb:eu-west-1:111122223333:table/sessions')).toEqual(['fail']);
    expect(await verdict('s3.block-public-access', 'arn:aws:s3:::pg-raw-data')).toEqual(['pass']);
    expect(await verdict('s3.block-public-access', 'arn:aws:s3:::pg-scratch')).toEqual(['fail']);
    expect(await verdict('network.db-port-open', 'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b2c3d')).toEqual(['fail']);
    expect(await verdict('rds.not-public', 'arn:aws:rds:eu-west-1:111122223333:db:pg-aurora-1')).toEqual(['fail']);
  });

  it('follows key references: a table on a customer key passes dynamodb.cmk, a cluster on the AWS-managed key does not count as a CMK', async () => {
    expect(await verdict('dynamodb.cmk', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders')).toEqual(['pass']);
    expect(await verdict('rds.storage-encrypted', 'arn:aws:rds:eu-west-1:111122223333:cluster:pg-aurora')).toEqual(['fail']);
  });
});
