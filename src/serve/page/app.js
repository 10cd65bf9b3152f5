// heshu serve: the page's script. Plain JavaScript; everything it talks to is the server that
// served it (the token below is how the server knows the request comes from this page).
'use strict';

(() => {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`).content;
  const token = meta('heshu-token');
  const limit = Number(meta('heshu-limit'));
  const $ = (id) => document.getElementById(id);
  // The page's words, in the server's language: templates whose {name} is filled here; a plural is
  // { one, other }.
  const TEXT = JSON.parse($('heshu-text').textContent);
  const T = (key, vars = {}, n = 2) => {
    const text = TEXT[key];
    const template = typeof text === 'object' ? (n === 1 ? text.one : text.other) : text;
    return template.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  };
  const SEVERITY = { error: T('error'), warning: T('warning'), info: T('info') };
  const RANK = { info: 1, warning: 2, error: 3 };
  const OFF_KEY = 'heshu-off';

  let off = new Set(JSON.parse(sessionStorage.getItem(OFF_KEY) || '[]'));
  let current = null; // the file last checked: { name, blob }

  const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  }[c]));

  function setStatus(text) {
    $('status').textContent = text;
  }

  function showError(message) {
    setStatus('');
    const box = $('error');
    box.textContent = message;
    box.hidden = false;
  }

  // --- Rules that can be switched off for this session -----------------------------------
  async function loadRules() {
    let rules;
    try {
      rules = await (await fetch('/api/rules')).json();
    } catch (e) {
      return;
    }
    const list = $('rules');
    for (const rule of rules) {
      const item = document.createElement('li');
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = rule.id;
      box.disabled = !rule.on;
      box.checked = rule.on && !off.has(rule.id);
      box.addEventListener('change', () => {
        if (box.checked) off.delete(rule.id); else off.add(rule.id);
        sessionStorage.setItem(OFF_KEY, JSON.stringify([...off]));
        if (current) check(current.name, current.blob);
      });
      const id = document.createElement('code');
      id.textContent = rule.id;
      label.append(box, ' ', id, ' ', rule.summary + (rule.on ? '' : T('offInConfig')));
      item.append(label);
      list.append(item);
    }
  }

  // An upload to heshu: the file's bytes, its name, the rules switched off, and the page's token.
  function upload(path, name, blob) {
    return fetch(path, {
      method: 'POST',
      headers: {
        'X-Heshu-Token': token,
        'X-Heshu-Name': encodeURIComponent(name),
        'X-Heshu-Off': [...off].join(','),
      },
      body: blob,
    });
  }

  // --- Checking ------------------------------------------------------------------------------
  async function check(name, blob) {
    $('error').hidden = true;
    if (blob.size > limit) {
      const mb = (blob.size / 1048576).toFixed(1);
      showError(T('tooLarge', { name, size: mb, limit: Math.round(limit / 1048576) }));
      return;
    }
    current = { name, blob };
    setStatus(T('checking', { name }));
    const started = performance.now();
    let response;
    try {
      response = await upload('/api/check', name, blob);
    } catch (e) {
      showError(T('noConnection', { error: e.message }));
      return;
    }
    let data;
    try {
      data = await response.json();
    } catch (e) {
      showError(T('unreadableAnswer', { status: response.status }));
      return;
    }
    if (!response.ok) {
      $('result').hidden = true;
      current = null;
      showError(data.error || T('failed', { status: response.status }));
      return;
    }
    render(data);
    const ms = Math.round(performance.now() - started);
    document.body.dataset.shownMs = String(ms);
    const lines = data.lines.length;
    setStatus(T('checked', { name: data.name, lines, ms }, lines));
  }

  // The ranges of one finding's figures on each line, in code points.
  function addRanges(perLine, lines, span, id) {
    for (let line = span.line; line <= span.end_line; line++) {
      const text = lines[line - 1];
      if (text === undefined) continue;
      const from = line === span.line ? span.column - 1 : 0;
      const to = line === span.end_line ? span.end_column - 1 : [...text].length;
      if (!perLine.has(line)) perLine.set(line, []);
      perLine.get(line).push({ from, to, id });
    }
  }

  function lineHtml(text, ranges, findings) {
    if (!ranges) return escapeHtml(text);
    const chars = [...text];
    const cuts = new Set([0, chars.length]);
    for (const r of ranges) { cuts.add(r.from); cuts.add(r.to); }
    const points = [...cuts].sort((a, b) => a - b);
    let html = '';
    // A figure of no width (a lost number) is a mark of its own.
    for (const r of ranges.filter((r) => r.from === r.to)) r.point = true;
    for (let i = 0; i < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      for (const r of ranges) {
        if (r.point && r.from === from) {
          const d = findings[r.id];
          html += `<mark class="point sev-${d.severity}" data-f="${r.id}" title="${escapeHtml(d.message)}"></mark>`;
        }
      }
      if (to === undefined) break;
      const piece = escapeHtml(chars.slice(from, to).join(''));
      const ids = [...new Set(ranges.filter((r) => !r.point && r.from <= from && to <= r.to).map((r) => r.id))];
      if (!ids.length) { html += piece; continue; }
      const worst = ids.map((id) => findings[id].severity).sort((a, b) => RANK[b] - RANK[a])[0];
      const title = escapeHtml(ids.map((id) => `[${findings[id].rule}] ${findings[id].message}`).join('\n'));
      html += `<mark class="sev-${worst}" data-f="${ids.join(' ')}" title="${title}">${piece}</mark>`;
    }
    return html;
  }

  function figureText(lines, span) {
    const parts = [];
    for (let line = span.line; line <= span.end_line; line++) {
      const chars = [...(lines[line - 1] || '')];
      const from = line === span.line ? span.column - 1 : 0;
      const to = line === span.end_line ? span.end_column - 1 : chars.length;
      parts.push(chars.slice(from, to).join(''));
    }
    return parts.join('\n');
  }

  function render(data) {
    const findings = data.diagnostics;
    const perLine = new Map();
    findings.forEach((d, id) => {
      const spans = d.labels.length ? d.labels.map((l) => l.span) : [d.span];
      for (const span of spans) addRanges(perLine, data.lines, span, id);
    });
    const parts = data.lines.map((text, i) =>
      `<p data-line="${i + 1}">${lineHtml(text, perLine.get(i + 1), findings)}</p>`);
    $('doc').innerHTML = parts.join('');
    $('doc').scrollTop = 0;

    const counts = data.summary;
    const total = counts.errors + counts.warnings + counts.infos;
    const badge = (severity, key, n) =>
      `<span class="badge sev-${severity}">${escapeHtml(T(key, { n }, n))}</span>`;
    $('summary').innerHTML = total === 0
      ? `<span class="clean">${escapeHtml(T('clean'))}</span>`
      : escapeHtml(T('found', { total }, total)) +
        badge('error', 'badgeError', counts.errors) +
        badge('warning', 'badgeWarning', counts.warnings) +
        badge('info', 'badgeInfo', counts.infos);

    const items = findings.map((d, id) => {
      const labels = d.labels.map((l) =>
        `<li><q>${escapeHtml(figureText(data.lines, l.span))}</q> ${escapeHtml(l.message)}</li>`).join('');
      const help = d.help ? `<pre class="help">${escapeHtml(d.help)}</pre>` : '';
      return `<li class="finding sev-${d.severity}" data-f="${id}" tabindex="0">` +
        `<div class="head"><span class="sev">${SEVERITY[d.severity] || d.severity}</span>` +
        `<code>${escapeHtml(d.rule)}</code>` +
        `<span class="where">${escapeHtml(T('where', { line: d.span.line }))}</span></div>` +
        `<p class="message">${escapeHtml(d.message)}</p>${help}<ul class="labels">${labels}</ul></li>`;
    });
    $('findings').innerHTML = items.join('');
    $('download').hidden = data.format !== 'docx';
    $('result').hidden = false;
  }

  function marksOf(id) {
    return [...$('doc').querySelectorAll('mark')].filter((m) => m.dataset.f.split(' ').includes(String(id)));
  }

  function select(id, fromList) {
    for (const m of $('doc').querySelectorAll('mark.current')) m.classList.remove('current');
    for (const li of $('findings').querySelectorAll('li.active')) li.classList.remove('active');
    const marks = marksOf(id);
    for (const m of marks) m.classList.add('current');
    const item = $('findings').querySelector(`li.finding[data-f="${id}"]`);
    if (item) {
      item.classList.add('active');
      if (!fromList) scrollWithin($('list'), item);
    }
    if (marks.length && fromList) scrollWithin($('doc'), marks[0]);
  }

  // Scroll a pane (not the window) so that `element` stands in its middle.
  function scrollWithin(pane, element) {
    const box = pane.getBoundingClientRect();
    const at = element.getBoundingClientRect();
    pane.scrollTop += (at.top - box.top) - (box.height - at.height) / 2;
  }

  // --- Downloading the annotated copy ---------------------------------------------------------
  async function download() {
    if (!current) return;
    setStatus(T('annotating'));
    let response;
    try {
      response = await upload('/api/annotate', current.name, current.blob);
    } catch (e) {
      showError(T('noConnectionShort', { error: e.message }));
      return;
    }
    if (!response.ok) {
      let message = T('failed', { status: response.status });
      try { message = (await response.json()).error || message; } catch (e) { /* keep it */ }
      showError(message);
      return;
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = current.name.replace(/\.docx$/i, '') + '.heshu.docx';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    setStatus(T('downloaded', { name: link.download }));
  }

  // --- Wiring -------------------------------------------------------------------------------
  document.addEventListener('DOMContentLoaded', () => {
    loadRules();
    $('file').addEventListener('change', (e) => {
      const file = e.target.files[0];
      if (file) check(file.name, file);
      e.target.value = '';
    });
    const drop = $('drop');
    for (const type of ['dragenter', 'dragover']) {
      drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('over'); });
    }
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      const file = e.dataTransfer.files[0];
      if (file) check(file.name, file);
    });
    // A file dropped beside the zone must not replace the page.
    window.addEventListener('dragover', (e) => e.preventDefault());
    window.addEventListener('drop', (e) => e.preventDefault());
    $('check-paste').addEventListener('click', () => {
      const text = $('paste').value;
      if (text.trim()) check(T('pastedName'), new Blob([text], { type: 'text/plain' }));
    });
    $('download').addEventListener('click', download);
    $('findings').addEventListener('click', (e) => {
      const item = e.target.closest('li.finding');
      if (item) select(Number(item.dataset.f), true);
    });
    $('findings').addEventListener('keydown', (e) => {
      const item = e.target.closest('li.finding');
      if (item && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(Number(item.dataset.f), true); }
    });
    $('doc').addEventListener('click', (e) => {
      const mark = e.target.closest('mark');
      if (mark) select(Number(mark.dataset.f.split(' ')[0]), false);
    });
  });
})();
