// Live page: HTTP-FLV through mpegts.js for about a second of delay (HLS where Media Source Extensions
// are missing), and the channel's room socket: chat beside the player and over it as danmaku, the viewer
// count, and the going live (playback starts by itself) or offline.
import mpegts from 'mpegts.js';
import Hls from 'hls.js';
import { api } from './lib/api.js';
import { timeAgo } from './lib/format.js';
import { setupLiveControls } from './player/live-controls.js';
import { openRoomSocket } from './lib/room-socket.js';
import { createDanmakuOverlay } from './danmaku/overlay.js';
import { loadSettings, saveSettings } from './danmaku/settings.js';
import { setupChatPanel } from './live-chat.js';

const root = document.getElementById('live-player');
if (root) startLivePage(root);

function startLivePage(root) {
  const video = root.querySelector('video');
  const { username } = root.dataset;
  const controls = setupLiveControls(root, video);
  const byId = (id) => document.getElementById(id);
  const ui = {
    offline: byId('live-offline'), error: byId('player-error'), title: byId('live-title'), badge: byId('live-badge'),
    viewers: byId('live-viewers'), started: byId('live-started'), startedAt: byId('live-started-at'),
    offlineNote: byId('live-offline-note'),
  };
  let live = root.dataset.live === 'true';
  let engine = null;
  let failures = 0;
  let retryTimer = 0;
  let attempt = 0; // a start that finds a newer start (or a stop) behind it gives up

  function showError(message) {
    ui.error.textContent = message;
    ui.error.hidden = !message;
    root.classList.toggle('has-error', Boolean(message));
  }

  function stopPlayback() {
    attempt++;
    clearTimeout(retryTimer);
    engine?.destroy();
    engine = null;
  }

  // Signed URLs expire (marquee.media-url-ttl): a page open for hours before the stream, or reconnecting
  // after a drop, asks for fresh ones first; the page's own serve its first start.
  async function startPlayback({ refreshUrls = true } = {}) {
    stopPlayback();
    const mine = attempt;
    if (refreshUrls) await renewUrls();
    if (mine !== attempt || !live) return;
    engine = createEngine(video, root.dataset, onFailure);
    if (!engine) { showError('This browser cannot play live video.'); return; }
    root.classList.add('is-waiting');
    controls.play();
  }

  async function renewUrls() {
    try {
      const status = await api('GET', `/api/v1/live/${encodeURIComponent(username)}`);
      if (status?.flvUrl) root.dataset.flvUrl = status.flvUrl;
      if (status?.hlsUrl) root.dataset.hlsUrl = status.hlsUrl;
    } catch {
      // the site is unreachable for now: try the URLs we have, and the next retry asks again
    }
  }

  // The connection dropped or the stream paused: try again, less often each time, while still live.
  function onFailure() {
    stopPlayback();
    if (!live) return;
    failures++;
    if (failures >= 3) showError('Reconnecting to the stream…');
    retryTimer = setTimeout(() => { if (live) startPlayback(); }, Math.min(15000, 1000 * 2 ** Math.min(failures, 4)));
  }
  video.addEventListener('playing', () => { failures = 0; showError(''); });

  let viewers = Number(ui.viewers.dataset.viewers || 0);
  function renderViewers(count) {
    viewers = Number(count || 0);
    ui.viewers.textContent = `${viewers.toLocaleString()} watching`;
  }

  function render(status) {
    const wasLive = live;
    live = status.live;
    root.classList.toggle('is-live', live);
    root.classList.toggle('is-offline', !live);
    ui.offline.hidden = live;
    ui.badge.hidden = !live;
    ui.viewers.hidden = !live;
    ui.started.hidden = !live;
    ui.offlineNote.hidden = live;
    // The room's offline status has no title: keep the page's (the next stream's, or the one that just ended).
    if (status.title || live) ui.title.textContent = status.title || username;
    if (live && status.title) document.title = `${status.title} · ${username} · Marquee`; // renamed while live
    if (status.viewers !== undefined) renderViewers(status.viewers);
    if (status.startedAt) {
      ui.startedAt.dateTime = status.startedAt;
      ui.startedAt.textContent = timeAgo(new Date(status.startedAt));
    }
    // Until the first frame shows, the player shows a recent picture of the stream rather than black.
    if (live && status.previewUrl && video.readyState < 2) video.poster = status.previewUrl;
    if (!live) video.removeAttribute('poster');
    if (live && !wasLive) {
      failures = 0;
      startPlayback();
      // The link names the stream before this one; this one's replay is announced when it is ready.
      document.getElementById('live-last-stream')?.remove();
    }
    if (!live && wasLive) {
      stopPlayback();
      showError('');
    }
  }

  // The stream that ended is ready to watch again: link it where the offline page links the last stream.
  function showReplay({ videoId, title }) {
    const link = document.createElement('a');
    link.className = 'live-last';
    link.id = 'live-last-stream';
    link.href = `/watch/${encodeURIComponent(videoId)}`;
    const text = document.createElement('span');
    text.className = 'live-last-text';
    const label = document.createElement('span');
    label.className = 'live-last-label';
    label.textContent = 'Watch the replay';
    const name = document.createElement('span');
    name.className = 'live-last-title';
    name.textContent = title;
    text.append(label, name);
    link.append(text);
    document.getElementById('live-last-stream')?.remove();
    ui.offline.append(link);
  }

  // Chat lines fly over the player as danmaku, with the viewer's danmaku settings (blocking included).
  let settings = loadSettings();
  const overlay = createDanmakuOverlay(root, video, {
    live: true,
    settings,
    onBlockSender(sender) {
      if (!settings.senders.includes(sender)) settings = saveSettings({ ...settings, senders: [...settings.senders, sender] });
      overlay.setSettings(settings);
    },
  });
  const asDanmaku = (line) => ({ id: line.id, time: 0, text: line.text, mode: 'scroll', color: '#ffffff', size: 'normal',
    sender: line.author.id });
  const panel = byId('live-chat');
  let chat = null;
  const room = openRoomSocket(`/ws/live/${encodeURIComponent(username)}`, {
    onState: (state) => chat?.connection(state),
    onFrame(frame) {
      switch (frame.type) {
        case 'chat': if (chat?.chat(frame) && live) overlay.add(asDanmaku(frame)); break;
        case 'history': chat?.history(frame.items || []); break;
        case 'deleted': chat?.deleted(frame.id); break;
        case 'viewers': renderViewers(frame.count); break;
        case 'status': render(frame); if (!frame.live) overlay.clear(); break;
        case 'settings': chat?.settings(frame); break;
        case 'replay': showReplay(frame); break;
        case 'error': chat?.error(frame); break;
        default: break; // pong, and frame types a later server may add
      }
    },
  });
  if (panel) chat = setupChatPanel(panel, { send: room.send });
  if (live) startPlayback({ refreshUrls: false });
}

/** A player for the live stream, or null when this browser has no way to play it. */
function createEngine(video, { flvUrl, hlsUrl }, onFailure) {
  let failed = false;
  // Engines may report one failure several ways; handle it once, outside their own callbacks.
  const fail = () => { if (!failed) { failed = true; setTimeout(onFailure, 0); } };

  if (mpegts.getFeatureList().mseLivePlayback) {
    const player = mpegts.createPlayer({ type: 'flv', isLive: true, url: flvUrl }, {
      enableStashBuffer: false, // hand frames to the decoder at once: latency before smoothness
      liveBufferLatencyChasing: true, // fallen far behind (a hidden tab): jump to the edge
      liveBufferLatencyMaxLatency: 3,
      liveBufferLatencyMinRemain: 0.5,
      liveSync: true, // a little behind: play slightly faster until caught up
      liveSyncMaxLatency: 1.5,
      liveSyncTargetLatency: 0.8,
      liveSyncPlaybackRate: 1.1,
      autoCleanupSourceBuffer: true,
      lazyLoad: false,
    });
    player.on(mpegts.Events.ERROR, fail);
    player.on(mpegts.Events.LOADING_COMPLETE, fail); // the server ended the stream
    player.attachMediaElement(video);
    player.load();
    return {
      destroy() {
        failed = true;
        player.unload();
        player.detachMediaElement();
        player.destroy();
      },
    };
  }
  if (Hls.isSupported()) { // e.g. iOS 17.1+ with ManagedMediaSource
    const hls = new Hls({ lowLatencyMode: true, liveSyncDurationCount: 2, backBufferLength: 30 });
    hls.on(Hls.Events.ERROR, (_, data) => { if (data.fatal) fail(); });
    hls.loadSource(hlsUrl);
    hls.attachMedia(video);
    return { destroy() { failed = true; hls.destroy(); } };
  }
  if (video.canPlayType('application/vnd.apple.mpegurl')) { // Safari plays HLS itself
    video.addEventListener('error', fail, { once: true });
    video.src = hlsUrl;
    return {
      destroy() {
        failed = true;
        video.removeEventListener('error', fail);
        video.removeAttribute('src');
        video.load();
      },
    };
  }
  return null;
}
