/** Bodies of the scrapers (Files 58-76 and the later one), direct `requests` calls until migrated. */
import type { Flag } from './types.js';
import { body, className, stemOf } from './text.js';

/** How a scraper talks HTTP before migration; each maps to a different pooled helper. */
export type ScraperStyle = 'get' | 'post' | 'session';

/** A scraper file; `regressed` adds a hotfix that calls `requests.get(` again. */
export function scraper(path: string, style: ScraperStyle, flags: ReadonlySet<Flag>): string {
  const stem = stemOf(path);
  const http = flags.has('http');
  const backfill = path.startsWith('backfill_jobs/');
  const source = stem.split('_')[0] ?? 'api';
  const url = `https://api.${source}.example.com/v1/${stem.replace(/_(scraper|backfill)$/, '')}`;
  const importLine =
    style === 'session'
      ? 'from shared.clients.http_pool import get_http_session'
      : 'from shared.clients.http_pool import get, post';
  const call: Record<ScraperStyle, [string, string]> = {
    get: [
      '        response = requests.get(self.url, params=params, headers=self.headers, timeout=30)',
      '        response = get(self.url, params=params, headers=self.headers, timeout=30)',
    ],
    post: [
      '        response = requests.post(self.url, json=params, headers=self.headers, timeout=30)',
      '        response = post(self.url, json=params, headers=self.headers, timeout=30)',
    ],
    session: [
      '        response = self.session.get(self.url, params=params, timeout=30)',
      '        response = self.session.get(self.url, params=params, timeout=30)',
    ],
  };
  return body(
    `"""${backfill ? 'Backfill job' : 'Scraper'}: ${stem} (${source})."""`,
    'import logging',
    'from typing import Any, Dict',
    '',
    'import requests',
    '',
    'from scrapers.scraper_base import ScraperBase',
    http && importLine,
    '',
    'logger = logging.getLogger(__name__)',
    '',
    '',
    `class ${className(stem)}(ScraperBase):`,
    `    url = "${url}"`,
    '',
    style === 'session' && [
      '    def __init__(self) -> None:',
      '        super().__init__()',
      http ? '        self.session = get_http_session()' : '        self.session = requests.Session()',
      '',
    ],
    '    def download(self, params: Dict[str, Any]) -> Dict[str, Any]:',
    call[style][http ? 1 : 0],
    '        response.raise_for_status()',
    '        return response.json()',
    flags.has('regressed') && [
      '',
      '    def _auth_token(self) -> str:',
      '        # Hotfix: the auth endpoint rejects pooled keep-alive connections.',
      '        return requests.get(f"{self.url}/token", timeout=10).json()["token"]',
    ],
    '',
    '    def handle_error(self, exc: requests.exceptions.RequestException) -> None:',
    '        logger.error("%s failed: %s", self.url, exc)',
  );
}
