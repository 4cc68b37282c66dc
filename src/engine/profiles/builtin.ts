import { parseProfile, type Profile, type ProfileInput } from './schema';

/**
 * The five real template families (../shared/seeds) and the product's own standard template,
 * as data. Labels are matched against normalised header text (NFKC, spaces removed), so
 * `項 目` matches `^項目$` and `第１四半期\n（４～６月）` matches `^第([1-4])四半期`.
 * Order of columns matters: each spec claims the first unclaimed column that matches.
 */
// anchored at the end: 担当課の評価 is the self-evaluation, not the department
const DEPARTMENT = ['^担当(部局|課|部|部署|課名|課等|所属)(名)?(\\(.*\\))?$', '^所管(課|部)?(名)?$'];
const ID = ['^(No|NO|no)\\.?$', '^番号$', '^通し番号$'];
/** A 達成率 column the sheet already has (the product's own 達成率（自動計算） is claimed before this). */
const RATE = ['^達成率', '^達成状況'];

const builtinInputs: ProfileInput[] = [
  {
    id: 'quarterly',
    name: { ja: '四半期進捗型', en: 'Quarterly progress' },
    columns: [
      { field: 'item', labels: ['^項目$', '^取組項目$', '^取組事項$', '^実施項目$'] },
      { field: 'department', labels: DEPARTMENT },
      {
        field: 'period',
        labels: ['^([1-4])/4四半期', '^第([1-4])四半期', '^([1-4])Q', '^Q([1-4])'],
        multiple: true,
        period: { kind: 'quarter', entry: 'result' },
        weight: 2,
      },
    ],
    required: ['item', 'department'],
    idFromItemNumber: true,
  },
  {
    id: 'annual-results',
    name: { ja: '年度実績型', en: 'Annual results' },
    columns: [
      { field: 'section', labels: ['^視点'] },
      { field: 'item', labels: ['^主な取り?組み?', '^取組'] },
      { field: 'related', labels: ['^関連する計画'], weight: 0.5 },
      { field: 'department', labels: DEPARTMENT, weight: 0 },
      {
        field: 'period',
        labels: ['^(.+年度)実績(\\(.*\\))?$'],
        multiple: true,
        period: { kind: 'year', entry: 'result' },
        weight: 1.5,
      },
    ],
    carryDown: ['section'],
    required: ['item'],
  },
  {
    id: 'plan-result-evaluation',
    name: { ja: '計画・実績・評価型', en: 'Plan, result and evaluation' },
    columns: [
      { field: 'section', labels: ['体系$'], span: 2, spanFields: ['subsection'], weight: 0.5 },
      { field: 'item', labels: ['取組項目$'] },
      { field: 'action', labels: ['^具体的な取組'] },
      { field: 'department', labels: DEPARTMENT },
      {
        field: 'period',
        labels: ['^(.+年度)計画$'],
        multiple: true,
        period: { kind: 'year', entry: 'plan' },
        weight: 0.5,
      },
      {
        field: 'period',
        labels: ['^(.+年度)実績'],
        multiple: true,
        period: { kind: 'year', entry: 'result' },
      },
      { field: 'evaluation', labels: ['評価$'] },
      { field: 'related', labels: ['^管理票', '^備考$'], weight: 0.25 },
    ],
    unit: 'action',
    carryDown: ['section', 'subsection', 'item'],
    required: ['action', 'department'],
    evaluationScale: 'auto',
  },
  {
    id: 'kpi-baseline-target',
    name: { ja: '基準値・目標値型', en: 'KPI baseline and target' },
    columns: [
      { field: 'id', labels: ID, weight: 0.5 },
      { field: 'item', labels: ['^取組項目$', '^取組名$'] },
      { field: 'action', labels: ['^取組概要', '^取組内容'], weight: 0.5 },
      { field: 'kpi.name', labels: ['^指標'] },
      { field: 'kpi.unit', labels: ['^単位$'], weight: 0 },
      { field: 'kpi.baseline', labels: ['^基準値'] },
      { field: 'kpi.target', labels: ['^目標値'] },
      {
        field: 'kpi.actual',
        labels: ['^実績値?\\((.+)\\)$', '^(.+年度)実績値?$', '^実績値$'],
        multiple: true,
        period: { kind: 'year', entry: 'actual' },
        weight: 0,
      },
      { field: 'department', labels: DEPARTMENT },
      { field: 'rate', labels: RATE, weight: 0 },
      { field: 'evaluation', labels: ['評価$'], weight: 0 },
    ],
    required: ['item', 'department'],
  },
  {
    id: 'kpi-target-actual',
    name: { ja: '目標・実績対比型', en: 'KPI target versus actual' },
    columns: [
      { field: 'id', labels: ID, weight: 0.5 },
      { field: 'item', labels: ['実施項目$'] },
      { field: 'action', labels: ['行動計画$'], weight: 0.5 },
      {
        field: 'period',
        labels: ['^(.+年度)年度実績$'],
        multiple: true,
        period: { kind: 'year', entry: 'result' },
        weight: 0.5,
      },
      {
        field: 'period',
        labels: ['^(.+年度)年度計画$'],
        multiple: true,
        period: { kind: 'year', entry: 'plan' },
        weight: 0.25,
      },
      { field: 'schedule', labels: ['^実施計画(.+)$'], multiple: true, weight: 0 },
      { field: 'kpi.name', labels: ['^成果指標項目$', '^成果指標$'] },
      { field: 'kpi.kind', labels: ['^成果指標項目$', '^成果指標$', '^(目標/実績|区分)$'], weight: 0.5 },
      { field: 'kpi.baseline', labels: ['基準$'], weight: 0.5 },
      { field: 'kpi.total', labels: ['合計$'], weight: 0.5 },
      {
        field: 'kpi.value',
        labels: ['^成果指標(.+)$'],
        multiple: true,
        period: { kind: 'year', entry: 'value' },
      },
      { field: 'rate', labels: ['達成率'] },
      { field: 'effect', labels: ['財政効果'], weight: 0.5 },
      { field: 'evaluation', labels: ['評価$'] },
    ],
    multiRowItems: true,
    required: ['item'],
    evaluationScale: 'letters',
  },
  {
    id: 'standard',
    name: { ja: '標準テンプレート', en: 'Standard template' },
    columns: [
      { field: 'id', labels: ID, weight: 0.5 },
      { field: 'section', labels: ['^区分$', '^分類$', '^体系$'], weight: 0.5 },
      { field: 'item', labels: ['^取組項目$'] },
      { field: 'action', labels: ['^具体的な取組$'], weight: 0.5 },
      { field: 'department', labels: DEPARTMENT },
      { field: 'kpi.name', labels: ['^指標名?$'] },
      { field: 'kpi.unit', labels: ['^単位$'], weight: 0.5 },
      { field: 'kpi.baseline', labels: ['^基準値'] },
      { field: 'kpi.target', labels: ['^目標値'] },
      {
        field: 'period',
        labels: ['^第([1-4])四半期'],
        multiple: true,
        period: { kind: 'quarter', entry: 'result' },
      },
      { field: 'kpi.actual', labels: ['^実績値'], period: { kind: 'year', entry: 'actual' } },
      { field: 'evaluation', labels: ['^自己評価$'] },
      { field: 'rate', labels: RATE, weight: 0 },
    ],
    carryDown: ['section'],
    required: ['item', 'department'],
    idFromItemNumber: false,
  },
];

export const BUILTIN_PROFILES: readonly Profile[] = builtinInputs.map((input) =>
  parseProfile(input, `組み込みテンプレート ${input.id}`),
);
