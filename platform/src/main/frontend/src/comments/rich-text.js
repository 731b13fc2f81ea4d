// Turns comment text into DOM nodes: plain text, http(s) links and player timestamps. Never HTML.

// A URL runs to the next space; a timestamp is m:ss or h:mm:ss standing on its own.
const TOKEN = /(https?:\/\/[^\s<>"']+)|(?<![\w:])((?:\d{1,2}:)?\d{1,2}:[0-5]\d)(?![\w:])/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Seconds of "1:23" or "1:02:03", or null when it is not a time. */
export function parseTimestamp(text) {
  const parts = text.split(':').map(Number);
  if (parts.some((n) => !Number.isInteger(n) || n < 0)) return null;
  if (parts.length === 2) return parts[0] * 60 + parts[1];
  if (parts.length === 3 && parts[1] < 60) return parts[0] * 3600 + parts[1] * 60 + parts[2];
  return null;
}

function safeLink(raw) {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Appends the text to `parent` as text nodes, links and timestamp buttons. */
export function renderRichText(parent, text) {
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    let token = match[0];
    let end = match.index + token.length;
    if (match[1]) { // a URL's trailing punctuation belongs to the sentence
      const trail = token.match(TRAILING);
      if (trail) { token = token.slice(0, -trail[0].length); end -= trail[0].length; }
    }
    const seconds = match[2] ? parseTimestamp(token) : null;
    const href = match[1] ? safeLink(token) : null;
    if (href === null && seconds === null) continue;
    parent.append(document.createTextNode(text.slice(last, match.index)));
    if (href !== null) {
      const a = document.createElement('a');
      a.href = href;
      a.rel = 'nofollow ugc noopener';
      a.target = '_blank';
      a.textContent = token;
      parent.append(a);
    } else {
      const a = document.createElement('a');
      a.href = '#';
      a.className = 'timestamp';
      a.dataset.seconds = String(seconds);
      a.textContent = token;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        const video = document.querySelector('video');
        if (!video) return;
        video.currentTime = seconds;
        video.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      });
      parent.append(a);
    }
    last = end;
  }
  parent.append(document.createTextNode(text.slice(last)));
}
