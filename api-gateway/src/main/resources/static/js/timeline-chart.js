// A store's week as hand-made SVG: one row per local day (00:00 to 24:00 on the store's clock), business hours as a
// band, the engine's up and down intervals as bars inside it, each poll as a mark above. Positions come from the
// local date-times the API sends, so the page needs no time-zone rules of its own.
import { el, formatDuration } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const GUTTER = 92;
const RIGHT = 26;
const TOP = 26;
const ROW = 34;
const DAY_MINUTES = 1440;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A local date-time as minutes since the local epoch (the clock's reading, not real time). */
function localMinutes(text) {
  const [date, time] = text.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = '0'] = time.split(':');
  return (Date.UTC(y, mo - 1, d) / 60000) + Number(h) * 60 + Number(mi) + Number(s) / 60;
}

function clock(minutes) {
  const m = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(Math.floor(m % 60)).padStart(2, '0')}`;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function title(text) {
  return svg('title', {}, text);
}

/** Draws the chart into {@code container}; returns the interval rows for the accessible table. */
export function drawTimeline(container, timeline) {
  const weekStart = localMinutes(timeline.week_start_local);
  const asOf = localMinutes(timeline.as_of_local);
  const firstDay = Math.floor(weekStart / DAY_MINUTES);
  const lastDay = Math.floor((asOf - 1e-9) / DAY_MINUTES);
  const days = lastDay - firstDay + 1;
  const height = TOP + days * ROW + 8;
  const plot = WIDTH - GUTTER - RIGHT;
  const x = (minuteOfDay) => GUTTER + (minuteOfDay / DAY_MINUTES) * plot;
  const rowY = (day) => TOP + (day - firstDay) * ROW;

  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc',
    class: 'timeline-svg', preserveAspectRatio: 'xMinYMin meet',
  });
  const ups = timeline.segments.filter((s) => s.status === 'up').length;
  root.append(svg('title', { id: 'chart-title' }, `Week of store ${timeline.store_id}`),
    svg('desc', { id: 'chart-desc' }, `${days} local days in ${timeline.time_zone}; ${ups} up and `
      + `${timeline.segments.length - ups} down intervals of business time; ${timeline.polls.length} polls.`));
  const defs = svg('defs');
  defs.innerHTML = '<pattern id="outside" width="6" height="6" patternUnits="userSpaceOnUse" '
    + 'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f1f3f5"/>'
    + '<line x1="0" y1="0" x2="0" y2="6" stroke="#cfd4da" stroke-width="2"/></pattern>';
  root.append(defs);

  // hour grid and labels
  const grid = svg('g', { class: 'grid' });
  for (let hour = 0; hour <= 24; hour += 3) {
    grid.append(svg('line', { x1: x(hour * 60), x2: x(hour * 60), y1: TOP - 4, y2: TOP + days * ROW }));
    grid.append(svg('text', { x: x(hour * 60), y: TOP - 10, 'text-anchor': 'middle', class: 'axis' },
      `${String(hour).padStart(2, '0')}:00`));
  }
  root.append(grid);

  for (let day = firstDay; day <= lastDay; day++) {
    const date = new Date(day * DAY_MINUTES * 60000);
    const y = rowY(day);
    root.append(svg('rect', { x: GUTTER, y: y + 4, width: plot, height: ROW - 8, class: 'day-bg' }));
    root.append(svg('text', { x: GUTTER - 10, y: y + ROW / 2 + 4, 'text-anchor': 'end', class: 'day-label' },
      `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`));
  }
  // before the week on the first day, after as-of on the last
  const before = weekStart - firstDay * DAY_MINUTES;
  if (before > 0) {
    root.append(svg('rect', { x: x(0), y: rowY(firstDay) + 4, width: x(before) - x(0), height: ROW - 8,
      fill: 'url(#outside)', class: 'outside' }, title(`Before the report's week (${clock(weekStart)})`)));
  }
  const after = asOf - lastDay * DAY_MINUTES;
  if (after < DAY_MINUTES) {
    root.append(svg('rect', { x: x(after), y: rowY(lastDay) + 4, width: x(DAY_MINUTES) - x(after),
      height: ROW - 8, fill: 'url(#outside)', class: 'outside' }, title(`After as of (${clock(asOf)})`)));
  }

  const bands = svg('g', { class: 'business' });
  const bars = svg('g', { class: 'segments' });
  const rows = [];
  for (const segment of timeline.segments) {
    const from = localMinutes(segment.start_local);
    const to = localMinutes(segment.end_local);
    const realMinutes = (Date.parse(segment.end) - Date.parse(segment.start)) / 60000;
    rows.push({ segment, realMinutes });
    const label = `${segment.status === 'up' ? 'Up' : 'Down'} ${segment.start_local.replace('T', ' ').slice(0, 16)}`
      + ` to ${segment.end_local.replace('T', ' ').slice(0, 16)} (${formatDuration(realMinutes)} h)`;
    // A piece may cross local midnight: draw it on each day it touches.
    for (let day = Math.floor(from / DAY_MINUTES); day * DAY_MINUTES < to; day++) {
      if (day < firstDay || day > lastDay) continue;
      const a = Math.max(from, day * DAY_MINUTES) - day * DAY_MINUTES;
      const b = Math.min(to, (day + 1) * DAY_MINUTES) - day * DAY_MINUTES;
      if (b <= a) continue;
      const y = rowY(day);
      bands.append(svg('rect', { x: x(a), y: y + 4, width: Math.max(0.5, x(b) - x(a)), height: ROW - 8,
        class: 'band' }));
      bars.append(svg('rect', { x: x(a), y: y + 12, width: Math.max(0.75, x(b) - x(a)), height: ROW - 20,
        class: `seg seg-${segment.status}`, 'data-status': segment.status }, title(label)));
    }
  }
  root.append(bands, bars);

  const marks = svg('g', { class: 'polls' });
  for (const poll of timeline.polls) {
    const at = localMinutes(poll.at_local);
    const day = Math.floor(at / DAY_MINUTES);
    if (day < firstDay || day > lastDay) continue;
    const cx = x(at - day * DAY_MINUTES);
    const cy = rowY(day) + 8;
    const text = `Poll ${poll.at_local.replace('T', ' ').slice(0, 19)}: ${poll.status}`;
    marks.append(poll.status === 'active'
      ? svg('circle', { cx, cy, r: 3.2, class: 'poll poll-active' }, title(text))
      : svg('path', { d: `M${cx - 3.2},${cy - 3.2}L${cx + 3.2},${cy + 3.2}M${cx - 3.2},${cy + 3.2}L${cx + 3.2},${cy - 3.2}`,
        class: 'poll poll-inactive' }, title(text)));
  }
  root.append(marks);
  container.replaceChildren(root);
  return rows;
}

/** The same intervals as a table, for screen readers and for copying. */
export function intervalsTable(table, rows) {
  const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Status'), el('th', { scope: 'col' }, 'From (local)'),
    el('th', { scope: 'col' }, 'To (local)'), el('th', { scope: 'col', class: 'num' }, 'Length (h:mm)')));
  const body = el('tbody', {}, rows.map(({ segment, realMinutes }) => el('tr', {},
    el('td', {}, el('span', { class: `pill ${segment.status}` }, segment.status === 'up' ? 'Up' : 'Down')),
    el('td', {}, segment.start_local.replace('T', ' ').slice(0, 19)),
    el('td', {}, segment.end_local.replace('T', ' ').slice(0, 19)),
    el('td', { class: 'num' }, formatDuration(realMinutes)))));
  table.replaceChildren(head, body);
}
