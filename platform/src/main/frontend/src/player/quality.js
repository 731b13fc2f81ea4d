// Quality menu for hls.js: "Auto" (adaptive, shows the level it picked) plus one entry per level.
import { renderChoices, setupPopupMenu } from './popup-menu.js';

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

  function render() {
    const levels = hls.levels;
    const auto = hls.autoLevelEnabled;
    const current = levelLabel(levels, playing);
    button.textContent = auto ? (current ? `Auto (${current})` : 'Auto') : current;
    const order = levels.map((_, i) => i).sort((a, b) => (levels[b].height - levels[a].height) || (levels[b].bitrate - levels[a].bitrate));
    renderChoices(menu, [{ value: -1, label: current ? `Auto (${current})` : 'Auto', checked: auto }]
      .concat(order.map((i) => ({ value: i, label: levelLabel(levels, i), checked: !auto && hls.manualLevel === i }))));
  }

  setupPopupMenu(root, button, menu, (value) => {
    hls.currentLevel = Number(value); // -1 hands the choice back to hls.js's bandwidth estimator
    render();
  });

  hls.on(Hls.Events.MANIFEST_PARSED, () => {
    root.querySelector('.quality').hidden = hls.levels.length === 0;
    render();
  });
  hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => { playing = data.level; render(); });
}
