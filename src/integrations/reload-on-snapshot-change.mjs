/** `migratrack dev` rewrites the snapshot when the doc changes: a Vite plugin that reloads the open pages then. */
import { resolve } from 'node:path';

export function reloadOnSnapshotChange() {
  return {
    name: 'migratrack-reload-on-snapshot-change',
    configureServer(server) {
      const snapshot = process.env.MIGRATRACK_SNAPSHOT && resolve(process.env.MIGRATRACK_SNAPSHOT);
      if (!snapshot) return;
      server.watcher.add(snapshot);
      // The snapshot is replaced by a rename (atomic write): watchers see "add" as often as "change".
      const reload = (file) => resolve(file) === snapshot && server.ws.send({ type: 'full-reload' });
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
    },
  };
}
