export { mapTerraformResources } from './mapper';
export { TERRAFORM_TO_CFN_TYPE, FOLDED_TYPES } from './registry';
export type { TfResourceInput, TfValue } from './types';
