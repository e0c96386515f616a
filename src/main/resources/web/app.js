'use strict';
// Armscope front end. Every page is built from the JSON API (described at /openapi.json); text is
// only ever inserted with textContent / createTextNode, never as HTML, because article text, names,
// comments and queries are untrusted. Graph and chart labels are drawn on canvas.

const FACT_TYPES = ['TRANSFER', 'PRODUCTION', 'AGREEMENT', 'TRAINING', 'AID', 'MAINTENANCE', 'DISPOSAL',
  'PROCUREMENT', 'MEMBERSHIP', 'COMPETITION', 'ACCUSATION', 'COOPERATION'];
const MODALITIES = ['asserted', 'planned', 'possible', 'hypothetical', 'alleged', 'denied'];
const LANGS = ['ru', 'uk', 'ar', 'en', 'tr', 'kk'];
const state = { user: null, csrf: null, anonymousRead: false, commentMax: 2000, reasons: [], doc: null };

// ---------- small DOM helpers ----------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function main() { return document.getElementById('main'); }
function show(...nodes) { main().replaceChildren(...nodes); }
function can(role) {
  const order = ['viewer', 'analyst', 'moderator', 'admin'];
  return state.user !== null && order.indexOf(state.user.role) >= order.indexOf(role);
}
function chars(s) { return [...s].length; }   // what a reader counts: code points, as the server does

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  opts.headers = Object.assign({ Accept: 'application/json' }, opts.headers);
  if (opts.body !== undefined && typeof opts.body !== 'string') {
    opts.body = JSON.stringify(opts.body);
    opts.headers['Content-Type'] = 'application/json';
  }
  if (opts.method && opts.method !== 'GET' && state.csrf) opts.headers['X-CSRF-Token'] = state.csrf;
  const r = await fetch(path, opts);
  const text = await r.text();
  let body = {};
  try { body = text ? JSON.parse(text) : {}; } catch (e) { body = { error: text }; }
  if (!r.ok) {
    const err = new Error(body.error || r.statusText);
    err.status = r.status;
    throw err;
  }
  return body;
}

/** The parameters among `keys` that are set: for the API call and the page's share link. */
function pick(params, keys) {
  const qs = new URLSearchParams();
  for (const k of keys) if (params.get(k)) qs.set(k, params.get(k));
  return qs;
}

function permalink(hash) { return location.origin + '/' + hash; }

function shareBar(hash, title) {
  const url = permalink(hash);
  const status = el('span', { class: 'muted share-status' });
  const copy = el('button', { type: 'button', class: 'linkish copy-link', onclick: async () => {
    try { await navigator.clipboard.writeText(url); status.textContent = 'link copied'; }
    catch (e) { status.textContent = url; }
  } }, 'Copy link');
  const tg = el('a', { class: 'telegram', target: '_blank', rel: 'noopener noreferrer',
    href: 'https://t.me/share/url?url=' + encodeURIComponent(url) + '&text=' + encodeURIComponent(title || '') }, 'Share to Telegram');
  return el('div', { class: 'share' }, el('input', { class: 'permalink', readonly: true, value: url, size: 40, 'aria-label': 'Link' }), copy, tg, status);
}

function subscribeButton(query, label) {
  if (!can('analyst')) return null;
  const status = el('span', { class: 'muted' });
  return el('span', {}, el('button', { type: 'button', class: 'subscribe', onclick: () => subscribeDialog(query, label, status) }, 'Stay informed'), ' ', status);
}

function subscribeDialog(query, label, status) {
  const webhook = el('input', { name: 'webhook', type: 'url', placeholder: 'https://example.org/hook (optional)', size: 40 });
  const name = el('input', { name: 'label', value: label || '', size: 40 });
  const msg = el('div', { class: 'form-error' });
  openDialog(el('form', { method: 'dialog', class: 'subscribe-form', onsubmit: async ev => {
    ev.preventDefault();
    try {
      const s = await api('/api/subscriptions', { method: 'POST', body: Object.assign({}, query, { label: name.value, webhook: webhook.value }) });
      closeDialog();
      status.replaceChildren('Subscribed: ', el('a', { href: s.feed, class: 'feed-link' }, 'Atom feed'),
        s.secret ? ' · webhook secret (shown once): ' + s.secret : '');
    } catch (e) { msg.textContent = e.message; }
  } },
  el('h3', {}, 'Stay informed'),
  el('div', { class: 'row' }, el('label', {}, 'Name ', name)),
  el('div', { class: 'row' }, el('label', {}, 'Webhook ', webhook)),
  el('p', { class: 'muted' }, 'New matching articles appear in an Atom feed; with a webhook address each is also POSTed, signed with HMAC-SHA256.'),
  msg, el('button', { type: 'submit' }, 'Subscribe'), ' ', el('button', { type: 'button', onclick: closeDialog }, 'Cancel')));
}

function openDialog(content) {
  const d = document.getElementById('dialog');
  d.replaceChildren(content);
  if (!d.open) d.showModal();
}
function closeDialog() { const d = document.getElementById('dialog'); if (d.open) d.close(); }

// ---------- account ----------

async function loadSession() {
  const s = await api('/api/session');
  state.user = s.user; state.csrf = s.csrf; state.anonymousRead = s.anonymous_read; state.commentMax = s.comment_max;
  renderAccount();
}

function renderAccount() {
  const a = document.getElementById('account');
  if (state.user) {
    a.replaceChildren(el('span', { class: 'who' }, state.user.name + ' (' + state.user.role + ')'),
      el('button', { type: 'button', id: 'sign-out', onclick: async () => {
        await api('/api/session', { method: 'DELETE' }); state.user = null; state.csrf = null; renderAccount(); route();
      } }, 'Sign out'));
  } else {
    a.replaceChildren(el('a', { href: '#/login', id: 'sign-in-link' }, 'Sign in'));
  }
  for (const [cls, role] of [['needs-analyst', 'analyst'], ['needs-moderator', 'moderator'], ['needs-admin', 'admin']]) {
    document.querySelectorAll('.' + cls).forEach(n => { n.hidden = !can(role); });
  }
}

function loginPage(params) {
  const name = el('input', { name: 'name', id: 'login-name', autocomplete: 'username', required: true });
  const pass = el('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const msg = el('p', { class: 'form-error' });
  show(el('h2', {}, 'Sign in'), el('form', { id: 'login-form', onsubmit: async ev => {
    ev.preventDefault();
    try {
      const r = await api('/api/session', { method: 'POST', body: { name: name.value, password: pass.value } });
      state.user = r.user; state.csrf = r.csrf; renderAccount();
      location.hash = params.get('next') || '#/';
    } catch (e) { msg.textContent = e.message; }
  } }, el('p', {}, el('label', {}, 'User ', name)), el('p', {}, el('label', {}, 'Password ', pass)), msg,
  el('button', { type: 'submit' }, 'Sign in')));
}

// ---------- facts ----------

function argLabel(a) {
  if (typeof a === 'string') return a;
  if (Array.isArray(a)) return a.map(argLabel).join(', ');
  if (a.kind === 'CATEGORY') return a.category + (a.text ? ' (' + a.text + ')' : '');
  return a.name + (a.country && a.kind !== 'COUNTRY' ? ' [' + a.country + ']' : '');
}

function argLink(a) {
  if (Array.isArray(a)) return a.flatMap((x, i) => i ? [', ', argLink(x)] : [argLink(x)]);
  if (typeof a === 'string' || !a.kind || a.kind === 'CATEGORY') return argLabel(a);
  const id = a.kind === 'COUNTRY' ? 'COUNTRY:' + a.name : null;
  return id ? el('a', { href: '#/entity/' + encodeURIComponent(id) }, argLabel(a)) : argLabel(a);
}

function factCard(f, opts) {
  const roles = el('div', {});
  for (const [role, value] of Object.entries(f.roles)) roles.append(el('div', {}, el('span', { class: 'muted' }, role + ': '), argLink(value)));
  const extra = [];
  if (f.time) extra.push('time ' + f.time.start + (f.time.end === null ? ' →' : (f.time.end !== f.time.start ? '–' + f.time.end : '')));
  if (f.quantity) extra.push('quantity ' + f.quantity.bound + ' ' + f.quantity.value);
  if (f.money) extra.push('money ' + f.money.bound + ' ' + f.money.amount + ' ' + f.money.currency + (f.money.per ? '/' + f.money.per : ''));
  if (f.source) extra.push('source ' + argLabel(f.source));
  const actions = el('div', { class: 'fact-actions' });
  if (opts && opts.doc) {
    actions.append(el('a', { href: '#/doc/' + encodeURIComponent(f.doc) + '?fact=' + encodeURIComponent(f.fact_id), class: 'fact-link' }, 'Link to this fact'));
    if (can('analyst')) {
      actions.append(el('button', { type: 'button', class: 'linkish comment-on-fact', onclick: () => {
        const sel = document.getElementById('comment-fact'); if (sel) { sel.value = f.fact_id; document.getElementById('comment-body').focus(); }
      } }, 'Comment'));
      actions.append(el('button', { type: 'button', class: 'linkish report-fact', onclick: () => reportDialog(opts.doc, f, null) }, 'Report an error'));
    }
  }
  return el('div', { class: 'fact', 'data-type': f.type, 'data-fact': f.fact_id || '', id: f.fact_id ? 'fact-' + f.fact_id : null },
    el('span', { class: 'type' }, f.type), ' ', el('span', { class: 'muted modality' }, f.modality + ' · confidence ' + f.confidence),
    roles, extra.length ? el('div', { class: 'muted' }, extra.join(' · ')) : null,
    f.evidence ? el('div', { class: 'evidence', dir: 'auto' }, '“' + f.evidence.text + '”') : null, actions);
}

// ---------- search ----------

function markedSnippet(text, highlights) {
  const out = el('div', { dir: 'auto', class: 'snippet' });
  let pos = 0;
  for (const [a, b] of highlights || []) {
    if (a < pos || b > text.length) continue;
    out.append(text.slice(pos, a), el('mark', {}, text.slice(a, b)));
    pos = b;
  }
  out.append(text.slice(pos));
  return out;
}

function filterForm(params, fields, target) {
  const form = el('form', { class: 'filters', id: 'search-filters' });
  const inputs = {};
  const sel = (name, label, values) => {
    const s = el('select', { name }, el('option', { value: '' }, label), ...values.map(v => el('option', { value: v }, v)));
    s.value = params.get(name) || '';
    inputs[name] = s; return s;
  };
  const inp = (name, placeholder, size, type) => {
    const i = el('input', { name, placeholder, size, type: type || 'text', value: params.get(name) || '' });
    inputs[name] = i; return i;
  };
  if (fields.includes('lang')) form.append(sel('lang', 'any language', LANGS));
  if (fields.includes('type')) form.append(sel('type', 'any fact', FACT_TYPES));
  if (fields.includes('modality')) form.append(sel('modality', 'any modality', MODALITIES));
  if (fields.includes('country')) form.append(inp('country', 'country (ISO)', 8));
  if (fields.includes('weapon')) form.append(inp('weapon', 'weapon system', 12));
  if (fields.includes('from')) form.append(el('label', {}, 'from ', inp('from', 'YYYY[-MM[-DD]]', 11)));
  if (fields.includes('to')) form.append(el('label', {}, 'to ', inp('to', 'YYYY[-MM[-DD]]', 11)));
  form.append(el('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = new URLSearchParams();
    if (params.get('q')) p.set('q', params.get('q'));
    for (const [k, i] of Object.entries(inputs)) if (i.value.trim()) p.set(k, k === 'country' ? i.value.trim().toUpperCase() : i.value.trim());
    location.hash = target + '?' + p;
  });
  return form;
}

async function searchPage(params) {
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  const qs = pick(params, ['q', 'type', 'country', 'lang', 'weapon', 'modality', 'from', 'to']);
  const r = await api('/api/search?' + qs);
  const list = el('div', { id: 'results' });
  for (const h of r.hits) {
    list.append(el('div', { class: 'hit' },
      el('a', { href: '#/doc/' + encodeURIComponent(h.id), class: 'hit-title', dir: 'auto' }, h.title || h.id),
      el('div', { class: 'muted' }, [h.id, h.lang, h.date].filter(Boolean).join(' · ')),
      markedSnippet(h.snippet, h.highlights)));
  }
  const entities = r.entities.length ? el('span', {}, ' · entities: ',
    r.entities.flatMap((id, i) => [i ? ', ' : '', el('a', { href: '#/entity/' + encodeURIComponent(id) }, id)])) : null;
  show(el('h2', {}, q ? 'Results for “' + q + '”' : 'All documents'),
    filterForm(params, ['lang', 'type', 'modality', 'country', 'weapon', 'from', 'to'], '#/search'),
    el('p', { class: 'muted' }, r.hits.length + ' documents', entities),
    el('div', { class: 'share' }, shareBar('#/search?' + qs, q), subscribeButton({ q: q || null, country_a: params.get('country'), type: params.get('type') }, q)),
    list);
}

// ---------- article ----------

function highlighted(text, mentions, facts) {
  // Paragraph by paragraph; each <p> knows where it starts in the cleaned text, so a selection maps back to exact offsets.
  const container = el('div', { id: 'doc-text' });
  const evidence = facts.filter(f => f.evidence).map(f => [f.evidence.start, f.evidence.end]);
  let offset = 0;
  for (const para of text.split('\n')) {
    const p = el('p', { dir: 'auto', 'data-start': offset });
    const start = offset, end = offset + para.length;
    let pos = start;
    for (const m of mentions.filter(m => m.start >= start && m.end <= end)) {
      if (m.start < pos) continue;
      p.append(document.createTextNode(text.slice(pos, m.start)));
      const inEv = evidence.some(([a, b]) => m.start >= a && m.end <= b);
      p.append(el('a', { class: 'm m-' + m.kind + (inEv ? ' ev' : ''), title: m.name + ' · ' + m.entity, 'data-entity': m.entity,
        href: '#/entity/' + encodeURIComponent(m.entity) }, text.slice(m.start, m.end)));
      pos = m.end;
    }
    p.append(document.createTextNode(text.slice(pos, end)));
    container.append(p);
    offset = end + 1;
  }
  return container;
}

function offsetIn(node, offset) {
  const host = (node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode).closest('#doc-text p[data-start]');
  if (!host) return null;
  const r = document.createRange();
  r.setStart(host, 0);
  r.setEnd(node, offset);
  return Number(host.dataset.start) + r.toString().length;
}

/** The current selection inside the article as offsets into the cleaned text, or null. */
function articleSelection() {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !state.doc) return null;
  const r = sel.getRangeAt(0);
  const a = offsetIn(r.startContainer, r.startOffset);
  const b = offsetIn(r.endContainer, r.endOffset);
  if (a === null || b === null || b <= a) return null;
  return { start: a, end: b, text: state.doc.text.slice(a, b) };
}

function reportDialog(doc, fact, selection) {
  if (!can('analyst')) { location.hash = '#/login?next=' + encodeURIComponent(location.hash); return; }
  selection = selection || (fact && fact.evidence ? { start: fact.evidence.start, end: fact.evidence.end, text: doc.text.slice(fact.evidence.start, fact.evidence.end) } : null);
  if (!selection) { alert('Select the wrong text in the article first, then press Ctrl+Enter.'); return; }
  const overlapping = doc.facts.filter(f => f.evidence && f.evidence.start < selection.end && f.evidence.end > selection.start);
  const candidates = fact ? [fact] : (overlapping.length ? overlapping : doc.facts);
  const factSel = el('select', { name: 'fact', id: 'report-fact' }, el('option', { value: '' }, '(an entity, not a fact)'),
    ...candidates.map(f => el('option', { value: f.fact_id }, f.type + ': ' + Object.values(f.roles).map(argLabel).join(' / ').slice(0, 80))));
  if (candidates.length && (fact || overlapping.length)) factSel.value = candidates[0].fact_id;
  const action = el('select', { name: 'action', id: 'report-action' },
    el('option', { value: 'reject' }, 'the text does not state this fact'),
    el('option', { value: 'modality' }, 'the modality is wrong'),
    el('option', { value: 'role' }, 'a role has the wrong actor or item'),
    el('option', { value: 'entity' }, 'the selected name is linked to the wrong entity'),
    el('option', { value: 'note' }, 'something else (explain in the note)'));
  const modality = el('select', { name: 'modality', id: 'report-modality' }, ...MODALITIES.map(m => el('option', { value: m }, m)));
  const role = el('input', { name: 'role', id: 'report-role', placeholder: 'role, e.g. supplier', size: 14 });
  const kind = el('select', { name: 'kind', id: 'report-kind' }, ...['COUNTRY', 'ORG', 'PERSON', 'WEAPON'].map(k => el('option', { value: k }, k)));
  const value = el('input', { name: 'value', id: 'report-value', placeholder: 'ISO code or name', size: 20 });
  const entity = el('input', { name: 'entity', id: 'report-entity', placeholder: 'entity id, e.g. COUNTRY:KZ (empty: not a name)', size: 30 });
  const note = el('textarea', { name: 'note', id: 'report-note', placeholder: 'What is wrong? (optional)' });
  const msg = el('div', { class: 'form-error', id: 'report-error' });
  const extra = el('div', { class: 'row' });
  const refresh = () => {
    extra.replaceChildren();
    if (action.value === 'modality') extra.append('modality: ', modality);
    if (action.value === 'role') extra.append(role, ' ', kind, ' ', value);
    if (action.value === 'entity') extra.append(entity);
  };
  action.addEventListener('change', refresh);
  factSel.addEventListener('change', () => { if (!factSel.value && action.value !== 'note') action.value = 'entity'; refresh(); });
  if (!factSel.value) action.value = 'entity';
  refresh();
  openDialog(el('form', { id: 'report-form', onsubmit: async ev => {
    ev.preventDefault();
    let proposal = null;
    const fid = factSel.value || null;
    if (action.value === 'reject' || action.value === 'modality' || action.value === 'role') {
      if (!fid) { msg.textContent = 'choose the fact'; return; }
      proposal = { action: action.value, fact_id: fid };
      if (action.value === 'modality') proposal.modality = modality.value;
      if (action.value === 'role') {
        proposal.role = role.value.trim();
        proposal.value = kind.value === 'COUNTRY' ? { kind: 'COUNTRY', name: value.value.trim().toUpperCase() } : { kind: kind.value, name: value.value.trim() };
      }
    } else if (action.value === 'entity') {
      proposal = { action: 'entity', start: selection.start, end: selection.end, entity: entity.value.trim() || null };
    }
    try {
      await api('/api/reports', { method: 'POST', body: { doc: doc.id, start: selection.start, end: selection.end, selection: selection.text,
        fact_id: fid, proposal, note: note.value } });
      closeDialog();
      const s = document.getElementById('report-status');
      if (s) s.textContent = 'Thank you: the report was sent to the reviewers.';
    } catch (e) { msg.textContent = e.message; }
  } },
  el('h3', {}, 'Report an error'),
  el('blockquote', { dir: 'auto', id: 'report-selection' }, selection.text),
  el('div', { class: 'muted' }, 'characters ' + selection.start + '–' + selection.end),
  el('div', { class: 'row' }, 'fact: ', factSel), el('div', { class: 'row' }, 'problem: ', action), extra,
  el('div', { class: 'row' }, note), msg,
  el('button', { type: 'submit' }, 'Send report'), ' ', el('button', { type: 'button', onclick: closeDialog }, 'Cancel')));
}

function commentForm(doc, refresh) {
  if (!can('analyst')) return el('p', { class: 'muted' }, el('a', { href: '#/login?next=' + encodeURIComponent(location.hash) }, 'Sign in'), ' as an analyst to comment.');
  const body = el('textarea', { id: 'comment-body', name: 'body', dir: 'auto', placeholder: 'Your comment', 'aria-describedby': 'comment-counter' });
  const counter = el('div', { class: 'counter', id: 'comment-counter', 'aria-live': 'polite' });
  const update = () => {
    const left = state.commentMax - chars(body.value);
    counter.textContent = left + ' characters left';
    counter.classList.toggle('over', left < 0);
  };
  body.addEventListener('input', update);
  update();
  const target = el('select', { id: 'comment-fact', name: 'fact' }, el('option', { value: '' }, 'on the article'),
    ...doc.facts.filter(f => f.fact_id).map(f => el('option', { value: f.fact_id }, 'on fact ' + f.type + ' · ' + (f.evidence ? f.evidence.text.slice(0, 50) : f.fact_id))));
  const msg = el('div', { class: 'form-error', id: 'comment-error', role: 'alert' });
  return el('form', { id: 'comment-form', onsubmit: async ev => {
    ev.preventDefault();
    msg.textContent = '';
    try {
      await api('/api/comments', { method: 'POST', body: { doc: doc.id, fact_id: target.value || null, body: body.value } });
      body.value = ''; update(); refresh();
    } catch (e) { msg.textContent = e.message; }
  } }, body, counter, el('div', { class: 'row' }, target, ' ', el('button', { type: 'submit', id: 'comment-submit' }, 'Post comment')), msg);
}

function complaintDialog(comment, done) {
  const boxes = state.reasons.map(r => el('label', {}, el('input', { type: 'checkbox', name: 'reason', value: r.code }), ' ' + r.label));
  const note = el('textarea', { name: 'note', id: 'complaint-note', placeholder: 'Details (needed for “other”)' });
  const msg = el('div', { class: 'form-error', id: 'complaint-error', role: 'alert' });
  openDialog(el('form', { id: 'complaint-form', onsubmit: async ev => {
    ev.preventDefault();
    const reasons = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
    try {
      await api('/api/comments/' + comment.id + '/complaints', { method: 'POST', body: { reasons, note: note.value } });
      closeDialog(); done('Your complaint was sent to the moderators.');
    } catch (e) { msg.textContent = e.message; }
  } }, el('h3', {}, 'Complain about this comment'), el('p', { class: 'muted' }, 'Choose one to three reasons.'),
  el('div', { class: 'reasons' }, boxes), note, msg,
  el('button', { type: 'submit', id: 'complaint-submit' }, 'Send complaint'), ' ', el('button', { type: 'button', onclick: closeDialog }, 'Cancel')));
}

async function commentsPanel(doc) {
  const panel = el('section', { class: 'panel', id: 'comments' });
  const refresh = async () => {
    const r = await api('/api/documents/' + encodeURIComponent(doc.id) + '/comments');
    const status = el('div', { class: 'ok', id: 'complaint-status' });
    const list = el('div', { id: 'comment-list' });
    for (const c of r.comments) {
      const fact = c.target === 'fact' ? doc.facts.find(f => f.fact_id === c.target_id) : null;
      list.append(el('div', { class: 'comment' + (c.hidden ? ' hidden-comment' : ''), 'data-comment': c.id },
        el('div', { class: 'muted' }, c.author + ' · ' + c.created.slice(0, 16).replace('T', ' ') + (fact ? ' · on ' + fact.type : '') + (c.hidden ? ' · hidden by a moderator' : '')),
        el('div', { class: 'body', dir: 'auto' }, c.body),
        can('analyst') && !c.hidden ? el('button', { type: 'button', class: 'linkish complain', onclick: () => complaintDialog(c, t => { status.textContent = t; }) }, 'Complain') : null));
    }
    panel.replaceChildren(el('h3', {}, 'Comments (', el('span', { id: 'comment-count' }, String(r.count)), ')'), list, status, commentForm(doc, refresh));
  };
  await refresh();
  return panel;
}

async function docPage(id, params) {
  const d = await api('/api/documents/' + encodeURIComponent(id));
  state.doc = d;
  const factList = el('div', {}, ...d.facts.map(f => factCard(f, { doc: d })));
  const facts = el('section', { id: 'facts', class: 'panel' }, el('h3', {}, 'Facts (' + d.facts.length + ')'), factList,
    d.corrections.length ? el('p', { class: 'muted', id: 'corrections' }, d.corrections.length + ' reviewed correction(s) applied') : null);
  const countries = [...new Set(d.mentions.filter(m => m.kind === 'COUNTRY').map(m => m.entity.slice(8)))];
  const report = can('analyst') ? el('button', { type: 'button', id: 'report-button', onclick: () => reportDialog(d, null, articleSelection()) }, 'Report an error')
    : null;
  show(el('div', { class: 'layout' },
    el('div', {},
      el('article', { class: 'doc', dir: d.rtl ? 'rtl' : 'ltr', lang: d.lang || '' },
        el('h2', { dir: 'auto' }, d.title || d.id),
        el('div', { class: 'muted', dir: 'ltr' }, [d.id, d.lang, d.date, d.site, d.author].filter(Boolean).join(' · ')),
        highlighted(d.text, d.mentions, d.facts)),
      el('p', { class: 'muted' }, 'Select wrong text and press Ctrl+Enter to report an error. ', report, ' ', el('span', { id: 'report-status', class: 'ok' })),
      shareBar('#/doc/' + encodeURIComponent(d.id), d.title),
      countries.length >= 2 ? el('p', {}, subscribeButton({ country_a: countries[0], country_b: countries[1] }, countries[0] + ' ↔ ' + countries[1])) : null,
      await commentsPanel(d)),
    facts));
  const focus = params.get('fact');
  if (focus) { const card = document.getElementById('fact-' + focus); if (card) { card.classList.add('evidence-sentence'); card.scrollIntoView(); } }
}

// ---------- facts table ----------

async function factsPage(params) {
  const qs = pick(params, ['type', 'country', 'modality', 'name']);
  const r = await api('/api/facts?' + qs);
  const table = el('table', { id: 'facts-table' }, el('tr', {}, ...['document', 'type', 'roles', 'modality', 'time', 'evidence'].map(h => el('th', {}, h))));
  for (const f of r.facts) {
    table.append(el('tr', {},
      el('td', {}, el('a', { href: '#/doc/' + encodeURIComponent(f.doc) + '?fact=' + encodeURIComponent(f.fact_id || '') }, f.doc)),
      el('td', {}, f.type),
      el('td', {}, Object.entries(f.roles).map(([k, v]) => k + ': ' + argLabel(v)).join('; ')),
      el('td', {}, f.modality),
      el('td', {}, f.time ? f.time.start : ''),
      el('td', { dir: 'auto' }, f.evidence ? f.evidence.text : '')));
  }
  show(el('h2', {}, 'Facts'), filterForm(params, ['type', 'modality', 'country'], '#/facts'),
    el('p', { class: 'muted' }, r.facts.length + ' facts · export: ./armscope facts --format jsonl | csv | graph'), shareBar('#/facts?' + qs, 'Armscope facts'), table);
}

// ---------- entity ----------

let charts = [];
function dropCharts() { charts.forEach(c => c.destroy()); charts = []; }

async function entityPage(id) {
  const e = await api('/api/entities/' + encodeURIComponent(id));
  const names = el('table', { class: 'names', id: 'entity-names' }, el('tr', {}, el('th', {}, 'language'), el('th', {}, 'names')));
  for (const [lang, list] of Object.entries(e.names)) names.append(el('tr', {}, el('td', {}, lang), el('td', { dir: 'auto', lang }, list.join(' · '))));
  const years = {};
  for (const t of e.timeline) { const y = (t.when || '').slice(0, 4); if (y) years[y] = (years[y] || 0) + 1; }
  const canvas = el('canvas', { id: 'entity-chart', 'aria-label': 'facts per year' });
  const timeline = el('div', { id: 'entity-timeline' }, ...e.timeline.map(t => el('div', {}, el('span', { class: 'pill' }, t.when || 'undated'), factCard(t.fact, null))));
  const related = el('div', { id: 'related' }, ...e.related.map(r => el('a', { class: 'pill', href: '#/entity/' + encodeURIComponent(r.id) }, r.name + ' (' + r.documents + ')')));
  const mentions = el('ul', { id: 'entity-mentions' }, ...e.mentions.slice(0, 50).map(m => el('li', {}, el('a', { href: '#/doc/' + encodeURIComponent(m.doc) }, m.doc), ' “', el('span', { dir: 'auto' }, m.text), '”')));
  const query = e.kind === 'COUNTRY' ? { country_a: e.id.slice(8) } : { entity: e.id };
  show(el('h2', { dir: 'auto' }, e.label + ' ', el('span', { class: 'muted' }, e.kind + (e.country ? ' · ' + e.country : '') + (e.category ? ' · ' + e.category : ''))),
    el('div', { class: 'share' }, shareBar('#/entity/' + encodeURIComponent(e.id), e.label), subscribeButton(query, e.label)),
    el('div', { class: 'layout' },
      el('div', {}, el('section', { class: 'panel' }, el('h3', {}, 'Facts over time (' + e.timeline.length + ')'), el('div', { class: 'chart-box' }, canvas), timeline)),
      el('div', {}, el('section', { class: 'panel' }, el('h3', {}, 'Names'), names),
        el('section', { class: 'panel' }, el('h3', {}, 'Related entities'), related),
        el('section', { class: 'panel' }, el('h3', {}, 'Mentions (' + e.mentions.length + ')'), mentions))));
  const labels = Object.keys(years).sort();
  if (window.Chart && labels.length) {
    charts.push(new Chart(canvas, { type: 'bar', data: { labels, datasets: [{ label: 'facts', data: labels.map(y => years[y]), backgroundColor: '#1f3a5f' }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } }));
  }
}

// ---------- graph and timeline ----------

async function graphPage(params) {
  const qs = pick(params, ['type', 'from', 'to']);
  const g = await api('/api/graph?' + qs);
  const box = el('div', { id: 'graph', role: 'img', 'aria-label': 'country relations graph' });
  const details = el('div', { id: 'graph-details', class: 'panel' }, el('p', { class: 'muted' }, 'Click an arrow to see its facts, a country to open it.'));
  show(el('h2', {}, 'Country relations'), filterForm(params, ['type', 'from', 'to'], '#/graph'),
    el('p', { class: 'muted', id: 'graph-summary' }, g.nodes.length + ' countries · ' + g.edges.length + ' relations (arrow: supplies, produces for, trains, funds, maintains; width: number of facts)'),
    shareBar('#/graph?' + qs, 'Armscope country relations'), box, details);
  if (!window.cytoscape) { box.textContent = 'graph library not loaded'; return; }
  const colours = { TRANSFER: '#c0392b', PRODUCTION: '#8e44ad', TRAINING: '#27ae60', AID: '#2980b9', MAINTENANCE: '#d35400',
    PROCUREMENT: '#16a085', AGREEMENT: '#7f8c8d', COOPERATION: '#95a5a6', COMPETITION: '#f39c12' };
  const present = [...new Set(g.edges.map(e => e.type))];
  box.before(el('div', { class: 'legend', id: 'graph-legend' }, ...present.map(t => {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.backgroundColor = colours[t] || '#999';   // CSSOM, which the Content-Security-Policy allows
    return el('span', { class: 'pill' }, swatch, ' ' + t);
  })));
  const cy = cytoscape({
    container: box,
    elements: [
      ...g.nodes.map(n => ({ data: { id: n.id, label: n.label, facts: n.facts } })),
      ...g.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, type: e.type, weight: e.weight, facts: e.facts,
        directed: !['AGREEMENT', 'COOPERATION'].includes(e.type) } }))],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': '#1f3a5f', color: '#111', 'font-size': 12,
        width: 'mapData(facts, 1, 40, 18, 60)', height: 'mapData(facts, 1, 40, 18, 60)', 'text-valign': 'bottom', 'text-margin-y': 4 } },
      { selector: 'edge', style: { width: 'mapData(weight, 1, 20, 1.5, 10)', 'curve-style': 'bezier', 'line-color': e => colours[e.data('type')] || '#999',
        'target-arrow-color': e => colours[e.data('type')] || '#999', 'target-arrow-shape': e => e.data('directed') ? 'triangle' : 'none', opacity: 0.8 } }],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000 }
  });
  cy.on('tap', 'edge', async ev => {
    const d = ev.target.data();
    const list = el('div', {});
    details.replaceChildren(el('h3', {}, d.source + ' → ' + d.target + ' · ' + d.type + ' (' + d.weight + ')'),
      subscribeButton({ country_a: d.source, country_b: d.target }, d.source + ' ↔ ' + d.target), list);
    const r = await api('/api/facts?country=' + encodeURIComponent(d.source) + (d.type ? '&type=' + d.type : ''));
    for (const f of r.facts.filter(f => d.facts.includes(f.fact_id)).slice(0, 20)) list.append(factCard(f, { doc: null }),
      el('a', { href: '#/doc/' + encodeURIComponent(f.doc) + '?fact=' + encodeURIComponent(f.fact_id) }, 'open ' + f.doc));
  });
  cy.on('tap', 'node', ev => { location.hash = '#/entity/' + encodeURIComponent('COUNTRY:' + ev.target.id()); });
  window.armscopeGraph = cy;
}

async function timelinePage(params) {
  const qs = pick(params, ['type', 'country', 'name']);
  const t = await api('/api/timeline?' + qs);
  const canvas = el('canvas', { id: 'timeline-chart', 'aria-label': 'facts per month and type' });
  const table = el('table', { id: 'timeline-table' }, el('tr', {}, el('th', {}, 'month'), el('th', {}, 'facts')));
  for (const m of t.months) table.append(el('tr', {}, el('td', {}, m.month), el('td', {}, Object.entries(m.types).map(([k, v]) => k + ' ' + v).join(', '))));
  show(el('h2', {}, 'Timeline'), filterForm(params, ['type', 'country'], '#/timeline'), shareBar('#/timeline?' + qs, 'Armscope timeline'),
    el('div', { class: 'chart-box' }, canvas), table);
  if (window.Chart && t.months.length) {
    const types = [...new Set(t.months.flatMap(m => Object.keys(m.types)))];
    charts.push(new Chart(canvas, { type: 'bar', data: { labels: t.months.map(m => m.month),
      datasets: types.map(ty => ({ label: ty, data: t.months.map(m => m.types[ty] || 0) })) },
    options: { maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } }));
  }
}

// ---------- team pages ----------

function describeProposal(p) {
  if (!p) return '(none: read the note)';
  switch (p.action) {
    case 'reject': return 'the text does not state fact ' + p.fact_id;
    case 'modality': return 'the modality of fact ' + p.fact_id + ' is “' + p.modality + '”';
    case 'role': return 'the ' + p.role + ' of fact ' + p.fact_id + ' is ' + argLabel(p.value) + ' (' + p.value.kind + ')';
    case 'entity': return 'characters ' + p.start + '–' + p.end + (p.entity ? ' name ' + p.entity : ' are not a name');
    default: return JSON.stringify(p);
  }
}

async function moderationPage() {
  if (!can('moderator')) { show(el('p', { class: 'error' }, 'Moderation needs the moderator role.')); return; }
  const q = await api('/api/moderation?all=true');
  const queue = el('div', { id: 'moderation-queue' });
  for (const i of q.items) {
    const c = i.comment;
    const act = async action => { await api('/api/moderation/' + c.id, { method: 'POST', body: { action } }); route(); };
    queue.append(el('div', { class: 'comment' + (c.hidden ? ' hidden-comment' : ''), 'data-comment': c.id },
      el('div', { class: 'muted' }, c.author + ' on ', el('a', { href: '#/doc/' + encodeURIComponent(c.doc) }, c.doc), ' · ' + i.complaints + ' complaint(s), ' + i.open + ' open · ' + (c.hidden ? 'hidden' : 'visible')),
      el('div', { class: 'body', dir: 'auto' }, c.body),
      el('div', {}, ...Object.entries(i.reasons).map(([k, v]) => el('span', { class: 'pill' }, (state.reasons.find(r => r.code === k) || { label: k }).label + ' ×' + v))),
      c.hidden ? el('button', { type: 'button', class: 'restore', onclick: () => act('restore') }, 'Restore')
        : el('button', { type: 'button', class: 'hide', onclick: () => act('hide') }, 'Hide')));
  }
  const reports = await api('/api/reports?status=open');
  const rlist = el('div', { id: 'report-queue' });
  for (const r of reports.reports) {
    const msg = el('span', { class: 'form-error' });
    const decide = async verdict => {
      try { await api('/api/reports/' + r.id + '/' + verdict, { method: 'POST', body: {} }); route(); } catch (e) { msg.textContent = e.message; }
    };
    rlist.append(el('div', { class: 'comment', 'data-report': r.id },
      el('div', { class: 'muted' }, r.reporter + ' on ', el('a', { href: '#/doc/' + encodeURIComponent(r.doc) }, r.doc), ' · characters ' + r.start + '–' + r.end),
      el('blockquote', { dir: 'auto' }, r.selection),
      el('div', { class: 'proposal' }, 'proposal: ', describeProposal(r.proposal)), r.note ? el('div', { dir: 'auto' }, 'note: ', r.note) : null,
      el('button', { type: 'button', class: 'accept', disabled: !r.proposal, onclick: () => decide('accept') }, 'Accept'), ' ',
      el('button', { type: 'button', class: 'reject', onclick: () => decide('reject') }, 'Reject'), ' ', msg));
  }
  show(el('h2', {}, 'Moderation'), el('section', { class: 'panel' }, el('h3', {}, 'Comments with complaints (' + q.items.length + ')'), queue),
    el('section', { class: 'panel' }, el('h3', {}, 'Error reports to review (' + reports.reports.length + ')'), rlist));
}

async function subscriptionsPage() {
  if (!can('analyst')) { show(el('p', { class: 'error' }, 'Subscriptions need the analyst role.')); return; }
  const r = await api('/api/subscriptions');
  const list = el('div', { id: 'subscription-list' });
  for (const s of r.subscriptions) {
    const log = el('table', { class: 'deliveries' });
    const loadLog = async () => {
      const d = await api('/api/subscriptions/' + s.id + '/deliveries');
      log.replaceChildren(el('tr', {}, ...['document', 'status', 'attempts', 'last answer', 'next attempt'].map(h => el('th', {}, h))),
        ...d.deliveries.map(x => el('tr', {}, el('td', {}, x.doc), el('td', {}, x.status), el('td', {}, String(x.attempts)),
          el('td', {}, x.last_code ? String(x.last_code) : (x.last_error || '')), el('td', {}, x.next_attempt || ''))));
    };
    list.append(el('div', { class: 'panel subscription', 'data-subscription': s.id },
      el('h3', { dir: 'auto' }, s.label),
      el('div', {}, 'feed: ', el('a', { href: s.feed, class: 'feed-link' }, s.feed)),
      s.webhook ? el('div', {}, 'webhook: ' + s.webhook) : null,
      el('button', { type: 'button', class: 'unsubscribe', onclick: async () => { await api('/api/subscriptions/' + s.id, { method: 'DELETE' }); route(); } }, 'Unsubscribe'),
      s.webhook ? el('div', {}, el('h4', {}, 'Delivery log'), log) : null));
    if (s.webhook) await loadLog();
  }
  show(el('h2', {}, 'Subscriptions'), el('p', { class: 'muted' }, 'Subscribe from a search, an entity page, an article (its two first countries) or an arrow of the graph.'), list);
}

async function adminPage() {
  if (!can('admin')) { show(el('p', { class: 'error' }, 'Accounts need the admin role.')); return; }
  const r = await api('/api/users');
  const table = el('table', { id: 'users' }, el('tr', {}, el('th', {}, 'user'), el('th', {}, 'role')),
    ...r.users.map(u => el('tr', {}, el('td', {}, u.name), el('td', {}, u.role))));
  const name = el('input', { name: 'name', id: 'new-user-name' });
  const pass = el('input', { name: 'password', type: 'password', id: 'new-user-password' });
  const role = el('select', { name: 'role', id: 'new-user-role' }, ...['viewer', 'analyst', 'moderator', 'admin'].map(x => el('option', { value: x }, x)));
  const msg = el('span', { class: 'form-error' });
  show(el('h2', {}, 'Accounts'), table, el('form', { id: 'new-user', onsubmit: async ev => {
    ev.preventDefault();
    try { await api('/api/users', { method: 'POST', body: { name: name.value, password: pass.value, role: role.value } }); route(); }
    catch (e) { msg.textContent = e.message; }
  } }, el('h3', {}, 'New account'), name, ' ', pass, ' ', role, ' ', el('button', { type: 'submit' }, 'Create'), ' ', msg));
}

// ---------- routing ----------

async function route() {
  dropCharts();
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  try {
    if (path === '/login') return loginPage(params);
    if (!state.user && !state.anonymousRead) { location.hash = '#/login?next=' + encodeURIComponent('#' + hash); return; }
    if (path.startsWith('/doc/')) await docPage(decodeURIComponent(path.slice(5)), params);
    else if (path.startsWith('/entity/')) await entityPage(decodeURIComponent(path.slice(8)));
    else if (path === '/facts') await factsPage(params);
    else if (path === '/graph') await graphPage(params);
    else if (path === '/timeline') await timelinePage(params);
    else if (path === '/moderation') await moderationPage();
    else if (path === '/subscriptions') await subscriptionsPage();
    else if (path === '/admin') await adminPage();
    else await searchPage(params);
  } catch (e) {
    if (e.status === 401) { location.hash = '#/login?next=' + encodeURIComponent('#' + hash); return; }
    show(el('p', { class: 'error' }, 'Error: ' + e.message));
  }
}

document.addEventListener('keydown', ev => {
  if (ev.ctrlKey && ev.key === 'Enter' && state.doc && location.hash.startsWith('#/doc/')) {
    const sel = articleSelection();
    if (sel) { ev.preventDefault(); reportDialog(state.doc, null, sel); }
  }
});

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('search-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const p = new URLSearchParams();
    const q = document.getElementById('q').value.trim();
    if (q) p.set('q', q);
    location.hash = '#/search?' + p;
  });
  try {
    await loadSession();
    state.reasons = (await api('/api/complaint-reasons')).reasons;
  } catch (e) { show(el('p', { class: 'error' }, 'The server is not answering: ' + e.message)); return; }
  window.addEventListener('hashchange', route);
  route();
});
