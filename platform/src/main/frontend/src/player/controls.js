// Custom player controls: play, seek bar with drag, time, volume, fullscreen, keyboard, auto-hide.
import { formatDuration } from '../lib/format.js';

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

export function setupControls(root, video, { onSeekHover, onSeekLeave } = {}) {
  const $ = (sel) => root.querySelector(sel);
  const seek = $('#seek');
  const played = $('.seek-played');
  const buffered = $('.seek-buffered');
  const handle = $('.seek-handle');
  const time = $('#time');
  const playButton = $('#play-button');
  const muteButton = $('#mute-button');
  const volume = $('#volume');
  const fullscreenButton = $('#fullscreen-button');
  const fallbackDuration = Number(root.dataset.duration) || 0;
  let dragging = false;
  let idleTimer = 0;

  const duration = () => (Number.isFinite(video.duration) && video.duration > 0 ? video.duration : fallbackDuration);
  const togglePlay = () => (video.paused || video.ended ? video.play().catch(() => {}) : video.pause());

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

  function renderPlaying() {
    const playing = !video.paused && !video.ended;
    root.classList.toggle('is-playing', playing);
    playButton.setAttribute('aria-label', playing ? 'Pause (k)' : 'Play (k)');
    wakeUp();
  }

  function renderVolume() {
    const muted = video.muted || video.volume === 0;
    root.classList.toggle('is-muted', muted);
    muteButton.setAttribute('aria-label', muted ? 'Unmute (m)' : 'Mute (m)');
    volume.value = String(muted ? 0 : video.volume);
  }

  // Controls fade out while playing and the pointer rests, like every video site.
  function wakeUp() {
    root.classList.remove('is-idle');
    clearTimeout(idleTimer);
    if (!video.paused && !dragging) idleTimer = setTimeout(() => root.classList.add('is-idle'), 2500);
  }

  video.addEventListener('timeupdate', renderTime);
  video.addEventListener('durationchange', renderTime);
  video.addEventListener('progress', renderBuffered);
  video.addEventListener('seeked', renderBuffered);
  video.addEventListener('play', renderPlaying);
  video.addEventListener('pause', renderPlaying);
  video.addEventListener('ended', renderPlaying);
  video.addEventListener('waiting', () => root.classList.add('is-waiting'));
  for (const ev of ['playing', 'canplay', 'seeked']) video.addEventListener(ev, () => root.classList.remove('is-waiting'));
  video.addEventListener('volumechange', renderVolume);
  // On touch screens the first tap on a playing video only brings the controls back.
  let tapWhileIdle = false;
  video.addEventListener('pointerdown', (e) => { tapWhileIdle = e.pointerType !== 'mouse' && root.classList.contains('is-idle'); });
  video.addEventListener('click', () => { if (tapWhileIdle) wakeUp(); else togglePlay(); });
  video.addEventListener('dblclick', toggleFullscreen);
  $('.player-bigplay').addEventListener('click', togglePlay);
  playButton.addEventListener('click', togglePlay);
  muteButton.addEventListener('click', () => { video.muted = !video.muted; if (!video.muted && video.volume === 0) video.volume = 1; });
  volume.addEventListener('input', () => { video.volume = Number(volume.value); video.muted = video.volume === 0; });
  root.addEventListener('pointermove', wakeUp);
  root.addEventListener('focusin', wakeUp);

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

  function toggleFullscreen() {
    if (document.fullscreenElement) return document.exitFullscreen();
    if (root.requestFullscreen) return root.requestFullscreen().catch(() => {});
    // iPhone Safari only lets the <video> element itself go fullscreen.
    video.webkitEnterFullscreen?.();
  }
  fullscreenButton.addEventListener('click', toggleFullscreen);
  document.addEventListener('fullscreenchange', () => root.classList.toggle('is-fullscreen', document.fullscreenElement === root));

  root.addEventListener('keydown', (e) => {
    if (e.target.closest('input, select, textarea, .menu') || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = { ArrowLeft: -5, ArrowRight: 5, j: -10, l: 10 }[e.key];
    if (step) video.currentTime = clamp(video.currentTime + step, 0, duration());
    else if (e.key === ' ' || e.key === 'k') { if (e.target.closest('button') && e.key === ' ') return; togglePlay(); }
    else if (e.key === 'f') toggleFullscreen();
    else if (e.key === 'm') video.muted = !video.muted;
    else return;
    e.preventDefault();
    wakeUp();
  });

  renderTime();
  renderVolume();
  renderPlaying();
}
