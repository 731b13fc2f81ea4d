// Hover preview over the seek bar: the storyboard frame (when there is one) and the time.
import { formatDuration } from '../lib/format.js';
import { cueAt, loadStoryboard } from './storyboard.js';

const MAX_WIDTH = 200;

export function setupSeekPreview(root, storyboardUrl) {
  const preview = root.querySelector('#seek-preview');
  const frame = preview.querySelector('.seek-preview-frame');
  const image = preview.querySelector('.seek-preview-image');
  const label = preview.querySelector('.seek-preview-time');
  let cues = [];
  let lastCue = null;
  let warmed = false;

  if (storyboardUrl) {
    loadStoryboard(storyboardUrl)
      .then((loaded) => { cues = loaded; })
      .catch((err) => console.warn('No seek previews:', err));
  }

  // Fetch the sprite sheets on the first hover, not on page load: most viewers never scrub.
  function warm() {
    if (warmed || !cues.length) return;
    warmed = true;
    for (const url of new Set(cues.map((c) => c.url))) new Image().src = url;
  }

  function showCue(cue) {
    if (cue === lastCue) return;
    lastCue = cue;
    frame.hidden = !cue;
    if (!cue) return;
    const scale = Math.min(1, MAX_WIDTH / cue.w);
    frame.style.width = `${cue.w * scale}px`;
    frame.style.height = `${cue.h * scale}px`;
    image.style.width = `${cue.w}px`;
    image.style.height = `${cue.h}px`;
    image.style.transform = `scale(${scale})`;
    image.style.backgroundImage = `url("${cue.url}")`;
    image.style.backgroundPosition = `-${cue.x}px -${cue.y}px`;
  }

  return {
    show({ time, x, width }) {
      warm();
      showCue(cues.length ? cueAt(cues, time) : null);
      label.textContent = formatDuration(time);
      preview.hidden = false;
      // Keep the bubble inside the player even at the very ends of the bar.
      const half = preview.offsetWidth / 2;
      preview.style.left = `${Math.min(Math.max(x, half), width - half)}px`;
    },
    hide() { preview.hidden = true; },
  };
}
