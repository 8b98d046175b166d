import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, scoreEvaluations } from '@pillarguard/rules';
import { ANNOTATION_ARN, ANNOTATION_TAGS } from '../annotations';
import { entityRef, evaluatedFrom, scoreEntities, type EntityLike, type Evaluated } from './entity-scores';

const SNAPSHOT = readFileSync(join(__dirname, '../../../../examples/aws-config/snapshot.json'), 'utf8');
const ORDERS = 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders';
const entity = (name: string, annotations: Record<string, string>, kind = 'Resource'): EntityLike => ({ kind, metadata: { name, annotations } });

describe('scoreEntities on the example AWS Config snapshot', () => {
  let result: Awaited<ReturnType<typeof scan>>;
  let evaluated: Evaluated;
  beforeAll(async () => {
    result = await scan([{ path: 'snapshot.json', content: SNAPSHOT }], { now: '2026-11-28T00:00:00Z' });
    evaluated = evaluatedFrom(result.resources, result.evaluations, result.findings);
  });

  it('scores a resource entity from its own evaluations only', () => {
    const [s] = scoreEntities([entity('orders-table', { [ANNOTATION_ARN]: ORDERS })], evaluated);
    expect(s.ref).toBe('resource:default/orders-table');
    expect(s.resources).toEqual([ORDERS]);
    expect(s.findings.length).toBeGreaterThan(0);
    expect(s.findings.every((f) => f.resource.id === result.resources.find((r) => r.arn === ORDERS)!.id)).toBe(true);
    const applicable = Object.values(s.scores.pillars).filter((p) => p.score !== null);
    expect(applicable.length).toBeGreaterThan(0);
  });

  it("a component claiming resources by tag is scored over all of them together", () => {
    const [team, table] = scoreEntities([entity('orders', { [ANNOTATION_TAGS]: 'owner=team-orders' }, 'Component'), entity('orders-table', { [ANNOTATION_ARN]: ORDERS })], evaluated);
    expect(team.resources).toEqual(['arn:aws:dynamodb:eu-west-1:111122223333:table/orders', 'arn:aws:rds:eu-west-1:111122223333:cluster:orders-db']);
    // Together: at least as many evaluations as the table alone, in every pillar.
    for (const p of Object.keys(team.scores.pillars) as Array<keyof typeof team.scores.pillars>) {
      const t = team.scores.pillars[p];
      const o = table.scores.pillars[p];
      expect([p, t.passed + t.failed + t.unknown >= o.passed + o.failed + o.unknown]).toEqual([p, true]);
    }
    expect(team.findings.length).toBeGreaterThan(table.findings.length);
  });

  it('skips entities without annotations, and reports annotation problems', () => {
    const scored = scoreEntities([entity('plain', {}), entity('bad', { [ANNOTATION_ARN]: 'not-an-arn' })], evaluated);
    expect(scored.map((s) => [s.ref, s.resources, s.problems])).toEqual([['resource:default/bad', [], [`${ANNOTATION_ARN}: "not-an-arn" is not an ARN`]]]);
  });

  it('scores from the compact evaluation exactly as from the full one', () => {
    const [s] = scoreEntities([entity('orders-table', { [ANNOTATION_ARN]: ORDERS })], evaluated);
    const id = result.resources.find((r) => r.arn === ORDERS)!.id;
    expect(s.scores).toEqual(scoreEvaluations(result.evaluations.filter((e) => e.resource.id === id), { unknownAsFail: false }));
  });

  it('refers to entities as Backstage does', () => {
    expect(entityRef({ kind: 'Component', metadata: { name: 'Orders', namespace: 'Data' } })).toBe('component:data/orders');
  });
});
