// Controls of the video player: the shared ones (base-controls.js), a seek bar with drag and preview, the time.
import { formatDuration } from '../lib/format.js';
import { setupBaseControls } from './base-controls.js';

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

export function setupControls(root, video, { onSeekHover, onSeekLeave, onKey = () => false } = {}) {
  const $ = (sel) => root.querySelector(sel);
  const seek = $('#seek');
  const played = $('.seek-played');
  const buffered = $('.seek-buffered');
  const handle = $('.seek-handle');
  const time = $('#time');
  const fallbackDuration = Number(root.dataset.duration) || 0;
  let dragging = false;

  const duration = () => (Number.isFinite(video.duration) && video.duration > 0 ? video.duration : fallbackDuration);
  const togglePlay = () => (video.paused || video.ended ? video.play().catch(() => {}) : video.pause());
  const seekKeys = { ArrowLeft: -5, ArrowRight: 5, j: -10, l: 10 };
  const { wakeUp } = setupBaseControls(root, video, {
    togglePlay,
    busy: () => dragging,
    onKey: (key) => {
      if (Object.hasOwn(seekKeys, key)) {
        video.currentTime = clamp(video.currentTime + seekKeys[key], 0, duration());
      } else if (/^[0-9]$/.test(key)) { // 0 to 9: that many tenths into the video, as on YouTube
        video.currentTime = (duration() * Number(key)) / 10;
      } else {
        return onKey(key);
      }
      return true;
    },
  });

  function timeAtX(clientX) {
    const rect = seek.getBoundingClientRect();
    const fraction = clamp((clientX - rect.left) / rect.width, 0, 1);
    return { time: fraction * duration(), x: fraction * rect.width, width: rect.width };
  }

  function showPosition(t) {
    const fraction = duration() ? clamp(t / duration(), 0, 1) : 0;
    played.style.transform = `scaleX(${fraction})`;
    handle.style.left = `${fraction * 100}%`;
    seek.setAttribute('aria-valuenow', String(Math.floor(t)));
    seek.setAttribute('aria-valuetext', formatDuration(t));
  }

  function renderTime() {
    if (!dragging) showPosition(video.currentTime);
    time.textContent = `${formatDuration(video.currentTime)} / ${formatDuration(duration())}`;
    seek.setAttribute('aria-valuemax', String(Math.floor(duration())));
  }

  function renderBuffered() {
    const ranges = video.buffered;
    let end = 0;
    for (let i = 0; i < ranges.length; i++) {
      if (ranges.start(i) <= video.currentTime + 0.5) end = Math.max(end, ranges.end(i));
    }
    buffered.style.transform = `scaleX(${duration() ? clamp(end / duration(), 0, 1) : 0})`;
  }

  video.addEventListener('timeupdate', renderTime);
  video.addEventListener('durationchange', renderTime);
  video.addEventListener('progress', renderBuffered);
  video.addEventListener('seeked', renderBuffered);
  $('.player-bigplay').addEventListener('click', togglePlay);

  // Seek bar: hover shows a preview, drag scrubs, release seeks.
  seek.addEventListener('pointerenter', (e) => onSeekHover?.(timeAtX(e.clientX)));
  seek.addEventListener('pointermove', (e) => {
    const at = timeAtX(e.clientX);
    if (dragging) showPosition(at.time);
    onSeekHover?.(at);
  });
  seek.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    dragging = true;
    seek.setPointerCapture(e.pointerId);
    root.classList.add('is-seeking');
    const at = timeAtX(e.clientX);
    showPosition(at.time);
    onSeekHover?.(at);
  });
  const endDrag = (e, commit) => {
    if (!dragging) return;
    dragging = false;
    root.classList.remove('is-seeking');
    if (commit) video.currentTime = timeAtX(e.clientX).time;
    if (e.pointerType !== 'mouse') onSeekLeave?.();
    wakeUp();
  };
  seek.addEventListener('pointerup', (e) => endDrag(e, true));
  seek.addEventListener('pointercancel', (e) => endDrag(e, false));
  seek.addEventListener('pointerleave', () => { if (!dragging) onSeekLeave?.(); });

  renderTime();
}
