/**
 * The site's public surface: loading the snapshot/history and one view-model builder per page.
 * Pages import from here only (STYLE.md "An explicit public surface").
 */
export { loadSiteData, parseJsonFile, type SiteData } from './load.js';
export { buildBase, siteContext, siteData } from './context.js';
export { currentRepo, enterRepo, iterateInRepo, mergeManifest, routeParams, routePaths, withRepo, MergeManifest, MergedRepo } from './repo-scope.js';
export { buildDashboard, completion, type Dashboard } from './dashboard.js';
export { buildFilePage, buildItemPage, filePageFiles, filePages, filePageParam, type FilePage, type FilePageRoute, type ItemPage } from './file-page.js';
export { captureDirectFiles, queueDirectFiles, type SiteFile, type SiteFiles } from './direct-files.js';
export { apiBody, EMPTY_HISTORY_TEXT, type ApiName } from './api-files.js';
export { buildItemSection, type ItemSectionView } from './item-section.js';
export { itemRedirect, itemRedirectHtml, itemRoutes, redirectFiles, type ItemRedirect, type ItemRoute } from './item-redirect.js';
export { buildCategoryPage, categoryParams, type CategoryPage } from './category-page.js';
export { buildMetricPage, metricParams, type MetricPage } from './metric-page.js';
export { buildMilestonesPage, type MilestonesPage } from './milestones-page.js';
export { buildDriftPage, type DriftPage } from './drift-page.js';
export { buildChangesPage, type ChangesPage, type ChangeGroups } from './changes-page.js';
export { buildDocPage, renderDoc, type DocPage } from './doc-page.js';
export { buildFileList, fileListPage, fileListPageCount, FILE_LIST_PAGE_SIZE, type FileList, type FileListPage } from './file-list.js';
export { buildDiagnosticsPage } from './diagnostics-page.js';
export { buildNotFoundPage, explainMissing, type MissingExplanation, type NotFoundIndex, type NotFoundPage } from './not-found.js';
export { buildNav, currentPath, type NavLink, type NoteRef } from './nav.js';
export { noteRefs, notesByPath, notesForPath, notesFromModules, type Note, type NoteEntry, type NoteModule } from './notes.js';
export { snapshotBadge, renderBadge } from './badge.js';
export { standupLine, remainingPhrase, itemTitle } from './standup.js';
export { joinBase, filePageUrl, itemPageUrl, itemSlug, encodePath, repoFileUrl, absoluteUrl, type SiteContext } from './urls.js';
export { declaredView, detectedView, formatPercent, percent, classForPercent, formatDelta } from './status.js';
export type { ChartSpec, ChartTable, RangedChart, SparklineSpec } from './chart-spec.js';
export type { CodeBlock, CodeLine } from './code.js';
export { codeBlockHtml, copyButtonHtml, fileListRowsHtml, filePageDocument, filePageHtml, itemSectionHtml, itemTableRowsHtml, sparklineHtml, statusBadgeHtml, type Html } from './markup/index.js';
export { chartScriptHtml, copyScriptHtml, filterScriptHtml, pageHtml, pageShell } from './markup/index.js';
export { layoutView, type LayoutView, type MergedLayout } from './layout.js';
