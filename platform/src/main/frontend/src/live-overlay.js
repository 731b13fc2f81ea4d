// Chat lines flying over the live player as danmaku: right to left in lanes, a lane reused only once the
// previous line has moved clear of the right edge, and a line with no free lane dropped (density limit).

const LANE_PX = 30;
const SPEED_PX_PER_S = 160;
const GAP_PX = 24;

export function createLiveOverlay(container) {
  const lanes = []; // per lane: the time (ms) its newest line has fully entered the picture

  function freeLane(now) {
    const count = Math.max(1, Math.floor((container.clientHeight * 0.75) / LANE_PX));
    for (let i = 0; i < count; i++) if (!(lanes[i] > now)) return i;
    return -1;
  }

  return {
    add({ text }) {
      if (document.hidden || !container.clientWidth) return;
      const now = performance.now();
      const lane = freeLane(now);
      if (lane < 0) return;
      const el = document.createElement('span');
      el.className = 'live-danmaku-item';
      el.textContent = text; // user text: never HTML
      el.style.top = `${lane * LANE_PX + 6}px`;
      container.append(el);
      const width = container.clientWidth;
      const own = el.offsetWidth;
      const distance = width + own;
      const duration = (distance / SPEED_PX_PER_S) * 1000;
      lanes[lane] = now + ((own + GAP_PX) / SPEED_PX_PER_S) * 1000;
      el.style.transform = `translateX(${width}px)`;
      const run = el.animate([{ transform: `translateX(${width}px)` }, { transform: `translateX(${-own}px)` }],
        { duration, easing: 'linear' });
      run.onfinish = () => el.remove();
      run.oncancel = () => el.remove();
    },
    clear() { container.replaceChildren(); lanes.length = 0; },
  };
}
