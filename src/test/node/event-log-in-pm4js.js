// Opens the event log that EventLogHistoryTest exported and checked event by event (target/event-log/known-history.xes,
// records/ProcessMiningToolCheck) in pm4js, the process-mining library of pm4py's authors, as an analyst's tool
// would: imports it, finds the request's trace with its events in order, and mines a directly-follows graph and a
// process tree (Inductive Miner) from it. Run by .ci/run after the tests: node src/test/node/event-log-in-pm4js.js
'use strict';
require('pm4js');
const fs = require('fs');
const path = require('path');

const folder = process.argv[2] || path.join('target', 'event-log');
const xesFile = path.join(folder, 'known-history.xes');
if (!fs.existsSync(xesFile)) {
  console.error(`${xesFile} is missing: run the tests first (EventLogHistoryTest writes it)`);
  process.exit(1);
}
const expected = JSON.parse(fs.readFileSync(path.join(folder, 'known-history.json'), 'utf8'));
const log = XesImporter.apply(fs.readFileSync(xesFile, 'utf8'));

function fail(message) {
  console.error(`pm4js does not read the event log as exported: ${message}`);
  process.exit(1);
}

if (log.traces.length !== expected.traces) {
  fail(`${log.traces.length} traces, ${expected.traces} exported`);
}
const trace = log.traces.find((t) => t.attributes['concept:name'] && t.attributes['concept:name'].value === expected.trace);
if (!trace) {
  fail(`no trace ${expected.trace}`);
}
const events = trace.events.map((e) => [e.attributes['concept:name'].value, e.attributes['lifecycle:transition'].value]);
if (JSON.stringify(events) !== JSON.stringify(expected.events)) {
  fail(`the events of ${expected.trace} are\n${JSON.stringify(events)}\nnot\n${JSON.stringify(expected.events)}`);
}
for (const e of trace.events) {
  const time = e.attributes['time:timestamp'] && e.attributes['time:timestamp'].value;
  if (!(time instanceof Date) || isNaN(time.getTime())) {
    fail(`an event of ${expected.trace} has no readable time:timestamp (${time})`);
  }
}

// mining works on the completions: one event per step
const completions = LogGeneralFiltering.filterEventsHavingEventAttributeValues(log, ['complete'], true, true, 'lifecycle:transition');
const dfg = FrequencyDfgDiscovery.apply(completions, 'concept:name');
const activities = Object.keys(dfg.activities);
const missing = [...new Set(expected.events.filter(([, t]) => t === 'complete').map(([a]) => a))].filter((a) => !activities.includes(a));
if (missing.length > 0) {
  fail(`the directly-follows graph lacks ${missing.join(', ')}`);
}
const tree = InductiveMiner.apply(completions, 'concept:name');
const treeText = String(tree);
if (!treeText.includes('Execute service activities')) {
  fail(`the mined process tree has no 'Execute service activities': ${treeText}`);
}
console.log(`pm4js read ${log.traces.length} trace(s); ${expected.trace} has its ${events.length} events in order`);
console.log(`directly-follows graph: ${activities.length} activities, ${Object.keys(dfg.pathsFrequency).length} paths`);
console.log(`process tree (Inductive Miner): ${treeText}`);
