import type { Resource } from '../../model';
import { mapTerraformResources } from './mapper';
import type { TfResourceInput, TfValue } from './types';

/** A managed (or data) resource input at `main.tf`, for mapper tests. */
export function tf(address: string, values: { [key: string]: TfValue }, mode: 'managed' | 'data' = 'managed'): TfResourceInput {
  const rel = address.replace(/^(module\.[^.]+(\[[^\]]*\])?\.)*/, '');
  const type = (mode === 'data' ? rel.replace(/^data\./, '') : rel).split('.')[0];
  return { address, type, mode, values, location: { file: 'main.tf', format: 'terraform', line: 1 } };
}

/** Maps the inputs and returns the resource with the given id (throws when missing). */
export function mapOne(id: string, ...inputs: TfResourceInput[]): Resource {
  const { resources } = mapTerraformResources(inputs);
  const r = resources.find((x) => x.id === id);
  if (!r) throw new Error(`no ${id} among ${resources.map((x) => x.id).join(', ')}`);
  return r;
}
