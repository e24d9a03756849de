/*
 * The operations managers' dashboard: KPI tiles, charts per week and per service (from /api/kpis, read with the
 * signed-in session) and the service-delivery process map with per-activity numbers (from /dashboard/api).
 * No framework; Chart.js and bpmn-js are served by the application.
 */
(function () {
  'use strict';

  /** true: a higher value is better; false: a lower one is; absent: neither (the trend gets no colour) */
  const HIGHER_IS_BETTER = {
    onTimeDelivery: true,
    responseSlaCompliance: true,
    resolutionSlaCompliance: true,
    firstTimeRight: true,
    csatAverage: true,
    csatResponseRate: true,
    averageCost: false,
    averageCycleTime: false,
    openAtRisk: false
  };
  const CHART_KPI_DEFAULT = 'onTimeDelivery';
  const READABLE_ZOOM = 0.6;
  /** screen pixels kept free around the whole diagram, room for the badges on its outer shapes */
  const MAP_MARGIN = 48;
  const MAP_MIN_HEIGHT = 360;
  const MAP_MAX_HEIGHT = 720;
  const AJAX = { headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' };

  const $ = (id) => document.getElementById(id);
  const charts = {};
  let viewer;
  let selectedActivity;
  let lastKpis = { weekly: [], byService: [] };

  // ------------------------------------------------------------------------------------------------ formatting

  const number = (value, digits) =>
    value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

  function formatValue(kpi) {
    if (kpi.value === null || kpi.value === undefined) {
      return '–';
    }
    return formatNumber(kpi.value, kpi.unit);
  }

  function formatNumber(value, unit) {
    switch (unit) {
      case 'PERCENT': return number(value, 1) + ' %';
      case 'SCORE': return number(value, 2) + ' of 5';
      case 'MONEY': return number(value, 2);
      case 'HOURS': return number(value, 1) + ' h';
      default: return number(value, Number.isInteger(value) ? 0 : 1);
    }
  }

  function formatCount(value) {
    return Number.isInteger(value) ? number(value, 0) : number(value, 2);
  }

  const formatDuration = window.DashboardFormat.duration;

  function formatMoment(iso) {
    const moment = new Date(iso);
    return moment.toLocaleString('en-GB', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) + ' UTC';
  }

  function escape(text) {
    const span = document.createElement('span');
    span.textContent = text === null || text === undefined ? '' : String(text);
    return span.innerHTML;
  }

  // ------------------------------------------------------------------------------------------------ data

  async function getJson(url) {
    const response = await fetch(url, AJAX);
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error('signed out');
    }
    if (!response.ok) {
      throw new Error(url + ' answered ' + response.status);
    }
    return response.json();
  }

  /** The period as the APIs take it: days, {@code to} exclusive; the page shows the last day included. */
  function period() {
    const dayAfter = new Date(Date.parse($('to').value) + 24 * 3600 * 1000).toISOString().slice(0, 10);
    return new URLSearchParams({ from: $('from').value, to: dayAfter });
  }

  function formatDay(day) {
    return new Date(Date.parse(day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  }

  function kpiQuery() {
    const params = period();
    if ($('service').value) {
      params.set('serviceCode', $('service').value);
    }
    return params.toString();
  }

  // ------------------------------------------------------------------------------------------------ tiles

  function renderTiles(result) {
    const tiles = $('kpi-tiles');
    tiles.innerHTML = '';
    result.kpis.forEach((kpi) => {
      const tile = document.createElement('article');
      tile.className = 'tile';
      tile.dataset.kpi = kpi.key;
      tile.innerHTML =
        '<div class="kpi-label" title="' + escape(kpi.label) + '">' + escape(kpi.label) + '</div>' +
        '<div class="kpi-value' + (kpi.value === null ? ' empty' : '') + '">' + escape(formatValue(kpi)) + '</div>' +
        '<div class="kpi-ratio">' + escape(ratio(kpi)) + '</div>' +
        trend(kpi);
      tiles.appendChild(tile);
    });
    $('period').textContent = formatDay($('from').value) + ' – ' + formatDay($('to').value) +
      (result.serviceCode ? ' · ' + serviceName(result.serviceCode) : ' · all services') + ' · requests that ended in the period';
  }

  function ratio(kpi) {
    if (kpi.key === 'totalCost') {
      return 'sum of the period';
    }
    if (kpi.numerator === null || kpi.numerator === undefined || kpi.denominator === null || kpi.denominator === undefined) {
      return '';
    }
    return formatCount(kpi.numerator) + ' / ' + formatCount(kpi.denominator);
  }

  function trend(kpi) {
    if (kpi.previousValue === null || kpi.previousValue === undefined) {
      return '<div class="kpi-trend">' + (kpi.key === 'openAtRisk' ? 'of the open requests, now' : 'no previous value') + '</div>';
    }
    const previous = formatNumber(kpi.previousValue, kpi.unit);
    if (kpi.value === null || kpi.value === undefined || kpi.value === kpi.previousValue) {
      return '<div class="kpi-trend"><span class="arrow">→</span> previous period ' + escape(previous) + '</div>';
    }
    const up = kpi.value > kpi.previousValue;
    const direction = HIGHER_IS_BETTER[kpi.key];
    const judged = direction === undefined ? '' : (up === direction ? ' better' : ' worse');
    return '<div class="kpi-trend' + judged + '"><span class="arrow">' + (up ? '▲' : '▼') + '</span> previous period ' +
      escape(previous) + '</div>';
  }

  // ------------------------------------------------------------------------------------------------ charts

  function fillChartChoice(kpis) {
    const select = $('chart-kpi');
    if (select.options.length) return;
    kpis.forEach((kpi) => select.add(new Option(kpi.label, kpi.key, false, kpi.key === CHART_KPI_DEFAULT)));
  }

  function renderCharts() {
    const key = $('chart-kpi').value || CHART_KPI_DEFAULT;
    const pick = (kpis) => kpis.find((kpi) => kpi.key === key) || {};
    const first = lastKpis.weekly.map((week) => pick(week.kpis)).find((kpi) => kpi.unit) ||
      lastKpis.byService.map((service) => pick(service.kpis)).find((kpi) => kpi.unit) || {};
    const label = first.label || key;
    $('by-service-kpi').textContent = label;
    const axis = (value) => formatNumber(value, first.unit);
    draw('weekly', 'line', {
      labels: lastKpis.weekly.map((week) => 'Week of ' + week.weekStart),
      datasets: [{
        label, data: lastKpis.weekly.map((week) => pick(week.kpis).value ?? null),
        borderColor: '#2f6fdb', backgroundColor: 'rgba(47, 111, 219, .12)', fill: true, tension: .25, spanGaps: true,
        pointRadius: 4
      }]
    }, axis);
    draw('by-service', 'bar', {
      labels: lastKpis.byService.map((service) => service.serviceName || service.serviceCode),
      datasets: [{
        label, data: lastKpis.byService.map((service) => pick(service.kpis).value ?? null),
        backgroundColor: '#2fb6a0', borderRadius: 4, maxBarThickness: 48
      }]
    }, axis);
  }

  function draw(name, type, data, axis) {
    if (charts[name]) {
      charts[name].destroy();
    }
    charts[name] = new Chart($(name + '-chart'), {
      type, data,
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => item.raw === null ? 'no data' : axis(item.raw) } }
        },
        scales: { y: { beginAtZero: true, ticks: { callback: axis } }, x: { grid: { display: false } } }
      }
    });
  }

  async function loadKpis() {
    $('kpi-error').hidden = true;
    try {
      const [totals, weekly, byService] = await Promise.all([
        getJson('/api/kpis?' + kpiQuery()),
        getJson('/api/kpis/weekly?' + kpiQuery()),
        getJson('/api/kpis/by-service?' + period().toString())
      ]);
      renderTiles(totals);
      fillChartChoice(totals.kpis);
      lastKpis = { weekly, byService };
      renderCharts();
    } catch (error) {
      $('kpi-error').textContent = 'The key figures could not be loaded: ' + error.message;
      $('kpi-error').hidden = false;
    }
  }

  // ------------------------------------------------------------------------------------------------ process map

  async function loadDiagram() {
    viewer = new BpmnJS({ container: '#diagram' });
    const xml = await fetch('/dashboard/api/process-map/diagram', { credentials: 'same-origin' }).then((r) => r.text());
    await viewer.importXML(xml);
    showWholeDiagram();
    let pending;
    new ResizeObserver(() => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(showWholeDiagram);
    }).observe($('diagram'));
    viewer.get('eventBus').on('element.click', (event) => {
      if (isActivity(event.element) || event.element.type.endsWith('Event')) {
        showWaiting(event.element.id);
      }
    });
  }

  /**
   * The whole diagram, pool and lanes included, centred in the map with a margin all round. The map is as high as the
   * diagram needs at its width (within the map's least and greatest height), so that little of it stays empty.
   */
  function showWholeDiagram() {
    const canvas = viewer.get('canvas');
    canvas.resized();
    const { inner, outer } = canvas.viewbox();
    if (!inner.width || !inner.height || outer.width <= 2 * MAP_MARGIN) return;
    const needed = Math.round((outer.width - 2 * MAP_MARGIN) * inner.height / inner.width + 2 * MAP_MARGIN);
    const map = $('diagram');
    const height = Math.min(MAP_MAX_HEIGHT, Math.max(MAP_MIN_HEIGHT, needed)) + (map.offsetHeight - outer.height);
    if (Math.abs(height - map.offsetHeight) > 1) {
      map.style.height = height + 'px'; // the map's resize observer shows the diagram again
      return;
    }
    const room = { width: outer.width - 2 * MAP_MARGIN, height: outer.height - 2 * MAP_MARGIN };
    const zoom = Math.min(room.width / inner.width, room.height / inner.height);
    const box = { width: outer.width / zoom, height: outer.height / zoom };
    canvas.viewbox({
      x: inner.x + inner.width / 2 - box.width / 2, y: inner.y + inner.height / 2 - box.height / 2, ...box
    });
  }

  /** The delivery at a zoom where names and numbers can be read; the rest a drag away. */
  function focusOnDelivery() {
    const canvas = viewer.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    if (canvas.zoom() >= READABLE_ZOOM) return;
    const registry = viewer.get('elementRegistry');
    const focus = registry.get('SubProcess_DeliverService');
    const pool = registry.filter((element) => element.type === 'bpmn:Participant')[0];
    if (!focus || !pool) return;
    const outer = canvas.viewbox().outer;
    const width = outer.width / READABLE_ZOOM;
    const height = outer.height / READABLE_ZOOM;
    const x = Math.max(pool.x - 10, Math.min(focus.x + focus.width / 2 - width / 2, pool.x + pool.width + 10 - width));
    canvas.viewbox({ x, y: pool.y - 10, width, height });
  }

  function isActivity(element) {
    const type = element.type || '';
    return type.endsWith('Task') || type === 'bpmn:CallActivity' || type === 'bpmn:SubProcess';
  }

  async function loadActivities() {
    const activities = await getJson('/dashboard/api/activities?' + period().toString());
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    const canvas = viewer.get('canvas');
    overlays.clear();
    registry.getAll().forEach((element) => canvas.removeMarker(element.id, 'has-waiting'));
    const scale = true; // drawn in diagram units like the shapes, so they never run into each other
    activities.forEach((activity) => {
      const element = registry.get(activity.activityId);
      if (!element || !element.width) return;
      const id = escape(activity.activityId);
      if (activity.waiting > 0) {
        canvas.addMarker(element.id, 'has-waiting');
        overlays.add(element.id, 'waiting', {
          position: { top: -13, right: 13 }, scale,
          html: '<span class="badge waiting overlay-waiting" data-activity="' + id + '" title="' + activity.waiting +
            ' waiting now">' + activity.waiting + '</span>'
        });
      }
      if (!isActivity(element)) return;
      if (activity.slaBreaches > 0) {
        overlays.add(element.id, 'breaches', {
          position: { top: -13, left: -13 }, scale,
          html: '<span class="badge breaches overlay-breaches" data-activity="' + id + '" title="SLA breaches started here">⚠ ' +
            activity.slaBreaches + '</span>'
        });
      }
      if (activity.reworks > 0) {
        overlays.add(element.id, 'reworks', {
          position: { bottom: 13, right: 13 }, scale,
          html: '<span class="badge reworks overlay-reworks" data-activity="' + id + '" title="' + activity.reworks +
            ' reworks: failed quality reviews that sent the work back">↻ ' + activity.reworks + '</span>'
        });
      }
      if (activity.repeatedPasses > 0) {
        overlays.add(element.id, 'repeated', {
          position: { bottom: 13, left: -13 }, scale,
          html: '<span class="badge repeated overlay-repeated" data-activity="' + id + '" title="' + activity.repeatedPasses +
            ' repeated passes: a request there again, for whatever reason">' + activity.repeatedPasses + '× again</span>'
        });
      }
      // every step that requests left in the period, automated ones too
      if (activity.finished > 0 && element.type !== 'bpmn:SubProcess') {
        // below the shape, clear of the badges on its lower edge, or above it when boundary events hang there
        const below = !(element.attachers || []).length;
        overlays.add(element.id, 'durations', {
          position: below ? { top: element.height + 15, left: 0 } : { top: -52, left: 0 }, scale,
          html: '<div class="overlay-durations-box" style="width: ' + element.width + 'px">' +
            '<div class="overlay-durations" data-activity="' + id + '" title="' + activity.finished +
            ' finished in the period: average and 90th percentile">⌀ ' + formatDuration(activity.averageMillis) +
            '<br>p90 ' + formatDuration(activity.p90Millis) + '</div></div>'
        });
      }
    });
    if (selectedActivity) {
      showWaiting(selectedActivity);
    }
  }

  async function showWaiting(activityId) {
    const canvas = viewer.get('canvas');
    if (selectedActivity) canvas.removeMarker(selectedActivity, 'selected-activity');
    selectedActivity = activityId;
    canvas.addMarker(activityId, 'selected-activity');
    const element = viewer.get('elementRegistry').get(activityId);
    const name = (element && element.businessObject.name) || activityId;
    const requests = await getJson('/dashboard/api/activities/' + encodeURIComponent(activityId) + '/requests');
    $('waiting-title').textContent = name + ': ' + requests.length + ' waiting';
    $('waiting-hint').textContent = requests.length ? '' : 'No request waits here now.';
    const table = $('waiting-table');
    table.hidden = requests.length === 0;
    table.querySelector('tbody').innerHTML = requests.map((request) =>
      '<tr data-request="' + escape(request.requestId) + '">' +
      '<td><strong>' + escape(request.requestId) + '</strong></td>' +
      '<td>' + escape(request.title || '–') + '</td>' +
      '<td>' + escape(request.serviceName || request.serviceCode || '–') + '</td>' +
      '<td>' + escape(formatMoment(request.since)) + '</td>' +
      '<td>' + escape(request.assignee || '–') + '</td>' +
      '<td>' + (request.slaState ? '<span class="sla ' + escape(request.slaState) + '">' + escape(request.slaState.replace('_', ' ').toLowerCase()) + '</span>' : '–') + '</td>' +
      '</tr>').join('');
  }

  function zoomBy(factor) {
    const canvas = viewer.get('canvas');
    canvas.zoom(canvas.zoom() * factor, 'auto');
  }

  // ------------------------------------------------------------------------------------------------ page

  const services = {};

  function serviceName(code) {
    return services[code] || code;
  }

  async function loadServices() {
    const list = await getJson('/api/catalog/services');
    list.forEach((service) => {
      services[service.code] = service.name;
      $('service').add(new Option(service.name, service.code));
    });
  }

  async function loadSession() {
    const session = await getJson('/dashboard/api/session');
    $('signed-in-user').textContent = session.user;
    $('csrf').name = session.csrfParameter;
    $('csrf').value = session.csrfToken;
  }

  function initialPeriod() {
    const query = new URLSearchParams(window.location.search);
    const today = new Date();
    const fourWeeksAgo = new Date(today.getTime() - 27 * 24 * 3600 * 1000);
    $('from').value = query.get('from') || fourWeeksAgo.toISOString().slice(0, 10);
    $('to').value = query.get('to') || today.toISOString().slice(0, 10);
    return query.get('serviceCode');
  }

  function refresh() {
    const query = new URLSearchParams({ from: $('from').value, to: $('to').value });
    if ($('service').value) query.set('serviceCode', $('service').value);
    window.history.replaceState(null, '', '/dashboard?' + query.toString());
    return Promise.all([loadKpis(), loadActivities()]);
  }

  async function start() {
    const serviceCode = initialPeriod();
    await Promise.all([loadSession(), loadServices(), loadDiagram()]);
    if (serviceCode) $('service').value = serviceCode;
    $('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      refresh();
    });
    $('chart-kpi').addEventListener('change', renderCharts);
    $('zoom-in').addEventListener('click', () => zoomBy(1.25));
    $('zoom-out').addEventListener('click', () => zoomBy(0.8));
    $('zoom-fit').addEventListener('click', showWholeDiagram);
    $('zoom-delivery').addEventListener('click', focusOnDelivery);
    $('diagram').addEventListener('click', (event) => {
      const badge = event.target.closest('.overlay-waiting');
      if (badge) showWaiting(badge.dataset.activity);
    });
    await refresh();
    document.body.dataset.loaded = 'true';
  }

  start().catch((error) => {
    console.error(error);
    document.body.dataset.loaded = 'failed';
  });
})();
