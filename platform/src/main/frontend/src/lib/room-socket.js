// A WebSocket to a room of the site (/ws/videos/{id}, /ws/live/{username}) that stays up: heartbeats and
// reconnects with exponential backoff and full jitter. The site cookie signs it in (same origin).
//
//   const room = openRoomSocket('/ws/videos/abc', {
//     onFrame(frame) { ... },       // every JSON frame from the server but pong: danmaku, chat, viewers, deleted, error
//     onState(state) { ... },       // 'connecting' | 'open' | 'closed'
//   });
//   room.send({ type: 'danmaku', ... });  // false when not open (nothing is queued)
//   room.state;                           // the current state
//   room.close();                         // for good: no more reconnects
//
// 'open' means the server has put this socket in its room (its first pong came back), so frames published
// from then on arrive. A socket that hears nothing for 10 s after a ping is dropped and reconnected. A close
// with 1008 (the server refused us: banned, not allowed) is final.

const PING_EVERY_MS = 25_000;
const SILENCE_LIMIT_MS = 10_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;

export function openRoomSocket(path, { onFrame = () => {}, onState = () => {} } = {}) {
  let ws = null;
  let state = 'closed';
  let attempt = 0;
  let stopped = false;
  let pingTimer = 0;
  let silenceTimer = 0;
  let retryTimer = 0;

  const setState = (s) => { if (s !== state) { state = s; onState(s); } };
  const url = () => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;

  function connect() {
    if (stopped) return;
    setState('connecting');
    const socket = new WebSocket(url());
    ws = socket;
    socket.onopen = () => ping();
    socket.onmessage = (e) => {
      clearTimeout(silenceTimer);
      let frame;
      try { frame = JSON.parse(e.data); } catch { return; }
      if (frame?.type === 'pong') {
        if (state !== 'open') { attempt = 0; setState('open'); }
        return;
      }
      onFrame(frame);
    };
    socket.onclose = (e) => {
      if (ws !== socket) return;
      clearTimers();
      ws = null;
      setState('closed');
      if (e.code === 1008) stopped = true;
      else scheduleReconnect();
    };
  }

  function ping() {
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send('{"type":"ping"}');
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => ws?.close(4000, 'silent'), SILENCE_LIMIT_MS);
    clearTimeout(pingTimer);
    pingTimer = setTimeout(ping, PING_EVERY_MS);
  }

  function scheduleReconnect() {
    if (stopped) return;
    // Full jitter: a crowd dropped together by a restart does not come back together.
    const delay = Math.random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt++);
    retryTimer = setTimeout(connect, delay);
  }

  function clearTimers() {
    clearTimeout(pingTimer);
    clearTimeout(silenceTimer);
    clearTimeout(retryTimer);
  }

  connect();
  return {
    send(message) {
      if (state !== 'open' || !ws) return false;
      ws.send(JSON.stringify(message));
      return true;
    },
    get state() { return state; },
    close() {
      stopped = true;
      clearTimers();
      const socket = ws;
      ws = null;
      socket?.close(1000, 'bye');
      setState('closed');
    },
  };
}
