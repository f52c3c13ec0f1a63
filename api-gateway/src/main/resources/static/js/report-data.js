// The report's CSV, read once into rows; the summary the page shows at the top is computed from the same rows.
export const COLUMNS = [
  { key: 'store_id', label: 'Store', numeric: false },
  { key: 'uptime_last_hour', label: 'Up, last hour', unit: 'min', numeric: true },
  { key: 'uptime_last_day', label: 'Up, last day', unit: 'h', numeric: true },
  { key: 'uptime_last_week', label: 'Up, last week', unit: 'h', numeric: true },
  { key: 'downtime_last_hour', label: 'Down, last hour', unit: 'min', numeric: true, up: 'uptime_last_hour' },
  { key: 'downtime_last_day', label: 'Down, last day', unit: 'h', numeric: true, up: 'uptime_last_day' },
  { key: 'downtime_last_week', label: 'Down, last week', unit: 'h', numeric: true, up: 'uptime_last_week' },
  { key: 'down_share', label: 'Down share (week)', numeric: true, derived: true },
];

/** Parses the CSV: each row keeps the text of every figure as written, and its value for sorting and sums. */
export function parseCsv(csv) {
  const lines = csv.split('\n').filter((line) => line.length > 0);
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const fields = line.split(',');
    const row = { text: {}, value: {} };
    header.forEach((name, i) => {
      row.text[name] = fields[i];
      row.value[name] = name === 'store_id' ? fields[i] : Number(fields[i]);
    });
    row.value.down_share = share(row.value.downtime_last_week, row.value.uptime_last_week);
    row.text.down_share = row.value.down_share === null ? '—' : `${(row.value.down_share * 100).toFixed(1)}%`;
    return row;
  });
}

/** Downtime as a share of the business time in a window; null when the window held no business time. */
export function share(down, up) {
  const business = down + up;
  return business > 0 ? down / business : null;
}

export function summarize(rows) {
  let businessWeek = 0;
  let businessDay = 0;
  let downDay = 0;
  let downWeek = 0;
  let downLastHour = 0;
  for (const { value } of rows) {
    businessWeek += value.uptime_last_week + value.downtime_last_week;
    businessDay += value.uptime_last_day + value.downtime_last_day;
    downDay += value.downtime_last_day;
    downWeek += value.downtime_last_week;
    if (value.downtime_last_hour > 0) downLastHour += 1;
  }
  return {
    stores: rows.length, businessWeek, businessDay, downDay, downWeek, downLastHour,
    downLastHourShare: rows.length ? downLastHour / rows.length : 0,
  };
}
