/**
 * Start-up time: loading the check path (the engine and the workbook reader, what every worker of
 * the command line requires) loads no zod; the functions that validate what a person supplied load
 * the schemas when they are called. This file imports nothing that loads a schema at its top.
 */
import { checkWorkbook } from '../../src/cli/checkWorkbook';
import { BUILTIN_PROFILES, decodeSettingsXml, encodeSettingsXml, emptySettings, parseConfig } from '../../src/engine';

/** zod's modules and ours that define schemas, as loaded in this test file's module registry. */
function schemaModules(): string[] {
  return Object.keys(require.cache).filter((k) => /[\\/]node_modules[\\/]zod[\\/]/.test(k) || /(Schema|[\\/]profiles[\\/]schema)\.ts$/.test(k));
}

test('requiring the check path loads no zod; parseConfig and the settings part load it on demand', () => {
  expect(typeof checkWorkbook).toBe('function');
  expect(BUILTIN_PROFILES.length).toBeGreaterThan(0);
  expect(schemaModules()).toEqual([]);

  expect(() => parseConfig({ fiscalYearStartMonth: 13 }, 'config.json')).toThrow(/^config\.json の設定が正しくありません: fiscalYearStartMonth: /);
  expect(schemaModules().some((k) => k.endsWith('configSchema.ts'))).toBe(true);
  expect(schemaModules().some((k) => /[\\/]zod[\\/]/.test(k))).toBe(true);

  const xml = encodeSettingsXml({ ...emptySettings(), config: { fiscalYear: 2025 } });
  expect(decodeSettingsXml(xml)).toEqual({ ok: true, settings: { version: 1, config: { fiscalYear: 2025 }, acknowledgements: [] } });
});
