// Go live page: what OBS is sending now, the OBS server URL and stream key (fetched only when asked), key reset,
// the streams' title, replays.
import { api } from './lib/api.js';

const $ = (id) => document.getElementById(id);
const keyInput = $('stream-key');
const revealButton = $('reveal-key');
let streamKey = null;

function say(box, message) {
  box.textContent = message;
  box.hidden = !message;
}

function keyStatus(message, isError = false) {
  say($('key-status'), isError ? '' : message);
  say($('key-error'), isError ? message : '');
}

async function loadKey() {
  if (!streamKey) {
    streamKey = (await api('GET', '/api/v1/live/key')).streamKey;
    keyInput.value = streamKey;
  }
  return streamKey;
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch { // no clipboard API (plain http on another host): copy through a selection
    const area = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('Copying failed: select the text and copy it by hand.');
  }
}

function setRevealed(revealed) {
  keyInput.type = revealed ? 'text' : 'password';
  revealButton.textContent = revealed ? 'Hide' : 'Show';
  revealButton.setAttribute('aria-pressed', String(revealed));
}

revealButton.addEventListener('click', async () => {
  try {
    if (keyInput.type === 'password') {
      await loadKey();
      setRevealed(true);
    } else {
      setRevealed(false);
    }
    keyStatus('');
  } catch (err) { keyStatus(err.message, true); }
});

$('copy-key').addEventListener('click', async () => {
  try {
    await copy(await loadKey());
    keyStatus('Stream key copied.');
  } catch (err) { keyStatus(err.message, true); }
});

$('copy-server').addEventListener('click', async () => {
  try {
    await copy($('ingest-url').value);
    keyStatus('Server copied.');
  } catch (err) { keyStatus(err.message, true); }
});

$('rotate-key').addEventListener('click', async () => {
  if (!window.confirm('Reset your stream key? The current key stops working for new streams, '
      + 'so you will have to paste the new one into OBS.')) return;
  try {
    streamKey = (await api('POST', '/api/v1/live/key/rotate')).streamKey;
    keyInput.value = streamKey;
    keyStatus('Your stream key was reset. Paste the new one into OBS.');
  } catch (err) { keyStatus(err.message, true); }
});

$('title-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = $('stream-title');
  const button = $('save-title');
  say($('title-status'), '');
  say($('title-error'), '');
  button.disabled = true;
  try {
    const saved = await api('PUT', '/api/v1/live/title', { title: input.value });
    input.value = saved.title;
    say($('title-status'), saved.live ? 'Saved. Your viewers see the new title now; your next streams keep it.'
      : 'Saved. Your next stream will have this title.');
  } catch (err) {
    say($('title-error'), err.message);
  } finally {
    button.disabled = false;
  }
});

$('save-replays').addEventListener('change', async (e) => {
  const box = e.target;
  say($('replays-status'), '');
  say($('replays-error'), '');
  box.disabled = true;
  try {
    box.checked = (await api('PUT', '/api/v1/live/replays', { save: box.checked })).save;
    say($('replays-status'), box.checked ? 'Saved. Your streams will be kept as videos.'
      : 'Saved. Your streams will not be kept.');
  } catch (err) {
    box.checked = !box.checked;
    say($('replays-error'), err.message);
  } finally {
    box.disabled = false;
  }
});

// Stream status: what the media server receives from OBS, looked at every 2 s while the page is visible.
const statusPanel = $('stream-status');
const STATUS_EVERY_MS = 2000;

function megabits(bps) {
  return bps >= 1e6 ? `${(bps / 1e6).toFixed(1)} Mb/s` : `${Math.round(bps / 1e3)} kb/s`;
}

function renderIngest(ingest, status) {
  const receiving = ingest.receiving;
  let state = 'Offline. Waiting for OBS: press “Start Streaming”.';
  if (receiving) state = `Live: OBS is sending. ${status.viewers === 1 ? '1 viewer' : `${status.viewers ?? 0} viewers`} watching.`;
  else if (status.live) state = 'OBS disconnected. Your viewers wait a few seconds for it to come back before the stream ends.';
  $('ingest-state').textContent = state;
  // The page head's link says what the stream is now, not what it was when the page was rendered.
  $('live-page-dot').hidden = !status.live;
  $('live-page-label').textContent = status.live ? 'You are live: open your live page' : 'Your live page';
  $('ingest-figures').hidden = !receiving;
  if (receiving) {
    const size = ingest.width && ingest.height ? `${ingest.width}×${ingest.height}` : 'size not announced';
    $('ingest-video').textContent = ingest.videoCodec
      ? `${ingest.videoCodec}, ${size}, ${Math.round(ingest.frameRate ?? 0)} fps` : 'none';
    $('ingest-audio').textContent = ingest.audioCodec ?? 'none';
    $('ingest-bitrate').textContent = megabits(ingest.bitrate ?? 0);
    $('ingest-keyframes').textContent = ingest.keyframeInterval
      ? `every ${ingest.keyframeInterval.toFixed(1)} s` : 'waiting for the second keyframe';
  }
  const warnings = $('ingest-warnings');
  warnings.replaceChildren(...ingest.warnings.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  warnings.hidden = ingest.warnings.length === 0;
  const preview = $('ingest-preview');
  if (receiving && status.previewUrl) {
    if (preview.getAttribute('src') !== status.previewUrl) preview.src = status.previewUrl;
    preview.hidden = false;
  } else {
    preview.hidden = true;
  }
}

async function lookAtIngest() {
  if (document.visibilityState === 'visible') {
    try {
      const username = encodeURIComponent(statusPanel.dataset.username);
      const [ingest, status] = await Promise.all([api('GET', '/api/v1/live/ingest'), api('GET', `/api/v1/live/${username}`)]);
      renderIngest(ingest, status);
    } catch { /* a missed look; the next one follows */ }
  }
  setTimeout(lookAtIngest, STATUS_EVERY_MS);
}

lookAtIngest();
