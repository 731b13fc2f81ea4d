// Comments under a video: list (newest or top), load more, post, reply, edit, delete, like.
// All user text goes into the page as text nodes (see comments/rich-text.js), never as HTML.
import { api } from './lib/api.js';
import { timeAgo } from './lib/format.js';
import { renderRichText } from './comments/rich-text.js';

const root = document.getElementById('comments');
if (root) mountComments(root);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function mountComments(root) {
  const { videoId, ownerId, meId } = root.dataset;
  const isAdmin = root.dataset.meAdmin === 'true';
  const list = root.querySelector('#comment-list');
  const more = root.querySelector('#comments-more');
  const countEl = root.querySelector('#comment-count');
  const base = `/api/v1/videos/${encodeURIComponent(videoId)}/comments`;
  let sort = 'new';
  let next = null;
  let count = 0;

  const setCount = (n) => { count = Math.max(0, n); countEl.textContent = count.toLocaleString(); };

  async function load(reset) {
    if (reset) { list.replaceChildren(); next = null; }
    const query = new URLSearchParams({ sort });
    if (next) query.set('cursor', next);
    try {
      const page = await api('GET', `${base}?${query}`);
      for (const c of page.items) list.append(commentItem(c));
      next = page.next;
      more.hidden = !next;
      setCount(page.count);
    } catch (e) {
      showError(root.querySelector('.comments-head'), e.message);
    }
  }

  function showError(after, message) {
    let box = after.parentElement.querySelector(':scope > .comment-error.inline');
    if (!box) { box = el('p', 'comment-error inline'); box.setAttribute('role', 'alert'); after.after(box); }
    box.textContent = message;
    box.hidden = false;
  }

  function mayDelete(c) {
    return !!meId && (c.author.id === meId || ownerId === meId || isAdmin);
  }

  function commentItem(c) {
    const li = el('li', 'comment');
    li.dataset.commentId = c.id;
    const head = el('div', 'comment-meta');
    const author = el('a', 'comment-author', c.author.username);
    author.href = `/c/${encodeURIComponent(c.author.username)}`;
    const when = el('time', 'comment-time', timeAgo(new Date(c.createdAt)));
    when.dateTime = c.createdAt;
    when.title = new Date(c.createdAt).toLocaleString();
    head.append(author, when);
    if (c.editedAt) head.append(el('span', 'comment-edited', '(edited)'));
    const body = el('p', 'comment-text');
    renderRichText(body, c.text);
    li.append(head, body, actions(c, li, body));
    if (!c.parentId) {
      const replies = el('ol', 'comment-replies');
      li.append(replies);
      if (c.replies > 0) li.append(repliesToggle(c, replies));
    }
    return li;
  }

  function actions(c, li, body) {
    const bar = el('div', 'comment-actions');
    const like = el('button', 'comment-like', `♥ ${c.likes}`);
    like.type = 'button';
    like.setAttribute('aria-pressed', String(c.liked));
    like.addEventListener('click', async () => {
      if (!meId) { window.location.href = `/login?next=${encodeURIComponent(location.pathname)}`; return; }
      const on = like.getAttribute('aria-pressed') !== 'true';
      try {
        await api(on ? 'PUT' : 'DELETE', `/api/v1/comments/${encodeURIComponent(c.id)}/like`);
        c.likes += on ? 1 : -1;
        like.textContent = `♥ ${c.likes}`;
        like.setAttribute('aria-pressed', String(on));
      } catch (e) { showError(bar, e.message); }
    });
    bar.append(like);
    if (meId) {
      const reply = el('button', 'comment-reply', 'Reply');
      reply.type = 'button';
      reply.addEventListener('click', () => openReplyForm(c, li));
      bar.append(reply);
    }
    if (meId && c.author.id === meId) {
      const edit = el('button', 'comment-edit', 'Edit');
      edit.type = 'button';
      edit.addEventListener('click', () => openEditForm(c, li, body));
      bar.append(edit);
    }
    if (mayDelete(c)) {
      const del = el('button', 'comment-delete', 'Delete');
      del.type = 'button';
      del.addEventListener('click', async () => {
        if (!window.confirm('Delete this comment?')) return;
        try {
          await api('DELETE', `/api/v1/comments/${encodeURIComponent(c.id)}`);
          li.remove();
          setCount(count - 1 - (c.parentId ? 0 : c.replies));
        } catch (e) { showError(bar, e.message); }
      });
      bar.append(del);
    }
    return bar;
  }

  function textForm(initial, label, onSubmit) {
    const form = el('form', 'comment-form comment-inline-form');
    const area = el('textarea');
    area.rows = 2;
    area.maxLength = 2000;
    area.value = initial;
    area.setAttribute('aria-label', label);
    const error = el('p', 'comment-error');
    error.hidden = true;
    const cancel = el('button', 'button button-small', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => form.remove());
    const submit = el('button', 'button button-primary button-small', label);
    submit.type = 'submit';
    const row = el('div', 'comment-form-actions');
    row.append(error, cancel, submit);
    form.append(area, row);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      try {
        await onSubmit(area.value);
        form.remove();
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
      } finally {
        submit.disabled = false;
      }
    });
    setTimeout(() => area.focus(), 0);
    return form;
  }

  function openReplyForm(c, li) {
    const thread = c.parentId ? li.parentElement.closest('li.comment') : li; // replies join their thread
    const replies = thread.querySelector(':scope > .comment-replies');
    if (thread.querySelector(':scope > .comment-inline-form')) return;
    const form = textForm(c.parentId ? `@${c.author.username} ` : '', 'Reply', async (text) => {
      const created = await api('POST', base, { text, parentId: c.id });
      const item = commentItem(created);
      item.classList.add('reply');
      replies.append(item);
      setCount(count + 1);
    });
    replies.before(form);
  }

  function openEditForm(c, li, body) {
    if (li.querySelector(':scope > .comment-inline-form')) return;
    const form = textForm(c.text, 'Save', async (text) => {
      const edited = await api('PATCH', `/api/v1/comments/${encodeURIComponent(c.id)}`, { text });
      c.text = edited.text;
      body.replaceChildren();
      renderRichText(body, edited.text);
      const meta = li.querySelector(':scope > .comment-meta');
      if (!meta.querySelector('.comment-edited')) meta.append(el('span', 'comment-edited', '(edited)'));
    });
    body.after(form);
  }

  function repliesToggle(c, replies) {
    const button = el('button', 'comment-show-replies', `${c.replies} ${c.replies === 1 ? 'reply' : 'replies'}`);
    button.type = 'button';
    let cursor = null;
    button.addEventListener('click', async () => {
      const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      try {
        const page = await api('GET', `/api/v1/comments/${encodeURIComponent(c.id)}/replies${query}`);
        for (const r of page.items) {
          if (replies.querySelector(`[data-comment-id="${CSS.escape(r.id)}"]`)) continue;
          const item = commentItem(r);
          item.classList.add('reply');
          replies.append(item);
        }
        cursor = page.next;
        if (cursor) button.textContent = 'More replies';
        else button.remove();
      } catch (e) { showError(button, e.message); }
    });
    return button;
  }

  const form = root.querySelector('#comment-form');
  if (form) {
    const area = form.querySelector('#comment-text');
    const error = form.querySelector('.comment-error');
    const submit = form.querySelector('#comment-submit');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      error.hidden = true;
      try {
        const created = await api('POST', base, { text: area.value });
        area.value = '';
        list.prepend(commentItem(created));
        setCount(count + 1);
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
      } finally {
        submit.disabled = false;
      }
    });
  }

  for (const button of root.querySelectorAll('[data-sort]')) {
    button.addEventListener('click', () => {
      sort = button.dataset.sort;
      for (const b of root.querySelectorAll('[data-sort]')) {
        b.classList.toggle('is-active', b === button);
        b.setAttribute('aria-pressed', String(b === button));
      }
      load(true);
    });
  }
  more.addEventListener('click', () => load(false));
  load(true);
}
