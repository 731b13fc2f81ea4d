// On every page: like and subscribe buttons, the unread-notifications badge and the notifications page.
import { api } from './lib/api.js';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

function toSignIn() {
  window.location.href = `/login?next=${encodeURIComponent(location.pathname)}`;
}

function setupLike(button) {
  const id = encodeURIComponent(button.dataset.likeVideo);
  const signedIn = button.dataset.signedIn === 'true';
  const label = button.querySelector('.like-count');
  let state = { likes: 0, liked: false };
  const show = () => {
    label.textContent = state.likes > 0 ? compact.format(state.likes) : 'Like';
    button.setAttribute('aria-pressed', String(state.liked));
    button.classList.toggle('is-active', state.liked);
    button.title = state.liked ? 'Unlike' : 'Like';
  };
  api('GET', `/api/v1/videos/${id}/like`).then((s) => { state = s; show(); }).catch(() => {});
  button.addEventListener('click', async () => {
    if (!signedIn) { toSignIn(); return; }
    const on = !state.liked;
    button.disabled = true;
    try {
      await api(on ? 'PUT' : 'DELETE', `/api/v1/videos/${id}/like`);
      state = { likes: state.likes + (on ? 1 : -1), liked: on };
      show();
    } catch (e) {
      button.title = e.message;
    } finally {
      button.disabled = false;
    }
  });
}

function setupSubscribe(button) {
  const name = encodeURIComponent(button.dataset.subscribe);
  const signedIn = button.dataset.signedIn === 'true';
  let state = { subscribed: false, subscribers: 0 };
  const show = () => {
    const count = state.subscribers > 0 ? ` · ${compact.format(state.subscribers)}` : '';
    button.textContent = `${state.subscribed ? 'Subscribed' : 'Subscribe'}${count}`;
    button.setAttribute('aria-pressed', String(state.subscribed));
    button.classList.toggle('button-primary', !state.subscribed);
  };
  show();
  api('GET', `/api/v1/users/${name}/subscription`).then((s) => { state = s; show(); }).catch(() => {});
  button.addEventListener('click', async () => {
    if (!signedIn) { toSignIn(); return; }
    const on = !state.subscribed;
    button.disabled = true;
    try {
      await api(on ? 'PUT' : 'DELETE', `/api/v1/users/${name}/subscription`);
      state = { subscribed: on, subscribers: state.subscribers + (on ? 1 : -1) };
      show();
    } catch (e) {
      button.title = e.message;
    } finally {
      button.disabled = false;
    }
  });
}

function setBadge(unread) {
  const badge = document.getElementById('unread-badge');
  if (!badge) return;
  if (unread > 0) badge.textContent = unread > 99 ? '99+' : String(unread);
  else badge.remove();
}

function setupNotifications(list) {
  const markAll = document.getElementById('mark-all-read');
  markAll?.addEventListener('click', async () => {
    try {
      await api('POST', '/api/v1/notifications/read', {});
      for (const item of list.querySelectorAll('.is-unread')) item.classList.remove('is-unread');
      setBadge(0);
      markAll.remove();
    } catch (e) {
      markAll.title = e.message;
    }
  });
  // Opening one marks it read; the request is sent with keepalive so it survives the navigation.
  list.addEventListener('click', (e) => {
    const item = e.target.closest('[data-notification-id]');
    if (!item || !item.classList.contains('is-unread')) return;
    item.classList.remove('is-unread');
    fetch('/api/v1/notifications/read', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]')?.content ?? '' },
      body: JSON.stringify({ ids: [item.dataset.notificationId] }),
    }).catch(() => {});
  });
}

for (const b of document.querySelectorAll('[data-like-video]')) setupLike(b);
for (const b of document.querySelectorAll('[data-subscribe]')) setupSubscribe(b);
const notificationList = document.getElementById('notification-list');
if (notificationList) setupNotifications(notificationList);
