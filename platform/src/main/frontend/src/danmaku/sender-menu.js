// The little menu a click on a danmaku opens over the picture: its text and "Block sender {hash}".

export function createSenderMenu(layer, onBlock) {
  const box = document.createElement('div');
  box.className = 'danmaku-menu';
  box.hidden = true;
  const text = document.createElement('p');
  text.className = 'danmaku-menu-text';
  const block = document.createElement('button');
  block.type = 'button';
  block.className = 'danmaku-block-sender';
  box.append(text, block);
  box.addEventListener('click', (e) => e.stopPropagation());
  layer.appendChild(box);

  return {
    open(item, event) {
      const rect = layer.getBoundingClientRect();
      text.textContent = item.text;
      block.textContent = `Block sender ${item.sender}`;
      block.onclick = () => { box.hidden = true; onBlock(item.sender); };
      box.style.left = `${Math.max(0, Math.min(rect.width - 220, event.clientX - rect.left))}px`;
      box.style.top = `${Math.max(0, Math.min(rect.height - 80, event.clientY - rect.top + 8))}px`;
      box.hidden = false;
    },
    close() { box.hidden = true; },
  };
}
