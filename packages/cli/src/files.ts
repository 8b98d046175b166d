import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '@pillarguard/rules';

/** A path the user named that cannot be read: the CLI exits 2 on these. */
export class InputError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export interface CollectOptions {
  /** Files larger than this are skipped with a message (default 20 MB). */
  maxFileBytes: number;
  /** Paths are reported relative to this directory. */
  cwd: string;
}

export interface Collected {
  files: SourceFile[];
  skipped: Array<{ path: string; reason: string }>;
}

/** Directories that never hold the user's infrastructure code. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', '.turbo', '.venv', '__pycache__']);
const BINARY_SNIFF = 8000;

/**
 * Reads every file under the given paths as UTF-8 text. Binary files (a NUL byte in the first
 * 8 KB, the heuristic git uses) and files over the size limit are skipped with a reason, never
 * silently; a path that does not exist or cannot be read is an `InputError`.
 */
export async function collectFiles(inputs: readonly string[], options: CollectOptions): Promise<Collected> {
  const files: SourceFile[] = [];
  const skipped: Collected['skipped'] = [];
  const seen = new Set<string>();

  const display = (abs: string) => {
    const rel = path.relative(options.cwd, abs);
    return (rel === '' ? '.' : rel.startsWith('..') ? abs : rel).split(path.sep).join('/');
  };

  // Directories already read, by device and inode: a tree reached twice (bind mount, named twice) is read once.
  const visitedDirs = new Set<string>();

  const visit = async (abs: string, named: boolean): Promise<void> => {
    let stat;
    let link: boolean;
    try {
      link = !named && (await fs.lstat(abs)).isSymbolicLink();
      stat = await fs.stat(abs);
    } catch (e) {
      if (named) throw new InputError(display(abs), describeFsError(e));
      skipped.push({ path: display(abs), reason: describeFsError(e) });
      return;
    }
    if (stat.isDirectory()) {
      if (!named && SKIP_DIRS.has(path.basename(abs))) return;
      // A symbolic link to a directory found while walking is not followed: `a -> ..` twice in one
      // directory would otherwise walk 2^40 paths, and `a -> /` the whole file system.
      if (link) {
        skipped.push({ path: display(abs), reason: 'symbolic link to a directory, not followed (name it to scan it)' });
        return;
      }
      const id = `${stat.dev}:${stat.ino}`;
      if (visitedDirs.has(id)) return;
      visitedDirs.add(id);
      let entries: string[];
      try {
        entries = (await fs.readdir(abs)).sort();
      } catch (e) {
        if (named) throw new InputError(display(abs), describeFsError(e));
        skipped.push({ path: display(abs), reason: describeFsError(e) });
        return;
      }
      for (const entry of entries) await visit(path.join(abs, entry), false);
      return;
    }
    if (!stat.isFile()) {
      // FIFOs, sockets, devices: reading one could block forever or never end.
      if (named) throw new InputError(display(abs), 'not a regular file or directory');
      skipped.push({ path: display(abs), reason: 'not a regular file' });
      return;
    }
    const shown = display(abs);
    if (seen.has(shown)) return;
    seen.add(shown);
    if (stat.size > options.maxFileBytes) {
      skipped.push(tooLarge(shown, stat.size, options.maxFileBytes));
      return;
    }
    let buf: Buffer;
    try {
      buf = await fs.readFile(abs);
    } catch (e) {
      if (named) throw new InputError(shown, describeFsError(e));
      skipped.push({ path: shown, reason: describeFsError(e) });
      return;
    }
    const file = toSourceFile(shown, buf, options.maxFileBytes);
    if ('reason' in file) skipped.push(file);
    else files.push(file);
  };

  for (const input of inputs) await visit(path.resolve(options.cwd, input), true);
  return { files, skipped };
}

export function tooLarge(path: string, size: number, maxFileBytes: number): { path: string; reason: string } {
  return { path, reason: `larger than the ${formatBytes(maxFileBytes)} limit (${formatBytes(size)}); raise it with --max-file-size` };
}

/**
 * Bytes → a text file for the engine, or the reason to skip it: binary (a NUL byte in the first
 * 8 KB, the heuristic git uses) or over the size limit. Shared by the file system and git readers.
 */
export function toSourceFile(path: string, buf: Buffer, maxFileBytes: number): SourceFile | { path: string; reason: string } {
  if (buf.length > maxFileBytes) return tooLarge(path, buf.length, maxFileBytes);
  if (buf.subarray(0, BINARY_SNIFF).includes(0)) return { path, reason: 'binary file' };
  return { path, content: buf.toString('utf8').replace(/^\uFEFF/, '') };
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  return (e as Error)?.message ?? String(e);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** `20MB`, `512k`, `1048576` → bytes. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  return Math.round(Number(m[1]) * mult);
}
