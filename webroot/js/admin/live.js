// The live dashboard: the municipality's figures once (which also tells a role without access why it sees nothing),
// then a stream of server-sent events that carries the whole figure set again after every change. The browser's
// EventSource reconnects by itself; every (re)connection starts with the full set, so the page is never behind.
import { send } from '../api.js';
import { t, locale } from '../i18n.js';
import { chart } from '../charts.js';
import { announce, el, named, startStaffPage } from '../handlaggare/staff.js';

const charts = {};
let last = null;

function number(value, digits = 0) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

function table(caption, headers, rows) {
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header, index) => el('th', { scope: 'col', class: index ? 'num' : null }, header)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, el('th', { scope: 'row' }, cells[0]),
      cells.slice(1).map((cell) => el('td', { class: 'num' }, cell))))));
}

/** A chart in its section: drawn the first time, its numbers replaced after. */
function draw(id, options) {
  if (charts[id]) {
    charts[id].update(options);
  } else {
    charts[id] = chart(document.getElementById(id), { showTable: true, locale: locale(), ...options });
  }
}

/** A line of text under a section's chart, kept as one element however often the figures change. */
function note(section, id, text) {
  let line = document.getElementById(id);
  if (!line) {
    line = el('p', { id });
    document.getElementById(section).append(line);
  }
  line.textContent = text;
}

function put(id, ...children) {
  document.getElementById(id).replaceChildren(...children);
}

function render(figures) {
  last = figures;
  const channels = Object.keys(figures.submissions);
  draw('submissions', {
    caption: t('staff.live.submissions.caption', { date: figures.today }),
    categoryHeading: t('staff.live.channel'),
    categories: channels.map((channel) => named('staff.channel.', channel)),
    series: [
      { label: t('staff.live.today'), values: channels.map((channel) => figures.submissions[channel].today) },
      { label: t('staff.live.month'), values: channels.map((channel) => figures.submissions[channel].month) },
    ],
  });

  const queues = Object.keys(figures.queue);
  draw('queue', {
    caption: t('staff.live.queue.caption'),
    categoryHeading: t('staff.live.queue.queue'),
    categories: queues.map((queue) => named('staff.live.queue.', queue)),
    series: [
      { label: t('staff.live.count'), values: queues.map((queue) => figures.queue[queue].count) },
      { label: t('staff.live.queue.oldestHours'),
        values: queues.map((queue) => (figures.queue[queue].oldestSeconds === undefined ? null
          : Math.round(figures.queue[queue].oldestSeconds / 360) / 10)) },
    ],
  });

  const robot = figures.robot;
  draw('robot', {
    kind: 'lines',
    caption: t('staff.live.robot.caption', { minutes: robot.windowMinutes }),
    categoryHeading: t('staff.live.robot.minute'),
    categories: robot.perMinute.map((jobs, index) => t('staff.live.robot.minutesAgo', { n: robot.perMinute.length - 1 - index })),
    series: [{ label: t('staff.live.robot.jobs'), values: robot.perMinute }],
  });
  note('robot', 'robot-latency', t('staff.live.robot.summary', {
    lastMinute: number(robot.lastMinute), jobs: number(robot.latency.jobs),
    median: number(robot.latency.medianSeconds, 1), p90: number(robot.latency.p90Seconds, 1) }));

  const verdicts = ['unchanged', 'adjusted', 'rejected'];
  const warnings = Object.keys(figures.proposals.byWarning).sort();
  put('proposals', table(t('staff.live.proposals.caption'),
    [t('staff.live.proposals.warning'), ...verdicts.map((verdict) => t(`staff.live.verdict.${verdict}`))],
    [[t('staff.live.all'), ...verdicts.map((verdict) => number(figures.proposals.all[verdict]))],
      ...warnings.map((warning) => [warning === 'none' ? t('staff.live.proposals.noWarning') : named('staff.warningType.', warning),
        ...verdicts.map((verdict) => number(figures.proposals.byWarning[warning][verdict]))])]));

  put('lead', figures.leadTimes.length === 0 ? el('p', {}, t('staff.live.lead.none')) : table(t('staff.live.lead.caption'),
    [t('staff.live.lead.level'), t('staff.live.lead.decisions'), t('staff.live.lead.decisionMedian'),
      t('staff.live.lead.decisionTail'), t('staff.live.lead.paid'), t('staff.live.lead.paymentMedian'),
      t('staff.live.lead.paymentTail')],
    figures.leadTimes.map((level) => [level.level === '*' ? t('staff.live.all')
      : level.level === 'automated' ? t('staff.live.lead.automated') : named('staff.role.', level.level),
    number(level.decisions), number(level.decisionMedianHours, 1), number(level.decisionP90Hours, 1),
    number(level.paid), number(level.paymentMedianDays, 1), number(level.paymentP90Days, 1)])));

  const rounds = Object.keys(figures.komplettering.rounds);
  draw('komplettering', {
    caption: t('staff.live.komplettering.caption'),
    categoryHeading: t('staff.live.komplettering.rounds'),
    categories: rounds.map((round) => t(`staff.live.komplettering.round.${round}`)),
    series: [{ label: t('staff.live.komplettering.applications'), values: rounds.map((round) => figures.komplettering.rounds[round]) }],
  });
  note('komplettering', 'komplettering-open', t('staff.live.komplettering.open', { n: number(figures.komplettering.open) }));

  const states = Object.keys(figures.payments);
  put('payments', table(t('staff.live.payments.caption'),
    [t('staff.live.payments.state'), t('staff.live.count'), t('staff.live.payments.amount')],
    states.map((state) => [named('staff.live.payment.', state), number(figures.payments[state].count),
      number(Number(figures.payments[state].amount))])));

  const meetings = Object.keys(figures.bookings.meetingsToday);
  put('bookings', table(t('staff.live.bookings.caption'), [t('staff.live.bookings.state'), t('staff.live.count')],
    [...meetings.map((state) => [named('staff.live.meeting.', state), number(figures.bookings.meetingsToday[state])]),
      [t('staff.live.bookings.booked'), number(figures.bookings.bookedToday)]]));

  const steps = Object.keys(figures.drafts.byStep);
  if (steps.length === 0) {
    if (charts.drafts) charts.drafts.destroy();
    delete charts.drafts;
    put('drafts', el('p', {}, t('staff.live.drafts.none', { hours: figures.drafts.abandonedAfterHours })));
  } else {
    if (!charts.drafts) put('drafts');
    draw('drafts', {
      caption: t('staff.live.drafts.caption', { hours: figures.drafts.abandonedAfterHours }),
      categoryHeading: t('staff.live.drafts.step'),
      categories: steps.map((step) => (step === 'none' ? t('staff.live.drafts.noStep') : named('step.', step))),
      series: [{ label: t('staff.live.drafts.count'), values: steps.map((step) => figures.drafts.byStep[step]) }],
    });
  }

  document.getElementById('updated').textContent = t('staff.live.updated', {
    time: new Date(figures.at).toLocaleTimeString(locale(), { timeZone: 'Europe/Stockholm' }) });
  document.getElementById('figures').hidden = false;
}

function listen() {
  const events = new EventSource('/api/v1/admin/live');
  events.addEventListener('figures', (event) => {
    document.getElementById('status').hidden = true;
    render(JSON.parse(event.data));
  });
  events.addEventListener('error', () => {
    // EventSource tries again by itself; say so, and that the figures shown may be behind until it is back.
    if (events.readyState !== EventSource.CLOSED) {
      const status = document.getElementById('status');
      status.className = 'status';
      status.textContent = t('staff.live.reconnecting');
      status.hidden = false;
    }
  });
}

async function start() {
  const session = await startStaffPage();
  if (!session) return;
  const result = await send('GET', '/api/v1/admin/live/figures');
  if (!result.ok) {
    announce(result.status === 403 ? t('staff.live.refused') : result.data.message, 'error');
    return;
  }
  render(result.data);
  document.addEventListener('languagechange', () => {
    Object.values(charts).forEach((figure) => figure.destroy());
    Object.keys(charts).forEach((id) => delete charts[id]);
    ['submissions', 'queue', 'robot', 'komplettering', 'drafts'].forEach((id) => put(id));
    if (last) render(last);
  });
  listen();
}

start();
