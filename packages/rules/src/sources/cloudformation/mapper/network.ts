import type { IngressRule, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import type { CfnMap } from '../values';
import { lower } from './logic';
import { mapItems, Props, toNum, toStr } from './props';
import type { TypeMapper } from './types';

/** One ingress permission (`IpProtocol`, ports, `CidrIp`/`CidrIpv6`); missing ports mean all (-1). */
export function ingressRule(item: CfnMap, path: string | undefined): IngressRule {
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const protocol = lower(toStr(item.IpProtocol, at('IpProtocol'))) ?? unknown(`${at('IpProtocol')} is not set`);
  const port = (k: string): V<number> => toNum(item[k], at(k)) ?? -1;
  const cidrs: V<string>[] = [];
  for (const k of ['CidrIp', 'CidrIpv6']) {
    const c = toStr(item[k], at(k));
    if (c !== undefined) cidrs.push(c);
  }
  return { protocol, fromPort: port('FromPort'), toPort: port('ToPort'), cidrs, ...(path ? { path } : {}) };
}

const securityGroup: TypeMapper = (p) => {
  p.track('network.ingress', 'SecurityGroupIngress');
  const raw = p.get('SecurityGroupIngress');
  const ingress = isUnknown(raw)
    ? [{ protocol: raw, fromPort: raw, toPort: raw, cidrs: [raw], path: 'SecurityGroupIngress' }]
    : mapItems(raw).map((item, i) => ingressRule(item, `SecurityGroupIngress[${i}]`));
  const vpc = p.str('network.vpc', 'VpcId');
  return { name: p.text('GroupName'), facets: { network: { ingress, ...(vpc !== undefined ? { vpc } : {}) } } };
};

/** A separate ingress resource: its rule, and the group it belongs to (the linker folds it in). */
const securityGroupIngress: TypeMapper = (p) => {
  const groupPath = p.get('GroupId') !== undefined ? 'GroupId' : 'GroupName';
  const group = p.str('network.securityGroups', groupPath);
  p.track('network.ingress', 'IpProtocol');
  return { facets: { network: { ingress: [ingressRule(p.values, undefined)], securityGroups: group === undefined ? [] : isUnknown(group) ? group : [group] } } };
};

const ENDPOINT_TYPES = ['Gateway', 'Interface', 'GatewayLoadBalancer'] as const;

const vpcEndpoint: TypeMapper = (p: Props) => {
  const type = p.str('network.endpointType', 'VpcEndpointType') ?? 'Gateway';
  const endpointType = isUnknown(type) ? type : (ENDPOINT_TYPES.find((t) => t.toLowerCase() === type.toLowerCase()) ?? unknown(`VpcEndpointType ${type} is not known`));
  const service = p.str('network.endpointService', 'ServiceName');
  const vpc = p.str('network.vpc', 'VpcId');
  return {
    facets: {
      network: {
        endpointService: service ?? unknown('ServiceName is not set'),
        endpointType,
        ...(vpc !== undefined ? { vpc } : {}),
      },
    },
  };
};

export const NETWORK_MAPPERS: Record<string, TypeMapper> = {
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::SecurityGroupIngress': securityGroupIngress,
  'AWS::EC2::VPCEndpoint': vpcEndpoint,
  'AWS::EC2::VPC': () => ({ facets: {} }),
};
