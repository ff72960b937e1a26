/** Template functions for the markup printed thousands of times per build (see ./html.ts). */
export { Html, html, attr, type Part } from './html.js';
export { itemSectionHtml, statusBadgeHtml } from './item-section.js';
export { codeBlockHtml } from './code-block.js';
export { copyButtonHtml } from './copy-button.js';
export { sparklineHtml } from './sparkline.js';
export { fileListRowsHtml, itemTableRowsHtml } from './item-rows.js';
export { filePageDocument, filePageHtml } from './file-page.js';
export { chartScriptHtml, copyScriptHtml, filterScriptHtml, footerHtml, headerHtml, headHtml, pageHtml, pageShell } from './layout.js';
