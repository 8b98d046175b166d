import { globMatchesPath } from '@pillarguard/rules';

/**
 * Which files of the two commits a pull request's diff must read. A changed CloudFormation
 * template or plan is read alone; a changed Terraform file brings its whole directory (a module's
 * meaning depends on every file of it: variables, locals, references); a file of a CDK cloud
 * assembly brings the assembly (the manifest names the templates). The same paths are read on
 * both sides, each from its own commit's tree.
 */
export interface TreeFile {
  path: string;
  /** Git blob id: identical ids on both sides mean identical content. */
  sha: string;
  size?: number;
}

/** Extensions the engine reads (CloudFormation, CDK output, Terraform, plans, Config exports). */
const IAC = /\.(tf|tf\.json|tfvars|tfvars\.json|json|ya?ml|template)$/i;
const TERRAFORM = /\.(tf|tf\.json|tfvars|tfvars\.json)$/i;
/** Files of a Terraform directory that Terraform itself loads (other `.tfvars` files are passed by hand). */
const TERRAFORM_LOADED = /(\.tf|\.tf\.json|^terraform\.tfvars|^terraform\.tfvars\.json|\.auto\.tfvars|\.auto\.tfvars\.json)$/i;

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether a path is code the action considers: an IaC extension, inside the `paths` globs when there are any. */
export function considered(path: string, globs: readonly string[]): boolean {
  return IAC.test(path) && (globs.length === 0 || globs.some((g) => globMatchesPath(g, path)));
}

/** The directory of the cloud assembly a path belongs to (the nearest ancestor holding a `manifest.json` with templates), if any. */
function assemblyOf(path: string, tree: ReadonlySet<string>): string | undefined {
  for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    const manifest = dir ? `${dir}/manifest.json` : 'manifest.json';
    if (tree.has(manifest) && (/(^|\/)cdk\.out$/.test(dir) || [...tree].some((p) => dirOf(p) === dir && p.endsWith('.template.json')))) return dir;
    if (!dir) return undefined;
  }
}

/**
 * The paths to read on each side for these changed files (renames give both names). Returns them
 * sorted; `changed` are the considered changed files themselves (for the approval policy's paths).
 */
export function filesToRead(changedFiles: readonly string[], base: readonly TreeFile[], head: readonly TreeFile[], globs: readonly string[]): { read: string[]; changed: string[] } {
  const all = new Set([...base.map((f) => f.path), ...head.map((f) => f.path)]);
  const changed = [...new Set(changedFiles)].filter((p) => considered(p, globs)).sort();
  const read = new Set<string>();
  for (const p of changed) {
    const assembly = assemblyOf(p, all);
    if (assembly !== undefined) {
      for (const q of all) if ((assembly === '' || q.startsWith(`${assembly}/`)) && q.endsWith('.json')) read.add(q);
    } else if (TERRAFORM.test(p)) {
      const dir = dirOf(p);
      for (const q of all) if (dirOf(q) === dir && TERRAFORM_LOADED.test(baseName(q))) read.add(q);
      // A hand-passed .tfvars that changed is read too (the engine applies it to its directory).
      read.add(p);
    } else {
      read.add(p);
    }
  }
  return { read: [...read].sort(), changed };
}
