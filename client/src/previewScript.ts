// The script of the preview webview (it runs in the webview, under the page's CSP nonce; plain
// JavaScript kept as a string so the extension host never evaluates it).
//
// - `update`: replaces the content of #referat-root with new HTML and keeps the scroll position,
//   so typing does not make the page flicker or jump;
// - `scrollTo`: scrolls to where source line N is, between the elements with the nearest
//   `data-line` values (editor → preview);
// - on scroll by the user, posts `reveal` with the source line at the top of the page
//   (preview → editor); scrolls the script makes itself are not reported back (no feedback loop);
// - double-click posts `open` with the line of the clicked element; `ready` when loaded;
// - `state`: kept with vscode.setState, for the extension to restore the preview after a reload.
export const PREVIEW_SCRIPT = String.raw`(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('referat-root');
  // Scroll events caused by the script itself (scrollTo, content replaced) are not the user's.
  let ownScrollUntil = 0;
  let lastReported = -1;
  let frame = 0;

  /** Elements that stand for source lines, in page order; vote tables and findings repeat lines and are left out. */
  function anchors() {
    const out = [];
    for (const el of root.querySelectorAll('[data-line]')) {
      if (el.closest('.vote, .finding, .toc-findings')) continue;
      const line = Number(el.getAttribute('data-line'));
      if (!Number.isInteger(line)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      out.push({ line: line, top: rect.top + window.scrollY });
    }
    return out;
  }

  /** The page offset of source line L: interpolated between the anchors around it. */
  function offsetOfLine(line) {
    const list = anchors();
    let before = null;
    let after = null;
    for (const a of list) {
      if (a.line <= line && (!before || a.line > before.line)) before = a;
      if (a.line > line && (!after || a.line < after.line || (a.line === after.line && a.top < after.top))) after = a;
    }
    if (!before) return after ? after.top : 0;
    if (!after || after.top <= before.top) return before.top;
    return before.top + ((line - before.line) / (after.line - before.line)) * (after.top - before.top);
  }

  /** The source line at page offset Y. */
  function lineAtOffset(y) {
    const list = anchors();
    let before = null;
    let after = null;
    for (const a of list) {
      if (a.top <= y) before = a;
      else if (!after) after = a;
    }
    if (!before) return after ? after.line : 0;
    if (!after || after.line <= before.line || after.top <= before.top) return before.line;
    return Math.floor(before.line + ((y - before.top) / (after.top - before.top)) * (after.line - before.line));
  }

  /** Height of the sticky punkt header, which covers the top of the page. */
  function stickyHeight() {
    const head = root.querySelector('.punkt-head');
    return head ? Math.min(head.getBoundingClientRect().height, window.innerHeight / 3) : 0;
  }

  function scrollToLine(line) {
    ownScrollUntil = Date.now() + 250;
    const y = Math.max(0, offsetOfLine(line) - stickyHeight());
    window.scrollTo(0, y);
    lastReported = line;
  }

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      const x = window.scrollX;
      const y = window.scrollY;
      ownScrollUntil = Date.now() + 250;
      root.innerHTML = message.html;
      window.scrollTo(x, y);
      if (typeof message.title === 'string') document.title = message.title;
    } else if (message.type === 'scrollTo' && typeof message.line === 'number') {
      scrollToLine(message.line);
    } else if (message.type === 'state' && message.state && typeof message.state.uri === 'string') {
      vscode.setState({ uri: message.state.uri, locked: message.state.locked === true });
    }
  });

  window.addEventListener('scroll', function () {
    if (Date.now() < ownScrollUntil || frame) return;
    frame = requestAnimationFrame(function () {
      frame = 0;
      if (Date.now() < ownScrollUntil) return;
      const line = lineAtOffset(window.scrollY + stickyHeight() + 1);
      if (line !== lastReported) {
        lastReported = line;
        vscode.postMessage({ type: 'reveal', line: line });
      }
    });
  }, { passive: true });

  document.addEventListener('dblclick', function (event) {
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (target) vscode.postMessage({ type: 'open', line: Number(target.getAttribute('data-line')) });
  });

  vscode.postMessage({ type: 'ready' });
})();`;
