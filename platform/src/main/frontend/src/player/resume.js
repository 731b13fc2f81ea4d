// Where a viewer left a longer video, kept in this browser: coming back resumes there, as YouTube does, with a
// button to start over. Short videos, the first seconds and the last ones are not worth remembering.
import { formatDuration } from '../lib/format.js';

const MIN_LENGTH = 30; // seconds of video before a position is worth keeping
const NOT_BEFORE = 5;
const NOT_IN_LAST = 10;
const SAVE_EVERY_MS = 5000;
const key = (videoId) => `marquee.resume.${videoId}`;

function read(videoId) {
  try {
    const seconds = Number(localStorage.getItem(key(videoId)));
    return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
  } catch {
    return null; // storage off (a private window, say): nothing to resume
  }
}

function write(videoId, seconds) {
  try {
    if (seconds === null) localStorage.removeItem(key(videoId));
    else localStorage.setItem(key(videoId), String(Math.floor(seconds)));
  } catch {
    // storage full or off: the next visit starts from the beginning
  }
}

/**
 * Remembers from now on where the viewer is in this video; returns where to resume it (null: the beginning, or
 * {@code offer} false: a link asked for another moment).
 */
export function setupResume(root, video, videoId, { offer = true } = {}) {
  const length = Number(root.dataset.duration) || 0;
  if (length < MIN_LENGTH) return null;

  let savedAt = 0;
  const save = () => {
    savedAt = Date.now();
    const t = video.currentTime;
    write(videoId, t >= NOT_BEFORE && t < length - NOT_IN_LAST ? t : null);
  };
  video.addEventListener('pause', save);
  video.addEventListener('seeked', save);
  video.addEventListener('ended', () => write(videoId, null));
  video.addEventListener('timeupdate', () => { if (Date.now() - savedAt > SAVE_EVERY_MS) save(); });
  window.addEventListener('pagehide', save);

  const resumeAt = offer ? read(videoId) : null;
  if (resumeAt === null || resumeAt >= length - NOT_IN_LAST) return null;
  const notice = root.querySelector('#resume-notice');
  if (notice) {
    notice.querySelector('#resume-time').textContent = formatDuration(resumeAt);
    notice.hidden = false;
    notice.querySelector('#resume-restart').addEventListener('click', (e) => {
      e.stopPropagation();
      video.currentTime = 0;
      notice.hidden = true;
    });
    video.addEventListener('playing', () => setTimeout(() => { notice.hidden = true; }, 8000), { once: true });
  }
  return resumeAt;
}
