/** Policy analysis for the CLI, the diff and the plugins: action catalog, statements, principals, escalation, trust. */
export { normalizePolicy } from './normalize';
export * from './catalog';
export * from './resource-pattern';
export * from './statement';
export * from './effective';
export * from './escalation';
export * from './trust';
export { awsManagedPolicyName, awsManagedModel } from './aws-managed';
