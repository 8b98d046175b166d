import type { IngressRule, NetworkFacet, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import { field, isObject, type Json, type JsonObject } from '../json';
import { optional } from './common';
import type { ItemMapper } from './types';

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1' };

function protocol(v: Json | undefined): V<string> {
  if (v === undefined || v === null) return '-1';
  if (typeof v !== 'string' && typeof v !== 'number') return unknown('ipProtocol is not a string');
  const p = String(v).toLowerCase();
  return PROTOCOL_NAMES[p] ?? p;
}

function port(v: Json | undefined): V<number> {
  if (v === undefined || v === null) return -1;
  return typeof v === 'number' ? v : unknown(`port ${JSON.stringify(v)} is not a number`);
}

/**
 * CIDRs of one permission. Config writes IPv4 ranges twice: `ipRanges` (plain strings, the older
 * form) and `ipv4Ranges` (`{cidrIp}`); IPv6 as `ipv6Ranges` (`{cidrIpv6}`). Group pairs and prefix
 * lists are not CIDRs and not public, so they are left out.
 */
function cidrs(p: JsonObject): V<string>[] {
  const out = new Set<string>();
  const add = (list: Json | undefined, key?: string) => {
    if (!Array.isArray(list)) return;
    for (const x of list) {
      const v = key !== undefined && isObject(x) ? field(x, key) : x;
      if (typeof v === 'string' && v !== '') out.add(v);
    }
  };
  add(field(p, 'ipRanges'));
  add(field(p, 'ipRanges'), 'cidrIp');
  add(field(p, 'ipv4Ranges'), 'cidrIp');
  add(field(p, 'ipv6Ranges'), 'cidrIpv6');
  return [...out];
}

/** One ingress permission; protocol `-1` means every port whatever from/to say. */
function ingressRule(p: Json, path: string): IngressRule {
  if (!isObject(p)) {
    const u = unknown(`${path} is not an object`);
    return { protocol: u, fromPort: u, toPort: u, cidrs: [u], path };
  }
  const proto = protocol(field(p, 'ipProtocol'));
  const all = proto === '-1';
  return { protocol: proto, fromPort: all ? -1 : port(field(p, 'fromPort')), toPort: all ? -1 : port(field(p, 'toPort')), cidrs: cidrs(p), path };
}

/** AWS::EC2::SecurityGroup: `ipPermissions` are the ingress rules. */
export const securityGroup: ItemMapper = (r) => {
  const list = r.list('network.ingress', 'configuration.ipPermissions');
  let ingress: IngressRule[];
  if (isUnknown(list)) ingress = [{ protocol: list, fromPort: list, toPort: list, cidrs: [list], path: 'configuration.ipPermissions' }];
  else ingress = list.map((p, i) => ingressRule(p, r.get(`configuration.ipPermissions.${i}`).path));
  const vpc = r.str('network.vpc', 'configuration.vpcId');
  return { network: { ingress, ...optional('vpc', vpc) } };
};

const ENDPOINT_TYPES = ['Gateway', 'Interface', 'GatewayLoadBalancer'] as const;

/** AWS::EC2::VPCEndpoint (DescribeVpcEndpoints casing). */
export const vpcEndpoint: ItemMapper = (r) => {
  const t = r.strOr('network.endpointType', 'configuration.vpcEndpointType', 'Gateway');
  const network: NetworkFacet = {
    endpointService: r.str('network.endpointService', 'configuration.serviceName') ?? '',
    endpointType: isUnknown(t) ? t : (ENDPOINT_TYPES.find((x) => x.toLowerCase() === t.toLowerCase()) ?? unknown(`endpoint type ${t} is not known`)),
    ...optional('vpc', r.str('network.vpc', 'configuration.vpcId')),
    securityGroups: r.strList('network.securityGroups', 'configuration.groups', 'groupId'),
  };
  return { network };
};

export const vpc: ItemMapper = () => ({});
