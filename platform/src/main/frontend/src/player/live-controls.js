// Controls of the live player: play, volume, jump to the live edge, fullscreen, keyboard, auto-hide.

// Seconds behind the newest buffered frame before the "Live" button offers to catch up.
const BEHIND = 3;

export function setupLiveControls(root, video) {
  const $ = (sel) => root.querySelector(sel);
  const playButton = $('#play-button');
  const muteButton = $('#mute-button');
  const volume = $('#volume');
  const edgeButton = $('#live-edge-button');
  const fullscreenButton = $('#fullscreen-button');
  let idleTimer = 0;

  const togglePlay = () => (video.paused ? play() : video.pause());

  // Browsers refuse to start sound without a gesture: then start muted, like every live site.
  async function play() {
    try {
      await video.play();
    } catch (err) {
      if (err?.name !== 'NotAllowedError' || video.muted) return;
      video.muted = true;
      await video.play().catch(() => {});
    }
  }

  function liveEdge() {
    const ranges = video.buffered;
    return ranges.length ? ranges.end(ranges.length - 1) : video.currentTime;
  }

  function jumpToLive() {
    const edge = liveEdge();
    if (edge - video.currentTime > 0.5) video.currentTime = Math.max(0, edge - 0.5);
    if (video.paused) play();
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

  function renderBehind() {
    root.classList.toggle('is-behind', video.paused || liveEdge() - video.currentTime > BEHIND);
  }

  function wakeUp() {
    root.classList.remove('is-idle');
    clearTimeout(idleTimer);
    if (!video.paused) idleTimer = setTimeout(() => root.classList.add('is-idle'), 2500);
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) return document.exitFullscreen();
    if (root.requestFullscreen) return root.requestFullscreen().catch(() => {});
    video.webkitEnterFullscreen?.(); // iPhone Safari only lets the <video> itself go fullscreen
  }

  for (const ev of ['play', 'pause', 'ended']) video.addEventListener(ev, renderPlaying);
  video.addEventListener('volumechange', renderVolume);
  video.addEventListener('timeupdate', renderBehind);
  video.addEventListener('pause', renderBehind);
  video.addEventListener('waiting', () => root.classList.add('is-waiting'));
  for (const ev of ['playing', 'canplay']) video.addEventListener(ev, () => root.classList.remove('is-waiting'));
  video.addEventListener('click', togglePlay);
  video.addEventListener('dblclick', toggleFullscreen);
  $('.player-bigplay').addEventListener('click', play);
  playButton.addEventListener('click', togglePlay);
  muteButton.addEventListener('click', () => { video.muted = !video.muted; if (!video.muted && video.volume === 0) video.volume = 1; });
  volume.addEventListener('input', () => { video.volume = Number(volume.value); video.muted = video.volume === 0; });
  edgeButton.addEventListener('click', jumpToLive);
  fullscreenButton.addEventListener('click', toggleFullscreen);
  document.addEventListener('fullscreenchange', () => root.classList.toggle('is-fullscreen', document.fullscreenElement === root));
  root.addEventListener('pointermove', wakeUp);
  root.addEventListener('focusin', wakeUp);
  root.addEventListener('keydown', (e) => {
    if (e.target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' || e.key === 'k') { if (e.target.closest('button') && e.key === ' ') return; togglePlay(); }
    else if (e.key === 'f') toggleFullscreen();
    else if (e.key === 'm') video.muted = !video.muted;
    else if (e.key === 'l') jumpToLive();
    else return;
    e.preventDefault();
    wakeUp();
  });

  renderVolume();
  renderPlaying();
  return { play };
}
