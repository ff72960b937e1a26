/** Names of the assets the site's integrations make outside Vite, hashed like Vite's own. */
import { createHash } from 'node:crypto';

/** `<dir>/<stem>.<hash>.<ext>`: the hash names the content, so browsers may cache it for ever. */
export function hashedFileName(dir, stem, ext, code) {
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
  return `${dir}/${stem}.${hash}.${ext}`;
}
