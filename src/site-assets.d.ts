// The module src/integrations/site-assets.mjs serves to the pages.
declare module 'virtual:migratrack/site-assets' {
  /** The stylesheet's path under the base path, `_astro/site.<hash>.css`. */
  export const stylesheetPath: string;
  /** The charts' script's path under the base path, `_astro/chart-client.<hash>.js`. */
  export const chartScriptPath: string;
  /** The copy buttons' script (src/components/copy-client.ts), bundled and minified. */
  export const copyScript: string;
  /** The file list's filter (src/components/filter-client.ts), bundled and minified. */
  export const filterScript: string;
}
