/*
 * The what-if page: asks POST /dashboard/api/simulations (session + CSRF token from /dashboard/api/session) about a
 * past period with the changes filled in, and shows the actual, simulated and predicted figures side by side with
 * their uncertainty. Reads the pool, the services and the calendars from /api with the same session.
 */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const AJAX = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
  const DAY = 24 * 3600 * 1000;
  /** figures where a lower value is better; the others are better higher, the counts neither */
  const LOWER_IS_BETTER = new Set(['averageCycleTime', 'averageWaitForStaff']);
  const NEUTRAL = new Set(['utilisation', 'requestsDelivered', 'requestsArrived']);
  let csrf = null;

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

  async function loadSession() {
    const session = await getJson('/dashboard/api/session');
    $('signed-in-user').textContent = session.user;
    $('csrf').name = session.csrfParameter;
    $('csrf').value = session.csrfToken;
    csrf = session.csrfToken;
  }

  async function loadChoices() {
    const [people, services, calendars] = await Promise.all([
      getJson('/api/resources'), getJson('/api/catalog/services'), getJson('/api/catalog/calendars')]);
    people.forEach((person) => {
      const label = person.displayName + ' (' + person.userId + ')';
      $('remove-user').add(new Option(label, person.userId));
      $('capacity-user').add(new Option(label + ', capacity ' + person.capacity, person.userId));
    });
    services.forEach((service) => $('sla-service').add(new Option(service.name, service.code)));
    calendars.forEach((calendar) => $('add-calendar').add(new Option(calendar.name, calendar.code)));
  }

  function initialPeriod() {
    const today = Date.parse(new Date().toISOString().slice(0, 10));
    $('from').value = new Date(today - 28 * DAY).toISOString().slice(0, 10);
    $('to').value = new Date(today - DAY).toISOString().slice(0, 10);
  }

  function skills(id) {
    return $(id).value.split(',').map((skill) => skill.trim()).filter((skill) => skill);
  }

  function number(id) {
    const text = $(id).value.trim();
    return text === '' ? null : Number(text);
  }

  /** The question as the API takes it: only the changes filled in; the last day of the period included. */
  function question() {
    const changes = {};
    if ($('add-user').value.trim()) {
      changes.addStaff = [{
        userId: $('add-user').value.trim(),
        skills: skills('add-skills'),
        capacity: number('add-capacity'),
        workingCalendar: $('add-calendar').value || null,
      }];
    }
    if ($('remove-user').value) {
      changes.removeStaff = [$('remove-user').value];
    }
    const added = skills('capacity-add-skills');
    const removed = skills('capacity-remove-skills');
    if ($('capacity-user').value && (number('capacity') !== null || added.length || removed.length)) {
      changes.staff = {
        [$('capacity-user').value]: {
          capacity: number('capacity'),
          addSkills: added.length ? added : null,
          removeSkills: removed.length ? removed : null,
        },
      };
    }
    if ($('sla-service').value && (number('sla-response') !== null || number('sla-resolution') !== null)) {
      changes.slaTargets = [{
        serviceCode: $('sla-service').value,
        priority: $('sla-priority').value,
        responseMinutes: number('sla-response'),
        resolutionMinutes: number('sla-resolution'),
      }];
    }
    const steps = {};
    if ($('step').value && number('step-factor') !== null) {
      steps[$('step').value] = { durationFactor: number('step-factor') };
    }
    if (number('rework') !== null) {
      steps.Task_ReviewQuality = Object.assign(steps.Task_ReviewQuality || {}, { reworkRate: number('rework') });
    }
    if (Object.keys(steps).length) {
      changes.steps = steps;
    }
    if (number('arrivals') !== null) {
      changes.arrivalsPercent = number('arrivals');
    }
    return {
      from: $('from').value + 'T00:00:00Z',
      to: new Date(Date.parse($('to').value) + DAY).toISOString().replace('.000Z', 'Z'),
      replications: number('replications'),
      seed: number('seed'),
      changes,
    };
  }

  async function simulate(event) {
    event.preventDefault();
    $('error').hidden = true;
    $('simulate').disabled = true;
    $('status').textContent = 'Simulating…';
    try {
      const response = await fetch('/dashboard/api/simulations', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrf },
        body: JSON.stringify(question()),
      });
      if (response.status === 401) {
        window.location.assign('/login');
        return;
      }
      const body = await response.json().catch(() => ({}));
      if (response.status === 503) {
        showError('All simulations are busy; try again in ' + (response.headers.get('Retry-After') || 'a few') + ' seconds.');
      } else if (!response.ok) {
        const fields = (body.errors || []).map((error) => (error.field ? error.field + ': ' : '') + error.message);
        showError((body.detail || body.title || 'The simulation answered ' + response.status)
          + (fields.length ? ' — ' + fields.join('; ') : ''));
      } else {
        show(body);
      }
    } catch (error) {
      showError(error.message);
    } finally {
      $('simulate').disabled = false;
      $('status').textContent = '';
    }
  }

  function showError(text) {
    $('error').textContent = text;
    $('error').hidden = false;
  }

  function format(value, unit) {
    if (value === null || value === undefined) return '–';
    switch (unit) {
      case 'PERCENT': return value.toFixed(1) + ' %';
      case 'HOURS': return value.toFixed(1) + ' h';
      case 'COUNT': return value.toFixed(0);
      default: return value.toFixed(2);
    }
  }

  function estimate(value, unit) {
    if (!value || value.mean === null) return '–';
    return format(value.mean, unit) + (value.halfWidth === null ? '' : ' ± ' + format(value.halfWidth, unit));
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function show(answer) {
    $('answer').hidden = false;
    $('answer-period').textContent = 'From ' + answer.from + ' to ' + answer.to + ', ' + answer.replications
      + ' replications (seed ' + answer.seed + '); ' + answer.model.requestsReceived + ' requests received, '
      + answer.model.staff + ' people in the pool.';
    const figures = $('figures').tBodies[0];
    figures.replaceChildren();
    answer.figures.forEach((figure) => {
      const row = figures.insertRow();
      cell(row, figure.label);
      cell(row, format(figure.actual, figure.unit));
      cell(row, estimate(figure.baseline, figure.unit));
      cell(row, estimate(figure.predicted, figure.unit));
      const before = figure.baseline.mean;
      const after = figure.predicted.mean;
      if (before === null || after === null) {
        cell(row, '–');
      } else {
        const change = after - before;
        const better = LOWER_IS_BETTER.has(figure.key) ? change < 0 : change > 0;
        const className = NEUTRAL.has(figure.key) || Math.abs(change) < 1e-9 ? '' : (better ? 'better' : 'worse');
        cell(row, (change > 0 ? '+' : '') + format(change, figure.unit), className);
      }
    });
    const validation = answer.validation;
    $('validation').textContent = (validation.withinTolerance
      ? 'Validation: the simulation of the period as it was reproduces its actual figures within tolerance'
      : 'Validation: some simulated figures are off the actual ones by more than the tolerance')
      + ' (' + validation.figures.filter((f) => f.difference !== null)
        .map((f) => f.key + ' ' + (f.difference > 0 ? '+' : '') + f.difference.toFixed(2) + ' of ± ' + f.tolerance.toFixed(2))
        .join(', ') + ').';
    [['resources', answer.resources], ['skills', answer.skills]].forEach(([id, shares]) => {
      const body = $(id).tBodies[0];
      body.replaceChildren();
      shares.forEach((share) => {
        const row = body.insertRow();
        cell(row, share.name);
        cell(row, format(share.actual, 'PERCENT'));
        cell(row, estimate(share.baseline, 'PERCENT'));
        cell(row, estimate(share.predicted, 'PERCENT'));
      });
    });
  }

  async function start() {
    initialPeriod();
    $('question').addEventListener('submit', simulate);
    try {
      await loadSession();
      await loadChoices();
    } catch (error) {
      showError(error.message);
    }
  }

  start();
})();
