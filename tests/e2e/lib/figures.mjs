// Indicator rows of the API (docs/openapi.yaml) as flat figures, the small-group rules of
// docs/privacy.md that say which of them must be withheld, and the CONTRACT's data-value format.

// { "persons": 40, "age_bands.50-54": 4, "retirements_by_year.0.persons": 3, "part_time": {count,…}, … }
export function flatten(indicators) {
  const out = {};
  for (const [name, value] of Object.entries(indicators)) {
    if (name === 'age_bands' || name === 'position_size_bands') {
      for (const [band, count] of Object.entries(value ?? {})) out[`${name}.${band}`] = count;
    } else if (name === 'age_pyramid') {
      for (const [gender, bands] of Object.entries(value ?? {})) {
        for (const [band, count] of Object.entries(bands ?? {})) out[`age_pyramid.${gender}.${band}`] = count;
      }
    } else if (name === 'retirements_by_year') {
      (value ?? []).forEach((entry, i) => {
        out[`retirements_by_year.${i}.persons`] = entry?.persons ?? null;
        out[`retirements_by_year.${i}.fte`] = entry?.fte ?? null;
      });
    } else {
      out[name] = value;
    }
  }
  return out;
}

export function flattenTurnover(turnover) {
  return Object.fromEntries(Object.entries(turnover).map(([k, v]) => [`turnover.${k}`, v]));
}

const small = (n, k) => Number.isInteger(n) && n >= 1 && n < k;

// The figures of an unsuppressed row (flattened) that docs/privacy.md withholds by its primary
// rules alone (rules 1–4), with the reason for each. Secondary suppression comes on top of these.
export function primaryWithheld(figures, k = 5) {
  const out = {};
  const persons = figures.persons;
  if (small(persons, k)) {
    for (const name of Object.keys(figures)) if (!name.startsWith('turnover.')) out[name] = `row of ${persons} persons (rule 1)`;
  } else {
    for (const [name, value] of Object.entries(figures)) {
      if (name.startsWith('turnover.')) continue;
      if (/^(age_bands|age_pyramid|position_size_bands)\./.test(name) && small(value, k)) out[name] = `count ${value} (rule 2)`;
      const year = name.match(/^retirements_by_year\.(\d+)\./);
      if (year && small(figures[`retirements_by_year.${year[1]}.persons`], k)) out[name] = 'retirements of 1–4 persons (rule 2)';
      if (value && typeof value === 'object' && 'count' in value) {
        const { count, total } = value;
        if (small(count, k) || small(total - count, k)) out[name] = `share ${count} of ${total} (rule 3)`;
        if (small(total, k)) out[name] = `share of a group of ${total} (rule 4)`;
      }
    }
  }
  const before = figures['turnover.persons_before'];
  const after = figures['turnover.persons_after'];
  if (before !== undefined) {
    if (small(before, k) || small(after, k)) {
      for (const name of Object.keys(figures)) if (name.startsWith('turnover.')) out[name] = 'turnover row small before or after (rule 1)';
    } else {
      for (const name of ['turnover.joiners', 'turnover.leavers']) if (small(figures[name], k)) out[name] = `count ${figures[name]} (rule 2)`;
      if (out['turnover.leavers']) out['turnover.turnover'] = 'goes with leavers';
    }
  }
  return out;
}

function roundHalfAway(x, decimals) {
  const scale = 10 ** decimals;
  const units = Math.sign(x) * Math.floor(Math.abs(x) * scale + 0.5 + 1e-9);
  return (units / scale).toFixed(decimals);
}

// The CONTRACT's data-value of an API figure that is shown (not null): counts as integers, fte
// with two decimals, averages with one, shares as a percentage with one ("" when 0 of 0).
export function dataValueOf(name, value) {
  if (value && typeof value === 'object' && 'count' in value) {
    if (value.total === 0) return '';
    const tenths = Math.floor((2 * 1000 * value.count + value.total) / (2 * value.total));
    return `${Math.floor(tenths / 10)}.${tenths % 10}`;
  }
  if (/(^|\.)fte$/.test(name) || name === 'change_fte') return roundHalfAway(value, 2);
  if (/average/.test(name)) return roundHalfAway(value, 1);
  return String(value);
}
