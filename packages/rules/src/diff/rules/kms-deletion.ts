import type { Resource } from '../../model';
import { isUnknown } from '../../model';
import type { CheckResult } from '../../rules/types';
import { fail, unknownResult } from '../../rules/support';
import type { ChangeContext, ChangeRule, ResourcePair } from '../types';
import { resolvesAcross, resolvesIn, usersOf, type KeyUse, type KeyUsers } from './key-users';

const KEY = 'AWS::KMS::Key';

/** What happens to the key, as the message says it, and the property that says so. */
interface Deletion {
  key: Resource;
  change: string;
  path?: string;
  users: KeyUsers;
}

/**
 * A key removed from the code is deleted by the deployment (CloudFormation and Terraform schedule
 * it for deletion); a key replaced is a new key, the old one deleted. Its users are looked for in
 * base (data encrypted under it so far, even if the data goes too: backups and snapshots stay
 * encrypted under the key) and in head (resources that still name it).
 */
function removal(pair: ResourcePair, key: Resource, ctx: ChangeContext): Deletion {
  const inBase = usersOf(ctx.base.index.all(), resolvesIn(ctx.base, key));
  const inHead = pair.head ? { known: [], unreadable: [] } : usersOf(ctx.head.index.all(), resolvesAcross(ctx.base, ctx.head, key));
  return {
    key,
    change: pair.head ? 'replaced by a new key, so the old one will be deleted (defined → replaced)' : 'removed from the code, so it will be scheduled for deletion (defined → removed)',
    users: { known: [...inBase.known, ...inHead.known], unreadable: [...inBase.unreadable, ...inHead.unreadable] },
  };
}

/** A key given a deletion window (CloudFormation `PendingWindowInDays`, Terraform `deletion_window_in_days`) or recorded pending deletion. */
function scheduling(base: Resource, head: Resource, ctx: ChangeContext): Deletion | undefined {
  const before = base.facets.kms?.pendingWindowInDays;
  const after = head.facets.kms?.pendingWindowInDays;
  // Only the step from "not set" to "set" is news: a window that was already there is not a change.
  if (after === undefined || before !== undefined) return undefined;
  const window = isUnknown(after) ? `set (${after.reason})` : `${after} days`;
  return { key: head, change: `scheduled for deletion (deletion window not set → ${window})`, path: 'kms.pendingWindowInDays', users: usersOf(ctx.head.index.all(), resolvesIn(ctx.head, head)) };
}

/** One entry per resource across versions (a table named in base and head is one user), in input order. */
function describeUses<U extends KeyUse>(uses: readonly U[], ctx: ChangeContext, extra: (u: U) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const u of uses) {
    const id = ctx.pairOf(u.resource)?.key ?? u.resource.id;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(`${u.resource.id} (${u.path}${extra(u)})`);
  }
  return out;
}

function verdict(d: Deletion, ctx: ChangeContext): CheckResult | undefined {
  const goneToo = (u: KeyUse) => {
    const pair = ctx.pairOf(u.resource);
    return pair?.base === u.resource && !pair.head ? ', removed in this change too' : '';
  };
  if (d.users.known.length) {
    const users = describeUses(d.users.known, ctx, goneToo);
    const related = [...new Set(d.users.known.map((u) => u.resource.id))];
    return fail(`key ${d.key.id} ${d.change} while still used by ${users.join(', ')}: what it encrypted becomes unreadable once the key is deleted.`, d.path, related);
  }
  if (d.users.unreadable.length) {
    const users = describeUses(d.users.unreadable, ctx, (u) => `: ${u.reason}`);
    return unknownResult(`key ${d.key.id} ${d.change}; cannot tell whether it is still used: the key of ${users.join(', ')} cannot be read.`, d.path, [...new Set(d.users.unreadable.map((u) => u.resource.id))]);
  }
  return undefined; // an unused key may go
}

/**
 * `kms.key-deletion`: a customer-managed key removed, replaced or scheduled for deletion while
 * data still depends on it. Deleting a key is irreversible: whatever it encrypted — table items,
 * objects, snapshots, secrets, logs — can never be decrypted again.
 */
export const keyDeletion: ChangeRule = {
  kind: 'change',
  id: 'kms.key-deletion',
  pillar: 'encryption',
  severity: 'critical',
  title: 'KMS key deleted while data still uses it',
  rationale:
    'KMS destroys a key when its deletion window ends, and with it the only way to decrypt what it protected: table items, objects, snapshots, secrets and logs become unreadable for good. A key that data still uses must not be removed from the code or scheduled for deletion without re-encrypting that data first.',
  remediation: {
    cloudformation:
      'OrdersKey:\n  Type: AWS::KMS::Key\n  DeletionPolicy: Retain          # keep the key when it leaves the template\n  UpdateReplacePolicy: Retain\n  Properties:\n    EnableKeyRotation: true       # and no PendingWindowInDays while data uses it',
    terraform:
      'resource "aws_kms_key" "orders" {\n  enable_key_rotation = true\n  lifecycle {\n    prevent_destroy = true # keep the key while data uses it\n  }\n}',
  },
  appliesTo: [KEY],
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html', 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-determining-usage.html'],
  compare(pair, ctx) {
    const base = pair.base;
    // A key that only head defines cannot be deleted by this change; one AWS manages is not ours to delete.
    if (base?.type !== KEY || base.facets.kms?.keyManager === 'AWS') return undefined;
    if (!pair.head || pair.change === 'replaced') return verdict(removal(pair, base, ctx), ctx);
    const scheduled = scheduling(base, pair.head, ctx);
    return scheduled && verdict(scheduled, ctx);
  },
};
