import type { IngressRule, Resource } from '../model';
import { isUnknown } from '../model';
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { fail, pass, unknownResult } from './support';

/** Default ports of the database engines on the platform: an open one invites brute force and exploits. */
const DB_PORTS: ReadonlyArray<readonly [number, string]> = [
  [5432, 'PostgreSQL'],
  [3306, 'MySQL/MariaDB'],
  [5439, 'Redshift'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
];

const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
const INGRESS = 'AWS::EC2::SecurityGroupIngress';

/** `0.0.0.0/0`, `::/0` — any CIDR with a /0 prefix is the whole internet. */
function isWholeInternet(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/**
 * What one ingress rule opens to the internet: the database ports it covers (empty = none), or
 * the reasons it cannot be told.
 */
type Exposure = { kind: 'open'; cidr: string; ports: string } | { kind: 'closed' } | { kind: 'unknown'; reason: string };

function exposureOf(rule: IngressRule): Exposure {
  const reasons: string[] = [];
  const world = rule.cidrs.find((c): c is string => typeof c === 'string' && isWholeInternet(c));
  if (world === undefined) {
    const unknownCidr = rule.cidrs.find(isUnknown);
    if (!unknownCidr) return { kind: 'closed' };
    reasons.push(`source CIDR unknown (${unknownCidr.reason})`);
  }
  const ports = portsOf(rule);
  if (ports.kind === 'none') return { kind: 'closed' };
  if (ports.kind === 'unknown') reasons.push(ports.reason);
  if (reasons.length || world === undefined || ports.kind === 'unknown') return { kind: 'unknown', reason: reasons.join('; ') };
  return { kind: 'open', cidr: world, ports: ports.kind === 'all' ? 'all ports' : ports.list };
}

type Ports = { kind: 'all' } | { kind: 'some'; list: string } | { kind: 'none' } | { kind: 'unknown'; reason: string };

/** The database ports a rule's protocol and range cover. Databases listen on TCP only. */
function portsOf(rule: IngressRule): Ports {
  if (isUnknown(rule.protocol)) return { kind: 'unknown', reason: `protocol unknown (${rule.protocol.reason})` };
  const protocol = rule.protocol.trim().toLowerCase();
  if (protocol === '-1' || protocol === 'all') return { kind: 'all' };
  if (protocol !== 'tcp' && protocol !== '6') return { kind: 'none' };
  if (isUnknown(rule.fromPort)) return { kind: 'unknown', reason: `port range unknown (${rule.fromPort.reason})` };
  if (isUnknown(rule.toPort)) return { kind: 'unknown', reason: `port range unknown (${rule.toPort.reason})` };
  const from = rule.fromPort;
  const to = rule.toPort;
  if (from === -1 || (from <= 0 && to >= 65535)) return { kind: 'all' };
  const hit = DB_PORTS.filter(([port]) => from <= port && port <= to).map(([port, name]) => `${port} (${name})`);
  return hit.length ? { kind: 'some', list: `tcp ${hit.join(', ')}` } : { kind: 'none' };
}

const dbPortOpen: Rule = {
  id: 'network.db-port-open',
  pillar: 'network',
  severity: 'critical',
  title: 'Security groups do not open database ports to the internet',
  rationale:
    'Ingress from 0.0.0.0/0 or ::/0 on a database port (or on all ports) lets anyone on the internet reach the database listener and try credentials or exploits. The article (pillar 3; Aurora example) asks to restrict inbound rules to application security groups, not wide CIDRs.',
  remediation: {
    cloudformation:
      'DbSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: database\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n      - IpProtocol: tcp\n        FromPort: 5432\n        ToPort: 5432\n        SourceSecurityGroupId: !Ref AppSecurityGroup   # not CidrIp: 0.0.0.0/0',
    terraform:
      'resource "aws_vpc_security_group_ingress_rule" "db_from_app" {\n  security_group_id            = aws_security_group.db.id\n  ip_protocol                  = "tcp"\n  from_port                    = 5432\n  to_port                      = 5432\n  referenced_security_group_id = aws_security_group.app.id # not cidr_ipv4 = "0.0.0.0/0"\n}',
  },
  appliesTo: [SECURITY_GROUP, INGRESS],
  references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.RDSSecurityGroups.html'],
  check(resource, ctx) {
    // A separate ingress rule is folded into its group by the linker and reported there; it is
    // checked on its own only when its group is not part of the input.
    if (resource.type === INGRESS && belongsToKnownGroup(resource, ctx)) return undefined;
    const results: CheckResult[] = [];
    (resource.facets.network?.ingress ?? []).forEach((rule, i) => {
      const path = rule.path ?? `network.ingress[${i}]`;
      const exposure = exposureOf(rule);
      if (exposure.kind === 'open') results.push(fail(`ingress from ${exposure.cidr} on ${exposure.ports}.`, path));
      else if (exposure.kind === 'unknown') results.push(unknownResult(`cannot tell whether this ingress rule opens a database port to the internet: ${exposure.reason}.`, path));
    });
    return results.length ? results : pass('no ingress from the internet on database ports.', 'network.ingress');
  },
};

function belongsToKnownGroup(ingress: Resource, ctx: RuleContext): boolean {
  const groups = ingress.facets.network?.securityGroups;
  if (groups === undefined || isUnknown(groups)) return false;
  return groups.some((g) => ctx.index.resolve(g, [SECURITY_GROUP]) !== undefined);
}

export const rules: AnyRule[] = [dbPortOpen];
