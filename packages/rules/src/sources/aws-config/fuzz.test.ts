import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { ParseError } from '../../model';
import { looksLikeAwsConfig, mapConfigurationItems, parseAwsConfig } from './index';
import { MAPPERS } from './registry';

const snapshotText = readFileSync(join(__dirname, '__fixtures__', 'snapshot.json'), 'utf8');
const snapshot = JSON.parse(snapshotText) as { configurationItems: unknown[] };
const batchGet = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'batch-get.json'), 'utf8')) as unknown;

/** The adapter's promise: a result whose errors are ParseErrors; never another exception. */
function check(content: string): void {
  const r = parseAwsConfig({ path: 'fuzz.json', content });
  expect(Array.isArray(r.resources)).toBe(true);
  for (const e of r.errors) expect(e).toBeInstanceOf(ParseError);
}

/** Replaces the value at a pseudo-random path of a JSON tree (copying along the path only). */
function mutate(tree: unknown, steps: number[], replacement: unknown): unknown {
  if (steps.length === 0 || tree === null || typeof tree !== 'object') return replacement;
  const keys = Object.keys(tree as object);
  if (keys.length === 0) return replacement;
  const key = keys[steps[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(tree) ? ([...tree] as unknown as Record<string, unknown>) : { ...(tree as Record<string, unknown>) };
  copy[key] = mutate((tree as Record<string, unknown>)[key], steps.slice(1), replacement);
  return copy;
}

const anyValue = fc.oneof(fc.jsonValue(), fc.constant(null), fc.constant('%7B%22Statement%22'), fc.constant('{"a":'), fc.constantFrom('toString', '__proto__', 'constructor'));

describe('parseAwsConfig under random input', () => {
  it('random text and random JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), check), { numRuns: 300 });
    fc.assert(fc.property(fc.jsonValue(), (v) => void looksLikeAwsConfig(v)), { numRuns: 300 });
  });

  it('a snapshot with one value replaced anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), anyValue, (steps, replacement) => check(JSON.stringify(mutate(snapshot, steps, replacement)))),
      { numRuns: 400 },
    );
  });

  it('a BatchGetResourceConfig output with one value replaced anywhere', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 5 }), anyValue, (steps, replacement) => check(JSON.stringify(mutate(batchGet, steps, replacement)))),
      { numRuns: 200 },
    );
  });

  it('the snapshot truncated at any point', () => {
    fc.assert(
      fc.property(fc.nat({ max: snapshotText.length }), (n) => {
        const r = parseAwsConfig({ path: 't.json', content: snapshotText.slice(0, n) });
        if (n < snapshotText.trimEnd().length) {
          expect(r.errors).toHaveLength(1);
          expect(r.errors[0]).toBeInstanceOf(ParseError);
          expect(r.errors[0].line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('deep nesting inside an item', () => {
    const deep = '['.repeat(20000) + ']'.repeat(20000);
    check(`{"configurationItems":[{"resourceType":"AWS::S3::Bucket","resourceId":"b","configuration":{"x":${deep}},"supplementaryConfiguration":{}}]}`);
  });
});

describe('every mapper under random configuration', () => {
  it('maps or reports, never throws, whatever configuration and supplementary hold', () => {
    const types = Object.keys(MAPPERS);
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), (type, configuration, supplementaryConfiguration) => {
        const r = mapConfigurationItems([{ resourceType: type, resourceId: 'x', configuration, supplementaryConfiguration }], 'f.json');
        expect(r.resources.length + r.errors.length).toBe(1);
        for (const e of r.errors) {
          expect(e).toBeInstanceOf(ParseError);
          expect(e.message).not.toContain('internal error');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('each mapped snapshot item survives any of its own values replaced', () => {
    fc.assert(
      fc.property(fc.nat({ max: snapshot.configurationItems.length - 1 }), fc.array(fc.nat(), { maxLength: 6 }), anyValue, (i, steps, replacement) => {
        const r = mapConfigurationItems([mutate(snapshot.configurationItems[i], steps, replacement)], 'f.json');
        for (const e of r.errors) expect(e.message).not.toContain('internal error');
      }),
      { numRuns: 500 },
    );
  });
});
