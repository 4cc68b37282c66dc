// manifest.xml: validated offline against Microsoft's add-in manifest schemas (what Excel checks
// when an administrator deploys the add-in), plus what the schemas cannot see: icons that exist,
// resource ids that resolve, English for every Japanese string, the ExcelApi floor.
import * as fs from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';

const root = path.resolve(__dirname, '../..');
const schemaDir = path.resolve(root, '../shared/manifest-schemas/taskpane');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const DEV_BASE_URL = 'https://localhost:3000/';

const manifestXml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
// Comments explain things and may quote example URLs; they are not part of the manifest.
const manifest = manifestXml.replace(/<!--[\s\S]*?-->/g, '');

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeXml(match[1]) : undefined;
}

/** Every start tag (or empty-element tag) with the given qualified name. */
function startTags(name: string): string[] {
  return manifest.match(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g')) ?? [];
}

/** Elements with the given name, each with its start tag and inner text ('' when empty). */
function elements(name: string): { tag: string; inner: string }[] {
  const re = new RegExp(`<${name}(?=[\\s/>])([^>]*?)(/>|>([\\s\\S]*?)</${name}>)`, 'g');
  return [...manifest.matchAll(re)].map((m) => ({ tag: `<${name}${m[1]}${m[2] === '/>' ? '/>' : '>'}`, inner: m[3] ?? '' }));
}

const schemasPresent = fs.existsSync(path.join(schemaDir, MAIN_SCHEMA));
if (!schemasPresent) {
  console.warn('../shared/manifest-schemas not found: manifest XSD validation skipped');
}

describe('manifest.xml', () => {
  (schemasPresent ? test : test.skip)('validates against the Office add-in manifest XSDs', async () => {
    const read = (file: string) => ({ fileName: file, contents: fs.readFileSync(path.join(schemaDir, file), 'utf8') });
    const others = fs.readdirSync(schemaDir).filter((file) => file.endsWith('.xsd') && file !== MAIN_SCHEMA);
    const result = await validateXML({
      xml: [{ fileName: 'manifest.xml', contents: manifestXml }],
      schema: [read(MAIN_SCHEMA)],
      preload: others.map(read),
    });
    expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('is a Workbook task-pane add-in with ReadWriteDocument and Japanese as its default locale', () => {
    expect(manifest).toMatch(/<OfficeApp[^>]*xsi:type="TaskPaneApp"/);
    expect(startTags('Host').some((tag) => attribute(tag, 'Name') === 'Workbook')).toBe(true);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<DefaultLocale>ja-JP</DefaultLocale>');
  });

  test('requires ExcelApi 1.7 (Excel 2019 and later), nothing newer', () => {
    const sets = startTags('Set');
    const excel = sets.filter((tag) => attribute(tag, 'Name') === 'ExcelApi');
    expect(excel).toHaveLength(1);
    expect(attribute(excel[0], 'MinVersion')).toBe('1.7');
    expect(sets).toHaveLength(1);
  });

  test('every icon URL names a file in assets/ that exists', () => {
    const iconUrls = [
      ...startTags('IconUrl'),
      ...startTags('HighResolutionIconUrl'),
      ...startTags('bt:Image').filter((tag) => attribute(tag, 'DefaultValue') !== undefined),
    ].map((tag) => attribute(tag, 'DefaultValue') as string);
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const url of iconUrls) {
      expect(url.startsWith(`${DEV_BASE_URL}assets/`)).toBe(true);
      const file = path.join(root, url.slice(DEV_BASE_URL.length));
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
    }
  });

  test('the ribbon icons come in the three sizes Office requires (16, 32, 80)', () => {
    const sizes = new Set(startTags('bt:Image').map((tag) => attribute(tag, 'size')).filter(Boolean));
    expect([...sizes].sort()).toEqual(['16', '32', '80']);
  });

  test('every ja-JP string has an en-US override', () => {
    const localized = [
      ...elements('DisplayName').map((e) => ({ id: 'DisplayName', ...e })),
      ...elements('Description')
        .filter((e) => attribute(e.tag, 'DefaultValue') !== undefined)
        .map((e) => ({ id: 'Description', ...e })),
      ...elements('bt:String').map((e) => ({ id: attribute(e.tag, 'id') as string, ...e })),
    ];
    expect(localized.length).toBeGreaterThanOrEqual(10);
    const missing = localized
      .filter(({ inner }) => {
        const english = (inner.match(/<(?:bt:)?Override[^>]*>/g) ?? []).find(
          (tag) => attribute(tag, 'Locale') === 'en-US',
        );
        return !english || !attribute(english, 'Value');
      })
      .map(({ id }) => id);
    expect(missing).toEqual([]);
  });

  test('every resid refers to a defined resource, and the ribbon has the three buttons', () => {
    const defined = new Set(
      ['bt:Image', 'bt:Url', 'bt:String'].flatMap((name) => startTags(name).map((tag) => attribute(tag, 'id'))),
    );
    const referenced = [...manifest.matchAll(/\sresid="([^"]*)"/g)].map((m) => m[1]);
    expect(referenced.filter((id) => !defined.has(id))).toEqual([]);

    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    const functions = [...manifest.matchAll(/<FunctionName>([^<]*)<\/FunctionName>/g)].map((m) => m[1]);
    expect(functions).toEqual(['checkActiveSheet', 'buildSummary']);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?resid="PSC\.Taskpane\.Url"/);

    const labels = new Map(
      elements('bt:String').map((e) => [attribute(e.tag, 'id'), attribute(e.tag, 'DefaultValue')] as const),
    );
    expect([labels.get('PSC.Check.Label'), labels.get('PSC.Summary.Label'), labels.get('PSC.Taskpane.Label')]).toEqual([
      'チェック',
      '集計シート',
      '作業ウィンドウ',
    ]);
  });

  test('every URL starts with the development base, so the build can rewrite all of them', () => {
    const urlValues = [...manifest.matchAll(/\s(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urlValues.length).toBeGreaterThan(0);
    expect(urlValues.filter((url) => !url.startsWith(DEV_BASE_URL))).toEqual([]);
  });
});
