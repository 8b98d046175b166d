import { unknown } from '../model';
import { diffAccess, type AccessDiff } from './access-diff';
import { documentView, EMPTY_VIEW } from './access-view';
import { normalizePolicy, type PolicyTree } from './normalize';

/** A view of one policy document written as JSON (statements only). */
function view(...statements: PolicyTree[]) {
  return documentView(normalizePolicy({ Version: '2012-10-17', Statement: statements }), 'P', 'doc');
}
const allow = (Action: PolicyTree, Resource: PolicyTree = '*', extra: Record<string, PolicyTree> = {}): PolicyTree => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: PolicyTree, Resource: PolicyTree = '*', extra: Record<string, PolicyTree> = {}): PolicyTree => ({ Effect: 'Deny', Action, Resource, ...extra });

/** `action on resource` of every new grant, sorted. */
function pairs(d: AccessDiff): string[] {
  return d.grants.map((g) => `${g.action} on ${g.resource}${g.principal ? ` to ${g.principal}` : ''}`).sort();
}
function none(d: AccessDiff): void {
  expect(pairs(d)).toEqual([]);
  expect(d.unknown).toEqual([]);
  expect(d.weakenedDenies).toEqual([]);
}

const TABLE = 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders';
const TABLES = 'arn:aws:dynamodb:eu-west-1:111122223333:table/*';

describe('diffAccess: broadening is new access', () => {
  it('a new action', () => {
    expect(pairs(diffAccess(view(allow('dynamodb:GetItem', TABLE)), view(allow(['dynamodb:GetItem', 'dynamodb:PutItem'], TABLE))))).toEqual([`dynamodb:PutItem on ${TABLE}`]);
  });
  it('a wildcard widened: s3:Get* → s3:* reports exactly the non-Get actions', () => {
    const d = diffAccess(view(allow('s3:Get*', 'arn:aws:s3:::raw/*')), view(allow('s3:*', 'arn:aws:s3:::raw/*')));
    const actions = d.grants.map((g) => g.action);
    expect(actions).toContain('s3:PutObject');
    expect(actions).toContain('s3:DeleteBucket');
    expect(actions.some((a) => /^s3:Get/i.test(a))).toBe(false);
    expect(d.grants.find((g) => g.action === 's3:PutObject')?.accessLevel).toBe('Write');
  });
  it('a resource widened: table/orders → table/*', () => {
    expect(pairs(diffAccess(view(allow('dynamodb:GetItem', TABLE)), view(allow('dynamodb:GetItem', TABLES))))).toEqual([`dynamodb:GetItem on ${TABLES}`]);
  });
  it('a reference widened to every object of the bucket', () => {
    expect(pairs(diffAccess(view(allow('s3:GetObject', '${Raw.Arn}/reports/*')), view(allow('s3:GetObject', '${Raw.Arn}/*'))))).toEqual(['s3:GetObject on ${Raw.Arn}/*']);
  });
  it('a condition removed', () => {
    const cond = { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'orders' } } };
    const d = diffAccess(view(allow('dynamodb:GetItem', TABLE, cond)), view(allow('dynamodb:GetItem', TABLE)));
    expect(pairs(d)).toEqual([`dynamodb:GetItem on ${TABLE}`]);
    expect(d.grants[0].conditioned).toBe(false);
  });
  it('a condition value widened (a value added to a positive operator)', () => {
    const c = (v: string[]) => ({ Condition: { StringEquals: { 'aws:RequestedRegion': v } } });
    expect(pairs(diffAccess(view(allow('s3:GetObject', '*', c(['eu-west-1']))), view(allow('s3:GetObject', '*', c(['eu-west-1', 'us-east-1'])))))).toEqual(['s3:GetObject on *']);
  });
  it('a Deny removed: what it blocked and head allows is new, and the Deny is reported weakened', () => {
    const d = diffAccess(view(allow('s3:*', 'arn:aws:s3:::raw/*'), deny('s3:DeleteObject', 'arn:aws:s3:::raw/*')), view(allow('s3:*', 'arn:aws:s3:::raw/*')));
    expect(pairs(d)).toEqual(['s3:DeleteObject on arn:aws:s3:::raw/*']);
    expect(d.grants[0].deny?.path).toBe('Statement[1]');
    expect(d.weakenedDenies).toEqual([expect.objectContaining({ actions: ['s3:DeleteObject'], resource: 'arn:aws:s3:::raw/*' })]);
  });
  it('a Deny narrowed (fewer actions) unblocks only what it no longer covers', () => {
    const d = diffAccess(view(allow('s3:*'), deny('s3:Delete*')), view(allow('s3:*'), deny('s3:DeleteBucket')));
    expect(pairs(d)).toContain('s3:DeleteObject on *');
    expect(pairs(d)).not.toContain('s3:DeleteBucket on *');
  });
  it('a condition added to a Deny weakens it', () => {
    const d = diffAccess(view(allow('s3:*'), deny('s3:DeleteBucket')), view(allow('s3:*'), deny('s3:DeleteBucket', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })));
    expect(pairs(d)).toEqual(['s3:DeleteBucket on *']);
  });
  it('a Deny that blocked nothing head allows is weakened but grants nothing', () => {
    const d = diffAccess(view(allow('s3:GetObject'), deny('iam:*')), view(allow('s3:GetObject')));
    expect(pairs(d)).toEqual([]);
    expect(d.weakenedDenies.map((w) => w.actions)).toEqual([['iam:*']]);
  });
  it('NotAction added: the Allow of everything but a few is new access', () => {
    const d = diffAccess(view(allow('s3:GetObject')), view({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }));
    const actions = d.grants.map((g) => g.action);
    expect(actions).toContain('dynamodb:DeleteTable');
    expect(actions).not.toContain('s3:GetObject');
    expect(actions.some((a) => a.startsWith('iam:'))).toBe(false);
  });
  it('NotResource added: everything except a bucket is wider than the bucket', () => {
    const d = diffAccess(view(allow('s3:GetObject', 'arn:aws:s3:::raw/*')), view({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }));
    expect(pairs(d)).toEqual(['s3:GetObject on everything except arn:aws:s3:::secret/*']);
  });
  it('a new principal in a resource policy, and NotPrincipal', () => {
    const p = (who: PolicyTree) => ({ Effect: 'Allow', Principal: { AWS: who }, Action: 'kms:Decrypt', Resource: '*' });
    expect(pairs(diffAccess(view(p('arn:aws:iam::111122223333:root')), view(p(['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root']))))).toEqual(['kms:Decrypt on * to AWS:arn:aws:iam::444455556666:root']);
    const notPrincipal = { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/x' }, Action: 'kms:Decrypt', Resource: '*' };
    expect(pairs(diffAccess(view(p('arn:aws:iam::111122223333:root')), view(notPrincipal)))).toEqual(['kms:Decrypt on * to every principal except AWS:arn:aws:iam::111122223333:role/x']);
  });
  it('an action of a service the catalog does not know is new, at level Unknown', () => {
    const d = diffAccess(view(allow('s3:GetObject')), view(allow(['s3:GetObject', 'madeup:DoThing'])));
    expect(d.grants.map((g) => [g.action, g.accessLevel])).toEqual([['madeup:DoThing', 'Unknown']]);
  });
  it('everything is new against an empty base', () => {
    expect(pairs(diffAccess(EMPTY_VIEW, view(allow('dynamodb:GetItem', TABLE))))).toEqual([`dynamodb:GetItem on ${TABLE}`]);
  });
});

describe('diffAccess: equivalent rewrites grant nothing new', () => {
  it('reordered actions and resources', () => {
    none(diffAccess(view(allow(['s3:GetObject', 's3:PutObject'], ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'])), view(allow(['s3:PutObject', 's3:GetObject'], ['arn:aws:s3:::b/*', 'arn:aws:s3:::a/*']))));
  });
  it('statements split', () => {
    none(diffAccess(view(allow(['s3:GetObject', 'dynamodb:GetItem'], ['arn:aws:s3:::a/*', TABLE])), view(allow('s3:GetObject', 'arn:aws:s3:::a/*'), allow('dynamodb:GetItem', TABLE))));
  });
  it('statements merged', () => {
    none(diffAccess(view(allow('s3:GetObject', 'arn:aws:s3:::a/*'), allow('s3:GetObject', 'arn:aws:s3:::b/*')), view(allow('s3:GetObject', ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*']))));
  });
  it('a wildcard replaced by a subset (as a pattern or as the actions it covers)', () => {
    none(diffAccess(view(allow('s3:*')), view(allow('s3:Get*'))));
    none(diffAccess(view(allow('s3:Get*')), view(allow(['s3:GetObject', 's3:GetObjectAcl']))));
    none(diffAccess(view(allow('*')), view(allow(['iam:*', 's3:Get*']))));
  });
  it('action names differing only in case', () => {
    none(diffAccess(view(allow('dynamodb:GetItem')), view(allow('DynamoDB:getitem'))));
  });
  it('narrowed resources', () => {
    none(diffAccess(view(allow('dynamodb:GetItem', TABLES)), view(allow('dynamodb:GetItem', TABLE))));
    none(diffAccess(view(allow('s3:GetObject', '${Raw.Arn}/*')), view(allow('s3:GetObject', '${Raw.Arn}/reports/*'))));
  });
  it('added conditions, or fewer values of a positive operator', () => {
    const c = (v: string[]) => ({ Condition: { StringEquals: { 'aws:RequestedRegion': v } } });
    none(diffAccess(view(allow('s3:GetObject')), view(allow('s3:GetObject', '*', c(['eu-west-1'])))));
    none(diffAccess(view(allow('s3:GetObject', '*', c(['eu-west-1', 'us-east-1']))), view(allow('s3:GetObject', '*', c(['eu-west-1'])))));
    none(diffAccess(view(allow('s3:GetObject', '*', { Condition: { StringLike: { 's3:prefix': 'home/*' } } })), view(allow('s3:GetObject', '*', { Condition: { StringLike: { 's3:prefix': 'home/alice/*' } } }))));
  });
  it('NotAction that excludes more', () => {
    none(diffAccess(view({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), view({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })));
  });
  it('a Deny broadened or rewritten', () => {
    none(diffAccess(view(allow('s3:*'), deny('s3:DeleteObject', 'arn:aws:s3:::a/*')), view(allow('s3:*'), deny('s3:Delete*'))));
  });
  it('a new grant an unconditioned Deny of head blocks anyway', () => {
    none(diffAccess(view(allow('s3:GetObject')), view(allow('s3:GetObject'), allow('s3:DeleteBucket'), deny('s3:DeleteBucket'))));
  });
  it("another account's root covers that account's roles in a resource policy (they need their own IAM policy either way)", () => {
    const p = (who: string) => ({ Effect: 'Allow', Principal: { AWS: who }, Action: 'kms:Decrypt', Resource: '*' });
    const owned = (...statements: PolicyTree[]) => documentView(normalizePolicy({ Statement: statements }), 'Key', 'kms.policy', { account: '111122223333' });
    none(diffAccess(owned(p('444455556666')), owned(p('arn:aws:iam::444455556666:role/etl'))));
    none(diffAccess(owned(p('arn:aws:iam::444455556666:root')), owned(p('arn:aws:iam::444455556666:user/etl'))));
    // The same account root, written two ways, is the same principal.
    none(diffAccess(owned(p('111122223333')), owned(p('arn:aws:iam::111122223333:root'))));
  });
});

describe('diffAccess: the owner account root in a resource-based policy only delegates to IAM', () => {
  const p = (who: string, Action: PolicyTree = 'kms:Decrypt') => ({ Effect: 'Allow', Principal: { AWS: who }, Action, Resource: '*' });
  const ROOT = 'arn:aws:iam::111122223333:root';
  const APP = 'arn:aws:iam::111122223333:role/app';
  const owned = (...statements: PolicyTree[]) => documentView(normalizePolicy({ Statement: statements }), 'Key', 'kms.policy', { account: '111122223333' });
  it('a key policy: a role of the owner account granted Decrypt next to the root kms:* statement is new', () => {
    expect(pairs(diffAccess(owned(p(ROOT, 'kms:*')), owned(p(ROOT, 'kms:*'), p(APP))))).toEqual([`kms:Decrypt on * to AWS:${APP}`]);
  });
  it('a key policy: kms:Decrypt → kms:* for a role of the owner account is new, the root statement notwithstanding', () => {
    const d = diffAccess(owned(p(ROOT, 'kms:*'), p(APP)), owned(p(ROOT, 'kms:*'), p(APP, 'kms:*')));
    expect(d.grants.map((g) => g.action)).toContain('kms:ScheduleKeyDeletion');
    expect(d.grants.map((g) => g.action)).not.toContain('kms:Decrypt');
  });
  it('when the owner account is unknown, a literal account may be the owner: its root does not cover its roles', () => {
    expect(pairs(diffAccess(view(p('111122223333', 'kms:*')), view(p('111122223333', 'kms:*'), p(APP))))).toEqual([`kms:Decrypt on * to AWS:${APP}`]);
  });
  it('the root written as ${AWS::AccountId} is the owner account: it does not cover the roles either', () => {
    const own = 'arn:aws:iam::${AWS::AccountId}:root';
    const role = 'arn:aws:iam::${AWS::AccountId}:role/app';
    expect(pairs(diffAccess(view(p(own, 'kms:*')), view(p(own, 'kms:*'), p(role))))).toEqual([`kms:Decrypt on * to AWS:${role}`]);
  });
  it('a bucket policy: the account becomes one role of it (the role now reads without an IAM policy); the reverse is new too', () => {
    const read = (who: string) => ({ Effect: 'Allow', Principal: { AWS: who }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::raw/*' });
    expect(pairs(diffAccess(owned(read(ROOT)), owned(read(APP))))).toEqual([`s3:GetObject on arn:aws:s3:::raw/* to AWS:${APP}`]);
    expect(pairs(diffAccess(owned(read(APP)), owned(read(ROOT))))).toEqual([`s3:GetObject on arn:aws:s3:::raw/* to AWS:${ROOT}`]);
  });
  it('a grant to a role removed, or to "*" narrowed to the role, is not new', () => {
    none(diffAccess(owned(p(ROOT, 'kms:*'), p(APP)), owned(p(ROOT, 'kms:*'))));
    none(diffAccess(owned(p('*')), owned(p(APP))));
  });
  it('a Deny on a role replaced by a Deny on the owner root is weakened (the safe side: the root does not stand for the role)', () => {
    const denyRoot = { Effect: 'Deny', Principal: { AWS: ROOT }, Action: 'kms:Decrypt', Resource: '*' };
    const denyApp = { Effect: 'Deny', Principal: { AWS: APP }, Action: 'kms:Decrypt', Resource: '*' };
    expect(diffAccess(owned(p('*'), denyApp), owned(p('*'), denyRoot)).weakenedDenies).toHaveLength(1);
  });
});

describe('diffAccess: what cannot be read is unknown, never "no new access"', () => {
  const unresolved = { statements: [{ effect: 'Allow' as const, actions: ['s3:GetObject'], resources: [unknown('var.bucket has no default')], conditions: {} }] };
  it('an unresolved resource in head', () => {
    const d = diffAccess(view(allow('s3:GetObject', 'arn:aws:s3:::a/*')), documentView(unresolved, 'P', 'doc'));
    expect(d.unknown.join(' ')).toMatch(/var\.bucket has no default/);
  });
  it('an unreadable document in head', () => {
    const d = diffAccess(view(allow('s3:GetObject')), documentView({ statements: [], unknownReason: 'data.aws_iam_policy_document.x is not in the input' }, 'P', 'doc'));
    expect(d.unknown).toEqual([expect.stringMatching(/cannot be read: data\.aws_iam_policy_document\.x/)]);
  });
  it('the same unresolved statement on both sides is no change; an unresolved base statement cannot clear a new head one', () => {
    const base = documentView(unresolved, 'P', 'doc');
    expect(diffAccess(base, documentView(unresolved, 'P', 'doc')).unknown).toEqual([]);
    expect(diffAccess(base, view(allow('s3:GetObject', 'arn:aws:s3:::a/*'))).unknown.join(' ')).toMatch(/var\.bucket/);
  });
  it('an Effect that cannot be resolved may allow', () => {
    const head = documentView({ statements: [{ effect: unknown('!If IsProd'), actions: ['s3:PutObject'], resources: ['*'], conditions: {} }] }, 'P', 'doc');
    const d = diffAccess(view(allow('s3:GetObject')), head);
    expect(d.grants).toEqual([]);
    expect(d.unknown.join(' ')).toMatch(/!If IsProd/);
  });
});

// Speed is measured by `npm run bench`, not asserted here (shared, noisy machines).
describe('diffAccess at scale', () => {
  it('finds exactly the 50 changed policies among 500 of 20 statements', () => {
    const docs = (changed: boolean) =>
      Array.from({ length: 500 }, (_, i) =>
        view(...Array.from({ length: 20 }, (_, j) => allow(changed && i % 10 === 0 && j === 0 ? ['dynamodb:*'] : ['dynamodb:GetItem', 'dynamodb:Query', 's3:Get*'], [`arn:aws:dynamodb:eu-west-1:111122223333:table/t${i}-${j}`, `\${Bucket${j}.Arn}/*`]))),
      );
    const base = docs(false);
    const head = docs(true);
    let news = 0;
    for (let i = 0; i < 500; i++) news += diffAccess(base[i], head[i]).grants.length > 0 ? 1 : 0;
    expect(news).toBe(50);
  });
});
