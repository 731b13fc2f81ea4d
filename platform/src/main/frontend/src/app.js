// Loaded on every page: turns server-rendered dates and counts into friendly text.
import { formatViews, timeAgo } from './lib/format.js';

const RELATIVE_EVERY_MS = 20_000;

function showRelativeTimes(root) {
  for (const el of root.querySelectorAll('time[data-relative]')) {
    const date = new Date(el.dateTime);
    if (Number.isNaN(date.getTime())) continue;
    el.textContent = timeAgo(date);
    el.title = date.toLocaleString();
  }
}

export function hydrate(root = document) {
  showRelativeTimes(root);
  for (const el of root.querySelectorAll('[data-views]')) {
    el.textContent = formatViews(Number(el.dataset.views));
  }
  for (const el of root.querySelectorAll('time[data-date]')) {
    const date = new Date(el.dateTime);
    if (!Number.isNaN(date.getTime())) {
      el.textContent = date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
    }
  }
  // A stable colour per channel makes letter avatars tell people apart.
  for (const el of root.querySelectorAll('[data-avatar]')) {
    let hash = 0;
    for (const ch of el.dataset.avatar) hash = (hash * 31 + ch.codePointAt(0)) | 0;
    el.style.setProperty('--hue', String(Math.abs(hash) % 360));
  }
}

hydrate();
// A page left open keeps its relative times true: a live stream's "started 2 hours ago", a new line's "just now".
setInterval(() => showRelativeTimes(document), RELATIVE_EVERY_MS);
