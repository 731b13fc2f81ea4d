// Danmaku on the watch page: the overlay over the player, 6-minute slices fetched as playback goes, new
// danmaku of other viewers over the room socket, the input bar and the settings panel.

import { api } from '../lib/api.js';
import { openRoomSocket } from '../lib/room-socket.js';
import { createDanmakuOverlay } from './overlay.js';
import { loadSettings, saveSettings, compileFilter } from './settings.js';
import { mountSettingsPanel } from './settings-panel.js';
import { mountInputBar } from './input-bar.js';

const SLICE_SECONDS = 360;
const PREFETCH_SECONDS = 30;

export function mountVideoDanmaku(root, video, videoId) {
  const bar = document.getElementById('danmaku-bar');
  let settings = loadSettings();
  let panel = null;
  const overlay = createDanmakuOverlay(root, video, {
    settings,
    onBlockSender(sender) {
      if (!settings.senders.includes(sender)) apply({ ...settings, senders: [...settings.senders, sender] });
      panel?.update(settings);
    },
  });

  function apply(next) {
    settings = saveSettings(next);
    overlay.setSettings(settings);
    panel?.showErrors(compileFilter(settings).errors);
    return settings;
  }

  const base = `/api/v1/videos/${encodeURIComponent(videoId)}/danmaku`;
  const loaded = new Set();
  async function loadSlice(k) {
    if (k < 0 || loaded.has(k)) return;
    loaded.add(k);
    try {
      // Revalidate (ETag, usually a 304) rather than trust a copy cached before one's own last danmaku.
      const r = await fetch(`${base}?from=${k * SLICE_SECONDS}&to=${(k + 1) * SLICE_SECONDS}`,
        { cache: 'no-cache', credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      overlay.load((await r.json()).items);
    } catch {
      loaded.delete(k); // try again on the next time update
    }
  }
  const follow = () => {
    const t = video.currentTime || 0;
    const k = Math.floor(t / SLICE_SECONDS);
    loadSlice(k);
    if (t - k * SLICE_SECONDS > SLICE_SECONDS - PREFETCH_SECONDS) loadSlice(k + 1);
  };
  video.addEventListener('timeupdate', follow);
  video.addEventListener('seeking', follow);
  follow();

  openRoomSocket(`/ws/videos/${encodeURIComponent(videoId)}`, {
    onFrame(frame) { if (frame.type === 'danmaku') overlay.add(frame); },
    onState(state) { root.dataset.danmakuSocket = state; },
  });

  if (!bar) return;
  const panelEl = document.getElementById('danmaku-settings');
  panel = mountSettingsPanel(panelEl, document.getElementById('danmaku-settings-button'), settings, apply);
  panel.showErrors(compileFilter(settings).errors);
  const form = document.getElementById('danmaku-form');
  if (form) {
    mountInputBar(form, {
      currentTime: () => video.currentTime || 0,
      send: async (fields) => overlay.add(await api('POST', base, fields)),
    });
  }
}
