// The operations console: orders by status, the module map, event publications, shipments and stock,
// all through the public API with a staff member's token.
import { apiClient } from './api.js';
import { session } from './session.js';
import { el, replace, money, when, statusBadge, loading, empty, problemMessage, notice, showProblemOnForm, field, every } from './ui.js';
import { moduleMap, backlogChart } from './charts.js';

const staff = session('console');
const api = apiClient({ tokenOf: staff.token, onUnauthorized: () => signOut('Your session has ended: please sign in again.') });
const view = document.getElementById('view');
const nav = document.getElementById('console-nav');
const STATUSES = ['PLACED', 'RESERVED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'];
const BACKLOG_SAMPLES = 60;
const pollers = [];
const backlog = [];

function signOut(message) {
  staff.clear();
  pollers.splice(0).forEach((poller) => poller.stop());
  nav.hidden = true;
  signInView(message);
}

document.getElementById('sign-out').addEventListener('click', () => signOut());

// ---- sign in ----

function signInView(message) {
  const messages = el('div', { tabindex: '-1' }, message ? notice(message, 'info') : null);
  const form = el('form', { id: 'staff-sign-in', novalidate: true, class: 'card narrow-card', onsubmit: async (event) => {
    event.preventDefault();
    replace(messages, loading('Signing in…'));
    const email = form.elements.email.value.trim();
    try {
      const token = (await api.post('/auth/token', { email, password: form.elements.password.value })).body;
      const profile = await apiClient({ tokenOf: () => token.accessToken }).get('/customers/me');
      if (profile.role !== 'STAFF') {
        replace(messages, problemMessage({ title: 'Not a staff account', detail: `${email} is a customer account; the console is for staff.` }));
        return;
      }
      staff.save(token.accessToken, token.expiresIn, profile);
      dashboard();
    } catch (problem) {
      showProblemOnForm(form, problem, messages);
    }
  } },
  el('h2', {}, 'Staff sign in'), messages,
  field('E-mail', { name: 'email', id: 'staff-email', type: 'email', autocomplete: 'username', required: true }),
  field('Password', { name: 'password', id: 'staff-password', type: 'password', autocomplete: 'current-password', required: true }),
  el('button', { type: 'submit' }, 'Sign in'));
  replace(view, el('h1', { tabindex: '-1' }, 'Operations console'), form);
}

// ---- the dashboard: one section per concern, each refreshing itself ----

function section(id, title, ...children) {
  return el('section', { id, class: 'panel', 'aria-labelledby': `${id}-heading` }, el('h2', { id: `${id}-heading` }, title), ...children);
}

function dashboard() {
  nav.hidden = false;
  const profile = staff.profile();
  const counts = el('div', { 'aria-live': 'polite' }, loading());
  const map = el('div', {}, loading());
  const events = eventsPanel();
  const shipments = el('div', {}, loading());
  const stock = el('div', {}, loading());
  replace(view, el('h1', { tabindex: '-1' }, 'Operations console'),
    el('p', { class: 'meta' }, `Signed in as ${profile.name} (${profile.email}). Figures refresh by themselves.`),
    section('orders', 'Orders by status', counts),
    section('modules', 'Module map', map),
    section('events', 'Event publications', events.panel),
    section('shipments', 'Shipments', shipments),
    section('stock', 'Stock', stock));
  pollers.push(every(3000, () => showCounts(counts)), every(10000, () => showModules(map)), every(3000, () => showEvents(events)),
    every(5000, () => showShipments(shipments, false)));
  showStock(stock, '', 0);
  view.querySelector('h1').focus();
}

async function guarded(target, task) {
  try {
    await task();
  } catch (problem) {
    replace(target, problemMessage(problem));
  }
}

function showCounts(target) {
  return guarded(target, async () => {
    const counts = await api.get('/orders/counts');
    const total = STATUSES.reduce((sum, status) => sum + (counts[status] || 0), 0);
    replace(target, el('ul', { class: 'tiles' }, STATUSES.map((status) => el('li', { class: 'tile', 'data-status': status },
      el('span', { class: 'tile-value', id: `count-${status}` }, String(counts[status] || 0)),
      el('span', { class: 'tile-label' }, status.toLowerCase())))),
    el('p', { class: 'meta' }, `${total} order${total === 1 ? '' : 's'} in all.`));
  });
}

function showModules(target) {
  return guarded(target, async () => {
    const map = await api.get('/admin/modules');
    replace(target, el('figure', {}, moduleMap(map),
      el('figcaption', {}, 'Each box is a module; an arrow points to a module it depends on. Modules outside the process box run as services of their own.')),
    el('div', { class: 'table-wrap' }, el('table', { id: 'module-table' },
      el('caption', {}, 'Where each module runs'),
      el('thead', {}, el('tr', {}, ['Module', 'Runs', 'URL', 'Health', 'Depends on'].map((name) => el('th', { scope: 'col' }, name)))),
      el('tbody', {}, map.modules.map((module) => el('tr', { 'data-module': module.name },
        el('th', { scope: 'row' }, module.name), el('td', {}, module.location.toLowerCase()), el('td', { class: 'mono' }, module.url || '—'),
        el('td', {}, statusBadge(module.health)), el('td', {}, (module.dependsOn || []).join(', ') || '—')))))));
  });
}

// ---- event publications: backlog per listener module, over time, and the failed ones ----

function eventsPanel() {
  const chart = el('div', {}, loading());
  const table = el('div');
  const answers = el('div', { id: 'event-answers', 'aria-live': 'polite' });
  const failed = el('div');
  const panel = el('div', {}, chart, table, el('h3', {}, 'Failed publications'), answers, failed);
  return { panel, chart, table, failed, shown: null };
}

function showEvents(events) {
  return guarded(events.chart, async () => {
    const [summary, failed] = await Promise.all([api.get('/admin/events/summary'), api.get('/admin/events/failed')]);
    const perModule = new Map();
    for (const count of summary) {
      const row = perModule.get(count.module) || { incomplete: 0, failed: 0, completed: 0 };
      if (count.status === 'COMPLETED') row.completed += count.publications;
      else row.incomplete += count.publications;
      if (count.status === 'FAILED' || count.status === 'PARKED') row.failed += count.publications;
      perModule.set(count.module, row);
    }
    const rows = [...perModule.entries()].sort(([a], [b]) => a.localeCompare(b));
    backlog.push({ at: Date.now(), backlog: rows.reduce((sum, [, row]) => sum + row.incomplete, 0), failed: failed.length });
    if (backlog.length > BACKLOG_SAMPLES) backlog.shift();
    replace(events.chart, el('figure', {}, backlogChart(backlog),
      el('figcaption', {}, 'Publications not yet completed, and failed ones, sampled every 3 seconds while this page is open.')));
    replace(events.table, rows.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'backlog-table' },
      el('caption', {}, 'Backlog per listening module'),
      el('thead', {}, el('tr', {}, ['Module', 'Incomplete', 'Failed', 'Completed (kept)'].map((name) => el('th', { scope: 'col' }, name)))),
      el('tbody', {}, rows.map(([module, row]) => el('tr', { 'data-module': module }, el('th', { scope: 'row' }, module),
        el('td', {}, row.incomplete), el('td', {}, row.failed), el('td', {}, row.completed))))))
      : empty('No event publications yet.'));
    // Redrawn only when it changed, so that a button being used keeps its focus and state.
    const shown = failed.map((publication) => `${publication.id}:${publication.attempts}:${publication.parked}`).join(',');
    if (shown !== events.shown) {
      events.shown = shown;
      replace(events.failed, failed.length ? el('ul', { class: 'failed-list', id: 'failed-publications' }, failed.map(failedPublication))
        : empty('No failed publication: every listener keeps up.'));
    }
  });
}

function failedPublication(publication) {
  const [firstLine, ...rest] = String(publication.lastError || 'no error recorded').split('\n');
  const eventType = publication.eventType.split('.').pop();
  return el('li', { class: 'card failed', 'data-publication': publication.id, 'data-event-type': eventType },
    el('p', {}, statusBadge(publication.parked ? 'PARKED' : 'FAILED'), ' ', el('strong', {}, eventType), ` to ${publication.module}`,
      el('span', { class: 'meta' }, ` · ${publication.attempts} attempt${publication.attempts === 1 ? '' : 's'} · failed ${when(publication.failedAt)}`)),
    el('p', { class: 'mono listener' }, publication.listener),
    el('p', { class: 'error-line' }, firstLine),
    rest.length ? el('details', {}, el('summary', {}, 'Stack trace'), el('pre', {}, rest.join('\n'))) : null,
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: `retry-${publication.id}`, 'data-action': 'retry', onclick: (event) => retry(publication, event.target) }, 'Retry now'),
      el('button', { type: 'button', class: 'danger', id: `discard-${publication.id}`, 'data-action': 'discard', onclick: (event) => discard(publication, event.target) }, 'Discard…')));
}

async function retry(publication, button) {
  const answers = document.getElementById('event-answers');
  button.disabled = true;
  try {
    await api.post(`/admin/events/${publication.id}/retry`);
    replace(answers, notice(`Resubmitted ${publication.eventType.split('.').pop()} to ${publication.module}: it is delivered again now.`, 'success'));
  } catch (problem) {
    replace(answers, problemMessage(problem));
    button.disabled = false;
  }
}

async function discard(publication, button) {
  const answers = document.getElementById('event-answers');
  if (button.dataset.confirming !== 'true') {
    button.dataset.confirming = 'true';
    button.textContent = 'Discard for good: its listener never gets the event';
    return;
  }
  button.disabled = true;
  try {
    await api.post(`/admin/events/${publication.id}/discard`);
    replace(answers, notice(`Discarded ${publication.eventType.split('.').pop()} to ${publication.module}; the audit log has it.`, 'success'));
  } catch (problem) {
    replace(answers, problemMessage(problem));
    button.disabled = false;
  }
}

// ---- shipments: the paid and shipped orders' shipments, to dispatch and to deliver ----

async function showShipments(target, force) {
  // A refresh would wipe a tracking number being typed.
  if (!force && target.contains(document.activeElement) && document.activeElement.tagName === 'INPUT') return;
  await guarded(target, async () => {
    const [paid, shipped] = await Promise.all([
      api.get('/orders', { status: 'PAID', size: 20 }), api.get('/orders', { status: 'SHIPPED', size: 20 })]);
    const orders = [...paid.content, ...shipped.content];
    const shipments = (await Promise.all(orders.map((order) => api.get('/shipments', { orderId: order.id }))))
      .flat()
      .filter((shipment) => shipment.status === 'PENDING' || shipment.status === 'DISPATCHED');
    const answers = el('div', { id: 'shipment-answers', 'aria-live': 'polite' });
    const refresh = el('button', { type: 'button', class: 'secondary', onclick: () => showShipments(target, true) }, 'Refresh');
    if (!shipments.length) {
      replace(target, empty('Nothing to dispatch or deliver.'), refresh);
      return;
    }
    replace(target, answers, el('ul', { class: 'shipments' }, shipments.map((shipment) => shipmentCard(shipment, answers, () => showShipments(target, true)))), refresh);
  });
}

function shipmentCard(shipment, answers, refresh) {
  const address = shipment.address || {};
  const act = async (button, path, body) => {
    button.disabled = true;
    try {
      const done = (await api.post(`/shipments/${shipment.id}/${path}`, body)).body;
      replace(answers, notice(`Shipment for order ${shipment.orderId.slice(0, 8)} is ${done.status.toLowerCase()}.`, 'success'));
      await refresh();
    } catch (problem) {
      replace(answers, problemMessage(problem));
      button.disabled = false;
    }
  };
  let action;
  if (shipment.status === 'PENDING') {
    const form = el('form', { class: 'inline-form', novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      const trackingNumber = form.elements.trackingNumber.value.trim();
      const button = form.querySelector('button');
      button.disabled = true;
      try {
        await api.post(`/shipments/${shipment.id}/dispatch`, { trackingNumber });
        replace(answers, notice(`Shipment for order ${shipment.orderId.slice(0, 8)} is dispatched.`, 'success'));
        await refresh();
      } catch (problem) {
        showProblemOnForm(form, problem, answers);
        button.disabled = false;
      }
    } },
    field('Tracking number', { name: 'trackingNumber', id: `tracking-${shipment.id}`, maxlength: '64', required: true }),
    el('button', { type: 'submit', 'data-action': 'dispatch' }, 'Dispatch'));
    action = form;
  } else {
    action = el('button', { type: 'button', 'data-action': 'deliver', onclick: (event) => act(event.target, 'deliver') }, 'Mark delivered');
  }
  return el('li', { class: 'card shipment', 'data-order': shipment.orderId, 'data-shipment': shipment.id },
    el('p', {}, statusBadge(shipment.status), ' Order ', el('span', { class: 'mono' }, shipment.orderId.slice(0, 8)),
      shipment.trackingNumber ? [' · tracking ', el('span', { class: 'mono' }, shipment.trackingNumber)] : null),
    el('p', { class: 'meta' }, [address.name, address.city, address.country].filter(Boolean).join(', '), ` · since ${when(shipment.createdAt)}`),
    action);
}

// ---- stock: the catalog's products with their stock, and restocking ----

async function showStock(target, q, page) {
  await guarded(target, async () => {
    const products = await api.get('/products', { q, page, size: 10 });
    const levels = await Promise.all(products.content.map((product) => api.get(`/inventory/${encodeURIComponent(product.sku)}`)
      .catch((problem) => ({ sku: product.sku, problem }))));
    const answers = el('div', { id: 'stock-answers', 'aria-live': 'polite' });
    const search = el('form', { class: 'search', role: 'search', onsubmit: (event) => {
      event.preventDefault();
      showStock(target, event.target.elements.q.value.trim(), 0);
    } },
    el('label', { for: 'stock-search' }, 'Find products'),
    el('div', { class: 'inline' }, el('input', { id: 'stock-search', name: 'q', type: 'search', value: q, maxlength: '100' }),
      el('button', { type: 'submit' }, 'Find')));
    if (!products.content.length) {
      replace(target, search, empty(q ? `No product matches “${q}”.` : 'The catalog is empty.'));
      return;
    }
    const rows = products.content.map((product, index) => {
      const level = levels[index];
      const form = el('form', { class: 'inline-form', novalidate: true, onsubmit: async (event) => {
        event.preventDefault();
        const button = form.querySelector('button');
        button.disabled = true;
        try {
          const restocked = (await api.post(`/inventory/${encodeURIComponent(product.sku)}/restock`, { quantity: Number(form.elements.quantity.value) })).body;
          replace(answers, notice(`${product.sku} now has ${restocked.available} available.`, 'success'));
          await showStock(target, q, page);
        } catch (problem) {
          showProblemOnForm(form, problem, answers);
          button.disabled = false;
        }
      } },
      el('label', { class: 'visually-hidden', for: `restock-${product.sku}` }, `Quantity to add to ${product.sku}`),
      el('input', { id: `restock-${product.sku}`, name: 'quantity', type: 'number', min: '1', max: '1000000', value: '10', class: 'narrow' }),
      el('button', { type: 'submit', class: 'secondary' }, 'Restock'));
      return el('tr', { 'data-sku': product.sku },
        el('th', { scope: 'row' }, product.sku, el('br'), el('span', { class: 'meta' }, product.name)),
        el('td', {}, money(product.price)),
        level.problem ? el('td', { colspan: '3' }, level.problem.title)
          : [el('td', {}, level.onHand), el('td', {}, level.reserved), el('td', { class: 'available' }, level.available)],
        el('td', {}, form));
    });
    const pages = products.page;
    replace(target, search, answers,
      el('div', { class: 'table-wrap' }, el('table', { id: 'stock-table' },
        el('caption', {}, `Stock, page ${pages.number + 1} of ${Math.max(pages.totalPages, 1)}`),
        el('thead', {}, el('tr', {}, ['Product', 'Price', 'On hand', 'Reserved', 'Available', 'Restock'].map((name) => el('th', { scope: 'col' }, name)))),
        el('tbody', {}, rows))),
      el('nav', { class: 'pager', 'aria-label': 'Stock pages' },
        pages.number > 0 ? el('button', { type: 'button', class: 'secondary', onclick: () => showStock(target, q, pages.number - 1) }, '← Previous') : el('span'),
        pages.number + 1 < pages.totalPages ? el('button', { type: 'button', class: 'secondary', onclick: () => showStock(target, q, pages.number + 1) }, 'Next →') : el('span')));
  });
}

if (staff.signedIn()) dashboard();
else signInView();
