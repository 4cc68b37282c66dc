import { webLightTheme, type Theme } from '@fluentui/react-components';
import fonts from './fonts.json';

/** Fluent UI's light theme with system fonts only (no web font download on closed networks). */
export const appTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: fonts.fontStack,
  fontFamilyNumeric: fonts.fontStack,
};
