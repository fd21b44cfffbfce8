// The timeline: facts per year or month as bars stacked by type. A click selects a period's range,
// shift-click (or Shift+Enter) extends it; arrow keys move between bars.
import { h, TYPES, typeLabel } from './ui.js';

export function periodStart(period) {
  return period.length === 4 ? period + '-01-01' : period + '-01';
}

export function periodEnd(period) {
  if (period.length === 4) return period + '-12-31';
  const [y, m] = period.split('-').map(Number);
  return period + '-' + String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
}

function adjacent(a, b) {
  if (a.length === 4) return +b === +a + 1;
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return yb * 12 + mb === ya * 12 + ma + 1;
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * periods: [{period, count, byType: [{type, count}]}]; granularity 'YEAR' | 'MONTH';
 * from/to: the selected range (ISO dates) or empty; onRange(from, to); onGranularity(g).
 */
export function timeline({ periods, granularity, from, to, onRange, onGranularity }) {
  const max = Math.max(1, ...periods.map(p => p.count));
  const total = periods.reduce((sum, p) => sum + p.count, 0);
  const hasRange = !!(from || to);
  const inRange = p => (!from || periodEnd(p.period) >= from) && (!to || periodStart(p.period) <= to);

  function select(p, extend) {
    let start = periodStart(p.period), end = periodEnd(p.period);
    if (extend && hasRange) {
      if (from && from < start) start = from;
      if (to && to > end) end = to;
    }
    onRange(start, end);
  }

  const bars = [];
  let previous = null;
  let focusIndex = -1;
  periods.forEach((p, i) => {
    if (previous && !adjacent(previous, p.period)) {
      bars.push(h('li', { class: 'tl-gap', 'aria-hidden': 'true', title: 'No dated facts between' }, '⋯'));
    }
    previous = p.period;
    const selected = hasRange && inRange(p);
    if (selected && focusIndex < 0) focusIndex = i;
    const counts = Object.fromEntries(p.byType.map(t => [t.type, t.count]));
    const words = TYPES.filter(t => counts[t]).map(t => counts[t] + ' ' + typeLabel(t).toLowerCase() + (counts[t] > 1 ? 's' : ''));
    const [year, month] = p.period.split('-');
    const label = month ? h('span', { class: 'tl-label' }, MONTH_ABBR[+month - 1],
      (month === '01' || i === 0 || !adjacent(periods[i - 1].period, p.period)) ? h('span', { class: 'tl-year' }, year) : null)
      : h('span', { class: 'tl-label' }, year);
    bars.push(h('li', {},
      h('button', {
        type: 'button', class: 'tl-bar' + (selected ? ' selected' : '') + (hasRange && !selected ? ' dimmed' : ''),
        'data-testid': 'timeline-bar', 'data-period': p.period, 'data-count': p.count,
        'aria-pressed': String(selected), tabindex: '-1',
        'aria-label': p.period + ': ' + p.count + ' fact' + (p.count === 1 ? '' : 's') + (words.length ? ' (' + words.join(', ') + ')' : ''),
        title: p.period + ' — ' + p.count + ' (' + words.join(', ') + ')',
        onclick: e => select(p, e.shiftKey),
        onkeydown: e => {
          if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(p, e.shiftKey); }
          else if (['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(e.key)) { e.preventDefault(); move(e.currentTarget, e.key); }
        },
        onkeyup: e => { if (e.key === ' ') e.preventDefault(); },
      },
      h('span', { class: 'tl-stack', style: 'height:' + (p.count / max * 100).toFixed(1) + '%' },
        TYPES.filter(t => counts[t]).map(t => h('span', {
          class: 'tl-seg t-' + t, style: 'flex-grow:' + counts[t],
        }))),
      ),
      label));
  });

  const list = h('ol', { class: 'tl-bars', 'data-testid': 'timeline', 'aria-label': 'Facts per ' + granularity.toLowerCase() }, bars);
  const buttons = () => [...list.querySelectorAll('.tl-bar')];
  const all = buttons();
  const tabbable = all[focusIndex >= 0 ? focusIndex : all.length - 1];
  if (tabbable) tabbable.tabIndex = 0;

  function move(current, key) {
    const items = buttons();
    let i = items.indexOf(current);
    i = key === 'Home' ? 0 : key === 'End' ? items.length - 1 : Math.max(0, Math.min(items.length - 1, i + (key === 'ArrowRight' ? 1 : -1)));
    items.forEach(b => { b.tabIndex = -1; });
    items[i].tabIndex = 0;
    items[i].focus();
  }

  // show the selected periods, or the latest ones, where the bars overflow (narrow screens, months)
  requestAnimationFrame(() => {
    const scroller = list.parentElement;
    if (!scroller || scroller.scrollWidth <= scroller.clientWidth) return;
    const target = focusIndex >= 0 ? all[focusIndex] : null;
    scroller.scrollLeft = target ? target.offsetLeft - scroller.offsetLeft - 20 : scroller.scrollWidth;
  });

  const granularityName = 'gran-' + Math.random().toString(36).slice(2, 7);
  const section = h('section', { class: 'card timeline', 'aria-labelledby': granularityName + '-h' },
    h('div', { class: 'tl-head' },
      h('h2', { id: granularityName + '-h' }, 'Over time'),
      h('span', { class: 'muted' }, total + ' dated fact' + (total === 1 ? '' : 's')),
      h('fieldset', { class: 'segmented' },
        h('legend', { class: 'sr-only' }, 'Granularity'),
        ['YEAR', 'MONTH'].map(g => h('label', {},
          h('input', { type: 'radio', name: granularityName, value: g, checked: g === granularity,
            'data-testid': 'granularity-' + g.toLowerCase(), onchange: () => onGranularity(g) }),
          g === 'YEAR' ? 'Years' : 'Months'))),
      hasRange ? h('button', { type: 'button', class: 'link-button', 'data-testid': 'clear-range',
        onclick: () => onRange('', '') }, 'Clear dates') : null),
    h('ul', { class: 'legend', 'aria-label': 'Fact types' },
      TYPES.map(t => h('li', {}, h('span', { class: 'swatch t-' + t, 'aria-hidden': 'true' }), typeLabel(t)))),
    periods.length
      ? h('div', { class: 'tl-scroll' }, list)
      : h('p', { class: 'muted', 'data-testid': 'timeline-empty' }, 'No dated facts.'),
    periods.length ? h('p', { class: 'hint' }, 'Select a period to filter the facts; Shift+click or Shift+Enter extends the range; arrow keys move between periods.') : null);
  return section;
}
