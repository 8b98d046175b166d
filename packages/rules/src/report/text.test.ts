import { FINDINGS, emptyScan, hostileScan } from './__fixtures__/hostile-scan';
import { toText } from './text';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

describe('toText', () => {
  it('emits no escape sequence at all without colour, even from hostile input', () => {
    const out = toText(hostileScan(), { color: false });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('\uFFFD[31mred\uFFFD[0m');
  });

  it('colours only with colour on, and input still cannot inject its own sequences', () => {
    const out = toText(hostileScan(), { color: true });
    expect(out).toMatch(ANSI);
    expect(out.replace(ANSI, '')).toBe(toText(hostileScan(), { color: false }));
    expect(out).not.toContain('\u001b[31mred');
  });

  it('prints findings as file:line  severity  rule  message, one per line', () => {
    const lines = toText(hostileScan(), { color: false }).split('\n');
    const critical = lines.find((l) => l.includes('rds.not-public'));
    expect(critical).toMatch(/^ {2}templates\/<img src=x onerror=alert\(1\)>\.yaml:12 {2}critical {2}rds\.not-public {2}Instance \[link\]/);
    const pitr = lines.filter((l) => l.includes('dynamodb.pitr'));
    expect(pitr).toHaveLength(2);
    expect(pitr[0]).toContain('first line second line | x | y |'); // newlines flattened
    expect(pitr[1]).toMatch(/^ {2}plan\.json {2,}high/); // no invented line
  });

  it('keeps every line within the requested width', () => {
    const out = toText(hostileScan(), { color: true, width: 80 });
    const findingLines = out.replace(ANSI, '').split('\n').filter((l) => / {2}(critical|high|medium|low|info) {2}/.test(l));
    expect(findingLines.length).toBeGreaterThan(0);
    for (const l of findingLines) expect(Array.from(l).length).toBeLessThanOrEqual(80);
    expect(findingLines.some((l) => l.endsWith('…'))).toBe(true);
  });

  it('lists suppressed findings with their reason and expiry, apart from open ones', () => {
    const out = toText(hostileScan(), { color: false });
    const suppressedAt = out.indexOf('\nSuppressed\n');
    expect(suppressedAt).toBeGreaterThan(out.indexOf('\nFindings\n'));
    expect(out.slice(suppressedAt)).toContain('suppressed: accepted by @security-team, see https://evil.example/[x] (expires 2099-12-31)');
  });

  it('shows errors with file:line:column and the summary counts', () => {
    const out = toText(hostileScan(), { color: false });
    expect(out).toContain('  bad.yaml:4:2  unexpected `]` at <b>here</b>');
    expect(out.split('\n')[1]).toBe('5 open findings (1 critical, 3 high, 1 low) · 1 unknown · 1 suppressed · 1 resolved · 2 input errors');
  });

  it('says so when there is nothing to report', () => {
    const out = toText(emptyScan(), { color: false });
    expect(out.split('\n').slice(0, 3)).toEqual(['Pillarguard  level gold', 'no open findings', '0 inputs · 0 resources · 0 checks']);
    expect(out).not.toContain('Findings');
  });

  it('is deterministic whatever the input order', () => {
    const reversed = hostileScan([...FINDINGS].reverse());
    reversed.errors.reverse();
    reversed.notes.reverse();
    expect(toText(reversed, { color: false })).toBe(toText(hostileScan(), { color: false }));
  });
});
