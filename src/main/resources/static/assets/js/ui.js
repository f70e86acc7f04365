// Small DOM helpers shared by both pages: building elements without innerHTML (nothing the API says is ever
// parsed as markup), showing problems, and formatting.

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

export function money(value) {
  if (!value) return '';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: value.currency }).format(Number(value.amount));
  } catch (unknownCurrency) {
    return `${value.amount} ${value.currency}`;
  }
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

export function statusBadge(status) {
  return el('span', { class: `badge badge-${String(status).toLowerCase()}`, 'data-status': status }, status);
}

export function loading(text = 'Loading…') {
  return el('p', { class: 'loading', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

export function empty(text) {
  return el('p', { class: 'empty' }, text);
}

/** A problem as a person reads it: its title, its detail, and each invalid field. */
export function problemMessage(problem) {
  const title = problem.title || 'Something went wrong';
  const detail = problem.detail && problem.detail !== title ? problem.detail : '';
  return el('div', { class: 'alert alert-error', role: 'alert' },
    el('strong', {}, title),
    detail ? el('p', {}, detail) : null,
    problem.errors?.length
      ? el('ul', {}, problem.errors.map((error) => el('li', {}, `${fieldLabel(error.field)}: ${error.message}`)))
      : null);
}

export function notice(text, kind = 'info') {
  return el('div', { class: `alert alert-${kind}`, role: 'status' }, text);
}

function fieldLabel(field) {
  const input = field && document.querySelector(`[name="${CSS.escape(field)}"]`);
  const label = input && input.labels && input.labels[0];
  return label ? label.textContent.replace(/\s*\(.*\)$/, '') : field;
}

/**
 * Shows a problem on a form: the message at the top, and each invalid field's message beside that field
 * (input name = the field's path in the request, e.g. shippingAddress.city).
 */
export function showProblemOnForm(form, problem, messages) {
  clearFormProblems(form);
  for (const error of problem.errors || []) {
    const input = form.elements.namedItem(error.field);
    if (!input || !input.id) continue;
    const hint = el('p', { class: 'field-error', id: `${input.id}-error` }, error.message);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', hint.id);
    input.after(hint);
  }
  replace(messages, problemMessage(problem));
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  (firstInvalid || messages).focus?.();
}

export function clearFormProblems(form) {
  form.querySelectorAll('.field-error').forEach((hint) => hint.remove());
  form.querySelectorAll('[aria-invalid]').forEach((input) => {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  });
}

export function field(label, attributes, hint) {
  const id = attributes.id || `field-${attributes.name.replace(/[^a-zA-Z0-9]/g, '-')}`;
  return el('div', { class: 'field' },
    el('label', { for: id }, label),
    hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    el(attributes.tag || 'input', { ...attributes, tag: undefined, id, 'aria-describedby': hint ? `${id}-hint` : undefined }));
}

/** Repeats a task while the page shows what it is for; stop() ends it. */
export function every(milliseconds, task) {
  let timer = null;
  let stopped = false;
  async function run() {
    if (stopped) return;
    try {
      await task();
    } catch (shownByTheTask) {
      // each task shows its own problems; the next run may succeed
    } finally {
      if (!stopped) timer = setTimeout(run, milliseconds);
    }
  }
  run();
  return { stop() { stopped = true; clearTimeout(timer); } };
}
