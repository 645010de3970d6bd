import { ReportHeadingSettings, emptyReportHeadingSettings } from '../../../../shared/report/issuer';
import type { SettingDefinition } from '../../storage/settings';

/** The superior organisation's line, the unit's own symbol and the date line's place, set once for every report. */
export const reportHeadingSetting: SettingDefinition<typeof ReportHeadingSettings> = {
  key: 'report.heading',
  schema: ReportHeadingSettings,
  fallback: emptyReportHeadingSettings,
};
