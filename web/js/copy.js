// Copy a link to the clipboard. The Clipboard API needs a secure context (https or localhost);
// elsewhere we fall back to selecting the text in its field, so it can still be copied by hand.

/** Copy `text`; `field` (an input holding it) is selected when copying isn't possible. */
export async function copyText(text, field = null) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
