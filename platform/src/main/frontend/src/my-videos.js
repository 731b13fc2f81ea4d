// My videos: live processing progress, visibility, inline edit and delete, all through the JSON API.
import { api } from './lib/api.js';
import { formatDuration } from './lib/format.js';

const list = document.getElementById('my-videos');
const PENDING = new Set(['uploading', 'processing']);
const path = (id) => `/api/v1/videos/${encodeURIComponent(id)}`;

const rowOf = (el) => el.closest('[data-video-id]');

function showRowError(row, message) {
  const box = row.querySelector('.row-error');
  box.textContent = message;
  box.hidden = !message;
}

// Brings a row up to date with a video from the API.
function render(row, video) {
  row.dataset.state = video.state;
  const badge = row.querySelector('.state');
  badge.textContent = video.state;
  badge.className = `state state-${video.state}`;
  const progress = row.querySelector('.row-progress');
  progress.hidden = video.state !== 'processing';
  progress.querySelector('progress').value = video.progress ?? 0;
  progress.querySelector('.row-percent').textContent = `${video.progress ?? 0}%`;
  const failure = row.querySelector('.row-failure');
  failure.hidden = video.state !== 'failed';
  failure.textContent = video.state === 'failed' ? `Processing failed: ${video.error || 'unknown error'}` : '';
  const thumb = row.querySelector('.row-thumb img');
  if (video.thumbnailUrl && thumb) {
    if (thumb.getAttribute('src') !== video.thumbnailUrl) thumb.src = video.thumbnailUrl;
    thumb.hidden = false;
  }
  const duration = row.querySelector('.duration');
  if (duration && video.durationSeconds) { duration.textContent = formatDuration(video.durationSeconds); duration.hidden = false; }
  row.querySelector('.row-title').textContent = video.title;
  const description = row.querySelector('.row-description');
  description.textContent = video.description ?? '';
  description.hidden = !video.description;
  if (PENDING.has(video.state)) pollPending();
}

// One timer polls every unfinished video; it stops by itself when none is left.
let polling = 0;
function pollPending() {
  if (polling) return;
  polling = setInterval(async () => {
    const rows = [...list.querySelectorAll('[data-video-id]')].filter((r) => PENDING.has(r.dataset.state));
    if (!rows.length) { clearInterval(polling); polling = 0; return; }
    if (document.hidden) return;
    await Promise.all(rows.map(async (row) => {
      try {
        render(row, await api('GET', path(row.dataset.videoId)));
        showRowError(row, '');
      } catch (err) {
        if (err.status === 404) row.remove(); else showRowError(row, err.message);
      }
    }));
    showEmptyIfNeeded();
  }, 2000);
}

function showEmptyIfNeeded() {
  document.getElementById('my-videos-empty').hidden = list.querySelector('[data-video-id]') !== null;
}

list.addEventListener('change', async (e) => {
  const select = e.target.closest('select.row-visibility');
  if (!select) return;
  const row = rowOf(select);
  select.disabled = true;
  try {
    await api('PATCH', path(row.dataset.videoId), { visibility: select.value });
    select.dataset.saved = select.value;
    showRowError(row, '');
  } catch (err) {
    select.value = select.dataset.saved; // put back what the server still has
    showRowError(row, err.message);
  } finally {
    select.disabled = false;
  }
});

list.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-action]');
  if (!button) return;
  const row = rowOf(button);
  const editor = row.querySelector('.row-editor');
  switch (button.dataset.action) {
    case 'edit':
      editor.elements.title.value = row.querySelector('.row-title').textContent;
      editor.elements.description.value = row.querySelector('.row-description').textContent;
      editor.hidden = false;
      row.querySelector('.row-view').hidden = true;
      editor.elements.title.focus();
      break;
    case 'cancel':
      editor.hidden = true;
      row.querySelector('.row-view').hidden = false;
      break;
    case 'delete': {
      const title = row.querySelector('.row-title').textContent;
      if (!window.confirm(`Delete "${title}"? This cannot be undone.`)) return;
      button.disabled = true;
      try {
        await api('DELETE', path(row.dataset.videoId));
        row.remove();
        showEmptyIfNeeded();
      } catch (err) {
        button.disabled = false;
        showRowError(row, err.message);
      }
      break;
    }
    default:
  }
});

list.addEventListener('submit', async (e) => {
  const editor = e.target.closest('form.row-editor');
  if (!editor) return;
  e.preventDefault();
  const row = rowOf(editor);
  const save = editor.querySelector('button[type="submit"]');
  save.disabled = true;
  try {
    const video = await api('PATCH', path(row.dataset.videoId), {
      title: editor.elements.title.value.trim(),
      description: editor.elements.description.value,
    });
    render(row, video);
    editor.hidden = true;
    row.querySelector('.row-view').hidden = false;
    showRowError(row, '');
  } catch (err) {
    showRowError(row, err.message);
  } finally {
    save.disabled = false;
  }
});

pollPending();
