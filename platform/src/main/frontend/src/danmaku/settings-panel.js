// The danmaku settings panel under the player: its controls edit the viewer's settings, which are saved at
// once and handed to onChange. Lists (keywords, regexes, senders) are one entry per line.

import { AREAS } from './settings.js';

export function mountSettingsPanel(panel, toggleButton, initial, onChange) {
  const $ = (id) => panel.querySelector(`#${id}`);
  const enabled = $('danmaku-enabled');
  const opacity = $('danmaku-opacity');
  const area = $('danmaku-area');
  const speed = $('danmaku-speed');
  const keywords = $('danmaku-keywords');
  const regexes = $('danmaku-regexes');
  const senders = $('danmaku-senders');
  const regexErrors = $('danmaku-regex-errors');
  let settings = initial;

  const lines = (el) => el.value.split('\n').map((s) => s.trim()).filter(Boolean);

  function render(s) {
    enabled.checked = s.enabled;
    opacity.value = String(Math.round(s.opacity * 100));
    area.value = String(AREAS.includes(s.area) ? s.area : 0.75);
    speed.value = String(s.speed);
    keywords.value = s.keywords.join('\n');
    regexes.value = s.regexes.join('\n');
    senders.value = s.senders.join('\n');
  }

  function read() {
    return {
      enabled: enabled.checked,
      opacity: Number(opacity.value) / 100,
      area: Number(area.value),
      speed: Number(speed.value),
      keywords: lines(keywords),
      regexes: lines(regexes),
      senders: lines(senders),
    };
  }

  /** Shows why a regex is not used; errors are reported here, never thrown. */
  function showErrors(errors) {
    regexErrors.textContent = errors.length ? `Not used: ${errors.join('; ')}` : '';
    regexErrors.hidden = errors.length === 0;
  }

  const changed = () => { settings = onChange(read()); };
  for (const el of [enabled, opacity, area, speed]) el.addEventListener('input', changed);
  for (const el of [keywords, regexes, senders]) el.addEventListener('change', changed);
  toggleButton.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggleButton.setAttribute('aria-expanded', String(!panel.hidden));
  });
  render(settings);

  return {
    showErrors,
    /** Settings changed elsewhere (e.g. "block this sender" on a danmaku). */
    update(s) { settings = s; render(s); },
  };
}
