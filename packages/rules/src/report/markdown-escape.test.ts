import fc from 'fast-check';
import { codeFence, codeSpan, escapeMarkdown, escapeTableCell } from './markdown-escape';

describe('escapeMarkdown', () => {
  it('turns HTML into inert entities', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(escapeMarkdown('&#64;octocat &amp;')).toBe('&amp;\\#&#8203;64;octocat &amp;amp;');
  });

  it('breaks mentions, team mentions and e-mail autolinks', () => {
    expect(escapeMarkdown('@octocat')).toBe('@&#8203;octocat');
    expect(escapeMarkdown('@org/team')).toBe('@&#8203;org/team');
    expect(escapeMarkdown('ops@example.com')).toBe('ops@&#8203;example\\.com');
  });

  it('leaves no link or image syntax', () => {
    expect(escapeMarkdown('[link](http://evil)')).toBe('\\[link\\]\\(http\\:&#8203;\\/\\/evil\\)');
    expect(escapeMarkdown('![img](x.png)')).toBe('\\!\\[img\\]\\(x\\.png\\)');
    expect(escapeMarkdown('<http://evil>')).toBe('&lt;http\\:&#8203;\\/\\/evil&gt;');
  });

  it('breaks bare URL, www and issue autolinks', () => {
    expect(escapeMarkdown('see https://evil.example/a')).toBe('see https\\:&#8203;\\/\\/evil\\.example/a');
    expect(escapeMarkdown('WWW.evil.example')).toBe('WWW&#8203;\\.evil\\.example');
    expect(escapeMarkdown('fixes #12 and GH-7, not # alone')).toBe('fixes \\#&#8203;12 and GH&#8203;\\-7, not \\# alone');
  });

  it('escapes emphasis, code, tables, headings, lists, strikethrough and math', () => {
    expect(escapeMarkdown('*a* _b_ `c` | d ~e~ $f$')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\| d \\~e\\~ \\$f\\$');
    expect(escapeMarkdown('# h')).toBe('\\# h');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
  });

  it('puts everything on one line and makes control and bidi characters visible', () => {
    expect(escapeMarkdown('a\nb\r\nc\rd\u2028e\tf')).toBe('a b c d e f');
    expect(escapeMarkdown('\u001b[31mred')).toBe('\uFFFD\\[31mred');
    expect(escapeMarkdown('abc\u202edcba')).toBe('abc\uFFFDdcba');
  });

  it('makes every Unicode bidi control visible, the Arabic letter mark included', () => {
    for (const ch of ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(escapeMarkdown(`a${ch}b`)).toBe('a\uFFFDb');
    }
  });

  it('keeps ordinary text readable', () => {
    expect(escapeMarkdown('Orders table, eu-west-1')).toBe('Orders table, eu\\-west\\-1');
    expect(escapeMarkdown('日本語 ✓')).toBe('日本語 ✓');
  });

  it('never lets raw HTML, a line break, an unescaped bracket or a bare @mention through', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeMarkdown(s);
        expect(out).not.toMatch(/[<>\n\r]/);
        // every [ ] ( ) | ` ! is preceded by a backslash that is not itself escaped
        expect(out.replace(/\\[\s\S]/g, '')).not.toMatch(/[[\]()|`!*_~$]/);
        expect(out).not.toMatch(/@(?!&#8203;)/);
        expect(out.replace(/&(amp|lt|gt|#8203);/g, '')).not.toContain('&');
      }),
    );
  });
});

describe('escapeTableCell', () => {
  it('keeps a row intact whatever the value', () => {
    expect(escapeTableCell('| table | break\nnext')).toBe('\\| table \\| break next');
    expect(escapeTableCell('  ')).toBe(' ');
  });

  it('never yields an unescaped pipe or a line break', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = escapeTableCell(s);
        expect(cell.replace(/\\[\s\S]/g, '')).not.toContain('|');
        expect(cell).not.toMatch(/[\n\r]/);
        expect(cell.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('codeFence', () => {
  it('uses three backticks by default and a longer fence than any run inside', () => {
    expect(codeFence('a: 1', 'yaml')).toBe('```yaml\na: 1\n```');
    expect(codeFence('x ```` y\n```\n', 'hcl')).toBe('`````hcl\nx ```` y\n```\n`````');
  });

  it('sanitises the info string so it cannot carry more than a language name', () => {
    expect(codeFence('x', 'yaml `evil` <b>')).toBe('```yamlevilb\nx\n```');
  });

  it('can never be closed early by its content', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('`', '``', '```', '````', '\n', '~~~', ' '), fc.string()), { maxLength: 30 }), (parts) => {
        const block = codeFence(parts.join(''), 'yaml');
        const lines = block.split('\n');
        const fence = /^`+/.exec(lines[0])?.[0] ?? '';
        expect(fence.length).toBeGreaterThanOrEqual(3);
        expect(lines[lines.length - 1]).toBe(fence);
        for (const line of lines.slice(1, -1)) expect(line.trimStart().startsWith(fence)).toBe(false);
      }),
    );
  });
});

describe('codeSpan', () => {
  it('wraps text with a delimiter longer than its backtick runs', () => {
    expect(codeSpan('rds.not-public')).toBe('`rds.not-public`');
    expect(codeSpan('a `b` c')).toBe('``a `b` c``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('a\nb')).toBe('`a b`');
  });
});
