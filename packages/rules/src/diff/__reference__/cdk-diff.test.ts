import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CHANGE_RULES } from '../rules';
import { CASES, type ReferenceCase } from './corpus/cases';
import { cdkVerdict, comparison, markdownTable, ourVerdict, type Row } from './harness';

/*
 * Our IAM diff against the security-change detection of `cdk diff` (@aws-cdk/cloudformation-diff)
 * on a corpus of template pairs. Each pair records what is true (does head allow anything new?)
 * and both verdicts; the test recomputes them, so a regression on either side fails here. Every
 * IAM broadening cdk diff reports must be caught by us, except in resource types we do not model
 * (`outOfScope`) and recorded gaps (`knownGap`, asserted with `test.failing` so fixing one forces
 * the record to be updated). The comparison table is docs/iam-diff.md's; run with
 * UPDATE_IAM_DIFF_DOC=1 to rewrite it.
 */

jest.setTimeout(120_000);

const DOC = join(__dirname, '../../../../../docs/iam-diff.md');
const START = '<!-- reference-table:start -->';
const END = '<!-- reference-table:end -->';

const rows = new Map<string, Row>();
async function rowOf(c: ReferenceCase): Promise<Row> {
  let r = rows.get(c.id);
  if (!r) {
    r = { c, cdk: cdkVerdict(c), ours: await ourVerdict(c, ALL_CHANGE_RULES) };
    rows.set(c.id, r);
  }
  return r;
}

/** Is a broadening cdk diff reports caught by us: reported, and gated unless the approval policy exempts it? */
const caught = (r: Row) => r.ours.reported && (r.ours.approval || r.c.policyExempt !== undefined);

describe('corpus', () => {
  test('has at least 40 pairs with unique ids, both broadening and not', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    expect(CASES.filter((c) => c.broadening).length).toBeGreaterThanOrEqual(15);
    expect(CASES.filter((c) => !c.broadening).length).toBeGreaterThanOrEqual(15);
  });
});

describe.each(CASES.filter((c) => !c.knownGap).map((c) => [c.id, c] as const))('%s', (_id, c) => {
  test('cdk diff says what is recorded', async () => {
    const r = await rowOf(c);
    expect({ id: c.id, cdk: r.cdk.broadened }).toEqual({ id: c.id, cdk: c.cdk });
  });

  test('we say what is recorded', async () => {
    const r = await rowOf(c);
    expect({ id: c.id, approval: r.ours.approval, reported: r.ours.reported }).toEqual({ id: c.id, ...c.ours });
  });

  test('an IAM broadening cdk diff reports is caught by us', async () => {
    const r = await rowOf(c);
    if (r.cdk.iamBroadened && c.broadening && !c.outOfScope) expect({ id: c.id, caught: caught(r) }).toEqual({ id: c.id, caught: true });
    // No approval for what grants nothing new; a broadening that goes ungated is explained.
    if (!c.broadening) expect({ id: c.id, approval: r.ours.approval, reported: r.ours.reported }).toEqual({ id: c.id, approval: false, reported: false });
    if (c.broadening && !r.ours.approval) expect(c.why ?? '').not.toBe('');
  });

  test('a difference between the two verdicts is explained', async () => {
    const r = await rowOf(c);
    if (comparison(r) !== 'same') expect({ id: c.id, why: (c.why ?? '').length > 20 }).toEqual({ id: c.id, why: true });
  });
});

// `describe.each` refuses an empty table: with no gap recorded there is nothing to run here.
const GAPS = CASES.filter((c) => c.knownGap);
(GAPS.length ? describe.each(GAPS.map((c) => [c.id, c] as const)) : () => () => undefined)('known gap %s', (_id: string, c: ReferenceCase) => {
  test('cdk diff reports the broadening', async () => {
    const r = await rowOf(c);
    expect(r.cdk.iamBroadened).toBe(true);
    expect(c.broadening).toBe(true);
  });

  // Fails (so the test passes) while we miss it; once caught, this turns red: update the case.
  test.failing('is caught by us (remove knownGap and record the new verdict once fixed)', async () => {
    const r = await rowOf(c);
    expect(caught(r)).toBe(true);
  });
});

describe('comparison table', () => {
  test('lists where we are stricter or quieter, each with its reason, and matches docs/iam-diff.md', async () => {
    const all: Row[] = [];
    for (const c of CASES) all.push(await rowOf(c));
    const stricter = all.filter((r) => comparison(r) === 'stricter');
    const quieter = all.filter((r) => comparison(r) === 'quieter');
    const line = (r: Row) => `  ${r.c.id}: cdk diff ${r.cdk.broadened ? 'broadened' : 'not broadened'} (${r.cdk.listed}), Pillarguard ${r.ours.approval ? 'approval' : 'no approval'} [${r.ours.reasons.join(', ')}] — ${r.c.why}`;
    console.log([`${all.length} pairs; same verdict ${all.length - stricter.length - quieter.length}`, `stricter than cdk diff (${stricter.length}):`, ...stricter.map(line), `quieter than cdk diff (${quieter.length}):`, ...quieter.map(line)].join('\n'));
    for (const r of [...stricter, ...quieter]) expect(r.c.why).toBeTruthy();

    const table = markdownTable(all);
    const summary = `${all.length} pairs: the same verdict on ${all.length - stricter.length - quieter.length}, Pillarguard stricter on ${stricter.length}, quieter on ${quieter.length}.`;
    const block = `${START}\n${summary}\n\n${table}\n${END}`;
    const doc = readFileSync(DOC, 'utf8');
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    const current = doc.slice(from, to + END.length);
    if (process.env.UPDATE_IAM_DIFF_DOC === '1' && current !== block) writeFileSync(DOC, doc.slice(0, from) + block + doc.slice(to + END.length));
    else expect(current).toBe(block);
  });
});
