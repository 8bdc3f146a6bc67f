// The admin dashboard: asks for the admin token once (kept in sessionStorage for this tab only), then polls
// GET /admin/database/health and /admin/database/metrics with it as a bearer token and keeps the last few minutes
// of figures in charts.
(function () {
  'use strict';
  const TOKEN_KEY = 'conduit-admin-token';
  const REFRESH_MS = 2000;
  const MAX_POINTS = 150; // five minutes at one point per refresh
  const USE_CASE_COLORS = ['#2563eb', '#16a34a', '#dc2626', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d',
    '#475569', '#b45309']; // one line each for the first ten use cases seen; the table lists them all
  const $ = id => document.getElementById(id);
  let charts = null;
  let timer = null;
  let previous = null;

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function showForm(message) {
    clearTimeout(timer);
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('token-form').hidden = false;
    $('token-error').textContent = message || '';
    $('status').textContent = 'not connected';
    $('status').className = 'status';
  }

  function showDashboard() {
    $('token-form').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    if (!charts) { charts = createCharts(); }
    refresh();
  }

  function lineChart(canvas, series) {
    return new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: series.map(([label, color]) => ({
        label, data: [], borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, tension: 0.2 })) },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true } }, plugins: { legend: { position: 'bottom' } } }
    });
  }

  function createCharts() {
    return {
      pool: lineChart($('pool-chart'), [['active', '#2563eb'], ['idle', '#16a34a'], ['waiting', '#dc2626']]),
      latency: lineChart($('latency-chart'), [['p50', '#16a34a'], ['p95', '#d97706'], ['p99', '#dc2626']]),
      activity: lineChart($('activity-chart'),
        [['units of work', '#2563eb'], ['retries', '#d97706'], ['slow statements', '#dc2626']]),
      useCases: lineChart($('use-case-chart'), [])
    };
  }

  function push(chart, label, values) {
    chart.data.labels.push(label);
    chart.data.datasets.forEach((set, i) => set.data.push(values[i]));
    if (chart.data.labels.length > MAX_POINTS) {
      chart.data.labels.shift();
      chart.data.datasets.forEach(set => set.data.shift());
    }
    chart.update('none');
  }

  function sum(counts) { return Object.values(counts || {}).reduce((a, b) => a + b, 0); }
  function ms(value) { return value.toFixed(2) + ' ms'; }
  function text(id, value) { $(id).textContent = String(value); }

  function render(health) {
    const pool = health.pool;
    const uow = health.performance.unitOfWork;
    const slow = health.performance.slowStatements;
    const retries = health.reliability.retries;
    text('status', health.status);
    $('status').className = 'status ' + health.status;
    text('updated', 'updated ' + new Date(health.timestamp).toLocaleTimeString());
    text('pool-size', pool.size);
    text('pool-active', pool.active);
    text('pool-idle', pool.idle);
    text('pool-waiting', pool.waiting);
    text('pool-utilization', pool.utilizationPercent + ' %');
    text('uow-count', uow.count);
    text('uow-p50', ms(uow.p50Ms));
    text('uow-p95', ms(uow.p95Ms));
    text('uow-p99', ms(uow.p99Ms));
    text('statement-count', health.performance.statements.count);
    text('retries-last-hour', sum(retries.lastHour));
    text('retries-since-start', sum(retries.sinceStart));
    text('deadlocks-last-hour', health.reliability.deadlocks.lastHour);
    text('slow-threshold', slow.thresholdMs + ' ms');
    text('slow-total', slow.total);
    text('slow-last-hour', slow.lastHour);

    const findings = health.alerts.map(f => ['alert', f]).concat(health.recommendations.map(f => ['advice', f]));
    const list = $('findings');
    list.replaceChildren(...(findings.length ? findings : [['none', null]]).map(([kind, f]) => {
      const item = document.createElement('li');
      item.textContent = f ? kind + ': ' + f.message : 'none';
      if (!f) { item.className = 'muted'; }
      return item;
    }));
    const none = document.createElement('tr');
    none.innerHTML = '<td colspan="3" class="muted">none</td>';
    $('slow-recent').replaceChildren(...(slow.recent.length ? [] : [none]), ...slow.recent.slice(0, 10).map(s => {
      const row = document.createElement('tr');
      [new Date(s.at).toLocaleTimeString(), s.durationMs.toFixed(1), s.sql].forEach((value, i) => {
        const cell = document.createElement('td');
        cell.textContent = value;
        if (i === 2) { cell.className = 'sql'; }
        row.appendChild(cell);
      });
      return row;
    }));

    const label = new Date(health.timestamp).toLocaleTimeString();
    const totals = { uow: uow.count, retries: sum(retries.sinceStart), slow: slow.total };
    const delta = previous ? [totals.uow - previous.uow, totals.retries - previous.retries, totals.slow - previous.slow]
      : [0, 0, 0];
    previous = totals;
    push(charts.pool, label, [pool.active, pool.idle, pool.waiting]);
    push(charts.latency, label, [uow.p50Ms, uow.p95Ms, uow.p99Ms]);
    push(charts.activity, label, delta);
    document.body.dataset.points = String(charts.pool.data.labels.length);
  }

  function cells(row, values) {
    values.forEach(value => {
      const cell = document.createElement('td');
      cell.textContent = String(value);
      row.appendChild(cell);
    });
    return row;
  }

  function renderMetrics(metrics) {
    const items = metrics.useCases.items;
    text('use-case-window', '(' + metrics.useCases.window + ')');
    const none = document.createElement('tr');
    none.innerHTML = '<td colspan="8" class="muted">none yet</td>';
    $('use-cases').replaceChildren(...(items.length ? [] : [none]), ...items.map(u => {
      const row = cells(document.createElement('tr'), [u.useCase, u.count, u.errors, u.p50Ms.toFixed(2),
        u.p95Ms.toFixed(2), u.p99Ms.toFixed(2), u.maxMs.toFixed(2), u.retryAmplification.toFixed(2)]);
      row.dataset.useCase = u.useCase;
      return row;
    }));

    // Each use case's p99 over its window, one point per refresh; a use case first seen later starts empty.
    const chart = charts.useCases;
    const sets = chart.data.datasets;
    items.forEach(u => {
      if (!sets.some(set => set.label === u.useCase) && sets.length < USE_CASE_COLORS.length) {
        const color = USE_CASE_COLORS[sets.length];
        sets.push({ label: u.useCase, data: chart.data.labels.map(() => null), borderColor: color,
          backgroundColor: color, borderWidth: 2, pointRadius: 0, tension: 0.2, spanGaps: true });
      }
    });
    const p99 = new Map(items.map(u => [u.useCase, u.p99Ms]));
    push(chart, new Date(metrics.timestamp).toLocaleTimeString(), sets.map(set => p99.has(set.label)
      ? p99.get(set.label) : null));
  }

  function renderReplicas(report) {
    const none = document.createElement('tr');
    none.innerHTML = '<td colspan="7" class="muted">none configured</td>';
    $('replicas').replaceChildren(...(report.replicas.length ? [] : [none]), ...report.replicas.map(r => {
      const row = document.createElement('tr');
      [r.name, r.state, r.lagBytes, r.lagMs, r.readsServed, r.poolActive + ' / ' + r.poolSize, r.problem || '']
        .forEach(value => {
          const cell = document.createElement('td');
          cell.textContent = String(value);
          row.appendChild(cell);
        });
      return row;
    }));
    text('replica-fallbacks', sum(report.fallbacks) + ' (refused: ' + report.fallbacksRefused + ')');
  }

  function renderAudit(page) {
    const none = document.createElement('tr');
    none.innerHTML = '<td colspan="6" class="muted">none yet</td>';
    $('audit').replaceChildren(...(page.events.length ? [] : [none]), ...page.events.map(e => {
      const row = document.createElement('tr');
      [e.occurredAt, e.actor === null ? 'anonymous' : 'user ' + e.actor, e.action, e.entityType + ' ' + e.entityId,
        e.changedFields.join(', '), e.requestId || ''].forEach(value => {
        const cell = document.createElement('td');
        cell.textContent = String(value);
        row.appendChild(cell);
      });
      return row;
    }));
  }

  async function fetchJson(path) {
    const response = await fetch(path, {
      headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' }, cache: 'no-store' });
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem(TOKEN_KEY);
      showForm(response.status === 403 ? 'That token was refused.' : 'A token is required.');
      return null;
    }
    if (!response.ok) { throw new Error('HTTP ' + response.status); }
    return response.json();
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const health = await fetchJson('/admin/database/health');
      if (health === null) { return; }
      render(health);
      const metrics = await fetchJson('/admin/database/metrics');
      if (metrics === null) { return; }
      renderMetrics(metrics);
      const replicas = await fetchJson('/admin/database/replicas');
      if (replicas === null) { return; }
      renderReplicas(replicas);
      const audit = await fetchJson('/admin/audit?limit=10');
      if (audit === null) { return; }
      renderAudit(audit);
    } catch (e) {
      text('updated', 'refresh failed: ' + e.message);
    }
    timer = setTimeout(refresh, REFRESH_MS);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('token-form').addEventListener('submit', event => {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim());
      $('token-input').value = '';
      showDashboard();
    });
    $('sign-out').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); showForm(''); });
    if (token()) { showDashboard(); } else { showForm(''); }
  });
})();
