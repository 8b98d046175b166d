import { execFile, spawn } from 'node:child_process';
import * as path from 'node:path';
import type { SourceFile } from '@pillarguard/rules';
import { InputError, toSourceFile, tooLarge, type Collected } from './files';

/** Runs git with arguments (never a shell), returning stdout as a Buffer. */
function git(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 }, (err, stdout, stderr) => {
      if (err) reject(new InputError(`git ${args[0]}`, (stderr.toString().trim().split('\n')[0] || err.message).replace(/^fatal: /, '')));
      else resolve(stdout);
    });
  });
}

/** Top of the work tree and the cwd's path inside it (`infra/`), so pathspecs and shown paths agree with the working-tree reader. */
export async function repoLayout(cwd: string): Promise<{ top: string; prefix: string }> {
  const top = (await git(cwd, ['rev-parse', '--show-toplevel'])).toString().trim();
  const prefix = (await git(cwd, ['rev-parse', '--show-prefix'])).toString().trim();
  return { top, prefix };
}

/**
 * Every file under `paths` as it is in commit `rev`, read from git objects: no checkout, no change
 * to the working tree or index. Paths are shown relative to `cwd`, exactly as the working-tree
 * reader shows them, so both versions of a file compare.
 */
export async function collectFromGit(cwd: string, rev: string, paths: readonly string[], maxFileBytes: number): Promise<Collected> {
  const { top, prefix } = await repoLayout(cwd);
  const commit = (await git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).catch(() => {
    throw new InputError(rev, 'not a commit in this repository');
  }))
    .toString()
    .trim();
  const specs = (paths.length ? paths : ['.']).map((p) => path.posix.normalize(path.posix.join(prefix, p.split(path.sep).join('/'))).replace(/^\.\/?$/, '') || '.');
  const listing = (await git(top, ['ls-tree', '-r', '-z', '--full-tree', '-l', commit, '--', ...specs.map((s) => (s === '.' ? ':/' : `:/${s}`))])).toString('utf8');
  const entries: Array<{ sha: string; size: number; file: string }> = [];
  for (const line of listing.split('\0')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/);
    if (type !== 'blob' || mode === '120000') continue; // symlinks are not followed, as on disk
    entries.push({ sha, size: Number(size), file: line.slice(tab + 1) });
  }
  const files: SourceFile[] = [];
  const skipped: Collected['skipped'] = [];
  const shown = (file: string) => path.posix.relative(prefix.replace(/\/$/, ''), file) || file;
  const wanted = entries.filter((e) => {
    if (e.size > maxFileBytes) {
      skipped.push(tooLarge(shown(e.file), e.size, maxFileBytes));
      return false;
    }
    return true;
  });
  const blobs = await catFileBatch(top, wanted.map((e) => e.sha));
  wanted.forEach((e, i) => {
    const f = toSourceFile(shown(e.file), blobs[i], maxFileBytes);
    if ('reason' in f) skipped.push(f);
    else files.push(f);
  });
  if (paths.length && files.length === 0 && skipped.length === 0) throw new InputError(paths.join(', '), `no such path in ${rev}`);
  return { files, skipped };
}

/** Reads many blobs through one `git cat-file --batch` process. */
function catFileBatch(cwd: string, shas: readonly string[]): Promise<Buffer[]> {
  if (shas.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new InputError('git cat-file', stderr.trim() || `exit ${code}`));
      const all = Buffer.concat(chunks);
      const out: Buffer[] = [];
      let at = 0;
      for (let i = 0; i < shas.length; i++) {
        const nl = all.indexOf(0x0a, at);
        const header = all.subarray(at, nl).toString();
        const size = Number(header.split(' ')[2]);
        if (!Number.isFinite(size)) return reject(new InputError('git cat-file', `unexpected reply: ${header}`));
        out.push(all.subarray(nl + 1, nl + 1 + size));
        at = nl + 1 + size + 1;
      }
      resolve(out);
    });
    child.stdin.end(shas.join('\n') + '\n');
  });
}
