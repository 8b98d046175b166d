/**
 * Cheap test for "is this a CloudFormation template": a top-level `AWSTemplateFormatVersion`, or
 * a top-level `Resources` whose entries have `Type: AWS::…`/`Custom::…`. It never parses the file:
 * it looks at top-level keys only (column 0 in YAML, depth 1 in JSON) in the first 256 KiB, so a
 * Terraform plan or an AWS Config snapshot (whose nested items may well mention `AWS::` types)
 * is rejected quickly whatever its size.
 */
const HEAD = 256 * 1024;

export function looksLikeCloudFormation(path: string, content: string): boolean {
  const head = content.slice(0, HEAD);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{')) return jsonLooksLikeCfn(head);
  if (trimmed.startsWith('[')) return false;
  return yamlLooksLikeCfn(head, path);
}

function yamlLooksLikeCfn(head: string, _path: string): boolean {
  if (/^["']?AWSTemplateFormatVersion["']?\s*:/m.test(head)) return true;
  const m = /^["']?Resources["']?\s*:[^\n]*\n/m.exec(head);
  if (!m) return false;
  // The first lines of the Resources section should contain a resource Type.
  const section = head.slice(m.index + m[0].length, m.index + m[0].length + 8192);
  const end = section.search(/^\S/m);
  const body = end < 0 ? section : section.slice(0, end);
  return /^\s+["']?Type["']?\s*:\s*["']?(AWS|Custom|Alexa)::/m.test(body);
}

/** Scans the JSON text tracking depth, and checks the keys of the top-level object only. */
function jsonLooksLikeCfn(head: string): boolean {
  let depth = 0;
  let resourcesAt = -1;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i];
    if (ch === '"') {
      const end = stringEnd(head, i);
      if (end < 0) return false;
      if (depth === 1) {
        const key = head.slice(i + 1, end);
        const after = head.slice(end + 1, end + 40).trimStart();
        if (after.startsWith(':')) {
          if (key === 'AWSTemplateFormatVersion') return true;
          if (key === 'Resources') resourcesAt = end;
        }
      }
      i = end;
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 1 && resourcesAt >= 0) {
        return /"Type"\s*:\s*"(AWS|Custom|Alexa)::/.test(head.slice(resourcesAt, i));
      }
    }
  }
  return resourcesAt >= 0 && /"Type"\s*:\s*"(AWS|Custom|Alexa)::/.test(head.slice(resourcesAt));
}

function stringEnd(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}
