/**
 * The script of every page with copy buttons (bundled by src/integrations/site-assets.mjs, inlined
 * by the layout's copyScriptHtml). "Copy link" / "copy for standup": the text sits in `data-copy`
 * (and visibly beside the button). Uses the async clipboard API, falling back to a hidden textarea
 * and execCommand where the API is missing or refused (plain http, older browsers).
 */

function fallbackCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    // Deprecated but still the only synchronous copy path where the async API is unavailable.
    ok = (document as unknown as { execCommand(command: string): boolean }).execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return fallbackCopy(text);
  }
}

/** Shows every copy button and wires it up (idempotent). */
function enableCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    if (button.dataset.ready) continue;
    button.dataset.ready = '1';
    button.hidden = false;
    const status = button.parentElement?.querySelector('.copy-status');
    button.addEventListener('click', async () => {
      const ok = await copy(button.dataset.copy ?? '');
      if (status) status.textContent = ok ? 'Copied.' : 'Copy failed: select the text instead.';
    });
  }
}

enableCopyButtons();
