// Watch page: HLS playback (hls.js, or the browser's own HLS), quality menu, seek previews, view count.
import Hls from 'hls.js';
import { api, csrfToken } from './lib/api.js';
import { setupControls } from './player/controls.js';
import { setupQualityMenu } from './player/quality.js';
import { setupSeekPreview } from './player/seek-preview.js';
import { setupShare } from './player/share.js';
import { setupSpeedMenu } from './player/speed.js';
import { setupResume } from './player/resume.js';
import { parseStartTime } from './lib/format.js';
import { mountVideoDanmaku } from './danmaku/video-danmaku.js';
import './comments.js'; // the comments section below the description mounts itself

const root = document.getElementById('player');
if (root) startPlayer(root);
const stateBox = document.getElementById('video-state');
if (stateBox) watchProcessing(stateBox);

function startPlayer(root) {
  const video = root.querySelector('video');
  const { videoId, hlsUrl, storyboardUrl } = root.dataset;
  const preview = setupSeekPreview(root, storyboardUrl);
  const speedKeys = setupSpeedMenu(root, video);
  setupControls(root, video, { onSeekHover: preview.show, onSeekLeave: preview.hide, onKey: speedKeys });
  countViewOnFirstPlay(video, videoId);
  mountVideoDanmaku(root, video, videoId);
  setupShare(video);
  // A link to a moment (?t=1m30s, as the share box makes): playback begins there.
  const asked = parseStartTime(new URLSearchParams(location.search).get('t'));
  const linked = asked !== null && asked < Number(root.dataset.duration || Infinity) ? asked : null;
  // Else where this browser left the video, if anywhere.
  const resumeAt = setupResume(root, video, videoId, { offer: linked === null });
  const start = linked ?? resumeAt;

  const hasMse = Hls.isSupported();
  if (hasMse) {
    const hls = new Hls({ capLevelToPlayerSize: true, startPosition: start ?? -1 });
    setupQualityMenu(hls, Hls, root);
    handleHlsErrors(hls, root, () => renewSource(hls, video, videoId));
    hls.loadSource(hlsUrl);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    // Safari without MSE plays HLS itself and picks the quality on its own.
    if (start) video.addEventListener('loadedmetadata', () => { video.currentTime = start; }, { once: true });
    video.src = hlsUrl;
  } else {
    showError(root, 'This browser cannot play HLS video.');
  }
}

function showError(root, message) {
  const box = root.querySelector('#player-error');
  box.textContent = message;
  box.hidden = false;
  root.classList.add('has-error');
}

// Signed URLs expire (marquee.media-url-ttl): a tab paused overnight, or restored with an old page, asks the API
// for a fresh URL and goes on where it was, as YouTube does, rather than telling the viewer to reload.
async function renewSource(hls, video, videoId) {
  const position = video.currentTime;
  const playing = !video.paused;
  const { hlsUrl } = await api('GET', `/api/v1/videos/${encodeURIComponent(videoId)}`);
  hls.config.startPosition = position;
  hls.loadSource(hlsUrl); // a new URL: hls.js gives the element a fresh MediaSource and loads from startPosition
  if (playing) video.play().catch(() => {});
}

function handleHlsErrors(hls, root, renew) {
  let networkRetries = 0;
  let mediaRecoveries = 0;
  let renewed = false; // once per failure: a fresh URL that is refused too ends in the message
  const giveUp = (refused) => {
    hls.destroy();
    showError(root, refused
      ? 'This video link has expired. Reload the page to keep watching.'
      : 'The video could not be played. Please try again later.');
  };
  hls.on(Hls.Events.FRAG_LOADED, () => { networkRetries = 0; renewed = false; });
  hls.on(Hls.Events.ERROR, (_, data) => {
    if (!data.fatal) return;
    const status = data.response?.code;
    const refused = status === 403 || status === 410;
    if (refused && !renewed) {
      renewed = true;
      renew().catch(() => giveUp(true));
    } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR && !refused && networkRetries < 4) {
      // Transient network trouble: let hls.js resume loading a few times with growing pauses.
      setTimeout(() => hls.startLoad(), 1000 * 2 ** networkRetries++);
    } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries < 2) {
      mediaRecoveries++;
      hls.recoverMediaError();
    } else {
      giveUp(refused);
    }
  });
}

function countViewOnFirstPlay(video, videoId) {
  video.addEventListener('playing', () => {
    fetch(`/api/v1/videos/${encodeURIComponent(videoId)}/views`, {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrfToken() },
      credentials: 'same-origin',
    }).catch(() => {});
  }, { once: true });
}

// A video still uploading or processing: follow its progress and reload when it becomes playable.
function watchProcessing(box) {
  const { videoId, state } = box.dataset;
  if (state !== 'processing' && state !== 'uploading') return;
  const bar = box.querySelector('progress');
  const percent = box.querySelector('.state-percent');
  const timer = setInterval(async () => {
    if (document.hidden) return;
    try {
      const v = await api('GET', `/api/v1/videos/${encodeURIComponent(videoId)}`);
      if (v.state !== state) { clearInterval(timer); window.location.reload(); return; }
      if (bar) bar.value = v.progress ?? 0;
      if (percent) percent.textContent = `${v.progress ?? 0}%`;
    } catch { /* keep the last known progress; the next tick may succeed */ }
  }, 3000);
}
