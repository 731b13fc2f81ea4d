// Viewer settings for danmaku, kept per browser in localStorage, and the block filter built from them.

const KEY = 'marquee.danmaku.settings';

export const AREAS = [0.25, 0.5, 0.75, 1];

export const DEFAULTS = Object.freeze({
  enabled: true,
  opacity: 1,          // 0.1 … 1
  area: 0.75,          // share of the picture's height danmaku may use: ¼, ½, ¾ or all
  speed: 1,            // 0.5 … 2, scales how fast scrolling danmaku cross
  keywords: [],        // blocked when the text contains one (case-insensitive)
  regexes: [],         // blocked when one matches (case-insensitive); invalid ones are reported, not thrown
  senders: [],         // blocked sender hashes
});

const clamp = (n, lo, hi, fallback) => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback);
const strings = (list) => (Array.isArray(list) ? list.filter((s) => typeof s === 'string' && s.trim()).map((s) => s.trim()) : []);

export function loadSettings() {
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') ?? {}; } catch { /* a broken entry: defaults */ }
  return normalize(saved);
}

export function saveSettings(settings) {
  const clean = normalize(settings);
  try { localStorage.setItem(KEY, JSON.stringify(clean)); } catch { /* storage full or off: keep them for this page */ }
  return clean;
}

function normalize(s) {
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULTS.enabled,
    opacity: clamp(Number(s.opacity), 0.1, 1, DEFAULTS.opacity),
    area: AREAS.includes(Number(s.area)) ? Number(s.area) : DEFAULTS.area,
    speed: clamp(Number(s.speed), 0.5, 2, DEFAULTS.speed),
    keywords: strings(s.keywords),
    regexes: strings(s.regexes),
    senders: strings(s.senders),
  };
}

/** { blocks(item) → boolean, errors: ['pattern: why'] } for the settings' keywords, regexes and senders. */
export function compileFilter(settings) {
  const keywords = settings.keywords.map((k) => k.toLowerCase());
  const senders = new Set(settings.senders);
  const regexes = [];
  const errors = [];
  for (const source of settings.regexes) {
    try {
      regexes.push(new RegExp(source, 'i'));
    } catch (e) {
      errors.push(`${source}: ${e.message}`);
    }
  }
  return {
    errors,
    blocks(item) {
      if (senders.has(item.sender)) return true;
      const text = String(item.text).toLowerCase();
      if (keywords.some((k) => text.includes(k))) return true;
      return regexes.some((r) => r.test(item.text));
    },
  };
}
