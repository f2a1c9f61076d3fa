// Charts for the staff's figures: a uPlot chart for the eye and, always beside it, the same numbers as a table with a
// caption and header cells (th scope) for screen readers and keyboard users. The canvas is hidden from assistive
// technology, since the table says everything it shows. uPlot is served from its webjar (/vendor/uplot/); a page
// that draws charts links /vendor/uplot/dist/uPlot.min.css.
//
//   const figure = chart(container, { caption, categoryHeading, categories: ['Digital', 'Papper'],
//     series: [{ label: 'I dag', values: [3, 1] }], kind: 'bars' });
//   figure.update({ categories, series });   // new numbers, same chart
//
// kind 'bars' draws the first series as bars over the categories; 'lines' draws every series as a line with points
// (several series over the same categories, e.g. months). showTable: true shows the table to everyone as well.
import uPlot from '/vendor/uplot/dist/uPlot.esm.js';

// Non-text contrast at least 3:1 against white (WCAG 2.1 1.4.11), and told apart by more than hue in the table.
const COLOURS = ['#005a9c', '#b34700', '#2e7d32', '#6a1b9a', '#8a6d00', '#00695c'];
const HEIGHT = 220;

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function numberFormat(locale) {
  const format = new Intl.NumberFormat(locale || document.documentElement.lang || 'sv', { maximumFractionDigits: 1 });
  return (value) => (value === null || value === undefined || Number.isNaN(value) ? '–' : format.format(value));
}

/** The table alternative: one row per category, one column per series. */
function table(options, format) {
  const head = element('tr', {}, element('th', { scope: 'col' }, options.categoryHeading || ''),
    options.series.map((series) => element('th', { scope: 'col', class: 'num' }, series.label)));
  const rows = options.categories.map((category, index) => element('tr', {}, element('th', { scope: 'row' }, category),
    options.series.map((series) => element('td', { class: 'num' }, format(series.values[index])))));
  return element('table', { class: options.showTable ? 'chart-table' : 'chart-table visually-hidden' },
    element('caption', {}, options.caption), element('thead', {}, head), element('tbody', {}, rows));
}

function plotOptions(options, width, format) {
  const count = options.categories.length;
  const bars = options.kind !== 'lines';
  const shown = bars ? options.series.slice(0, 1) : options.series;
  return {
    width,
    height: HEIGHT,
    legend: { show: !bars },
    cursor: { show: false },
    scales: { x: { time: false, range: () => [-0.5, Math.max(count, 1) - 0.5] }, y: { range: (u, min, max) => [0, Math.max(max, 1)] } },
    axes: [
      { splits: () => options.categories.map((c, index) => index), values: (u, splits) => splits.map((i) => options.categories[i] ?? '') },
      { values: (u, splits) => splits.map(format) },
    ],
    series: [{}, ...shown.map((series, index) => ({
      label: series.label,
      stroke: COLOURS[index % COLOURS.length],
      fill: bars ? COLOURS[index % COLOURS.length] : null,
      width: bars ? 0 : 2,
      points: { show: !bars },
      paths: bars ? uPlot.paths.bars({ size: [0.6, 80] }) : undefined,
    }))],
  };
}

function plotData(options) {
  const shown = options.kind !== 'lines' ? options.series.slice(0, 1) : options.series;
  return [options.categories.map((c, index) => index), ...shown.map((series) => series.values.map((v) => v ?? null))];
}

/**
 * Draws a chart and its table into container (emptied first). Returns {update(next)}, which redraws with new numbers
 * (categories and series as in the options) without replacing the page's focus or the container.
 */
export function chart(container, options) {
  const format = numberFormat(options.locale);
  let current = { ...options };
  const canvas = element('div', { class: 'chart', 'aria-hidden': 'true' });
  let tableNode = table(current, format);
  container.replaceChildren(element('figure', { class: 'chart-figure' }, canvas, tableNode));
  const width = () => Math.max(240, Math.min(container.clientWidth || 480, 720));
  let plot = new uPlot(plotOptions(current, width(), format), plotData(current), canvas);
  const shapeOf = (o) => JSON.stringify([o.categories, o.series.map((s) => s.label)]);
  let shape = shapeOf(current);
  const resize = () => plot.setSize({ width: width(), height: HEIGHT });
  window.addEventListener('resize', resize);

  return {
    update(next) {
      current = { ...current, ...next };
      const fresh = table(current, format);
      tableNode.replaceWith(fresh);
      tableNode = fresh;
      const nextShape = shapeOf(current);
      if (nextShape === shape) {
        plot.setData(plotData(current));
      } else {
        plot.destroy();
        plot = new uPlot(plotOptions(current, width(), format), plotData(current), canvas);
        shape = nextShape;
      }
    },
    destroy() {
      window.removeEventListener('resize', resize);
      plot.destroy();
    },
  };
}
