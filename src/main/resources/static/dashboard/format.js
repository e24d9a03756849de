/*
 * How the dashboard writes a span of time: one function, used by the process map and checked by the browser test
 * (DashboardBrowserTest) through window.DashboardFormat.
 */
(function () {
  'use strict';

  const SECOND = 1000;
  const MINUTE = 60 * SECOND;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  /**
   * A duration in milliseconds, rounded to its smallest unit shown: "< 1 s", "40 s", "5 min 3 s", "2 h 05 min",
   * "1 d 4 h" (a zero smallest unit is left out: "5 min", "2 h", "1 d").
   */
  function duration(millis) {
    const seconds = Math.round(millis / SECOND);
    if (seconds < 1) return '< 1 s';
    if (seconds < 60) return seconds + ' s';
    if (seconds < 3600) return Math.floor(seconds / 60) + ' min' + (seconds % 60 ? ' ' + (seconds % 60) + ' s' : '');
    const minutes = Math.round(millis / MINUTE);
    if (minutes < 24 * 60) {
      return Math.floor(minutes / 60) + ' h' + (minutes % 60 ? ' ' + String(minutes % 60).padStart(2, '0') + ' min' : '');
    }
    const hours = Math.round(millis / HOUR);
    return Math.floor(hours / 24) + ' d' + (hours % 24 ? ' ' + (hours % 24) + ' h' : '');
  }

  window.DashboardFormat = Object.freeze({ duration });
})();
