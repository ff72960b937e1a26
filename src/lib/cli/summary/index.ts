/** Summary renderers of one snapshot (markdown for PRs, text for terminals). */
export { renderMarkdownSummary } from './markdown.js';
export { bar, renderTextSummary } from './text.js';
export { percent, summaryFigures, type SummaryFigures } from './figures.js';
