/**
 * The settings form on its own: what a person types becomes the configuration --config reads, and
 * each mistake gets a message at its field, in Japanese (English when Office is in English).
 */
import { parseConfig } from '../../src/engine';
import { configFileText, configFromForm, formFromConfig, parseConfigFile } from '../../src/taskpane/settings/form';
import { settingsStringsFor } from '../../src/taskpane/settings/settingsStrings';

const ja = settingsStringsFor('ja');
const en = settingsStringsFor('en');

describe('settings form', () => {
  test('the defaults give an empty configuration (nothing written that the defaults say already)', () => {
    expect(configFromForm(formFromConfig(null), null, ja)).toEqual({ config: {}, errors: {} });
  });

  test('grade steps: empty, repeated, not falling, not a number; each message at its field', () => {
    const form = formFromConfig(null);
    form.gradeScale = [
      { grade: 'A', min: '100' },
      { grade: '', min: '120' },
      { grade: 'A', min: '８０％' },
      { grade: 'C', min: '五十' },
      { grade: 'D', min: '' },
    ];
    expect(configFromForm(form, null, ja)).toEqual({
      config: null,
      errors: {
        'gradeScale.1.grade': '評価の記号を入れてください。',
        'gradeScale.1.min': '上の段の下限より小さくしてください。',
        'gradeScale.2.grade': '同じ評価が上の段にもあります。別の記号にするか、この段を削除してください。',
        'gradeScale.3.min': '0 以上の数（%）を入れてください。',
      },
    });
    form.gradeScale = [{ grade: 'A', min: '' }];
    expect(configFromForm(form, null, en).errors).toEqual({ gradeScale: 'The scale needs at least two steps.' });
    form.gradeScale = [
      { grade: 'A', min: '' },
      { grade: 'B', min: '' },
    ];
    expect(configFromForm(form, null, ja).errors).toEqual({ 'gradeScale.0.min': '最下段のほかは下限を入れてください。' });
  });

  test('an evaluation list, a start month, departments: what --config reads, and read back the same', () => {
    const form = formFromConfig(null);
    form.evaluationMode = 'list';
    form.evaluationValues = '完了、 取組中,未着手';
    form.fiscalYearStartMonth = 1;
    form.departments = ' 人事課\n\n財政課\n人事課';
    const { config, errors } = configFromForm(form, null, ja);
    expect(errors).toEqual({});
    expect(config).toEqual({ fiscalYearStartMonth: 1, evaluationScale: ['完了', '取組中', '未着手'], departments: ['人事課', '財政課'] });
    // the exported file is what the command line's --config accepts
    expect(parseConfig(JSON.parse(configFileText(config!)), 'export')).toEqual(config);
    expect(formFromConfig(config)).toMatchObject({ evaluationMode: 'list', evaluationValues: '完了、取組中、未着手', departments: '人事課\n財政課' });

    form.evaluationValues = '完了、完了';
    expect(configFromForm(form, null, ja).errors).toEqual({ evaluationValues: '「完了」が 2 回あります。1 つにしてください。' });
  });

  test('a per-column evaluation scale from a config file is kept as it is', () => {
    const base = parseConfig({ evaluationScale: [{ column: '達成度', values: ['達成', '一部達成', '未達成'] }] }, 'file');
    const form = formFromConfig(base);
    expect(form.evaluationMode).toBe('keep');
    expect(configFromForm(form, base, ja).config).toEqual(base);
  });

  test('an imported file: not JSON, or not valid, says which file and why', () => {
    expect(parseConfigFile('a.json', '{', ja)).toEqual({ ok: false, message: '「a.json」は JSON として読めません。［設定ファイル（JSON）を書き出す］で作ったファイルか、コマンドライン版の --config に使うファイルを選んでください。' });
    const invalid = parseConfigFile('b.json', JSON.stringify({ fiscalYearStartMonth: 13 }), ja);
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.message).toMatch(/^「b\.json」の設定が正しくありません（ファイルを直してから、もう一度読み込んでください）: .*fiscalYearStartMonth/);
    expect(parseConfigFile('c.json', '\uFEFF{"fiscalYear": 2025}', ja)).toEqual({ ok: true, config: { fiscalYear: 2025 } });
  });
});
