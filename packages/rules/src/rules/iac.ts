import type { Resource, V } from '../model';
import { isUnknown } from '../model';
import { DATA_RESOURCE_TYPES } from '../classify/classify';
import type { AnyRule, Rule } from './types';
import { display, fail, pass, unknownResult } from './support';

/**
 * Pillar 7 (policy as code): resources are defined in code, reviewed, and owned. `iac.managed`
 * only makes sense on live resources (AWS Config); `iac.owner` on every format.
 */

/**
 * Types that carry tags in every format and that a team owns. Glue databases and tables are left
 * out: CloudFormation cannot tag them (they are classified by parameters and LF-tags instead).
 */
const OWNED_TYPES: readonly string[] = [
  ...DATA_RESOURCE_TYPES.filter((t) => t !== 'AWS::Glue::Database' && t !== 'AWS::Glue::Table'),
  'AWS::RedshiftServerless::Workgroup',
  'AWS::KMS::Key',
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::Glue::Job',
  'AWS::Glue::Crawler',
  'AWS::EC2::SecurityGroup',
  'AWS::CloudTrail::Trail',
  'AWS::Logs::LogGroup',
];

const STACK_TAG = 'aws:cloudformation:stack-name';

/** Tag value by key, compared case-insensitively (IaC authors write `Owner` and `owner`). */
function tagValue(resource: Resource, key: string): { key: string; value: V<string> } | undefined {
  const k = Object.keys(resource.tags).find((t) => t.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : { key: k, value: resource.tags[k] };
}

const managed: Rule = {
  id: 'iac.managed',
  pillar: 'policy-as-code',
  severity: 'medium',
  title: 'Live resources are managed as infrastructure as code',
  rationale:
    'A resource created by hand escapes review: none of the PR-time checks, approvals or history apply to it, and it drifts silently. Pillar 7: "manage the entire cloud policies as infrastructure as code rather than manual deployments".',
  remediation: {
    cloudformation: '# Bring the resource into a stack (resource import):\n# aws cloudformation create-change-set --change-set-type IMPORT \\\n#   --stack-name data-platform --template-body file://template.yaml \\\n#   --resources-to-import \'[{"ResourceType":"AWS::S3::Bucket","LogicalResourceId":"RawBucket","ResourceIdentifier":{"BucketName":"raw-bucket"}}]\'',
    terraform: 'import {\n  to = aws_s3_bucket.raw\n  id = "raw-bucket"\n}\n\nresource "aws_s3_bucket" "raw" {\n  bucket = "raw-bucket"\n  tags   = { managed-by = "terraform" }\n}',
  },
  appliesTo: OWNED_TYPES,
  formats: ['aws-config'],
  references: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-import.html', 'https://developer.hashicorp.com/terraform/language/import'],
  check(resource, ctx) {
    const stack = tagValue(resource, STACK_TAG);
    if (stack) return pass(`belongs to CloudFormation stack ${isUnknown(stack.value) ? '(unknown)' : stack.value}.`, `tags.${stack.key}`);
    let unclear: string | undefined;
    for (const [key, expected] of Object.entries(ctx.config.iacTags)) {
      const tag = tagValue(resource, key);
      if (!tag) continue;
      if (isUnknown(tag.value)) {
        unclear = `tag ${tag.key} is unknown (${tag.value.reason})`;
        continue;
      }
      if (expected === '*' || tag.value === expected) return pass(`tagged ${tag.key}=${tag.value}.`, `tags.${tag.key}`);
    }
    if (unclear) return unknownResult(`cannot tell whether ${display(resource)} is managed as code: ${unclear}.`, 'tags');
    if (resource.tagsUnknown) return unknownResult(`cannot tell whether ${display(resource)} is managed as code: its tags cannot be read (${resource.tagsUnknown}).`, 'tags');
    const wanted = [STACK_TAG, ...Object.entries(ctx.config.iacTags).map(([k, v]) => (v === '*' ? k : `${k}=${v}`))].join(', ');
    return fail(`${display(resource)} belongs to no CloudFormation stack and carries none of the IaC tags (${wanted}).`, 'tags');
  },
};

/** Does a tag value name one of the catalog groups? `team-a` matches `group:default/team-a`. */
function matchesGroup(value: string, groups: readonly string[]): boolean {
  // Backstage entity refs (`group:default/team-a`) compare case-insensitively, by full ref or by name.
  const nameOf = (s: string) => s.trim().toLowerCase().split(/[/:]/).pop() ?? '';
  return groups.some((g) => g.trim().toLowerCase() === value.trim().toLowerCase() || nameOf(g) === nameOf(value));
}

const owner: Rule = {
  id: 'iac.owner',
  pillar: 'policy-as-code',
  severity: 'low',
  title: 'Resources carry an owner tag naming a catalog group',
  rationale:
    'Findings, approvals and scores roll up by owner; a resource without a known owner has nobody to fix it. Pillar 1 of the article: "clear boundaries across each database object with an owning principal".',
  remediation: {
    cloudformation: 'Tags:\n  - Key: owner\n    Value: team-orders   # a group of the software catalog',
    terraform: 'tags = {\n  owner = "team-orders" # a group of the software catalog\n}',
  },
  appliesTo: OWNED_TYPES,
  references: ['https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html', 'https://backstage.io/docs/features/software-catalog/descriptor-format#specowner-required'],
  check(resource, ctx) {
    const groups = ctx.config.ownerGroups;
    for (const key of ctx.config.ownerTags) {
      const tag = tagValue(resource, key);
      if (!tag) continue;
      const path = `tags.${tag.key}`;
      if (isUnknown(tag.value)) return unknownResult(`cannot tell the owner of ${display(resource)}: tag ${tag.key} is unknown (${tag.value.reason}).`, path);
      if (tag.value.trim() === '') return fail(`${display(resource)} has an empty ${tag.key} tag.`, path);
      // An empty group list means the catalog gave none: only presence can be checked.
      if (!groups || groups.length === 0) return pass(`owned by ${tag.value} (tag ${tag.key}).`, path);
      if (matchesGroup(tag.value, groups)) return pass(`owned by catalog group ${tag.value} (tag ${tag.key}).`, path);
      return fail(`${display(resource)} has ${tag.key}=${JSON.stringify(tag.value)}, which is not a catalog group.`, path);
    }
    if (resource.tagsUnknown) return unknownResult(`cannot tell the owner of ${display(resource)}: its tags cannot be read (${resource.tagsUnknown}).`, 'tags');
    return fail(`${display(resource)} has no owner tag (expected one of: ${ctx.config.ownerTags.join(', ')}).`, 'tags');
  },
};

/**
 * `iac.parseable` is decided by the engine from the adapters' parse errors (one failure per error,
 * one pass per clean input). It lives here so docs and reports carry its metadata; it applies to
 * no resource type, so its check never runs.
 */
const parseable: Rule = {
  id: 'iac.parseable',
  pillar: 'policy-as-code',
  severity: 'high',
  title: 'Every infrastructure-as-code file in scope parses',
  rationale:
    'A file the engine cannot read is a file nobody checked: treating it as a pass would let any change through by breaking the syntax. The gate fails closed on it (pillar 7, approval before risky changes).',
  remediation: {
    cloudformation: '# Fix the reported syntax error, then validate locally:\n# aws cloudformation validate-template --template-body file://template.yaml\n# npx pillarguard scan template.yaml',
    terraform: '# Fix the reported syntax error, then validate locally:\n# terraform fmt -check && terraform validate\n# npx pillarguard scan .',
  },
  appliesTo: [],
  references: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ValidateTemplate.html', 'https://developer.hashicorp.com/terraform/cli/commands/validate'],
  check: () => undefined,
};

export const rules: AnyRule[] = [managed, owner, parseable];
