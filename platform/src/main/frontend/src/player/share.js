// "Share" under a video: the page's link, optionally starting at the moment the viewer is at (?t=), copied in one
// click, as YouTube's share box does.
import { formatDuration } from '../lib/format.js';

export function setupShare(video) {
  const button = document.getElementById('share-button');
  const panel = document.getElementById('share-panel');
  if (!button || !panel) return;
  const link = panel.querySelector('#share-link');
  const startAt = panel.querySelector('#share-start');
  const startLabel = panel.querySelector('#share-start-time');
  const copy = panel.querySelector('#share-copy');
  const status = panel.querySelector('#share-status');
  const pageUrl = link.value; // the site's public address of this page, as the server knows it
  let start = 0;

  function render() {
    const url = new URL(pageUrl);
    if (startAt.checked && start > 0) url.searchParams.set('t', String(start));
    link.value = url.toString();
  }

  function open() {
    start = Math.floor(video.currentTime || 0);
    startLabel.textContent = formatDuration(start);
    startAt.disabled = start === 0;
    status.textContent = '';
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    render();
    link.focus();
    link.select();
  }

  function close() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  }

  button.addEventListener('click', () => (panel.hidden ? open() : close()));
  startAt.addEventListener('change', render);
  panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') { close(); button.focus(); } });
  copy.addEventListener('click', async () => {
    link.select();
    try {
      await navigator.clipboard.writeText(link.value);
      status.textContent = 'Link copied';
    } catch {
      // no clipboard permission (an insecure origin, say): the selected text still copies the old way
      status.textContent = document.execCommand('copy') ? 'Link copied' : 'Press Ctrl+C to copy the link';
    }
  });
}
