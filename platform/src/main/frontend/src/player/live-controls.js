// Controls of the live player: the shared ones (base-controls.js) and a "Live" button that jumps to the live edge.
import { setupBaseControls } from './base-controls.js';

// Seconds behind the newest buffered frame before the "Live" button offers to catch up.
const BEHIND = 3;

export function setupLiveControls(root, video) {
  const $ = (sel) => root.querySelector(sel);

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

  function renderBehind() {
    root.classList.toggle('is-behind', video.paused || liveEdge() - video.currentTime > BEHIND);
  }

  setupBaseControls(root, video, {
    togglePlay: () => (video.paused ? play() : video.pause()),
    onKey: (key) => {
      if (key !== 'l') return false;
      jumpToLive();
      return true;
    },
  });
  video.addEventListener('timeupdate', renderBehind);
  video.addEventListener('pause', renderBehind);
  $('.player-bigplay').addEventListener('click', play);
  $('#live-edge-button').addEventListener('click', jumpToLive);
  return { play };
}
