import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ConfigItemsProvider, LoadedItems } from './types';

/** Refuses snapshot files larger than this (a Config snapshot of a large account is tens of MB). */
const MAX_BYTES = 200 * 1024 * 1024;

/**
 * AWS Config snapshot files (`ConfigSnapshot` JSON, as delivered to S3) from local paths: files,
 * or directories whose `.json` files are read (not recursively). A missing or unreadable path is a
 * problem reported with the refresh, never a crash.
 */
export class SnapshotProvider implements ConfigItemsProvider {
  readonly name = 'snapshot';

  constructor(private readonly paths: readonly string[]) {}

  async load(): Promise<LoadedItems> {
    const out: LoadedItems = { files: [], problems: [] };
    for (const p of this.paths) {
      let stat;
      try {
        stat = await fs.stat(p);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        out.problems.push(`${p}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.message}`);
        continue;
      }
      const files = stat.isDirectory() ? (await fs.readdir(p)).filter((f) => f.toLowerCase().endsWith('.json')).sort().map((f) => path.join(p, f)) : [p];
      for (const file of files) {
        const size = (await fs.stat(file)).size;
        if (size > MAX_BYTES) {
          out.problems.push(`${file}: larger than ${MAX_BYTES} bytes (${size})`);
          continue;
        }
        out.files.push({ path: file, content: await fs.readFile(file, 'utf8') });
      }
    }
    return out;
  }
}
