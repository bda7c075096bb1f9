/** The browser-safe surface of the reader (Web Worker, pane). Node adds inflateNode.ts. */
export { openXlsx, type SheetRows, type XlsxFile, type XlsxReadOptions } from './reader';
export { XlsxError, DEFAULT_LIMITS, type XlsxFailure, type XlsxLimits } from './errors';
export type { Crc32, Inflate } from './zip';
export { preflightXlsx, PREFLIGHT_LIMITS, type PreflightLimits, type PreflightOptions, type PreflightReport } from './preflight';
