/** Directory part of a forward-slash path (`cdk.out/manifest.json` → `cdk.out`; `manifest.json` → ``). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins a relative path to a directory and folds `.` and `..` segments, keeping forward slashes. */
export function joinPath(dir: string, relative: string): string {
  if (relative.startsWith('/')) return normalize(relative);
  return normalize(dir ? `${dir}/${relative}` : relative);
}

function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (absolute ? '/' : '') + out.join('/');
}
