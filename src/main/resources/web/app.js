'use strict';
// Armscope front end: every page is built from the JSON API; text is only ever inserted with
// textContent / createTextNode, never as HTML, because article text and names are untrusted.

const FACT_TYPES = ['TRANSFER', 'PRODUCTION', 'AGREEMENT', 'TRAINING', 'AID', 'MAINTENANCE', 'DISPOSAL',
  'PROCUREMENT', 'MEMBERSHIP', 'COMPETITION', 'ACCUSATION', 'COOPERATION'];

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function main() { return document.getElementById('main'); }
function show(...nodes) { main().replaceChildren(...nodes); }

function argLabel(a) {
  if (typeof a === 'string') return a;
  if (Array.isArray(a)) return a.map(argLabel).join(', ');
  if (a.kind === 'CATEGORY') return a.category + (a.text ? ' (' + a.text + ')' : '');
  return a.name + (a.country && a.kind !== 'COUNTRY' ? ' [' + a.country + ']' : '');
}

function factCard(f) {
  const roles = el('div', {});
  for (const [role, value] of Object.entries(f.roles)) {
    roles.append(el('div', {}, el('span', { class: 'muted' }, role + ': '), argLabel(value)));
  }
  const extra = [];
  if (f.time) extra.push('time ' + f.time.start + (f.time.end === null ? ' →' : (f.time.end !== f.time.start ? '–' + f.time.end : '')));
  if (f.quantity) extra.push('quantity ' + f.quantity.bound + ' ' + f.quantity.value);
  if (f.money) extra.push('money ' + f.money.bound + ' ' + f.money.amount + ' ' + f.money.currency + (f.money.per ? '/' + f.money.per : ''));
  if (f.source) extra.push('source ' + argLabel(f.source));
  return el('div', { class: 'fact', 'data-type': f.type },
    el('span', { class: 'type' }, f.type), ' ', el('span', { class: 'muted' }, f.modality + ' · confidence ' + f.confidence),
    roles, extra.length ? el('div', { class: 'muted' }, extra.join(' · ')) : null,
    f.evidence ? el('div', { class: 'evidence', dir: 'auto' }, '“' + f.evidence.text + '”') : null);
}

async function searchPage(params) {
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  const qs = new URLSearchParams();
  for (const k of ['q', 'type', 'country', 'lang']) if (params.get(k)) qs.set(k, params.get(k));
  const r = await api('/api/search?' + qs);
  const list = el('div', { id: 'results' });
  for (const h of r.hits) {
    list.append(el('div', { class: 'hit' },
      el('a', { href: '#/doc/' + encodeURIComponent(h.id), class: 'hit-title', dir: 'auto' }, h.title || h.id),
      el('div', { class: 'meta' }, [h.id, h.lang, h.date].filter(Boolean).join(' · ')),
      el('div', { dir: 'auto' }, h.snippet)));
  }
  show(el('h2', {}, q ? 'Results for “' + q + '”' : 'All documents'),
    el('p', { class: 'muted' }, r.hits.length + ' documents' + (r.entities.length ? ' · entities: ' + r.entities.join(', ') : '')),
    list);
}

function highlighted(text, mentions, facts) {
  // Paragraph by paragraph, mentions wrapped in spans; offsets index the cleaned text.
  const container = el('div', {});
  const evidence = facts.filter(f => f.evidence).map(f => [f.evidence.start, f.evidence.end]);
  let offset = 0;
  for (const para of text.split('\n')) {
    const p = el('p', { dir: 'auto' });
    const start = offset, end = offset + para.length;
    let pos = start;
    for (const m of mentions.filter(m => m.start >= start && m.end <= end)) {
      if (m.start < pos) continue;
      p.append(document.createTextNode(text.slice(pos, m.start)));
      const inEv = evidence.some(([a, b]) => m.start >= a && m.end <= b);
      p.append(el('span', { class: 'm m-' + m.kind + (inEv ? ' ev' : ''), title: m.entity, 'data-entity': m.entity }, text.slice(m.start, m.end)));
      pos = m.end;
    }
    p.append(document.createTextNode(text.slice(pos, end)));
    container.append(p);
    offset = end + 1;
  }
  return container;
}

async function docPage(id) {
  const d = await api('/api/documents/' + encodeURIComponent(id));
  const facts = el('section', { id: 'facts' }, el('h3', {}, 'Facts (' + d.facts.length + ')'), ...d.facts.map(factCard));
  show(el('article', { class: 'doc', dir: d.rtl ? 'rtl' : 'ltr', lang: d.lang || '' },
      el('h2', { dir: 'auto' }, d.title || d.id),
      el('div', { class: 'muted', dir: 'ltr' }, [d.id, d.lang, d.date, d.site, d.author].filter(Boolean).join(' · ')),
      highlighted(d.text, d.mentions, d.facts)),
    facts);
}

async function factsPage(params) {
  const qs = new URLSearchParams();
  for (const k of ['type', 'country', 'modality', 'name']) if (params.get(k)) qs.set(k, params.get(k));
  const r = await api('/api/facts?' + qs);
  const filters = el('form', { id: 'fact-filters' });
  const type = el('select', { name: 'type' }, el('option', { value: '' }, 'any type'), ...FACT_TYPES.map(t => el('option', { value: t }, t)));
  type.value = params.get('type') || '';
  const country = el('input', { name: 'country', placeholder: 'country (ISO)', value: params.get('country') || '' });
  filters.append(type, country, el('button', { type: 'submit' }, 'Filter'));
  filters.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = new URLSearchParams();
    if (type.value) p.set('type', type.value);
    if (country.value) p.set('country', country.value.trim().toUpperCase());
    location.hash = '#/facts?' + p;
  });
  const table = el('table', { id: 'facts-table' }, el('tr', {}, ...['document', 'type', 'roles', 'modality', 'time', 'evidence'].map(h => el('th', {}, h))));
  for (const f of r.facts) {
    table.append(el('tr', {},
      el('td', {}, el('a', { href: '#/doc/' + encodeURIComponent(f.doc) }, f.doc)),
      el('td', {}, f.type),
      el('td', {}, Object.entries(f.roles).map(([k, v]) => k + ': ' + argLabel(v)).join('; ')),
      el('td', {}, f.modality),
      el('td', {}, f.time ? f.time.start : ''),
      el('td', { dir: 'auto' }, f.evidence ? f.evidence.text : '')));
  }
  show(el('h2', {}, 'Facts'), filters, el('p', { class: 'muted' }, r.facts.length + ' facts'), table);
}

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  try {
    if (path.startsWith('/doc/')) await docPage(decodeURIComponent(path.slice(5)));
    else if (path === '/facts') await factsPage(params);
    else await searchPage(params);
  } catch (e) {
    show(el('p', { class: 'error' }, 'Error: ' + e.message));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const sel = document.getElementById('f-type');
  for (const t of FACT_TYPES) sel.append(el('option', { value: t }, t));
  document.getElementById('search-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const p = new URLSearchParams();
    const q = document.getElementById('q').value.trim();
    if (q) p.set('q', q);
    if (sel.value) p.set('type', sel.value);
    const c = document.getElementById('f-country').value.trim();
    if (c) p.set('country', c.toUpperCase());
    location.hash = '#/search?' + p;
  });
  window.addEventListener('hashchange', route);
  route();
});
