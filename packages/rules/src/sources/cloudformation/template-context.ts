import type { CfnValue } from './types';

/** A template parameter as the resolver needs it. */
export interface ParameterInfo {
  type: string;
  /** `Default`, or the value given with `--parameter`; undefined when neither. */
  value?: string;
  /** True when the value came from the template's `Default` (a literal in the code). */
  fromDefault: boolean;
  noEcho: boolean;
}

/** The parts of a template that intrinsic functions refer to. */
export interface TemplateContext {
  parameters: Map<string, ParameterInfo>;
  /** `Mappings` as written (already long-form). */
  mappings: { [key: string]: CfnValue };
  /** `Conditions` as written. */
  conditions: { [key: string]: CfnValue };
  resourceIds: Set<string>;
}
