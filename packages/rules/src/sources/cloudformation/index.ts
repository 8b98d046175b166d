export { looksLikeCloudFormation } from './detect';
export { parseCloudFormation, type CfnParseOptions } from './parse';
export { mapCloudFormationResources } from './mapper';
export type { CfnResourceInput, CfnValue } from './types';
