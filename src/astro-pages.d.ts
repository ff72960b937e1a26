// For tsc, which does not read .astro files (astro check does): src/merged/repo-pages.ts imports
// the page modules of src/pages to render them in a merged build; it reads their exports through
// its own PageModule type.
declare module '*.astro' {
  const Component: unknown;
  export default Component;
}
