import type { IngressRule, V } from '../../../model';
import { isUnknown } from '../../../model';
import { toNum, toStr, toStrItems, type TfObject } from '../values';
import type { TypeMapping } from './types';

const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1' };

function protocol(v: V<string> | undefined): V<string> {
  if (v === undefined) return '-1';
  if (isUnknown(v)) return v;
  const p = v.toLowerCase();
  return PROTOCOL_NUMBERS[p] ?? p;
}

function cidrList(b: TfObject, keys: string[], path: string): V<string>[] {
  const out: V<string>[] = [];
  for (const k of keys) {
    const items = toStrItems(b[k], `${path}.${k}`);
    if (items === undefined) continue;
    if (isUnknown(items)) out.push(items);
    else out.push(...items.filter((c) => c !== ''));
  }
  return out;
}

/**
 * One ingress permission. Protocol `-1` (all) means all ports whatever from/to say; Terraform
 * writes 0/0 there, the facet says -1/-1. Security-group and prefix-list sources are not CIDRs
 * and are left out (they are not public).
 */
export function ingressRule(b: TfObject, path: string, names: { protocol: string; cidrs: string[] }): IngressRule {
  const proto = protocol(toStr(b[names.protocol], `${path}.${names.protocol}`));
  const all = proto === '-1';
  return {
    protocol: proto,
    fromPort: all ? -1 : (toNum(b.from_port, `${path}.from_port`) ?? -1),
    toPort: all ? -1 : (toNum(b.to_port, `${path}.to_port`) ?? -1),
    cidrs: cidrList(b, names.cidrs, path),
    path,
  };
}

export const securityGroup: TypeMapping = {
  cfnType: 'AWS::EC2::SecurityGroup',
  nameAttr: 'name',
  map(r) {
    r.mark('network.ingress', 'ingress');
    const raw = r.raw('ingress');
    const ingress: IngressRule[] = isUnknown(raw)
      ? [{ protocol: raw, fromPort: raw, toPort: raw, cidrs: [raw], path: 'ingress' }]
      : r.blocks('ingress').map((b, i) => ingressRule(b, `ingress[${i}]`, { protocol: 'protocol', cidrs: ['cidr_blocks', 'ipv6_cidr_blocks'] }));
    const vpc = r.str('network.vpc', 'vpc_id');
    return { facets: { network: { ingress, ...(vpc === undefined ? {} : { vpc }) } } };
  },
};

/** aws_security_group_rule: `type = "ingress"` is an ingress rule of its group; egress carries no facets. */
export const securityGroupRule: TypeMapping = {
  cfnType: 'AWS::EC2::SecurityGroupIngress',
  map(r) {
    const kind = r.raw('type');
    if (kind === 'egress') return { type: 'AWS::EC2::SecurityGroupEgress', facets: {} };
    r.mark('network.ingress', 'cidr_blocks');
    r.mark('network.securityGroups', 'security_group_id');
    const group = r.str(undefined, 'security_group_id');
    return {
      facets: {
        network: {
          ingress: [ingressRule(r.values, 'cidr_blocks', { protocol: 'protocol', cidrs: ['cidr_blocks', 'ipv6_cidr_blocks'] })],
          securityGroups: group === undefined ? [] : isUnknown(group) ? group : [group],
        },
      },
    };
  },
};

/** aws_vpc_security_group_ingress_rule: one CIDR per rule (`cidr_ipv4` / `cidr_ipv6`). */
export const vpcSecurityGroupIngressRule: TypeMapping = {
  cfnType: 'AWS::EC2::SecurityGroupIngress',
  map(r) {
    r.mark('network.ingress', r.has('cidr_ipv6') ? 'cidr_ipv6' : 'cidr_ipv4');
    r.mark('network.securityGroups', 'security_group_id');
    const group = r.str(undefined, 'security_group_id');
    return {
      facets: {
        network: {
          ingress: [ingressRule(r.values, r.has('cidr_ipv6') ? 'cidr_ipv6' : 'cidr_ipv4', { protocol: 'ip_protocol', cidrs: ['cidr_ipv4', 'cidr_ipv6'] })],
          securityGroups: group === undefined ? [] : isUnknown(group) ? group : [group],
        },
      },
    };
  },
};

export const vpcSecurityGroupEgressRule: TypeMapping = { cfnType: 'AWS::EC2::SecurityGroupEgress', map: () => ({ facets: {} }) };

export const vpc: TypeMapping = { cfnType: 'AWS::EC2::VPC', map: () => ({ facets: {} }) };

const ENDPOINT_TYPES = ['Gateway', 'Interface', 'GatewayLoadBalancer'] as const;

export const vpcEndpoint: TypeMapping = {
  cfnType: 'AWS::EC2::VPCEndpoint',
  map(r) {
    const t = r.strOr('network.endpointType', 'vpc_endpoint_type', 'Gateway');
    const vpcId = r.str('network.vpc', 'vpc_id');
    return {
      facets: {
        network: {
          endpointService: r.str('network.endpointService', 'service_name') ?? '',
          endpointType: isUnknown(t) ? t : (ENDPOINT_TYPES.find((x) => x.toLowerCase() === t.toLowerCase()) ?? 'Gateway'),
          ...(vpcId === undefined ? {} : { vpc: vpcId }),
        },
      },
    };
  },
};
