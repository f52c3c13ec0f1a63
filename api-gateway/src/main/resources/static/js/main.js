// The owners' page: trigger a report, watch it, read it, open a store's week, reopen recent reports.
import { apiFetch, downloadWithKey, hasKey, problemOf } from './api.js';
import { el, formatAgo, formatCount, formatHours, formatPercent, formatUtc } from './format.js';
import { parseCsv, summarize } from './report-data.js';
import { ReportTable } from './report-table.js';
import { drawTimeline, intervalsTable } from './timeline-chart.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 400;

const state = { reportId: null, loading: 0 };

const table = new ReportTable({
  table: $('report-table'), filter: $('filter'), pageSize: $('page-size'), count: $('table-count'),
  prev: $('page-prev'), next: $('page-next'), pageInfo: $('page-info'), onOpenStore: openStore,
});

function say(text, kind = 'info') {
  const message = $('message');
  message.textContent = text;
  message.dataset.kind = kind;
}

function setProgress(done, total, text) {
  const percent = total > 0 ? Math.round((100 * done) / total) : 0;
  $('progress').hidden = false;
  const track = document.querySelector('[data-testid="report-progress"]');
  track.setAttribute('aria-valuenow', String(percent));
  track.setAttribute('aria-valuetext', text);
  track.dataset.shardsDone = String(done);
  track.dataset.shardsTotal = String(total);
  track.querySelector('.progress-bar').style.width = `${percent}%`;
  $('progress-text').textContent = text;
}

async function trigger(event) {
  event.preventDefault();
  const button = document.querySelector('[data-testid="trigger-report"]');
  const body = { interpolation: $('interpolation').value };
  const asOf = $('as-of').value.trim();
  if (asOf) body.as_of = asOf;
  button.disabled = true;
  say('Starting a report…');
  try {
    const response = await apiFetch('/api/trigger_report', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      say(await problemOf(response), 'error');
      return;
    }
    const { report_id: id } = await response.json();
    say('');
    location.hash = `report=${id}`;
  } catch (e) {
    say(`Could not reach storemon: ${e.message}`, 'error');
  } finally {
    button.disabled = false;
  }
}

/** Follows a report until it ends, then shows it. A newer call supersedes an older one. */
async function openReport(id) {
  const ticket = ++state.loading;
  state.reportId = id;
  setProgress(0, 0, 'Waiting for the report…');
  for (;;) {
    let response;
    try {
      response = await apiFetch(`/api/get_report?report_id=${encodeURIComponent(id)}`,
        { headers: { Accept: 'application/json' } });
    } catch (e) {
      say(`Could not reach storemon: ${e.message}`, 'error');
      return;
    }
    if (ticket !== state.loading) return;
    if (response.status === 202) {
      const running = await response.json();
      setProgress(running.shards_done, running.shards_total,
        `Running: ${running.shards_done} of ${running.shards_total} shards done`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (ticket !== state.loading) return;
      continue;
    }
    if (!response.ok) {
      $('progress').hidden = true;
      say(await problemOf(response), 'error');
      return;
    }
    const report = await response.json();
    if (report.status === 'Failed') {
      setProgress(0, 1, 'Failed');
      say(`Report ${id} failed: ${report.error}`, 'error');
      refreshRecent();
      return;
    }
    setProgress(1, 1, `Complete: ${formatCount(report.store_count)} stores`);
    showReport(report);
    refreshRecent();
    return;
  }
}

function showReport(report) {
  const rows = parseCsv(report.csv);
  $('empty-view').hidden = true;
  $('report-view').hidden = false;
  $('store-view').hidden = true;
  $('report-title').replaceChildren('Report ', el('code', { class: 'id' }, report.report_id));
  $('report-meta').textContent = `As of ${formatUtc(report.as_of)} · ${report.interpolation} interpolation · `
    + `data version ${report.data_version}`;
  const csv = $('download-csv');
  csv.href = `/get_report?report_id=${encodeURIComponent(report.report_id)}`;
  const json = $('download-json');
  json.href = `/get_report?report_id=${encodeURIComponent(report.report_id)}&format=json`;
  json.download = `report-${report.report_id}.json`;
  renderSummary(summarize(rows));
  table.show(rows);
}

function renderSummary(s) {
  const tile = (label, value, note, testid) => el('div', { class: 'tile', 'data-summary': testid },
    el('dt', {}, label), el('dd', {}, el('span', { class: 'value' }, value), note ? el('span', { class: 'note' }, note) : null));
  $('summary').replaceChildren(
    tile('Stores reported', formatCount(s.stores), null, 'stores'),
    tile('Business hours covered', formatHours(s.businessWeek), 'last week, all stores', 'business'),
    tile('Downtime, last day', formatHours(s.downDay),
      s.businessDay > 0 ? `${formatPercent(s.downDay / s.businessDay)} of business time` : null, 'down-day'),
    tile('Downtime, last week', formatHours(s.downWeek),
      s.businessWeek > 0 ? `${formatPercent(s.downWeek / s.businessWeek)} of business time` : null, 'down-week'),
    tile('Down in the last hour', formatPercent(s.downLastHourShare),
      `${formatCount(s.downLastHour)} of ${formatCount(s.stores)} stores`, 'down-hour'));
}

async function openStore(storeId) {
  const reportId = state.reportId;
  table.select(storeId);
  const view = $('store-view');
  view.hidden = false;
  view.setAttribute('aria-busy', 'true');
  $('store-title').textContent = `Store ${storeId}`;
  $('store-meta').textContent = 'Loading its week…';
  const response = await apiFetch(`/api/reports/${encodeURIComponent(reportId)}/stores/`
    + `${encodeURIComponent(storeId)}/timeline`, { headers: { Accept: 'application/json' } });
  if (reportId !== state.reportId) return;
  if (!response.ok) {
    $('store-meta').textContent = await problemOf(response);
    view.removeAttribute('aria-busy');
    return;
  }
  const timeline = await response.json();
  $('store-meta').textContent = `Local time ${timeline.time_zone} · week from ${timeline.week_start_local.replace('T', ' ').slice(0, 16)}`
    + ` to ${timeline.as_of_local.replace('T', ' ').slice(0, 16)} · ${timeline.polls.length} polls used`;
  const rows = drawTimeline($('store-chart'), timeline);
  intervalsTable($('store-intervals'), rows);
  const f = timeline.figures;
  const figure = (label, value, unit, kind) => el('div', { class: `figure ${kind}` }, el('dt', {}, label),
    el('dd', {}, `${Number(value).toFixed(2)} `, el('span', { class: 'unit' }, unit)));
  $('store-figures').replaceChildren(
    figure('Up, last hour', f.uptime_last_hour, 'min', 'up'), figure('Down, last hour', f.downtime_last_hour, 'min', 'down'),
    figure('Up, last day', f.uptime_last_day, 'h', 'up'), figure('Down, last day', f.downtime_last_day, 'h', 'down'),
    figure('Up, last week', f.uptime_last_week, 'h', 'up'), figure('Down, last week', f.downtime_last_week, 'h', 'down'));
  view.removeAttribute('aria-busy');
  view.scrollIntoView({ behavior: 'smooth', block: 'start' });
  view.focus({ preventScroll: true });
}

async function refreshRecent() {
  const list = $('recent-list');
  let response;
  try {
    response = await apiFetch('/api/reports?limit=10', { headers: { Accept: 'application/json' } });
  } catch (e) {
    return;
  }
  if (!response.ok) {
    list.replaceChildren(el('li', { class: 'meta' }, await problemOf(response)));
    return;
  }
  const { reports } = await response.json();
  if (reports.length === 0) {
    list.replaceChildren(el('li', { class: 'meta' }, 'No reports yet.'));
    return;
  }
  list.replaceChildren(...reports.map((r) => el('li', { class: r.report_id === state.reportId ? 'current' : null },
    el('a', { href: `#report=${r.report_id}`, 'aria-label': `Open report ${r.report_id}, ${r.status}`,
      'aria-current': r.report_id === state.reportId ? 'true' : null },
    el('span', { class: 'recent-top' }, el('code', { class: 'id' }, r.report_id.slice(0, 8)),
      el('span', { class: `badge ${r.status.toLowerCase()}` }, r.status)),
    el('span', { class: 'recent-meta' }, `as of ${formatUtc(r.as_of)} · ${r.interpolation}`),
    el('span', { class: 'recent-meta', title: r.requested_at }, `requested ${formatAgo(r.requested_at)}`
      + (r.store_count != null ? ` · ${formatCount(r.store_count)} stores` : ''))))));
}

function fromHash() {
  const match = /report=([0-9a-fA-F-]{36})/.exec(location.hash);
  if (match && match[1] !== state.reportId) openReport(match[1]);
}

// download-csv stays a plain link to get_report (the API's bytes); only when a key is held does a click fetch it with
// the key and save the same bytes (api.js, downloadWithKey).
$('download-csv').addEventListener('click', async (event) => {
  if (!hasKey() || !state.reportId) return;
  event.preventDefault();
  const problem = await downloadWithKey($('download-csv').href, `report-${state.reportId}.csv`);
  if (problem) say(problem, 'error');
});
$('trigger-form').addEventListener('submit', trigger);
$('recent-refresh').addEventListener('click', refreshRecent);
$('store-close').addEventListener('click', () => {
  $('store-view').hidden = true;
  table.select(null);
});
window.addEventListener('hashchange', fromHash);
refreshRecent();
fromHash();
