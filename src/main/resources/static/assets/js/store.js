// The storefront: catalog, cart, checkout, orders and notifications, all through the public API.
import { apiClient, ApiProblem } from './api.js';
import { session } from './session.js';
import {
  el, replace, money, when, statusBadge, loading, empty, problemMessage, notice, showProblemOnForm,
  clearFormProblems, field, every,
} from './ui.js';

const shopper = session('store');
const api = apiClient({
  tokenOf: shopper.token,
  onUnauthorized: () => { shopper.clear(); renderAccountLink(); },
});
const view = document.getElementById('view');
const PAGE_SIZE = 12;
// The sandbox gateway's test tokens (README, "Try it"): the first two are approved, the others declined.
const CARDS = [
  ['tok_visa', 'Visa test card (approved)'],
  ['tok_mastercard', 'Mastercard test card (approved)'],
  ['tok_declined', 'Declined test card'],
  ['tok_insufficient_funds', 'Test card without funds (declined)'],
];
const FINAL = new Set(['DELIVERED', 'CANCELLED']);
let poller = null;

// ---- the cart, kept in this browser (localStorage): it holds no secret, and survives a reload ----

const cart = {
  key: 'emporium.cart',
  lines() {
    try {
      return JSON.parse(localStorage.getItem(this.key) || '[]');
    } catch (broken) {
      return [];
    }
  },
  save(lines) {
    localStorage.setItem(this.key, JSON.stringify(lines));
    renderCartCount();
  },
  add(product, quantity) {
    const lines = this.lines();
    const line = lines.find((each) => each.sku === product.sku);
    if (line) line.quantity = Math.min(line.quantity + quantity, 1000);
    else lines.push({ sku: product.sku, name: product.name, price: product.price, quantity });
    this.save(lines);
  },
  set(sku, quantity) {
    this.save(this.lines().map((line) => (line.sku === sku ? { ...line, quantity } : line)).filter((line) => line.quantity > 0));
  },
  clear() { this.save([]); },
  count() { return this.lines().reduce((sum, line) => sum + line.quantity, 0); },
};

function renderCartCount() {
  document.getElementById('cart-count').textContent = cart.count();
}

function renderAccountLink() {
  const link = document.getElementById('account-link');
  const profile = shopper.profile();
  link.textContent = profile ? `Account (${profile.name})` : 'Sign in';
}

// ---- routing: #/path, one view at a time ----

const routes = [
  [/^#?\/?$/, catalogView, 'catalog'],
  [/^#\/product\/(.+)$/, productView, 'catalog'],
  [/^#\/cart$/, cartView, 'cart'],
  [/^#\/checkout$/, checkoutView, 'cart'],
  [/^#\/orders$/, ordersView, 'orders'],
  [/^#\/orders\/([0-9a-f-]+)(\?placed)?$/, orderView, 'orders'],
  [/^#\/notifications$/, notificationsView, 'notifications'],
  [/^#\/account$/, accountView, 'account'],
];

async function route() {
  poller?.stop();
  poller = null;
  const hash = window.location.hash || '#/';
  const [path, query] = hash.split(/(?=\?q=|\?page=)/);
  const match = routes.find(([pattern]) => pattern.test(path)) || routes[0];
  document.querySelectorAll('[data-route]').forEach((link) => {
    if (link.dataset.route === match[2]) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  const parameters = path.match(match[0]).slice(1).map((part) => (part ? decodeURIComponent(part) : part));
  replace(view, loading());
  try {
    await match[1](...parameters, new URLSearchParams((query || '').slice(1)));
  } catch (problem) {
    replace(view, el('h1', { tabindex: '-1' }, 'Something went wrong'), problemMessage(problem));
  }
  const heading = view.querySelector('h1');
  if (heading && document.activeElement !== document.body && !view.contains(document.activeElement)) heading.focus();
}

function heading(text) {
  return el('h1', { tabindex: '-1' }, text);
}

function signInFirst(what) {
  replace(view, heading(what), notice('Please sign in or register first.', 'info'),
    el('p', {}, el('a', { class: 'button', href: '#/account' }, 'Sign in or register')));
}

// ---- catalog ----

async function catalogView(parameters) {
  const q = parameters.get('q') || '';
  const page = Math.max(Number(parameters.get('page') || 0), 0);
  const search = el('form', { class: 'search', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const text = event.target.elements.q.value.trim();
    window.location.hash = text ? `#/?q=${encodeURIComponent(text)}` : '#/';
  } },
  el('label', { for: 'search' }, 'Search products'),
  el('div', { class: 'inline' },
    el('input', { id: 'search', name: 'q', type: 'search', value: q, maxlength: '100', placeholder: 'mug, tea, SKU…' }),
    el('button', { type: 'submit' }, 'Search')));
  const results = el('div', { id: 'results', 'aria-live': 'polite' }, loading('Loading products…'));
  replace(view, heading(q ? `Products matching “${q}”` : 'Products'), search, results);
  const found = await api.get('/products', { q, page, size: PAGE_SIZE });
  if (!found.content.length) {
    replace(results, empty(q ? `No product matches “${q}”.` : 'The catalog is empty.'));
    return;
  }
  const link = (to) => (q ? `#/?q=${encodeURIComponent(q)}&page=${to}` : `#/?page=${to}`);
  replace(results,
    el('ul', { class: 'products' }, found.content.map((product) => el('li', { class: 'product card' },
      el('h2', {}, el('a', { href: `#/product/${encodeURIComponent(product.sku)}` }, product.name)),
      el('p', { class: 'sku' }, product.sku),
      el('p', { class: 'price' }, money(product.price)),
      el('button', { type: 'button', 'data-sku': product.sku, 'aria-label': `Add ${product.name} to the cart`,
        onclick: (event) => { cart.add(product, 1); event.target.textContent = 'Added ✓'; } }, 'Add to cart')))),
    pager(found.page, link));
}

function pager(page, link) {
  if (page.totalPages <= 1) return null;
  return el('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.number > 0 ? el('a', { href: link(page.number - 1), rel: 'prev' }, '← Previous') : el('span'),
    el('span', {}, `Page ${page.number + 1} of ${page.totalPages}`),
    page.number + 1 < page.totalPages ? el('a', { href: link(page.number + 1), rel: 'next' }, 'Next →') : el('span'));
}

async function productView(sku) {
  const product = await api.get(`/products/${encodeURIComponent(sku)}`);
  const added = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'add', onsubmit: (event) => {
    event.preventDefault();
    const quantity = Number(event.target.elements.quantity.value);
    if (!Number.isInteger(quantity) || quantity < 1) {
      replace(added, notice('Choose a quantity of at least 1.', 'error'));
      return;
    }
    cart.add(product, quantity);
    replace(added, notice(`${quantity} × ${product.name} added to your cart.`, 'success'));
  } },
  field('Quantity', { name: 'quantity', type: 'number', min: '1', max: '1000', value: '1', inputmode: 'numeric' }),
  el('button', { type: 'submit' }, 'Add to cart'));
  replace(view, el('p', {}, el('a', { href: '#/' }, '← All products')),
    el('article', { class: 'card product-page' },
      heading(product.name),
      el('p', { class: 'sku' }, `SKU ${product.sku}`),
      el('p', { class: 'price large' }, money(product.price)),
      product.description ? el('p', {}, product.description) : null,
      form, added));
}

// ---- cart and checkout ----

function cartTotal(lines) {
  if (!lines.length) return null;
  const currency = lines[0].price.currency;
  if (lines.some((line) => line.price.currency !== currency)) return null;
  const sum = lines.reduce((total, line) => total + Number(line.price.amount) * line.quantity, 0);
  return { amount: sum.toFixed(2), currency };
}

function cartView() {
  const lines = cart.lines();
  if (!lines.length) {
    replace(view, heading('Your cart'), empty('Your cart is empty.'), el('p', {}, el('a', { href: '#/' }, 'Browse the products')));
    return;
  }
  const total = cartTotal(lines);
  replace(view, heading('Your cart'),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, 'Products in your cart'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Product'), el('th', { scope: 'col' }, 'Price'),
        el('th', { scope: 'col' }, 'Quantity'), el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Remove')))),
      el('tbody', {}, lines.map((line) => el('tr', {},
        el('td', {}, el('a', { href: `#/product/${encodeURIComponent(line.sku)}` }, line.name), el('br'), el('span', { class: 'sku' }, line.sku)),
        el('td', {}, money(line.price)),
        el('td', {}, el('label', { class: 'visually-hidden', for: `quantity-${line.sku}` }, `Quantity of ${line.name}`),
          el('input', { id: `quantity-${line.sku}`, type: 'number', min: '0', max: '1000', value: line.quantity, class: 'narrow',
            onchange: (event) => { cart.set(line.sku, Math.max(0, Number(event.target.value) || 0)); cartView(); } })),
        el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => { cart.set(line.sku, 0); cartView(); } },
          'Remove', el('span', { class: 'visually-hidden' }, ` ${line.name}`)))))))),
    total ? el('p', { class: 'total' }, 'Estimated total ', el('strong', {}, money(total)),
      el('span', { class: 'hint' }, ' (the shop prices your order when you place it)')) : null,
    el('p', { class: 'actions' }, el('a', { class: 'button', href: '#/checkout', id: 'checkout' }, 'Checkout')));
}

function checkoutView() {
  if (!shopper.signedIn()) {
    signInFirst('Checkout');
    return;
  }
  const lines = cart.lines();
  if (!lines.length) {
    cartView();
    return;
  }
  const messages = el('div', { tabindex: '-1', 'aria-live': 'assertive' });
  const name = shopper.profile()?.name || '';
  const form = el('form', { id: 'checkout-form', novalidate: true, onsubmit: (event) => placeOrder(event, form, messages) },
    el('fieldset', {}, el('legend', {}, 'Shipping address'),
      field('Full name', { name: 'shippingAddress.name', autocomplete: 'name', value: name, required: true }),
      field('Address line 1', { name: 'shippingAddress.line1', autocomplete: 'address-line1', required: true }),
      field('Address line 2 (optional)', { name: 'shippingAddress.line2', autocomplete: 'address-line2' }),
      el('div', { class: 'row' },
        field('City', { name: 'shippingAddress.city', autocomplete: 'address-level2', required: true }),
        field('Postal code', { name: 'shippingAddress.postalCode', autocomplete: 'postal-code', required: true })),
      field('Country code', { name: 'shippingAddress.country', autocomplete: 'country', maxlength: '2', required: true },
        'Two capital letters, such as GB or DE')),
    el('fieldset', {}, el('legend', {}, 'Payment (sandbox)'),
      el('p', { class: 'hint' }, 'No money moves: the shop uses a test gateway. The Visa and Mastercard test cards are approved, the other two declined.'),
      el('div', { class: 'field' }, el('label', { for: 'payment-token' }, 'Test card'),
        el('select', { id: 'payment-token', name: 'paymentToken' },
          CARDS.map(([token, label]) => el('option', { value: token }, label))))),
    el('p', { class: 'total' }, `${lines.length} product${lines.length > 1 ? 's' : ''}, estimated `,
      el('strong', {}, money(cartTotal(lines)) || '')),
    el('button', { type: 'submit', id: 'place-order' }, 'Place order'));
  replace(view, heading('Checkout'), messages, form);
}

async function placeOrder(event, form, messages) {
  event.preventDefault();
  clearFormProblems(form);
  const value = (name) => form.elements.namedItem(name).value.trim();
  const address = {};
  for (const part of ['name', 'line1', 'line2', 'city', 'postalCode', 'country']) {
    const text = value(`shippingAddress.${part}`);
    if (text) address[part] = part === 'country' ? text.toUpperCase() : text;
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  replace(messages, loading('Placing your order…'));
  // One key per attempt at this cart: a retry after a lost answer places no second order.
  form.dataset.idempotencyKey ||= crypto.randomUUID();
  try {
    const placed = await api.post('/orders', {
      lines: cart.lines().map((line) => ({ sku: line.sku, quantity: line.quantity })),
      shippingAddress: address,
      paymentToken: form.elements.paymentToken.value,
    }, { 'Idempotency-Key': form.dataset.idempotencyKey });
    cart.clear();
    window.location.hash = `#/orders/${placed.body.id}?placed`;
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    if (problem.status === 401) {
      signInFirst('Checkout');
      return;
    }
    showProblemOnForm(form, problem, messages);
  } finally {
    button.disabled = false;
  }
}

// ---- orders ----

async function ordersView(parameters) {
  if (!shopper.signedIn()) {
    signInFirst('Your orders');
    return;
  }
  const page = Math.max(Number(parameters.get('page') || 0), 0);
  const orders = await api.get('/orders', { page, size: 20 });
  if (!orders.content.length) {
    replace(view, heading('Your orders'), empty('You have not ordered anything yet.'), el('p', {}, el('a', { href: '#/' }, 'Browse the products')));
    return;
  }
  replace(view, heading('Your orders'),
    el('ul', { class: 'orders' }, orders.content.map((order) => el('li', { class: 'card order-summary' },
      el('a', { href: `#/orders/${order.id}` }, `Order of ${when(order.createdAt)}`),
      ' ', statusBadge(order.status), ' ',
      el('span', {}, `${order.lines.length} product${order.lines.length > 1 ? 's' : ''}, ${money(order.total)}`)))),
    pager(orders.page, (to) => `#/orders?page=${to}`));
}

async function orderView(id, placed) {
  if (!shopper.signedIn()) {
    signInFirst('Your order');
    return;
  }
  const status = el('div', { id: 'order-status', 'aria-live': 'polite' });
  const details = el('div');
  const answers = el('div', { tabindex: '-1' });
  replace(view, el('p', {}, el('a', { href: '#/orders' }, '← All orders')), heading('Your order'), answers, status, details);
  let order = await api.get(`/orders/${id}`);
  const show = async () => {
    renderStatus(status, order, Boolean(placed));
    replace(details, orderDetails(order, answers, (changed) => { order = changed; show(); }), await paymentOf(order));
  };
  await show();
  if (!FINAL.has(order.status)) {
    // The checkout runs on after the answer to the placement: follow it without a reload.
    poller = every(1500, async () => {
      const latest = await api.get(`/orders/${id}`);
      if (latest.status !== order.status || latest.updatedAt !== order.updatedAt) {
        order = latest;
        await show();
      }
      if (FINAL.has(order.status)) poller?.stop();
    });
  }
}

const STATUS_TEXT = {
  PLACED: 'Order placed: reserving your products…',
  RESERVED: 'Products reserved: taking the payment…',
  PAID: 'Payment received: your order is confirmed and will ship soon.',
  SHIPPED: 'On its way.',
  DELIVERED: 'Delivered. Enjoy!',
  CANCELLED: 'This order is cancelled.',
};

function renderStatus(target, order, justPlaced) {
  const confirmed = !['PLACED', 'RESERVED', 'CANCELLED'].includes(order.status);
  replace(target,
    justPlaced && confirmed ? el('div', { class: 'alert alert-success confirmation', id: 'confirmation' },
      el('strong', {}, 'Thank you for your order!'), el('p', {}, 'The payment went through and a confirmation is in your notifications.')) : null,
    el('p', { class: 'status-line' }, statusBadge(order.status), ' ', STATUS_TEXT[order.status] || ''),
    order.cancellationReason ? el('p', {}, `Reason: ${order.cancellationReason.replaceAll('_', ' ').toLowerCase()}`) : null);
}

function orderDetails(order, answers, changed) {
  const address = order.shippingAddress || {};
  const pending = pendingCancellation(order);
  return el('section', { class: 'card', 'aria-labelledby': 'order-lines' },
    el('h2', { id: 'order-lines' }, 'What you ordered'),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Product'), el('th', { scope: 'col' }, 'Quantity'),
        el('th', { scope: 'col' }, 'Price'), el('th', { scope: 'col' }, 'Total'))),
      el('tbody', {}, order.lines.map((line) => el('tr', {}, el('td', {}, line.name, el('br'), el('span', { class: 'sku' }, line.sku)),
        el('td', {}, line.quantity), el('td', {}, money(line.unitPrice)), el('td', {}, money(line.lineTotal))))),
      el('tfoot', {}, el('tr', {}, el('th', { scope: 'row', colspan: '3' }, 'Order total'), el('td', { id: 'order-total' }, money(order.total)))))),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Order number'), el('dd', { class: 'mono' }, order.id),
      el('dt', {}, 'Placed'), el('dd', {}, when(order.createdAt)),
      el('dt', {}, 'Ships to'), el('dd', {}, [address.name, address.line1, address.line2, `${address.postalCode || ''} ${address.city || ''}`, address.country].filter(Boolean).join(', ')),
      order.trackingNumber ? [el('dt', {}, 'Tracking number'), el('dd', { class: 'mono' }, order.trackingNumber)] : null,
      pending ? [el('dt', {}, 'Cancellation'), el('dd', {}, pending)] : null),
    ['PLACED', 'RESERVED', 'PAID'].includes(order.status) && !pending
      ? el('button', { type: 'button', class: 'danger', id: 'cancel-order', onclick: (event) => cancel(order, event.target, answers, changed) }, 'Cancel this order')
      : null);
}

// Whatever the order says of a cancellation under way (a request shipping has still to accept), shown as is.
function pendingCancellation(order) {
  const entry = Object.entries(order).find(([name, value]) => /cancel/i.test(name) && name !== 'cancellationReason' && value);
  if (!entry) return null;
  const [, value] = entry;
  return typeof value === 'object' ? Object.entries(value).map(([k, v]) => `${k}: ${v}`).join(', ') : String(value);
}

async function cancel(order, button, answers, changed) {
  button.disabled = true;
  replace(answers, loading('Asking to cancel…'));
  try {
    const answer = await api.post(`/orders/${order.id}/cancel`);
    const body = answer.body;
    if (answer.status === 202) {
      replace(answers, notice('Cancellation requested: the order is being stopped. This page shows the answer when it comes.', 'info'));
    } else {
      replace(answers, notice('Your order is cancelled. A completed payment is refunded.', 'success'));
    }
    if (body && body.id === order.id && body.status) changed(body);
    else changed(await api.get(`/orders/${order.id}`));
  } catch (problem) {
    replace(answers, problemMessage(problem));
    button.disabled = false;
  }
  answers.focus();
}

async function paymentOf(order) {
  try {
    const payments = await api.get('/payments', { orderId: order.id });
    if (!payments.length) return null;
    const payment = payments[0];
    return el('p', { class: 'payment' }, 'Payment: ', statusBadge(payment.status), ' ', money(payment.amount),
      payment.declineReason ? ` (${payment.declineReason.replaceAll('_', ' ')})` : '');
  } catch (problem) {
    return null;
  }
}

// ---- notifications ----

async function notificationsView() {
  if (!shopper.signedIn()) {
    signInFirst('Notifications');
    return;
  }
  const found = await api.get('/customers/me/notifications', { size: 50 });
  replace(view, heading('Notifications'),
    found.content.length ? el('ul', { class: 'notifications' }, found.content.map((note) => el('li', { class: 'card' },
      el('h2', {}, note.subject),
      el('p', { class: 'meta' }, when(note.createdAt), ' · ', note.kind.toLowerCase(),
        note.orderId ? [' · ', el('a', { href: `#/orders/${note.orderId}` }, 'the order')] : null),
      el('p', { class: 'body' }, note.body))))
      : empty('No notifications yet: they come when an order is confirmed, shipped, delivered or cancelled.'));
}

// ---- account: sign in, register, sign out ----

function accountView() {
  const profile = shopper.profile();
  if (profile) {
    replace(view, heading('Your account'),
      el('dl', { class: 'facts' }, el('dt', {}, 'Name'), el('dd', {}, profile.name), el('dt', {}, 'E-mail'), el('dd', {}, profile.email)),
      el('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: () => { shopper.clear(); renderAccountLink(); accountView(); } }, 'Sign out'));
    return;
  }
  const signInMessages = el('div', { tabindex: '-1' });
  const registerMessages = el('div', { tabindex: '-1' });
  const signInForm = el('form', { id: 'sign-in', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    await signIn(signInForm, signInMessages, signInForm.elements.email.value.trim(), signInForm.elements.password.value);
  } },
  field('E-mail', { name: 'email', id: 'sign-in-email', type: 'email', autocomplete: 'username', required: true }),
  field('Password', { name: 'password', id: 'sign-in-password', type: 'password', autocomplete: 'current-password', required: true }),
  el('button', { type: 'submit' }, 'Sign in'));
  const registerForm = el('form', { id: 'register', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    clearFormProblems(registerForm);
    const values = Object.fromEntries(['name', 'email', 'password'].map((name) => [name, registerForm.elements[name].value]));
    values.email = values.email.trim();
    replace(registerMessages, loading('Creating your account…'));
    try {
      await api.post('/customers', values);
      await signIn(registerForm, registerMessages, values.email, values.password);
    } catch (problem) {
      showProblemOnForm(registerForm, problem, registerMessages);
    }
  } },
  field('Name', { name: 'name', id: 'register-name', autocomplete: 'name', required: true }),
  field('E-mail', { name: 'email', id: 'register-email', type: 'email', autocomplete: 'email', required: true }),
  field('Password', { name: 'password', id: 'register-password', type: 'password', autocomplete: 'new-password', required: true }, 'At least 8 characters'),
  el('button', { type: 'submit' }, 'Register'));
  replace(view, heading('Sign in or register'),
    el('div', { class: 'columns' },
      el('section', { class: 'card', 'aria-labelledby': 'sign-in-heading' }, el('h2', { id: 'sign-in-heading' }, 'Sign in'), signInMessages, signInForm),
      el('section', { class: 'card', 'aria-labelledby': 'register-heading' }, el('h2', { id: 'register-heading' }, 'New here? Register'), registerMessages, registerForm)));
}

async function signIn(form, messages, email, password) {
  clearFormProblems(form);
  replace(messages, loading('Signing in…'));
  try {
    const token = (await api.post('/auth/token', { email, password })).body;
    const profile = await apiClient({ tokenOf: () => token.accessToken }).get('/customers/me');
    shopper.save(token.accessToken, token.expiresIn, profile);
    renderAccountLink();
    window.location.hash = cart.count() ? '#/checkout' : '#/';
  } catch (problem) {
    showProblemOnForm(form, problem, messages);
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('storage', renderCartCount);
renderCartCount();
renderAccountLink();
route();
