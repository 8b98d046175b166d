/**
 * Terraform addresses: `module.a["x"].module.b[0].aws_s3_bucket.c[1]`. Index keys are quoted
 * strings that may contain dots and brackets, so splitting is quote-aware.
 */

/** Removes every `[...]` index: the configuration knows modules and resources without instances. */
export function stripIndexes(address: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (depth > 0 && c === '"') quoted = true;
    else if (depth === 0) out += c;
  }
  return out;
}

/** The module instance part of a resource address (`module.a["x"]`), '' for the root module. */
export function moduleOf(address: string, type: string, name: string, mode: string): string {
  const rel = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const i = address.lastIndexOf(rel);
  if (i <= 0) return '';
  return address.slice(0, i - 1);
}

/** The instance index of a resource address (`[0]`, `["x"]`), '' when it has none. */
export function indexOf(address: string, type: string, name: string, mode: string): string {
  const rel = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const i = address.lastIndexOf(rel);
  if (i < 0) return '';
  const rest = address.slice(i + rel.length);
  return rest.startsWith('[') ? rest : '';
}

/** The parent module instance: `module.a["x"].module.b` → `module.a["x"]`. */
export function parentModule(moduleAddress: string): string {
  const i = moduleAddress.lastIndexOf('module.');
  return i <= 0 ? '' : moduleAddress.slice(0, i - 1);
}

