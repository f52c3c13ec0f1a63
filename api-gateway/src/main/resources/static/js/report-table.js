// The report table: sortable by every column, filtered by store id, one page of rows in the DOM at a time (so that
// 14,000 stores never freeze the page). Downtime cells are shaded by their share of the window's business time.
import { COLUMNS, share } from './report-data.js';
import { el, formatCount } from './format.js';

export class ReportTable {
  constructor({ table, filter, pageSize, count, prev, next, pageInfo, onOpenStore }) {
    Object.assign(this, { table, filter, pageSize, count, prev, next, pageInfo, onOpenStore });
    this.rows = [];
    this.visible = [];
    this.sort = { key: 'downtime_last_week', descending: true };
    this.page = 0;
    this.selected = null;
    this.renderHead();
    let timer;
    filter.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { this.page = 0; this.refresh(); }, 120);
    });
    pageSize.addEventListener('change', () => { this.page = 0; this.render(); });
    prev.addEventListener('click', () => { this.page -= 1; this.render(); });
    next.addEventListener('click', () => { this.page += 1; this.render(); });
    table.tBodies[0].addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-store-id]');
      if (row) this.onOpenStore(row.dataset.storeId);
    });
  }

  show(rows) {
    this.rows = rows;
    this.page = 0;
    this.filter.value = '';
    this.refresh();
  }

  select(storeId) {
    this.selected = storeId;
    for (const row of this.table.tBodies[0].rows) {
      row.classList.toggle('selected', row.dataset.storeId === storeId);
    }
  }

  renderHead() {
    const cells = COLUMNS.map((column) => {
      const button = el('button', { type: 'button', class: 'sort', 'data-key': column.key },
        column.label, column.unit ? el('span', { class: 'unit', text: ` (${column.unit})` }) : null,
        el('span', { class: 'arrow', 'aria-hidden': 'true' }));
      button.addEventListener('click', () => {
        const same = this.sort.key === column.key;
        this.sort = { key: column.key, descending: same ? !this.sort.descending : column.numeric };
        this.page = 0;
        this.refresh();
      });
      return el('th', { scope: 'col', class: column.numeric ? 'num' : null, 'data-key': column.key }, button);
    });
    this.table.tHead.replaceChildren(el('tr', {}, cells));
  }

  refresh() {
    const needle = this.filter.value.trim().toLowerCase();
    const matching = needle ? this.rows.filter((r) => r.value.store_id.toLowerCase().includes(needle)) : this.rows;
    const { key, descending } = this.sort;
    const sign = descending ? -1 : 1;
    this.visible = [...matching].sort((a, b) => {
      const x = a.value[key];
      const y = b.value[key];
      let order;
      if (x === y) order = 0;
      else if (x === null) return 1; // no business time: always last
      else if (y === null) return -1;
      else order = x < y ? -1 : 1;
      return sign * order || (a.value.store_id < b.value.store_id ? -1 : a.value.store_id > b.value.store_id ? 1 : 0);
    });
    for (const th of this.table.tHead.rows[0].cells) {
      const sorted = th.dataset.key === key;
      th.setAttribute('aria-sort', sorted ? (descending ? 'descending' : 'ascending') : 'none');
      th.querySelector('.arrow').textContent = sorted ? (descending ? ' ▼' : ' ▲') : '';
    }
    this.render();
  }

  render() {
    const size = Number(this.pageSize.value);
    const pages = Math.max(1, Math.ceil(this.visible.length / size));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    const slice = this.visible.slice(this.page * size, (this.page + 1) * size);
    const fragment = document.createDocumentFragment();
    for (const row of slice) fragment.append(this.renderRow(row));
    this.table.tBodies[0].replaceChildren(fragment);
    this.table.dataset.totalRows = String(this.visible.length);
    this.count.textContent = this.visible.length === this.rows.length
      ? `${formatCount(this.rows.length)} stores`
      : `${formatCount(this.visible.length)} of ${formatCount(this.rows.length)} stores`;
    this.pageInfo.textContent = `Page ${this.page + 1} of ${pages}`;
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
  }

  renderRow(row) {
    const cells = COLUMNS.map((column) => {
      if (column.key === 'store_id') {
        return el('th', { scope: 'row', class: 'store' },
          el('button', { type: 'button', class: 'link', 'aria-label': `Show the week of store ${row.text.store_id}` },
            row.text.store_id));
      }
      const cell = el('td', { class: 'num' }, row.text[column.key]);
      if (column.up) {
        const s = share(row.value[column.key], row.value[column.up]);
        if (s) cell.style.setProperty('--shade', Math.min(1, 0.12 + 0.88 * s).toFixed(3));
        if (s) cell.classList.add('shaded');
      }
      if (column.key === 'down_share') {
        cell.replaceChildren(el('span', { class: 'share-bar', 'aria-hidden': 'true' },
          el('span', { style: `width:${((row.value.down_share || 0) * 100).toFixed(1)}%` })),
        el('span', { class: 'share-text' }, row.text.down_share));
      }
      return cell;
    });
    const tr = el('tr', { 'data-store-id': row.value.store_id }, cells);
    if (row.value.store_id === this.selected) tr.classList.add('selected');
    return tr;
  }
}
