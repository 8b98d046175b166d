import { csvCell, overviewCsv } from './csv';
import { overview } from '../__fixtures__/scores';

describe('CSV export', () => {
  it('quotes what needs quoting and never lets a spreadsheet evaluate catalog text', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });
  it('one header and one line per row, pillars in catalog order', () => {
    const csv = overviewCsv(overview(2).items);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('entity,title,owner,system,type,level,overall,identity,classification,network,encryption,secrets,monitoring,policy-as-code,recovery,findings,critical,high,evaluatedAt');
    expect(lines[1].startsWith('resource:default/table-0,,group:default/team-0,,dynamodb-table,silver,80,,')).toBe(true);
    expect(lines).toHaveLength(3);
  });
});
