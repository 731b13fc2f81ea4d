// A player's pop-up menu of choices (quality, speed): it opens from its button and closes on a choice, on a
// click elsewhere or on Escape; each choice is a radio item carrying its value in data-value.

/** Wires the menu; {@code onChoose} gets the chosen item's value. */
export function setupPopupMenu(root, button, menu, onChoose) {
  const close = () => { menu.hidden = true; button.setAttribute('aria-expanded', 'false'); };
  const open = () => { menu.hidden = false; button.setAttribute('aria-expanded', 'true'); };
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    if (menu.hidden) open(); else close();
  });
  menu.addEventListener('click', (e) => {
    const choice = e.target.closest('button[data-value]');
    if (!choice) return;
    onChoose(choice.dataset.value);
    close();
  });
  document.addEventListener('click', (e) => { if (!button.parentElement.contains(e.target)) close(); });
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
}

/** Replaces the menu's items: [{ value, label, checked }], in order. */
export function renderChoices(menu, choices) {
  menu.replaceChildren(...choices.map(({ value, label, checked }) => {
    const item = document.createElement('li');
    const choice = document.createElement('button');
    choice.type = 'button';
    choice.setAttribute('role', 'menuitemradio');
    choice.setAttribute('aria-checked', String(checked));
    choice.dataset.value = String(value);
    choice.textContent = label;
    item.append(choice);
    return item;
  }));
}
