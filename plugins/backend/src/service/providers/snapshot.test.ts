import { join } from 'node:path';
import { scan } from '@pillarguard/rules';
import { SnapshotProvider } from './snapshot';

const EXAMPLES = join(__dirname, '../../../../../examples/aws-config');

describe('SnapshotProvider', () => {
  it('reads the JSON files of a directory, which the engine reads as AWS Config items', async () => {
    const loaded = await new SnapshotProvider([EXAMPLES]).load();
    expect(loaded.problems).toEqual([]);
    expect(loaded.files.map((f) => f.path)).toEqual([join(EXAMPLES, 'snapshot.json')]);
    const result = await scan(loaded.files, { now: '2026-11-28T00:00:00Z' });
    expect(result.errors).toEqual([]);
    expect(result.inputs).toEqual([{ path: join(EXAMPLES, 'snapshot.json'), format: 'aws-config', resources: 28 }]);
  });
  it('reports a missing path instead of failing', async () => {
    const loaded = await new SnapshotProvider([join(EXAMPLES, 'nope.json'), join(EXAMPLES, 'snapshot.json')]).load();
    expect(loaded.problems).toEqual([`${join(EXAMPLES, 'nope.json')}: no such file or directory`]);
    expect(loaded.files).toHaveLength(1);
  });
});
