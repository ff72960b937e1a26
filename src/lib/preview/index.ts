/** Public surface of the preview server (`migratrack preview`). */
export { contentType, resolveRequest, startPreviewServer, type PreviewServer } from './static-server.js';
