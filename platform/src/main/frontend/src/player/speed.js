// Playback speed, as YouTube and Bilibili offer it: a menu beside the quality, and < and > step through it.
import { renderChoices, setupPopupMenu } from './popup-menu.js';

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const label = (rate) => `${rate}×`;

/** Returns the key handler for the player's keys: true when it took the key. */
export function setupSpeedMenu(root, video) {
  const button = root.querySelector('#speed-button');
  const menu = root.querySelector('#speed-menu');
  if (!button || !menu) return () => false;

  function render() {
    const rate = video.playbackRate;
    button.textContent = label(rate);
    button.setAttribute('aria-label', `Playback speed ${label(rate)}`);
    renderChoices(menu, SPEEDS.map((speed) => ({ value: speed, label: speed === 1 ? 'Normal' : label(speed), checked: speed === rate })));
  }

  setupPopupMenu(root, button, menu, (value) => { video.playbackRate = Number(value); });
  video.addEventListener('ratechange', render);
  render();

  return (key) => {
    if (key !== '<' && key !== '>') return false;
    const at = SPEEDS.indexOf(video.playbackRate);
    const from = at >= 0 ? at : SPEEDS.indexOf(1);
    video.playbackRate = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, from + (key === '>' ? 1 : -1)))];
    return true;
  };
}
