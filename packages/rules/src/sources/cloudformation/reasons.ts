import type { Unknown } from '../../model';
import { isUnknown, unknown } from '../../model';

/**
 * Unknown values that stand for input supplied when the stack is deployed (a parameter without
 * default, an SSM-backed parameter). The mapper must tell them from other unknowns: a password
 * passed in as a parameter is not a literal in the code. The reason text is the marker, so the
 * distinction survives any copying of the value tree.
 */
const PARAMETER_PREFIX = 'parameter ';

export function parameterUnknown(name: string, detail: string): Unknown {
  return unknown(`${PARAMETER_PREFIX}${name} ${detail}`);
}

export function isDeployTimeInput(v: unknown): boolean {
  return isUnknown(v) && v.reason.startsWith(PARAMETER_PREFIX);
}
