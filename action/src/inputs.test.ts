import { InputError, listInput, readInputs } from './inputs';

const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readInputs', () => {
  it('applies the defaults', () => {
    expect(readInputs(from({ 'github-token': 't' }))).toEqual({
      token: 't',
      configPath: '.github/pillarguard.yml',
      paths: [],
      approvers: { users: [], teams: [] },
      failOn: 'none',
      comment: 'always',
      label: 'pillarguard: approval required',
    });
  });
  it('reads approvers as users and org/team slugs, with or without @', () => {
    const i = readInputs(from({ 'github-token': 't', approvers: '@alice, bob\nacme/data-platform # the platform team\n' }));
    expect(i.approvers).toEqual({ users: ['alice', 'bob'], teams: [{ org: 'acme', slug: 'data-platform' }] });
  });
  it('names every invalid input at once', () => {
    let err: unknown;
    try {
      readInputs(from({ 'fail-on': 'urgent', comment: 'sometimes', approvers: 'not a login!', 'base-path': 'a' }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    for (const part of ['github-token: required', 'fail-on: "urgent"', 'comment: "sometimes"', 'approvers: "not a login!"', 'base-path and head-path']) expect(msg).toContain(part);
  });
  it('splits lists on commas and newlines, dropping blanks and comments', () => {
    expect(listInput('a, b\n\n# c\nd # e')).toEqual(['a', 'b', 'd']);
  });
});
