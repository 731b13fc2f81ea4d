// Quality menu for hls.js: "Auto" (adaptive, shows the level it picked) plus one entry per level.

function levelLabel(levels, index) {
  const level = levels[index];
  if (!level) return '';
  const name = level.height ? `${level.height}p` : `${Math.round(level.bitrate / 1000)} kbps`;
  // Two levels of the same height differ only by bitrate; say so.
  const twins = levels.filter((l) => l.height === level.height).length > 1;
  return twins && level.height ? `${name} · ${Math.round(level.bitrate / 1000)} kbps` : name;
}

export function setupQualityMenu(hls, Hls, root) {
  const button = root.querySelector('#quality-button');
  const menu = root.querySelector('#quality-menu');
  let playing = -1;

  const close = () => { menu.hidden = true; button.setAttribute('aria-expanded', 'false'); };
  const open = () => { menu.hidden = false; button.setAttribute('aria-expanded', 'true'); };

  function render() {
    const levels = hls.levels;
    const auto = hls.autoLevelEnabled;
    const current = levelLabel(levels, playing);
    button.textContent = auto ? (current ? `Auto (${current})` : 'Auto') : current;
    const order = levels.map((_, i) => i).sort((a, b) => (levels[b].height - levels[a].height) || (levels[b].bitrate - levels[a].bitrate));
    const items = [{ index: -1, label: current ? `Auto (${current})` : 'Auto', checked: auto }]
      .concat(order.map((i) => ({ index: i, label: levelLabel(levels, i), checked: !auto && hls.manualLevel === i })));
    menu.replaceChildren(...items.map(({ index, label, checked }) => {
      const item = document.createElement('li');
      const choice = document.createElement('button');
      choice.type = 'button';
      choice.setAttribute('role', 'menuitemradio');
      choice.setAttribute('aria-checked', String(checked));
      choice.dataset.level = String(index);
      choice.textContent = label;
      item.append(choice);
      return item;
    }));
  }

  button.addEventListener('click', (e) => {
    e.stopPropagation();
    if (menu.hidden) open(); else close();
  });
  menu.addEventListener('click', (e) => {
    const choice = e.target.closest('button[data-level]');
    if (!choice) return;
    // -1 hands the choice back to hls.js's bandwidth estimator.
    hls.currentLevel = Number(choice.dataset.level);
    close();
    render();
  });
  document.addEventListener('click', (e) => { if (!root.querySelector('.quality').contains(e.target)) close(); });
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });

  hls.on(Hls.Events.MANIFEST_PARSED, () => {
    root.querySelector('.quality').hidden = hls.levels.length === 0;
    render();
  });
  hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => { playing = data.level; render(); });
}
