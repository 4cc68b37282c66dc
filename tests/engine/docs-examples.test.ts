/**
 * Every configuration example in the README and docs/profiles.md is a valid configuration: a
 * person copying one gets no error. Each ```json block is parsed with the same parseConfig as --config.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseConfig } from '../../src/engine';
import { ROOT } from '../helpers/workbooks';

function jsonBlocks(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe.each(['README.md', 'docs/profiles.md'])('configuration examples in %s', (file) => {
  const blocks = jsonBlocks(file).filter((b) => !b.includes('"asOf"'));
  test('there are examples', () => expect(blocks.length).toBeGreaterThan(0));
  test.each(blocks.map((b, i) => [i + 1, b]))('example %i parses as a configuration', (_i, block) => {
    expect(() => parseConfig(JSON.parse(block as string), `${file} example`)).not.toThrow();
  });
});
