/**
 * "Copy link" / "Copy for standup": the text is visible and selectable without JavaScript; the
 * button is hidden until the copy script (../../../components/copy-client.ts) shows it.
 */
import { html, type Html } from './html.js';

export function copyButtonHtml(text: string, label: string): Html {
  return html`<div class="copy"><code>${text}</code><button type="button" data-copy="${text}" hidden>${label}</button><span class="copy-status" role="status" aria-live="polite"></span></div>`;
}
