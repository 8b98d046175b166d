import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, DEFAULT_CONFIG, loadConfig, type EngineConfig, type ParseError } from '@pillarguard/rules';
import { SUPPRESSION_EXPIRED } from '@pillarguard/rules';
import { InputError } from './files';

/** Where a config is looked for when `--config` is not given, in order. */
export const CONFIG_CANDIDATES = ['pillarguard.yml', 'pillarguard.yaml', '.github/pillarguard.yml', '.github/pillarguard.yaml'];

export interface FoundConfig {
  config: EngineConfig;
  file?: string;
  errors: ParseError[];
}

/** Loads `--config`, or the first candidate that exists; none ⇒ the defaults. */
export async function findConfig(cwd: string, explicit?: string): Promise<FoundConfig> {
  const known = [...ALL_RULES.map((r) => r.id), SUPPRESSION_EXPIRED.id];
  if (explicit !== undefined) {
    let text: string;
    try {
      text = await fs.readFile(path.resolve(cwd, explicit), 'utf8');
    } catch (e) {
      throw new InputError(explicit, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'config file not found' : `cannot read config file: ${(e as Error).message}`);
    }
    return { ...loadConfig(text, explicit, known), file: explicit };
  }
  for (const candidate of CONFIG_CANDIDATES) {
    let text: string;
    try {
      text = await fs.readFile(path.join(cwd, candidate), 'utf8');
    } catch {
      continue;
    }
    return { ...loadConfig(text, candidate, known), file: candidate };
  }
  return { config: DEFAULT_CONFIG, errors: [] };
}
