// What every Marquee player has: play, volume, fullscreen, picture in picture, the keyboard, controls that hide
// while playing.
// The video player (controls.js) adds its seek bar and time; the live player (live-controls.js) its live edge.

/**
 * @param togglePlay plays or pauses the way this player does
 * @param onKey      keys of this player's own; returns true when it handled the key
 * @param busy       true while the viewer is using a control, so the controls stay up
 */
export function setupBaseControls(root, video, { togglePlay, onKey = () => false, busy = () => false }) {
  const $ = (sel) => root.querySelector(sel);
  const playButton = $('#play-button');
  const muteButton = $('#mute-button');
  const volume = $('#volume');
  const fullscreenButton = $('#fullscreen-button');
  const pipButton = $('#pip-button');
  // Where the browser can float the video over other windows (not Firefox, which puts its own toggle on the video).
  const canPip = document.pictureInPictureEnabled === true && !video.disablePictureInPicture;
  let idleTimer = 0;

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
    if (!video.paused && !busy()) idleTimer = setTimeout(() => root.classList.add('is-idle'), 2500);
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) return document.exitFullscreen();
    if (root.requestFullscreen) return root.requestFullscreen().catch(() => {});
    video.webkitEnterFullscreen?.(); // iPhone Safari only lets the <video> itself go fullscreen
  }

  function togglePip() {
    if (!canPip) return;
    if (document.pictureInPictureElement === video) document.exitPictureInPicture().catch(() => {});
    else video.requestPictureInPicture().catch(() => {});
  }

  for (const ev of ['play', 'pause', 'ended']) video.addEventListener(ev, renderPlaying);
  video.addEventListener('volumechange', renderVolume);
  video.addEventListener('waiting', () => root.classList.add('is-waiting'));
  for (const ev of ['playing', 'canplay', 'seeked']) video.addEventListener(ev, () => root.classList.remove('is-waiting'));
  // On touch screens the first tap on a playing video only brings the controls back.
  let tapWhileIdle = false;
  video.addEventListener('pointerdown', (e) => { tapWhileIdle = e.pointerType !== 'mouse' && root.classList.contains('is-idle'); });
  video.addEventListener('click', () => { if (tapWhileIdle) wakeUp(); else togglePlay(); });
  video.addEventListener('dblclick', toggleFullscreen);
  playButton.addEventListener('click', togglePlay);
  muteButton.addEventListener('click', () => { video.muted = !video.muted; if (!video.muted && video.volume === 0) video.volume = 1; });
  volume.addEventListener('input', () => { video.volume = Number(volume.value); video.muted = video.volume === 0; });
  fullscreenButton.addEventListener('click', toggleFullscreen);
  if (pipButton) {
    pipButton.hidden = !canPip;
    pipButton.addEventListener('click', togglePip);
  }
  video.addEventListener('enterpictureinpicture', () => root.classList.add('is-pip'));
  video.addEventListener('leavepictureinpicture', () => root.classList.remove('is-pip'));
  document.addEventListener('fullscreenchange', () => root.classList.toggle('is-fullscreen', document.fullscreenElement === root));
  root.addEventListener('pointermove', wakeUp);
  root.addEventListener('focusin', wakeUp);

  root.addEventListener('keydown', (e) => {
    if (e.target.closest('input, select, textarea, .menu') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' || e.key === 'k') { if (e.target.closest('button') && e.key === ' ') return; togglePlay(); }
    else if (e.key === 'f') toggleFullscreen();
    else if (e.key === 'i' && canPip) togglePip();
    else if (e.key === 'm') video.muted = !video.muted;
    else if (!onKey(e.key)) return;
    e.preventDefault();
    wakeUp();
  });

  renderVolume();
  renderPlaying();
  return { wakeUp };
}
