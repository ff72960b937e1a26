/**
 * Numbered code lines around one match, the match line highlighted. Code from the scanned repo is
 * text: every line goes through `html`'s escaping.
 */
import type { CodeBlock } from '../code.js';
import { attr, html, type Html } from './html.js';

export function codeBlockHtml(block: CodeBlock, showPath = false): Html {
  const lines = block.lines.map((l) => html`<li${attr('class', l.isMatch ? 'hit' : null)} data-line="${l.number}"><span class="ln">${l.number}</span><span class="src">${l.text}</span></li>`);
  return html`<div class="code"><div class="code-head">${showPath && [html`<code>${block.path}</code>`, ' ']}line ${block.line}${block.href && html` · <a href="${block.href}">view on the repository</a>`}</div><ol aria-label="Code around line ${block.line}">${lines}</ol></div>`;
}
