// The bar under the player for sending a danmaku at the current playback time, with mode, color and size.

export function mountInputBar(form, { currentTime, send }) {
  const text = form.querySelector('#danmaku-text');
  const mode = form.querySelector('#danmaku-mode');
  const color = form.querySelector('#danmaku-color');
  const size = form.querySelector('#danmaku-size');
  const button = form.querySelector('#danmaku-send');
  const status = document.getElementById('danmaku-status');

  const say = (message, isError) => {
    status.textContent = message;
    status.classList.toggle('is-error', Boolean(isError));
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = text.value.trim();
    if (!value || button.disabled) return;
    button.disabled = true;
    try {
      await send({ time: Math.max(0, currentTime()), text: value, mode: mode.value, color: color.value.toLowerCase(), size: size.value });
      text.value = '';
      say('', false);
    } catch (err) {
      say(err.status === 401 ? 'Sign in to send danmaku.' : err.message, true);
    } finally {
      button.disabled = false;
      text.focus();
    }
  });
}
