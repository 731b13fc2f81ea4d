// Danmaku over a player: comments that fly across the picture (or sit at its top or bottom) when playback
// reaches them. DOM elements with textContent only (user text is never HTML), moved with CSS transforms from a
// requestAnimationFrame loop.
//
//   const overlay = createDanmakuOverlay(container, video, { live, settings, onBlockSender });
//   overlay.load(items)      VOD: adds danmaku to the timeline; each shows when playback reaches its time
//   overlay.add(item)        shows one now (a new one from the room, or one's own just sent)
//   overlay.setSettings(s)   new viewer settings (see settings.js): on/off, opacity, area, speed, blocking
//   overlay.clear()          empties the screen
//   overlay.destroy()
//   overlay.stats            { shown, dropped, blocked }
// An item is {id, time, text, mode, color, size, sender} as in API.md; an id already seen is ignored, so one's
// own danmaku shows once whether the POST answer or the room's frame comes first.
//
// Time base: for VOD the video's currentTime, so danmaku pause with the video, follow seeks (the screen clears
// and resumes from the new time) and playbackRate; with {live: true} the wall clock. Scrolling danmaku all move
// at one speed whatever their length (very long ones a little faster, so none stays more than twice as long),
// a lane takes a new one only when it can never touch the one before, and what finds no lane is dropped.

import { DEFAULTS, compileFilter } from './settings.js';
import { createSenderMenu } from './sender-menu.js';

const FONT_PX = { small: 18, normal: 25, large: 32 };
const LANE_PX = 36;            // at scale 1; fits the large size
const CROSS_SECONDS = 8;       // a scrolling danmaku crosses the picture in this long at speed 1
const FIXED_SECONDS = 4;       // top and bottom ones stay this long
const GAP_PX = 24;             // space kept between two danmaku in one lane
const MAX_ON_SCREEN = 150;     // the density limit: beyond it new ones are dropped
const LATE_SECONDS = 1;        // a timeline danmaku this far behind playback is skipped, not shown late

export function createDanmakuOverlay(container, video, { live = false, settings = DEFAULTS, onBlockSender } = {}) {
  const layer = document.createElement('div');
  layer.className = 'danmaku-layer';
  if (video.parentNode === container) container.insertBefore(layer, video.nextSibling); else container.appendChild(layer);
  const menu = createSenderMenu(layer, (sender) => onBlockSender?.(sender));

  let timeline = [];
  let cursor = 0;
  const seen = new Set();
  let shownIds = new Set();
  let active = [];
  let scrollLanes = [];
  let topLanes = [];
  let bottomLanes = [];
  let filter = compileFilter(settings);
  let lastNow = null;
  let width = 0;
  let height = 0;
  let scale = 1;
  let raf = 0;
  const stats = { shown: 0, dropped: 0, blocked: 0 };

  const now = () => (live ? performance.now() / 1000 : video.currentTime);
  const laneHeight = () => LANE_PX * scale;
  const laneCount = () => Math.max(1, Math.floor((height * settings.area) / laneHeight()));

  function measure() {
    width = layer.clientWidth;
    height = layer.clientHeight;
    scale = Math.min(1.4, Math.max(0.55, height / 540));
  }

  function lowerBound(t) {
    let lo = 0;
    let hi = timeline.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (timeline[mid].time < t) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function clear() {
    for (const a of active) a.el.remove();
    active = [];
    scrollLanes = [];
    topLanes = [];
    bottomLanes = [];
    menu.close();
  }

  function resetTo(t) {
    clear();
    shownIds = new Set();
    cursor = lowerBound(t);
    lastNow = t;
  }

  function speedFor(w) {
    const base = width / (CROSS_SECONDS / settings.speed);
    return Math.max(base, (width + w) / ((2 * CROSS_SECONDS) / settings.speed));
  }

  // A lane fits when the previous one has fully entered (plus a gap) and the new one cannot catch up with it.
  function scrollFits(prev, start, speed) {
    if (!prev || !prev.el.isConnected) return true;
    const t = now();
    const prevTail = width - (t - prev.start) * prev.speed + prev.width;
    if (prevTail + GAP_PX > width - (t - start) * speed) return false;
    if (speed <= prev.speed) return true;
    const prevLeaves = prev.start + (width + prev.width) / prev.speed;
    const newArrives = start + width / speed;
    return newArrives >= prevLeaves;
  }

  function show(item, start) {
    if (!settings.enabled) return;
    if (filter.blocks(item)) { stats.blocked++; return; }
    if (active.length >= MAX_ON_SCREEN || width === 0) { stats.dropped++; return; }
    const mode = item.mode === 'top' || item.mode === 'bottom' ? item.mode : 'scroll';
    const el = document.createElement('span');
    el.className = `danmaku-item danmaku-${mode}`;
    el.textContent = item.text;
    el.style.color = /^#[0-9a-f]{6}$/i.test(item.color) ? item.color : '#ffffff';
    el.style.fontSize = `${(FONT_PX[item.size] ?? FONT_PX.normal) * scale}px`;
    el.dataset.id = item.id;
    el.dataset.sender = item.sender;
    el.addEventListener('click', (e) => { e.stopPropagation(); menu.open(item, e); });
    layer.appendChild(el);
    const w = el.offsetWidth;
    const entry = { item, el, mode, start, width: w, lane: -1, speed: 0 };
    const lanes = laneCount();
    if (mode === 'scroll') {
      entry.speed = speedFor(w);
      for (let i = 0; i < lanes; i++) {
        if (scrollFits(scrollLanes[i], start, entry.speed)) { entry.lane = i; scrollLanes[i] = entry; break; }
      }
    } else {
      const taken = mode === 'top' ? topLanes : bottomLanes;
      for (let i = 0; i < lanes; i++) {
        const prev = taken[i];
        if (!prev || !prev.el.isConnected) { entry.lane = i; taken[i] = entry; break; }
      }
    }
    if (entry.lane < 0) { el.remove(); stats.dropped++; return; }
    active.push(entry);
    stats.shown++;
    place(entry, now());
  }

  function place(a, t) {
    const elapsed = t - a.start;
    if (a.mode === 'scroll') {
      const x = width - elapsed * a.speed;
      if (x + a.width < 0) return false;
      a.el.style.transform = `translate3d(${x.toFixed(1)}px, ${(a.lane * laneHeight()).toFixed(1)}px, 0)`;
    } else {
      if (elapsed > FIXED_SECONDS || elapsed < -0.5) return false;
      const y = a.mode === 'top' ? a.lane * laneHeight() : height * settings.area - (a.lane + 1) * laneHeight();
      a.el.style.transform = `translate3d(${((width - a.width) / 2).toFixed(1)}px, ${y.toFixed(1)}px, 0)`;
    }
    return true;
  }

  function frame() {
    raf = requestAnimationFrame(frame);
    if (layer.clientWidth !== width || layer.clientHeight !== height) measure();
    const t = now();
    if (!live) {
      // A jump the 'seeking' event did not announce (or a tab that slept): start over from here.
      if (lastNow !== null && (t < lastNow - 0.25 || t > lastNow + 3)) resetTo(t);
      while (cursor < timeline.length && timeline[cursor].time <= t) {
        const item = timeline[cursor++];
        if (shownIds.has(item.id)) continue;
        shownIds.add(item.id);
        if (t - item.time <= LATE_SECONDS) show(item, item.time);
      }
    }
    active = active.filter((a) => {
      if (place(a, t)) return true;
      a.el.remove();
      return false;
    });
    lastNow = t;
  }

  function load(items) {
    const fresh = items.filter((i) => i && i.id && !seen.has(i.id));
    if (!fresh.length) return;
    for (const i of fresh) seen.add(i.id);
    timeline = timeline.concat(fresh).sort((a, b) => a.time - b.time);
    cursor = lowerBound(lastNow ?? now());
  }

  function add(item) {
    if (!item?.id || seen.has(item.id)) return;
    if (live && seen.size > 20_000) seen.clear(); // a long live session: only recent ids can come twice
    seen.add(item.id);
    shownIds.add(item.id);
    if (!live) {
      const at = lowerBound(item.time);
      timeline.splice(at, 0, item);
      if (at < cursor) cursor++;
    }
    show(item, now());
  }

  function setSettings(next) {
    settings = next;
    filter = compileFilter(next);
    layer.style.opacity = String(next.opacity);
    layer.hidden = !next.enabled;
    for (const a of active) if (!next.enabled || filter.blocks(a.item)) a.el.remove();
    active = active.filter((a) => a.el.isConnected);
  }

  const onSeeking = () => resetTo(video.currentTime);
  const onOutside = () => menu.close();
  if (!live) video.addEventListener('seeking', onSeeking);
  document.addEventListener('click', onOutside);
  measure();
  setSettings(settings);
  raf = requestAnimationFrame(frame);

  return {
    load,
    add,
    setSettings,
    clear,
    stats,
    layer,
    destroy() {
      cancelAnimationFrame(raf);
      video.removeEventListener('seeking', onSeeking);
      document.removeEventListener('click', onOutside);
      layer.remove();
    },
  };
}
