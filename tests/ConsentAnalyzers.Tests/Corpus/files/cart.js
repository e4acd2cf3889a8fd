// wwwroot/js/cart.js: the basket of a visitor who has not signed in, kept in local storage (strictly necessary: the
// visitor asked for it), and the cart id cookie the server reads at checkout.
const CART_KEY = 'cart';

const cart = {
  items() {
    return JSON.parse(localStorage.getItem(CART_KEY) || '[]');
  },
  save(items) {
    localStorage.setItem(CART_KEY, JSON.stringify(items));
    document.dispatchEvent(new CustomEvent('cart:changed', { detail: items }));
  },
  add(productId, quantity) {
    const items = this.items();
    const line = items.find(i => i.productId === productId);
    if (line) line.quantity += quantity; else items.push({ productId, quantity });
    this.save(items);
  },
  remove(productId) {
    this.save(this.items().filter(i => i.productId !== productId));
  },
};

async function ensureCartId() {
  if (/(?:^|; )cart_id=/.test(document.cookie)) return;
  const response = await fetch('/api/cart', { method: 'POST' });
  const { id } = await response.json();
  document.cookie = 'cart_id=' + id + '; path=/; samesite=strict; secure';
}

document.addEventListener('click', async e => {
  const button = e.target.closest('[data-add-to-cart]');
  if (!button) return;
  await ensureCartId();
  cart.add(button.dataset.addToCart, Number(button.dataset.quantity || 1));
  localStorage.setItem('cart_updated_at', String(Date.now())); // expect: CG0103
});

window.cart = cart;
