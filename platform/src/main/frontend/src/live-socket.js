// A live room's WebSocket: heartbeats every 25 s, a dead connection noticed and dropped, and reconnects
// with exponential backoff and full jitter (so a restarted server is not hit by every viewer at once).

const PING_MS = 25000;
const SILENT_MS = 2 * PING_MS + 10000; // no frame at all (not even a pong) for this long: the link is dead
const BASE_MS = 1000;
const CAP_MS = 30000;

export function roomUrl(path) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

/** Opens the room and keeps it open; onFrame gets every JSON frame, onState 'open' | 'retrying'. */
export function connectRoom(url, { onFrame, onState = () => {} }) {
  let ws = null;
  let attempt = 0;
  let heartbeat = 0;
  let retryTimer = 0;
  let lastFrameAt = 0;
  let stopped = false;

  function open() {
    ws = new WebSocket(url);
    ws.onopen = () => {
      attempt = 0;
      lastFrameAt = Date.now();
      onState('open');
      heartbeat = setInterval(() => {
        if (Date.now() - lastFrameAt > SILENT_MS) { ws.close(); return; }
        send({ type: 'ping' });
      }, PING_MS);
    };
    ws.onmessage = (event) => {
      lastFrameAt = Date.now();
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame && typeof frame.type === 'string') onFrame(frame);
    };
    ws.onclose = () => {
      clearInterval(heartbeat);
      if (stopped) return;
      onState('retrying');
      const delay = Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt); // full jitter
      attempt = Math.min(attempt + 1, 10);
      retryTimer = setTimeout(open, delay);
    };
    ws.onerror = () => { /* onclose follows and retries */ };
  }

  function send(message) {
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  // Back online or back to the tab after a long sleep: reconnect now rather than at the next backoff.
  window.addEventListener('online', () => {
    if (stopped || ws?.readyState === WebSocket.OPEN || ws?.readyState === WebSocket.CONNECTING) return;
    clearTimeout(retryTimer);
    open();
  });

  open();
  return {
    send,
    close() { stopped = true; clearTimeout(retryTimer); clearInterval(heartbeat); ws?.close(); },
  };
}
