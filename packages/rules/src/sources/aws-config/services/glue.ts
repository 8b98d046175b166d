import type { ParameterMap } from '../../../model';
import { isObject } from '../json';
import type { ItemReader } from '../reader';
import type { ItemMapper } from './types';

/** A string map (`DefaultArguments`); non-string values become their JSON text. */
function stringMap(r: ItemReader, facet: string, path: string): ParameterMap {
  const found = r.get(path);
  r.mark(facet, path);
  const out: ParameterMap = {};
  if (!isObject(found.value)) return out;
  for (const [k, v] of Object.entries(found.value)) if (k !== '__proto__') out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

/**
 * AWS::Glue::Job: recorded through the CloudFormation registry, so keys are in CloudFormation casing
 * (`SecurityConfiguration`, `DefaultArguments`, `Connections.Connections`). No security configuration ⇒ null.
 */
export const glueJob: ItemMapper = (r) => {
  const sc = r.str('glue.securityConfiguration', 'configuration.SecurityConfiguration');
  const connections = r.strList('network.connections', 'configuration.Connections.Connections');
  return {
    glue: {
      securityConfiguration: sc === undefined ? null : sc,
      defaultArguments: stringMap(r, 'glue.defaultArguments', 'configuration.DefaultArguments'),
    },
    network: { connections },
  };
};
