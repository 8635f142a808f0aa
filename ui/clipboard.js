// The one way to put text on the clipboard: an e-mail as HTML with its
// plain text beside it (Outlook pastes the HTML), or plain text alone.
// Resolves true when copied, false when the web view refused.
export async function copyText(text, html = null) {
  try {
    if (html && window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      await navigator.clipboard.write([new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      })]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    return false;
  }
}
