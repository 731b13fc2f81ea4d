// Playback speed, as YouTube and Bilibili offer it: a menu beside the quality, and < and > step through it.
const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const label = (rate) => `${rate}×`;

/** Returns the key handler for the player's keys: true when it took the key. */
export function setupSpeedMenu(root, video) {
  const button = root.querySelector('#speed-button');
  const menu = root.querySelector('#speed-menu');
  if (!button || !menu) return () => false;

  const close = () => { menu.hidden = true; button.setAttribute('aria-expanded', 'false'); };
  const open = () => { menu.hidden = false; button.setAttribute('aria-expanded', 'true'); };

  function render() {
    const rate = video.playbackRate;
    button.textContent = label(rate);
    button.setAttribute('aria-label', `Playback speed ${label(rate)}`);
    menu.replaceChildren(...SPEEDS.map((speed) => {
      const item = document.createElement('li');
      const choice = document.createElement('button');
      choice.type = 'button';
      choice.setAttribute('role', 'menuitemradio');
      choice.setAttribute('aria-checked', String(speed === rate));
      choice.dataset.speed = String(speed);
      choice.textContent = speed === 1 ? 'Normal' : label(speed);
      item.append(choice);
      return item;
    }));
  }

  button.addEventListener('click', (e) => {
    e.stopPropagation();
    if (menu.hidden) open(); else close();
  });
  menu.addEventListener('click', (e) => {
    const choice = e.target.closest('button[data-speed]');
    if (!choice) return;
    video.playbackRate = Number(choice.dataset.speed);
    close();
  });
  document.addEventListener('click', (e) => { if (!button.parentElement.contains(e.target)) close(); });
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
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
