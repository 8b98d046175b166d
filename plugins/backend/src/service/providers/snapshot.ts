import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { configurationItemsIn } from '@pillarguard/rules';
import { identityOf } from '../items';
import type { ConfigItemsProvider, LoadedItems, LoadRequest } from './types';

/** Refuses snapshot files larger than this (a Config snapshot of a large account is tens of MB). */
const MAX_BYTES = 200 * 1024 * 1024;

/**
 * AWS Config snapshot files (`ConfigSnapshot` JSON, as delivered to S3; history and query outputs
 * are read too) from local paths: files, or directories whose `.json` files are read (not
 * recursively). A missing, unreadable or malformed file makes the load incomplete, so the last
 * good scores stay (marked stale) instead of every resource of that file vanishing.
 */
export class SnapshotProvider implements ConfigItemsProvider {
  readonly name = 'snapshot';

  constructor(private readonly paths: readonly string[]) {}

  // Every item is returned in full: the file has been read anyway, and the caller compares capture times.
  async load(_request?: LoadRequest): Promise<LoadedItems> {
    const out: LoadedItems = { complete: true, items: [], compliance: new Map(), calls: {}, problems: [] };
    const fail = (problem: string) => {
      out.problems.push(problem);
      out.complete = false;
    };
    for (const p of this.paths) {
      let stat;
      try {
        stat = await fs.stat(p);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        fail(`${p}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.message}`);
        continue;
      }
      const files = stat.isDirectory() ? (await fs.readdir(p)).filter((f) => f.toLowerCase().endsWith('.json')).sort().map((f) => path.join(p, f)) : [p];
      // An emptied directory is a broken delivery, not an estate without resources.
      if (files.length === 0) fail(`${p}: no .json snapshot files in the directory`);
      for (const file of files) {
        try {
          const size = (await fs.stat(file)).size;
          if (size > MAX_BYTES) {
            fail(`${file}: larger than ${MAX_BYTES} bytes (${size})`);
            continue;
          }
          this.read(file, await fs.readFile(file, 'utf8'), out, fail);
        } catch (e) {
          fail(`${file}: ${(e as Error).message}`);
        }
      }
    }
    return out;
  }

  private read(file: string, text: string, out: LoadedItems, fail: (problem: string) => void): void {
    let json: unknown;
    try {
      json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      fail(`${file}: invalid JSON: ${(e as Error).message}`);
      return;
    }
    const raws = configurationItemsIn(json);
    if (!raws) {
      fail(`${file}: not an AWS Config snapshot, history or query result`);
      return;
    }
    let unnamed = 0;
    for (const raw of raws) {
      const id = identityOf(raw);
      if (!id) unnamed++;
      else out.items.push({ key: id.key, ...(id.captureTime ? { captureTime: id.captureTime } : {}), raw });
    }
    if (unnamed) out.problems.push(`${file}: ${unnamed} item(s) without an ARN or resource type and id were skipped`);
  }
}
