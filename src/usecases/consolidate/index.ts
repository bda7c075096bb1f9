/** Consolidation, browser-safe part: per-file reading, the cross-file checks, the two sheets. */
export { readUnitFile, shownFileName, type ReadUnitOptions } from './readUnit';
export { Consolidation, bodyTierProblem, summaryText, type ConsolidateOptions, type ConsolidationResult, type ConsolidatedUnit } from './aggregate';
export { planConsolidation, writeConsolidation, CONSOLIDATION_SHEETS, DrawnUnits, type RowDrawer, type UnitsLayout } from './layout';
export type { FileOutcome, FileReport, FileStatus, Flag, FlagCode, UnitRecord } from './records';
export { consolidateFiles, filesToRead, isUnitWorkbook, isUnitWorkbookTargetError, refuseBySize, UnitWorkbookTargetError, rejectedFile, type ReadFiles, type ReceivedFile, type ConsolidateFilesOptions } from './consolidateFiles';
