// Upload page: creates the video, then sends the file with tus (resumable across drops and reloads).
import * as tus from 'tus-js-client';
import { api, csrfToken } from './lib/api.js';
import { formatBytes, formatDuration } from './lib/format.js';

const form = document.getElementById('upload-form');
const fileInput = document.getElementById('file');
const titleInput = document.getElementById('title');
const dropZone = document.getElementById('drop-zone');
const fileLabel = document.getElementById('file-name');
const submitButton = document.getElementById('upload-button');
const panel = document.getElementById('upload-status');
const bar = document.getElementById('upload-progress');
const percentText = document.getElementById('upload-percent');
const detailText = document.getElementById('upload-detail');
const statusText = document.getElementById('upload-message');
const pauseButton = document.getElementById('pause-button');
const errorBox = document.getElementById('upload-error');
const doneBox = document.getElementById('upload-done');
const maxBytes = Number(form.dataset.maxUploadBytes) || Infinity;
const userId = form.dataset.userId ?? '';

const maxSizeText = document.getElementById('max-size');
if (maxSizeText && Number.isFinite(maxBytes)) maxSizeText.textContent = formatBytes(maxBytes);

let upload = null;
let paused = false;
let finished = false;
let autoTitle = '';

// The fingerprint leaves out the endpoint (which is per video) so a re-chosen file finds its old upload.
const fingerprint = (file) => Promise.resolve(
  ['marquee', userId, file.name, file.type, file.size, file.lastModified].join('-'));

function chooseFile(file) {
  if (!file) return;
  fileLabel.textContent = `${file.name} · ${formatBytes(file.size)}`;
  dropZone.classList.add('has-file');
  hideError();
  // Suggest a title from the file name unless the user already typed one.
  if (!titleInput.value.trim() || titleInput.value === autoTitle) {
    autoTitle = file.name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim().slice(0, 100);
    titleInput.value = autoTitle;
  }
  if (file.size > maxBytes) showError(tooLarge(file));
}

const tooLarge = (file) => `This file is ${formatBytes(file.size)}; the largest upload allowed is ${formatBytes(maxBytes)}.`;

fileInput.addEventListener('change', () => chooseFile(fileInput.files[0]));
for (const type of ['dragenter', 'dragover']) {
  dropZone.addEventListener(type, (e) => { e.preventDefault(); dropZone.classList.add('is-dragging'); });
}
for (const type of ['dragleave', 'drop']) {
  dropZone.addEventListener(type, () => dropZone.classList.remove('is-dragging'));
}
dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  if (!e.dataTransfer?.files.length) return;
  fileInput.files = e.dataTransfer.files;
  chooseFile(fileInput.files[0]);
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = fileInput.files[0];
  hideError();
  if (!file) return showError('Choose a video file first.');
  if (file.size > maxBytes) return showError(tooLarge(file));
  if (!titleInput.value.trim()) return showError('Give your video a title.');
  setBusy(true);
  try {
    const previous = await findPreviousUpload(file);
    if (previous) {
      setMessage(`Resuming your earlier upload of ${file.name}…`);
      updateDetails(storage.get(videoKey(previous.uploadUrl)));
      start(file, null, previous);
    } else {
      await startNew(file);
    }
  } catch (err) {
    setBusy(false);
    showError(err.message);
  }
});

async function findPreviousUpload(file) {
  const probe = new tus.Upload(file, { fingerprint });
  const found = await probe.findPreviousUploads();
  // The newest entry is the one that got furthest before the page went away.
  return found.sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0] ?? null;
}

async function startNew(file) {
  setMessage('Creating the video…');
  const video = await api('POST', '/api/v1/videos', {
    title: titleInput.value.trim(),
    description: form.elements.description.value,
    visibility: form.elements.visibility.value,
  });
  setMessage(`Uploading ${file.name}…`);
  start(file, video.upload, null, video.id);
}

// Remembers which video an upload URL belongs to, so a resumed upload can take the newly typed details.
const videoKey = (uploadUrl) => `marquee:upload-video:${uploadUrl}`;
const storage = {
  get(key) { try { return localStorage.getItem(key); } catch { return null; } },
  set(key, value) { try { localStorage.setItem(key, value); } catch { /* private mode: no resume details */ } },
  remove(key) { try { localStorage.removeItem(key); } catch { /* same */ } },
};

function updateDetails(videoId) {
  if (!videoId) return;
  api('PATCH', `/api/v1/videos/${encodeURIComponent(videoId)}`, {
    title: titleInput.value.trim(),
    description: form.elements.description.value,
    visibility: form.elements.visibility.value,
  }).catch(() => { /* the details can still be edited on My videos */ });
}

function start(file, endpoint, previous, videoId) {
  const speed = speedMeter();
  let sentAny = false;
  upload = new tus.Upload(file, {
    endpoint,
    fingerprint,
    chunkSize: 50 * 1024 * 1024,
    retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
    removeFingerprintOnSuccess: true,
    storeFingerprintForResuming: true,
    headers: { 'X-CSRF-Token': csrfToken() },
    metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
    onProgress(sent, total) {
      sentAny = true;
      const rate = speed(sent);
      showProgress(sent, total, rate);
    },
    onUploadUrlAvailable() {
      if (videoId) storage.set(videoKey(upload.url), videoId);
    },
    onSuccess() {
      finished = true;
      storage.remove(videoKey(upload.url));
      showProgress(file.size, file.size, 0);
      pauseButton.hidden = true;
      setMessage('Upload complete. Your video is being processed.');
      doneBox.hidden = false;
      setTimeout(() => { window.location.href = '/my/videos'; }, 2500);
    },
    onError(err) {
      const status = err.originalResponse?.getStatus?.() ?? 0;
      // The stored upload is gone on the server (expired or deleted): start over with a new video.
      if (previous && !sentAny && status >= 400 && status < 500) {
        previous = null;
        startNew(file).catch((e) => { setBusy(false); showError(e.message); });
        return;
      }
      onUploadError(err, status);
    },
  });
  if (previous) upload.resumeFromPreviousUpload(previous);
  paused = false;
  panel.hidden = false;
  pauseButton.hidden = false;
  renderPause();
  upload.start();
}

function onUploadError(err, status) {
  paused = true;
  renderPause();
  if (!navigator.onLine) {
    // Retries are spent while offline; carry on by ourselves once the network is back.
    showError('You are offline. The upload will continue when the connection is back.');
    window.addEventListener('online', () => { if (paused) togglePause(); }, { once: true });
    return;
  }
  showError(describeTusError(err, status));
  // Resuming cannot fix these; let the user pick another file instead.
  if (status === 413 || status === 403) {
    upload = null;
    pauseButton.hidden = true;
    setBusy(false);
  }
}

function describeTusError(err, status) {
  if (status === 413) return `The file is too large. The largest upload allowed is ${formatBytes(maxBytes)}.`;
  if (status === 401) return 'Your session has ended. Sign in again in another tab, then press Resume.';
  if (status === 403) return 'You are not allowed to upload this file.';
  let detail = '';
  try { detail = JSON.parse(err.originalResponse?.getBody?.() || '{}').detail ?? ''; } catch { /* not JSON */ }
  if (detail) return `Upload failed: ${detail}`;
  if (!status) return 'The connection to the server was lost. Press Resume to try again.';
  return `Upload failed (HTTP ${status}). Press Resume to try again.`;
}

function togglePause() {
  if (!upload || finished) return;
  paused = !paused;
  if (paused) {
    upload.abort();
    setMessage('Paused.');
  } else {
    hideError();
    setMessage('Uploading…');
    upload.start();
  }
  renderPause();
}
pauseButton.addEventListener('click', togglePause);

function renderPause() {
  pauseButton.textContent = paused ? 'Resume' : 'Pause';
  panel.classList.toggle('is-paused', paused);
}

// Exponentially smoothed bytes per second, so the speed and time left do not jump around.
function speedMeter() {
  let lastBytes = null;
  let lastTime = 0;
  let rate = 0;
  return (bytes) => {
    const now = performance.now();
    if (lastBytes === null || bytes < lastBytes) { lastBytes = bytes; lastTime = now; return rate; }
    const dt = (now - lastTime) / 1000;
    if (dt < 0.5) return rate;
    const instant = (bytes - lastBytes) / dt;
    rate = rate ? 0.3 * instant + 0.7 * rate : instant;
    lastBytes = bytes;
    lastTime = now;
    return rate;
  };
}

function showProgress(sent, total, rate) {
  const percent = total ? Math.floor((sent / total) * 100) : 0;
  bar.value = percent;
  percentText.textContent = `${percent}%`;
  const parts = [`${formatBytes(sent)} of ${formatBytes(total)}`];
  if (rate > 0 && sent < total) {
    parts.push(`${(rate / 1e6).toFixed(1)} MB/s`, `${formatDuration((total - sent) / rate)} left`);
  }
  detailText.textContent = parts.join(' · ');
}

function setBusy(busy) {
  submitButton.disabled = busy;
  fileInput.disabled = busy;
  dropZone.classList.toggle('is-disabled', busy);
}

function setMessage(text) { statusText.textContent = text; }
function showError(text) { errorBox.textContent = text; errorBox.hidden = false; }
function hideError() { errorBox.hidden = true; errorBox.textContent = ''; }
