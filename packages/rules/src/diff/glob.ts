/**
 * Path globs as users write them in `pillarguard.yml`: `**` crosses directories, `*` and `?` stay
 * within one path segment. A glob without a slash matches the file name anywhere (`*.tfvars`).
 */
export function globMatchesPath(glob: string, path: string): boolean {
  const target = glob.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1);
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`).test(target);
}
