import type { Config } from '../config';
import { BUILTIN_PROFILES } from './builtin';
import type { Profile } from './profile';

/** Built-in profiles, with the configuration's profiles first (a profile of the same id replaces the built-in one). */
export function resolveProfiles(config: Config | undefined): Profile[] {
  const extra = config?.profiles ?? [];
  const ids = new Set(extra.map((p) => p.id));
  return [...extra, ...BUILTIN_PROFILES.filter((p) => !ids.has(p.id))];
}

export { BUILTIN_PROFILES } from './builtin';
export { parseProfile, type Profile } from './profile';
