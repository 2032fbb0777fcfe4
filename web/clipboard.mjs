// The clipboard, both ways, for the app drawn on a canvas. Copy: ImGui's SetClipboardText (Copy
// buttons, Ctrl+C in a text field) reaches Module.onClipboardWrite and goes to the system
// clipboard. Paste: a page may read the clipboard only in a paste event, so the event's text is
// handed to the app before the frame in which ImGui handles Ctrl+V.

/** Writes `text` to the system clipboard; resolves to true when it got there. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API (an insecure origin) or no permission: the older copy command.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

/**
 * Connects the app module's clipboard to the browser's. `onCopied(text, ok)` reports each copy
 * (the page announces it). Paste events that target a DOM field of the page are left alone.
 */
export function attachClipboard(module, handle, { onCopied = () => {} } = {}) {
  module.onClipboardWrite = (text) => {
    copyText(text).then((ok) => onCopied(text, ok));
  };
  document.addEventListener('paste', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('input, textarea, [contenteditable]')) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    module.appPaste(handle, text);
    event.preventDefault();
  });
}
