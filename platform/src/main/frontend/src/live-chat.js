// The live page's chat panel: the list (text only, http(s) links as real links), the input, and for the
// streamer and admins the delete / timeout / ban buttons on each line.
import { api } from './lib/api.js';

const MAX_LINES = 300;
const TIMEOUT_SECONDS = 600;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;

export function setupChatPanel(panel, { send }) {
  const byId = (id) => document.getElementById(id);
  const list = byId('chat-list');
  const form = byId('chat-form');
  const input = byId('chat-input');
  const errorBox = byId('chat-error');
  const stateBox = byId('chat-state');
  const slowBox = byId('chat-slow');
  const moreBelow = byId('chat-more');
  const channel = panel.dataset.channel;
  const canModerate = panel.dataset.canModerate === 'true';
  const me = panel.dataset.me || '';
  // "@name" anywhere in a line, as Twitch highlights the lines that mention you (usernames are letters, digits, _ and -)
  const mentionsMe = /^[\w-]+$/.test(me) ? new RegExp(`(^|[^\\w-])@${me}(?![\\w-])`, 'i') : null;
  const shown = new Set();
  let errorTimer = 0;

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
    clearTimeout(errorTimer);
    if (message) errorTimer = setTimeout(() => showError(''), 8000);
  }

  function nearBottom() {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  }

  function textWithLinks(text) {
    const span = document.createElement('span');
    span.className = 'chat-text';
    let at = 0;
    for (const match of text.matchAll(URL_PATTERN)) {
      span.append(document.createTextNode(text.slice(at, match.index)));
      const a = document.createElement('a');
      a.href = match[0];
      a.textContent = match[0];
      a.rel = 'nofollow ugc noopener';
      a.target = '_blank';
      span.append(a);
      at = match.index + match[0].length;
    }
    span.append(document.createTextNode(text.slice(at)));
    return span;
  }

  function moderation(line) {
    const tools = document.createElement('span');
    tools.className = 'chat-tools';
    const act = (label, title, run) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'chat-tool';
      b.textContent = label;
      b.title = title;
      b.dataset.action = label.toLowerCase();
      b.addEventListener('click', async () => {
        b.disabled = true;
        try { await run(); } catch (err) { showError(err.message); } finally { b.disabled = false; }
      });
      tools.append(b);
    };
    const base = `/api/v1/live/${encodeURIComponent(channel)}`;
    act('Delete', 'Delete this message', () => api('DELETE', `${base}/chat/${encodeURIComponent(line.id)}`));
    if (line.author.username.toLowerCase() !== channel.toLowerCase()) {
      act('Timeout', `Time out ${line.author.username} for 10 minutes`,
        () => api('POST', `${base}/bans`, { username: line.author.username, seconds: TIMEOUT_SECONDS }));
      act('Ban', `Ban ${line.author.username} from this channel`,
        () => api('POST', `${base}/bans`, { username: line.author.username }));
    }
    return tools;
  }

  function addLine(line) {
    if (shown.has(line.id)) return false;
    shown.add(line.id);
    const stick = nearBottom();
    const li = document.createElement('li');
    li.className = 'chat-line';
    li.dataset.id = line.id;
    const author = document.createElement('span');
    author.className = 'chat-author';
    author.dataset.avatar = line.author.username;
    author.textContent = line.author.username;
    if (line.author.username.toLowerCase() === channel.toLowerCase()) author.classList.add('is-streamer');
    if (input) {
      author.title = `Reply to ${line.author.username}`;
      author.addEventListener('click', () => mention(line.author.username));
    }
    if (mentionsMe?.test(line.text) && line.author.username.toLowerCase() !== me.toLowerCase()) li.classList.add('is-mention');
    li.append(author, textWithLinks(line.text));
    if (canModerate) li.append(moderation(line));
    list.append(li);
    while (list.children.length > MAX_LINES) {
      shown.delete(list.firstElementChild.dataset.id);
      list.firstElementChild.remove();
    }
    if (stick) list.scrollTop = list.scrollHeight;
    else if (moreBelow) moreBelow.hidden = false; // the reader scrolled up: the list stays put, and says so
    return true;
  }

  // Clicking a name starts a reply to it in the input.
  function mention(username) {
    const before = input.value.trimEnd();
    input.value = `${before ? `${before} ` : ''}@${username} `;
    input.focus();
  }

  function scrollToNewest() {
    list.scrollTop = list.scrollHeight;
    if (moreBelow) moreBelow.hidden = true;
  }
  moreBelow?.addEventListener('click', scrollToNewest);
  list.addEventListener('scroll', () => { if (moreBelow && nearBottom()) moreBelow.hidden = true; });

  function removeLine(id) {
    shown.delete(id);
    list.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.remove();
  }

  const slowSelect = byId('chat-slow-mode'); // the streamer's and admins' control
  slowSelect?.addEventListener('change', async () => {
    try {
      await api('PUT', `/api/v1/live/${encodeURIComponent(channel)}/chat-settings`, { slowModeSeconds: Number(slowSelect.value) });
    } catch (err) { showError(err.message); }
  });

  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    if (!send({ type: 'chat', text })) { showError('Not connected. Reconnecting…'); return; }
    input.value = '';
    showError('');
  });

  return {
    /** A line; true when it is new to this list (a reconnect's history repeats lines). */
    chat: addLine,
    history(items) { for (const line of items) addLine(line); scrollToNewest(); },
    deleted: removeLine,
    error(frame) { showError(frame.detail || frame.title || 'The message was refused.'); },
    settings({ slowModeSeconds }) {
      slowBox.hidden = !slowModeSeconds;
      slowBox.textContent = slowModeSeconds ? `Slow mode: one message every ${slowModeSeconds} s` : '';
      if (slowSelect) {
        if (![...slowSelect.options].some((o) => Number(o.value) === slowModeSeconds)) slowSelect.add(new Option(`${slowModeSeconds} s`, slowModeSeconds));
        slowSelect.value = String(slowModeSeconds);
      }
    },
    connection(state) {
      stateBox.textContent = state === 'open' ? '' : state === 'connecting' ? 'Connecting…' : 'Reconnecting…';
      panel.classList.toggle('is-connected', state === 'open');
    },
  };
}
