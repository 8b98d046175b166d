import type { Resource } from '../../model';
import { isUnknown, unknown } from '../../model';
import type { CheckResult, RuleContext } from '../../rules/types';
import { GLUE_ENCRYPTION_MODES, type ModeRequirement } from '../../rules/glue';
import { lost, type State } from './protection';

/*
 * Glue's encryption settings as `encryption.downgraded` compares them: the modes of a security
 * configuration (S3 output, CloudWatch logs, job bookmarks), what a job or crawler gets from the
 * configuration it names (so dropping or swapping it counts), and the Data Catalog's own
 * encryption at rest and of connection passwords.
 */

export const GLUE_ENCRYPTED_TYPES = ['AWS::Glue::SecurityConfiguration', 'AWS::Glue::Job', 'AWS::Glue::Crawler', 'AWS::Glue::DataCatalogEncryptionSettings'] as const;

const CONFIG = 'AWS::Glue::SecurityConfiguration';

/** The modes a resource is held to: crawlers have no bookmarks. */
function modesFor(r: Resource): readonly ModeRequirement[] {
  return r.type === 'AWS::Glue::Crawler' ? GLUE_ENCRYPTION_MODES.filter((m) => m.field !== 'jobBookmarksEncryptionMode') : GLUE_ENCRYPTION_MODES;
}

/** The security configuration whose modes apply: the resource itself, or the one a job or crawler names (null: none). */
function configOf(r: Resource, ctx: RuleContext): { config: Resource | null; text?: string } | { unknown: string } {
  if (r.type === CONFIG) return { config: r };
  const ref = r.facets.glue?.securityConfiguration;
  if (ref === undefined || ref === null) return { config: null, text: 'no security configuration' };
  if (isUnknown(ref)) return { unknown: `the security configuration cannot be resolved (${ref.reason})` };
  const config = ctx.index.resolve(ref, [CONFIG]);
  return config ? { config } : { unknown: `security configuration ${ref} is not in the input` };
}

function modeState(r: Resource, m: ModeRequirement, ctx: RuleContext): State {
  const c = configOf(r, ctx);
  if ('unknown' in c) return { holds: unknown(c.unknown), text: `unknown (${c.unknown})` };
  if (c.config === null) return { holds: false, text: `${c.text} (DISABLED)` };
  // A mode the configuration does not set is DISABLED (the Glue API default).
  const v = c.config.facets.glue?.[m.field] ?? 'DISABLED';
  if (isUnknown(v)) return { holds: v, text: `unknown (${v.reason})` };
  const via = c.config === r ? '' : ` (security configuration ${c.config.id})`;
  return { holds: v.toUpperCase() === m.expected, text: `${v}${via}` };
}

function related(base: Resource, head: Resource, ctx: { base: RuleContext; head: RuleContext }): string[] | undefined {
  const ids = [configOf(base, ctx.base), configOf(head, ctx.head)].flatMap((c) => ('config' in c && c.config && c.config !== base && c.config !== head ? [c.config.id] : []));
  return ids.length ? [...new Set(ids)] : undefined;
}

/** One result per Glue encryption setting that held in base and not in head. */
export function glueDowngrades(base: Resource, head: Resource, ctx: { base: RuleContext; head: RuleContext }): Array<CheckResult | undefined> {
  if (base.type !== head.type) return [];
  if (head.type === 'AWS::Glue::DataCatalogEncryptionSettings') {
    const at = (r: Resource): State => {
      const v = r.facets.glue?.catalogEncryptionMode ?? 'DISABLED';
      return isUnknown(v) ? { holds: v, text: `unknown (${v.reason})` } : { holds: v.toUpperCase() === 'SSE-KMS', text: v };
    };
    const pw = (r: Resource): State => {
      const v = r.facets.glue?.connectionPasswordEncryption ?? false;
      return isUnknown(v) ? { holds: v, text: `unknown (${v.reason})` } : { holds: v, text: v ? 'encrypted' : 'not encrypted' };
    };
    return [
      lost({ label: 'Data Catalog encryption at rest', path: 'glue.catalogEncryptionMode' }, at(base), at(head)),
      lost({ label: 'Data Catalog connection password encryption', path: 'glue.connectionPasswordEncryption' }, pw(base), pw(head)),
    ];
  }
  const rel = related(base, head, ctx);
  const path = head.type === CONFIG ? undefined : 'glue.securityConfiguration';
  return modesFor(head).map((m) =>
    lost({ label: `Glue ${m.label} with KMS`, path: path ?? `glue.${m.field}`, ...(rel ? { related: rel } : {}) }, modeState(base, m, ctx.base), modeState(head, m, ctx.head)),
  );
}
