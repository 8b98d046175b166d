import { ANNOTATION_ARN, ANNOTATION_RESOURCE_TYPE, ANNOTATION_TAGS } from '@pillarguard/backstage-plugin-common';

export { ANNOTATION_ARN, ANNOTATION_RESOURCE_TYPE, ANNOTATION_TAGS };

export interface TagCondition {
  key: string;
  value: string;
}

/** What an entity claims: ARNs (exact), and/or a tag selector; `problems` name the annotation and what is wrong. */
export interface ResourceSelector {
  arns: string[];
  resourceType?: string;
  tags?: TagCondition[];
  problems: string[];
}

const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;
/** AWS tag keys and values: up to 128 / 256 characters; no `=` or `,` here (they delimit the selector). */
const TAG_KEY = /^[^=,]{1,128}$/;
const TAG_VALUE = /^[^=,]{0,256}$/;

/**
 * The resources an entity claims, from its annotations; undefined when it has none of them (it
 * is not a Pillarguard entity). ARNs may be comma- or whitespace-separated (several resources).
 */
export function selectorOf(annotations: Readonly<Record<string, string>> | undefined): ResourceSelector | undefined {
  const a = annotations ?? {};
  if (a[ANNOTATION_ARN] === undefined && a[ANNOTATION_TAGS] === undefined) return undefined;
  const out: ResourceSelector = { arns: [], problems: [] };
  for (const arn of (a[ANNOTATION_ARN] ?? '').split(/[\s,]+/).filter(Boolean)) {
    if (ARN.test(arn)) out.arns.push(arn);
    else out.problems.push(`${ANNOTATION_ARN}: "${arn}" is not an ARN`);
  }
  const type = a[ANNOTATION_RESOURCE_TYPE]?.trim();
  if (type) {
    if (/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(type)) out.resourceType = type;
    else out.problems.push(`${ANNOTATION_RESOURCE_TYPE}: "${type}" is not an AWS resource type such as AWS::DynamoDB::Table`);
  }
  if (a[ANNOTATION_TAGS] !== undefined) {
    const tags: TagCondition[] = [];
    for (const pair of a[ANNOTATION_TAGS].split(',').map((p) => p.trim()).filter(Boolean)) {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? '' : pair.slice(0, eq).trim();
      const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (eq < 0 || !TAG_KEY.test(key) || !TAG_VALUE.test(value)) out.problems.push(`${ANNOTATION_TAGS}: "${pair}" is not key=value`);
      else tags.push({ key, value });
    }
    if (tags.length) out.tags = tags;
    else if (!out.problems.some((p) => p.startsWith(ANNOTATION_TAGS))) out.problems.push(`${ANNOTATION_TAGS}: no key=value pair`);
  }
  return out;
}

/** The part of a resource the selector looks at (an AWS Config item as the rules engine maps it). */
export interface SelectableResource {
  arn?: string;
  type: string;
  tags: Readonly<Record<string, unknown>>;
}

/** Whether a resource belongs to the entity: one of its ARNs, or every tag condition met (and the type, when one is given). */
export function selects(selector: ResourceSelector, r: SelectableResource): boolean {
  if (selector.resourceType !== undefined && r.type !== selector.resourceType) return false;
  if (r.arn !== undefined && selector.arns.includes(r.arn)) return true;
  if (!selector.tags) return false;
  return selector.tags.every((t) => typeof r.tags[t.key] === 'string' && r.tags[t.key] === t.value);
}
