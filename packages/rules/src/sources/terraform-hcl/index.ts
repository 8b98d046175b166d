import { ParseError, type SourceFile, type SourceResult } from '../../model';
import { mapTerraformResources } from '../terraform/mapper';
import { evaluateModule, type ModuleEvaluation, type TerraformModuleOptions } from './evaluate';

export type { TerraformModuleOptions } from './evaluate';

/**
 * The Terraform HCL adapter: the `.tf` / `.tf.json` files of one module directory (plus its
 * auto-loaded tfvars) → evaluated resource instances → Resources. Pure: files arrive as strings.
 * Never throws: unreadable input is a ParseError, anything unexpected too.
 */
export async function evaluateTerraformModule(files: readonly SourceFile[], options?: TerraformModuleOptions): Promise<ModuleEvaluation> {
  try {
    return await evaluateModule(files, options);
  } catch (e) {
    const first = files[0]?.path ?? '(terraform module)';
    return { inputs: [], errors: [new ParseError(first, `internal error while evaluating this module: ${e instanceof Error ? e.message : String(e)}`, { format: 'terraform' })], notes: [] };
  }
}

export async function parseTerraformModule(files: readonly SourceFile[], options?: TerraformModuleOptions): Promise<SourceResult> {
  const { inputs, errors, notes, moves } = await evaluateTerraformModule(files, options);
  try {
    const mapped = mapTerraformResources(inputs);
    return { resources: mapped.resources, errors, notes: [...notes, ...mapped.notes], ...(moves?.length ? { moves } : {}) };
  } catch (e) {
    const first = files[0]?.path ?? '(terraform module)';
    return { resources: [], errors: [...errors, new ParseError(first, `internal error while mapping this module: ${e instanceof Error ? e.message : String(e)}`, { format: 'terraform' })], notes };
  }
}

/** `.tf`, `.tf.json`, `.tfvars`, `.tfvars.json`. */
export function isTerraformFile(path: string): boolean {
  const p = path.toLowerCase();
  return p.endsWith('.tf') || p.endsWith('.tf.json') || p.endsWith('.tfvars') || p.endsWith('.tfvars.json');
}
