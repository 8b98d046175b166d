import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { ParseError } from '../../model';
import { parseTerraformPlan } from './index';

const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'data-platform.plan.json'), 'utf8')) as unknown;

/** The adapter's promise: a result, with ParseErrors only; never another exception. */
function check(content: string): void {
  const r = parseTerraformPlan({ path: 'fuzz.json', content });
  expect(Array.isArray(r.resources)).toBe(true);
  for (const e of r.errors) expect(e).toBeInstanceOf(ParseError);
}

/** Replaces the value at a random path of a JSON tree (copying the path only). */
function mutate(tree: unknown, steps: number[], replacement: unknown): unknown {
  if (steps.length === 0 || tree === null || typeof tree !== 'object') return replacement;
  const keys = Object.keys(tree as object);
  if (keys.length === 0) return replacement;
  const key = keys[steps[0] % keys.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(tree) ? [...tree] : { ...(tree as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutate((tree as Record<string, unknown>)[key], steps.slice(1), replacement);
  return copy;
}

describe('parseTerraformPlan under random input', () => {
  it('random text and random JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), check), { numRuns: 300 });
  });

  it('random JSON inside a plan envelope', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (planned, changes, configuration) => {
        check(JSON.stringify({ format_version: '1.2', planned_values: planned, resource_changes: changes, configuration }));
        check(JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [planned], child_modules: [changes] } }, resource_changes: [{ address: 'aws_s3_bucket.b', change: { actions: ['create'], after: planned, after_unknown: changes } }], configuration: { root_module: { resources: [{ address: 'aws_s3_bucket.b', expressions: configuration }] } } }));
      }),
      { numRuns: 300 },
    );
  });

  it('the realistic fixture with a random subtree replaced', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 9 }), fc.oneof(fc.jsonValue(), fc.constant(true), fc.constant([true]), fc.constant({ references: ['var.x'] })), (steps, replacement) => {
        check(JSON.stringify(mutate(fixture, steps, replacement)));
      }),
      { numRuns: 1000 },
    );
  });

  it('the fixture cut at a random point reports a positioned ParseError', () => {
    const text = JSON.stringify(fixture, null, 2);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), (cut) => {
        const r = parseTerraformPlan({ path: 'cut.json', content: text.slice(0, cut) });
        expect(r.errors).toHaveLength(1);
        expect(r.errors[0].line).toBeGreaterThanOrEqual(1);
        expect(r.errors[0].column).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('deeply nested modules and values neither overflow nor hang', () => {
    let module: Record<string, unknown> = { address: 'module.deep', resources: [] };
    for (let i = 0; i < 2000; i++) module = { address: `module.m${i}`, resources: [], child_modules: [module] };
    // JSON.stringify itself cannot write 5,000 levels: the deep after_unknown is spliced in as text.
    const deepUnknown = '{"a":'.repeat(5000) + 'true' + '}'.repeat(5000);
    const plan = { format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_s3_bucket.b', type: 'aws_s3_bucket', name: 'b', mode: 'managed', values: {} }], child_modules: [module] } }, resource_changes: [{ address: 'aws_s3_bucket.b', change: { actions: ['create'], after: {}, after_unknown: 'DEEP' } }] };
    const r = parseTerraformPlan({ path: 'deep.json', content: JSON.stringify(plan).replace('"DEEP"', deepUnknown) });
    expect(r.errors).toEqual([]);
    expect(r.resources.map((x) => x.id)).toEqual(['aws_s3_bucket.b']);
    expect(r.notes.some((n) => /nested too deeply/.test(n.message))).toBe(true);
  });
});
