/*
 * The migrations page: per process and version the running instances (GET /api/migrations/versions), a plan validated
 * per activity and per instance (POST /dashboard/api/migrations/validation), the migration of the instances that can
 * move started as a batch (POST /dashboard/api/migrations, with the session's CSRF token) and watched until it is over
 * (GET /api/migrations, polled). See docs/migration.md.
 */
(function () {
  'use strict';

  const POLL_MILLIS = 2000;
  const $ = (id) => document.getElementById(id);
  let csrf = null;
  let lastValidation = null;
  let poll = null;

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(await problemText(response));
    return response.json();
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrf },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(await problemText(response));
    return response.json();
  }

  /** An RFC 9457 problem as one readable sentence: its detail and each invalid field. */
  async function problemText(response) {
    try {
      const problem = await response.json();
      const fields = (problem.errors || []).map((e) => (e.field ? e.field + ': ' : '') + e.message);
      return [problem.detail || problem.title || response.statusText].concat(fields).join(' · ');
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function fill(tbody, items, render) {
    tbody.replaceChildren();
    items.forEach((item) => {
      const row = document.createElement('tr');
      render(row, item);
      tbody.appendChild(row);
    });
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
  }

  function option(select, value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }

  async function loadVersions() {
    const key = $('process').value;
    const versions = await getJson('/api/migrations/versions?processKey=' + encodeURIComponent(key));
    fill($('versions').tBodies[0], versions, (row, v) => {
      cell(row, 'v' + v.version + (v.name ? ' · ' + v.name : ''));
      cell(row, when(v.deployedAt));
      cell(row, v.runningInstances, 'number');
      cell(row, v.latest ? 'latest: new requests start here' : '', 'muted');
    });
    const source = $('source');
    const target = $('target');
    source.replaceChildren();
    target.replaceChildren();
    versions.forEach((v) => {
      option(source, v.version, 'v' + v.version + ' (' + v.runningInstances + ' running)');
      option(target, v.version, 'v' + v.version + (v.latest ? ' (latest)' : ''));
    });
    const older = versions.find((v) => !v.latest && v.runningInstances > 0) || versions[versions.length - 1];
    if (older) source.value = older.version;
    if (versions.length) target.value = versions[0].version;
  }

  function addInstruction(source, target) {
    const row = document.createElement('div');
    row.className = 'instruction';
    row.innerHTML = '<input class="source" placeholder="source activity id" aria-label="Source activity id">'
      + ' → <input class="target" placeholder="target activity id" aria-label="Target activity id">'
      + ' <label><input type="checkbox" class="trigger"> compute its timer/message again</label>'
      + ' <button type="button" class="link remove">remove</button>';
    row.querySelector('.source').value = source || '';
    row.querySelector('.target').value = target || '';
    row.querySelector('.remove').addEventListener('click', () => row.remove());
    $('instructions').appendChild(row);
  }

  function request(processInstanceIds) {
    let variables = {};
    const text = $('variables').value.trim();
    if (text) {
      variables = JSON.parse(text);
    }
    const instructions = Array.from(document.querySelectorAll('#instructions .instruction'))
      .map((row) => ({
        sourceActivityId: row.querySelector('.source').value.trim(),
        targetActivityId: row.querySelector('.target').value.trim(),
        updateEventTrigger: row.querySelector('.trigger').checked,
      }))
      .filter((i) => i.sourceActivityId || i.targetActivityId);
    return {
      processKey: $('process').value,
      sourceVersion: Number($('source').value),
      targetVersion: Number($('target').value),
      instructions,
      variables,
      processInstanceIds: processInstanceIds || [],
    };
  }

  function showError(message) {
    $('plan-error').textContent = message;
    $('plan-error').hidden = !message;
  }

  function showValidation(v) {
    lastValidation = v;
    $('validation').hidden = false;
    $('plan-verdict').textContent = v.planValid
      ? v.migratable + ' of ' + v.instances.length + ' instances can move from v' + v.source.version + ' to v'
        + v.target.version + '.'
      : 'The engine refuses the plan:';
    fill($('plan-failures'), v.planFailures, (li, failure) => { li.textContent = failure; });
    fill($('required-variables'), v.requiredVariables, (li, r) => {
      li.textContent = r.name + ' (read by ' + r.elementId + '): ' + (r.givenByPlan ? 'given above' : 'not given');
    });
    fill($('activities').tBodies[0], v.activities, (row, a) => {
      cell(row, a.activityName === a.activityId ? a.activityId : a.activityName + ' (' + a.activityId + ')');
      cell(row, a.mapped ? 'yes' : 'no', a.mapped ? '' : 'error');
      cell(row, a.instances, 'number');
      cell(row, a.migratable, 'number');
    });
    fill($('instances').tBodies[0], v.instances, (row, i) => {
      cell(row, i.businessKey || i.processInstanceId);
      cell(row, i.activityIds.join(', '));
      cell(row, i.canMove ? 'yes' : 'no', i.canMove ? '' : 'error');
      cell(row, i.reasons.join(' '));
    });
    $('start').disabled = !v.planValid || v.migratable === 0;
    $('start').textContent = 'Start migration of ' + v.migratable + ' instance' + (v.migratable === 1 ? '' : 's');
  }

  async function validate(event) {
    event.preventDefault();
    showError('');
    $('start').disabled = true;
    try {
      showValidation(await postJson('/dashboard/api/migrations/validation', request()));
    } catch (e) {
      $('validation').hidden = true;
      showError(e.message);
    }
  }

  async function start() {
    if (!lastValidation) return;
    const movable = lastValidation.instances.filter((i) => i.canMove).map((i) => i.processInstanceId);
    $('start').disabled = true;
    showError('');
    try {
      await postJson('/dashboard/api/migrations', request(movable));
      // the validation is of the instances before the move: validate again to see what is left
      lastValidation = null;
      $('validation').hidden = true;
      await loadMigrations();
      await loadVersions();
    } catch (e) {
      showError(e.message);
    }
  }

  async function loadMigrations() {
    const migrations = await getJson('/api/migrations');
    fill($('migrations').tBodies[0], migrations, (row, m) => {
      row.dataset.batchId = m.batchId;
      cell(row, when(m.startedAt));
      cell(row, m.startedBy);
      cell(row, m.processKey);
      cell(row, 'v' + m.sourceVersion + ' → v' + m.targetVersion);
      const progress = cell(row, '');
      const bar = document.createElement('progress');
      bar.max = Math.max(m.jobs, 1);
      bar.value = m.jobsDone;
      progress.appendChild(bar);
      progress.appendChild(document.createTextNode(' ' + m.jobsDone + ' of ' + m.jobs + ' done'
        + (m.jobsFailed ? ', ' + m.jobsFailed + ' failed' : '') + (m.finished ? ' · finished' : ' · running')));
      cell(row, m.failures.map((f) => f.message).join(' '), 'error');
    });
    const running = migrations.some((m) => !m.finished);
    if (running && !poll) {
      poll = setInterval(() => loadMigrations().catch((e) => showError(e.message)), POLL_MILLIS);
    } else if (!running && poll) {
      clearInterval(poll);
      poll = null;
      loadVersions().catch((e) => showError(e.message));
    }
  }

  async function init() {
    const session = await getJson('/dashboard/api/session');
    csrf = session.csrfToken;
    $('signed-in-user').textContent = session.user;
    $('csrf').name = session.csrfParameter;
    $('csrf').value = session.csrfToken;
    const processes = await getJson('/api/migrations/processes');
    processes.forEach((key) => option($('process'), key, key));
    $('process').value = processes.includes('service-delivery') ? 'service-delivery' : processes[0];
    $('process').addEventListener('change', () => loadVersions().catch((e) => showError(e.message)));
    $('add-instruction').addEventListener('click', () => addInstruction());
    $('plan').addEventListener('submit', validate);
    $('start').addEventListener('click', start);
    addInstruction();
    await loadVersions();
    await loadMigrations();
  }

  init().catch((e) => showError(e.message));
})();
