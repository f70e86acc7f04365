// Pictures the console draws as SVG, from what the API answers: the module map and the event backlog over time.
// Only attributes, never style attributes, so that the Content-Security-Policy needs no 'unsafe-inline'.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function picture(width, height, label) {
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'chart', preserveAspectRatio: 'xMidYMid meet' },
    svg('title', {}, label));
}

function shorten(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * The module map: the modules that run in the answering process inside its box, each remote one in a box of its
 * own with its URL, a line from each module to those it depends on, and each module's health in words.
 */
export function moduleMap(map) {
  const local = map.modules.filter((module) => module.location === 'LOCAL');
  const remote = map.modules.filter((module) => module.location === 'REMOTE');
  const width = 760;
  const node = { width: 150, height: 56 };
  const columns = remote.length ? 2 : 4;
  const rows = Math.ceil(local.length / columns) || 1;
  const localHeight = rows * (node.height + 22) + 50;
  const remoteHeight = remote.length * (node.height + 36) + 30;
  const height = Math.max(localHeight, remoteHeight) + 20;
  const places = new Map();
  local.forEach((module, index) => {
    places.set(module.name, { x: 30 + (index % columns) * (node.width + 24), y: 50 + Math.floor(index / columns) * (node.height + 22) });
  });
  remote.forEach((module, index) => {
    places.set(module.name, { x: width - node.width - 40, y: 30 + index * (node.height + 36) });
  });
  const regionWidth = 20 + columns * (node.width + 24);
  const summary = `${map.process}: ${local.length} modules here${remote.length ? `, ${remote.length} elsewhere (${remote.map((m) => m.name).join(', ')})` : ''}; `
    + `${map.modules.filter((m) => m.health !== 'UP').length} down`;
  const drawing = picture(width, height, `Module map. ${summary}`);
  drawing.append(svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
    svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#52606d' }))));
  drawing.append(svg('rect', { x: 10, y: 10, width: regionWidth, height: localHeight, rx: 14, class: 'region' }),
    svg('text', { x: 26, y: 34, class: 'region-label' }, `This process (${map.process})`));
  const centre = (name) => {
    const place = places.get(name);
    return { x: place.x + node.width / 2, y: place.y + node.height / 2 };
  };
  const edges = svg('g', { class: 'edges' });
  for (const module of map.modules) {
    for (const target of module.dependsOn || []) {
      if (!places.has(target)) continue;
      const from = centre(module.name);
      const to = centre(target);
      // End the arrow at the target box's border, not its centre.
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const scale = Math.min(Math.abs((node.width / 2) / (dx || 1e-9)), Math.abs((node.height / 2) / (dy || 1e-9)), 1);
      edges.append(svg('line', { x1: from.x, y1: from.y, x2: to.x - dx * scale, y2: to.y - dy * scale, 'marker-end': 'url(#arrow)' }));
    }
  }
  drawing.append(edges);
  for (const module of map.modules) {
    const place = places.get(module.name);
    const up = module.health === 'UP';
    drawing.append(svg('g', { class: `module ${module.location.toLowerCase()} ${up ? 'up' : 'down'}`, 'data-module': module.name },
      svg('rect', { x: place.x, y: place.y, width: node.width, height: node.height, rx: 8 }),
      svg('circle', { cx: place.x + 16, cy: place.y + 20, r: 6, class: 'health' }),
      svg('text', { x: place.x + 30, y: place.y + 25, class: 'name' }, module.name),
      svg('text', { x: place.x + 12, y: place.y + 45, class: 'detail' }, up ? 'UP' : 'DOWN', module.url ? ` · ${shorten(module.url.replace(/^https?:\/\//, ''), 17)}` : ' · local')));
  }
  return drawing;
}

/**
 * The event backlog over the last samples: publications not yet completed (waiting, in delivery or to be
 * retried) and failed ones, as two lines with their latest values in the legend.
 */
export function backlogChart(samples) {
  const width = 760;
  const height = 220;
  const margin = { left: 46, right: 16, top: 34, bottom: 30 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const latest = samples[samples.length - 1] || { backlog: 0, failed: 0 };
  const drawing = picture(width, height, `Event backlog over the last ${samples.length} samples: now ${latest.backlog} incomplete, ${latest.failed} failed`);
  const top = Math.max(4, ...samples.map((sample) => Math.max(sample.backlog, sample.failed)));
  const niceTop = Math.ceil(top / 4) * 4;
  const first = samples.length ? samples[0].at : Date.now();
  const span = Math.max((samples.length ? samples[samples.length - 1].at : first) - first, 1);
  const x = (at) => margin.left + ((at - first) / span) * plotWidth;
  const y = (value) => margin.top + plotHeight - (value / niceTop) * plotHeight;
  const axes = svg('g', { class: 'axes' });
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = (niceTop / 4) * tick;
    axes.append(svg('line', { x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value), class: 'grid' }),
      svg('text', { x: margin.left - 8, y: y(value) + 4, 'text-anchor': 'end' }, String(value)));
  }
  const seconds = Math.round(span / 1000);
  axes.append(svg('text', { x: margin.left, y: height - 8 }, samples.length > 1 ? `${seconds} s ago` : 'now'),
    svg('text', { x: width - margin.right, y: height - 8, 'text-anchor': 'end' }, 'now'));
  drawing.append(axes);
  for (const [series, label] of [['backlog', 'incomplete'], ['failed', 'failed']]) {
    if (samples.length === 1) {
      drawing.append(svg('circle', { cx: x(first), cy: y(samples[0][series]), r: 4, class: `series ${series}` }));
    } else if (samples.length > 1) {
      const points = samples.map((sample) => `${x(sample.at).toFixed(1)},${y(sample[series]).toFixed(1)}`).join(' ');
      drawing.append(svg('polyline', { points, class: `series ${series}`, 'data-label': label }));
    }
  }
  const legend = svg('g', { class: 'legend' });
  legend.append(svg('rect', { x: margin.left, y: 10, width: 14, height: 4, class: 'swatch backlog' }),
    svg('text', { x: margin.left + 20, y: 16 }, `incomplete: ${latest.backlog}`),
    svg('rect', { x: margin.left + 170, y: 10, width: 14, height: 4, class: 'swatch failed' }),
    svg('text', { x: margin.left + 190, y: 16 }, `failed: ${latest.failed}`));
  drawing.append(legend);
  return drawing;
}
