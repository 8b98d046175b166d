import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotProvider } from './snapshot';
import { evaluateItems } from '../evaluate';

const EXAMPLES = join(__dirname, '../../../../../examples/aws-config');
const SNAPSHOT = join(EXAMPLES, 'snapshot.json');
const known = new Map<string, string>();

describe('SnapshotProvider', () => {
  it('reads the JSON files of a directory into keyed items the engine evaluates', async () => {
    const loaded = await new SnapshotProvider([EXAMPLES]).load({ known });
    expect(loaded).toMatchObject({ complete: true, problems: [], calls: {} });
    expect(loaded.items.length).toBeGreaterThanOrEqual(28);
    expect(loaded.items.find((i) => i.key === 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders')).toMatchObject({ captureTime: expect.stringMatching(/^20\d\d-/) });
    const evaluated = evaluateItems(loaded.items.map((i) => i.raw), '2026-11-28T00:00:00Z');
    expect(evaluated.problems).toEqual([]);
    expect(evaluated.resources).toHaveLength(28);
    expect(evaluated.findingsOf.size).toBeGreaterThan(0);
  });

  it('a missing path makes the load incomplete (the last good scores stay) and is named', async () => {
    const loaded = await new SnapshotProvider([join(EXAMPLES, 'nope.json'), SNAPSHOT]).load({ known });
    expect(loaded.complete).toBe(false);
    expect(loaded.problems).toEqual([`${join(EXAMPLES, 'nope.json')}: no such file or directory`]);
  });

  it('names a malformed or foreign JSON file', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'pg-snap-'));
    await fs.writeFile(join(dir, 'a.json'), '{"configurationItems": [');
    await fs.writeFile(join(dir, 'b.json'), '{"hello": 1}');
    const loaded = await new SnapshotProvider([dir]).load({ known });
    expect(loaded.complete).toBe(false);
    expect(loaded.problems).toEqual([expect.stringMatching(/a\.json: invalid JSON: /), `${join(dir, 'b.json')}: not an AWS Config snapshot, history or query result`]);
  });
});
