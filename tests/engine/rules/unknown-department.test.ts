/**
 * unknown-department: with a department list in the configuration, a 担当課 not on it is info;
 * one spelled differently (full-width, spaces) is read as the listed one (normalized-value).
 */
import { HEADERS, ruleTester, type RuleCase } from './ruleTester';

const DEPARTMENTS = { departments: ['総務課', '財政課', 'DX推進課'] };
const item = (name: string, department: string, config: unknown = DEPARTMENTS): RuleCase => ({
  name,
  template: 'quarterly',
  header: HEADERS.quarterly,
  rows: [['1 窓口のデジタル化', department, '実施', '実施', '', '']],
  config,
});

ruleTester(
  'unknown-department',
  {
    valid: [
      item('a listed department', '総務課'),
      item('two listed departments, the lead marked ★', '★財政課、総務課'),
      item('no list in the configuration: nothing is checked', '人事課', {}),
    ],
    invalid: [
      { ...item('a department not on the list', '人事課'), errors: [{ cell: 'B2', code: 'unknown-department', messageId: 'unknown-department', field: 'department' }] },
      {
        ...item('one of two departments is not on the list', '総務課・人事課'),
        errors: [{ cell: 'B2', code: 'unknown-department' }],
      },
      {
        // a space separates departments (design.md §3): 総務 and 課 are two names, neither listed
        ...item('a space splits the name: 総務 課 is two unknown departments', '総務 課'),
        errors: [
          { cell: 'B2', code: 'unknown-department' },
          { cell: 'B2', code: 'unknown-department' },
        ],
      },
      {
        ...item('full-width ＤＸ推進課 is the listed DX推進課 (a spelling note)', 'ＤＸ推進課'),
        errors: [{ cell: 'B2', code: 'normalized-value', messageId: 'normalized-value.department' }],
      },
    ],
  },
  ['unknown-department', 'normalized-value'],
);
