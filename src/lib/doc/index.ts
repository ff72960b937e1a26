/**
 * The doc stage: a migration tracking doc (markdown) in, a typed TrackingDoc model out.
 * Everything else in this folder is internal.
 */
export { createTrackingDocParser, parseTrackingDoc } from './parse.js';
export { MAX_DOC_BYTES } from './decode.js';
export * from './model.js';
export { explainDoc } from './explain.js';
export { statusFieldSpanIn, statusOfSectionTitle, statusSpansOf } from './status-spans.js';
export { toMojibake, type LegacyCharset } from './mojibake.js';
export { summaryColumnOf, type SummaryColumn } from './summary-table.js';
export { READER_ORDER } from './readers/claim.js';
export { countFieldColumn } from './readers/summaries.js';
export type { ReadingOptions } from './readers/options.js';
