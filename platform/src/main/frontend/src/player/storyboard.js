// Storyboard thumbnails: a WebVTT file whose cues point into sprite sheets with #xywh=x,y,w,h.

function parseTimestamp(text) {
  // Accepts hh:mm:ss.mmm and mm:ss.mmm, as WebVTT allows both.
  const parts = text.trim().split(':').map(Number);
  if (parts.some(Number.isNaN)) return NaN;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

export function parseStoryboard(vtt, vttUrl) {
  const cues = [];
  for (const block of vtt.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0 || timing + 1 >= lines.length) continue;
    const [from, to] = lines[timing].split('-->').map((t) => parseTimestamp(t.split(/\s+/).find(Boolean) ?? ''));
    const [uri, fragment = ''] = lines[timing + 1].split('#');
    const xywh = /xywh=(?:pixel:)?(\d+),(\d+),(\d+),(\d+)/.exec(fragment);
    if (Number.isNaN(from) || Number.isNaN(to) || !xywh) continue;
    const [x, y, w, h] = xywh.slice(1).map(Number);
    cues.push({ start: from, end: to, url: new URL(uri, vttUrl).href, x, y, w, h });
  }
  return cues.sort((a, b) => a.start - b.start);
}

// Binary search: storyboards of long videos have thousands of cues and hover fires often.
export function cueAt(cues, time) {
  let lo = 0;
  let hi = cues.length - 1;
  let found = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].start <= time) { found = cues[mid]; lo = mid + 1; } else { hi = mid - 1; }
  }
  return found ?? cues[0] ?? null;
}

export async function loadStoryboard(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`storyboard: HTTP ${response.status}`);
  // Resolve sprite URIs against the final URL, in case the VTT was redirected.
  return parseStoryboard(await response.text(), response.url || url);
}
