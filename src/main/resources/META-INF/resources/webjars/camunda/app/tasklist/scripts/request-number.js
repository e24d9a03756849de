/*
 * The request's number in Tasklist's "The process has been started." notification.
 *
 * Tasklist 7.24 tells a coordinator who submits the order form only that the process has been started. Camunda's
 * answer to the start (POST .../process-definition/{id}/submit-form) carries the process instance with its business
 * key, which "Receive request" gives within the start: the request's number (SR-000042). This script, loaded by
 * config.js ("customScripts: ['scripts/request-number']"), reads that answer and writes the number into the
 * notification Tasklist shows next. It adds nothing else and changes no call.
 */
const START = /\/process-definition\/[^/]+\/submit-form\/?$/;
const NOTIFICATIONS = '[notifications-panel] .alert';
const WAIT_MS = 10000;

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function(method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        const number = businessKeyOf(this.responseText);
        if (number) {
          showInNextNotification(number, new Set(document.querySelectorAll(NOTIFICATIONS)));
        }
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

function businessKeyOf(text) {
  try {
    return JSON.parse(text).businessKey || null;
  } catch (notJson) {
    return null;
  }
}

/** Writes the number into the first notification shown after the start (Tasklist's success message). */
function showInNextNotification(number, shownBefore) {
  const write = () => {
    const alert = Array.from(document.querySelectorAll(NOTIFICATIONS)).find(
      element => !shownBefore.has(element)
    );
    const message = alert && alert.querySelector('.message');
    if (!message) {
      return false;
    }
    message.textContent = 'Request ' + number;
    message.classList.add('request-number');
    return true;
  };
  if (write()) {
    return;
  }
  const observer = new MutationObserver(() => {
    if (write()) {
      observer.disconnect();
    }
  });
  observer.observe(document.body, {childList: true, subtree: true});
  setTimeout(() => observer.disconnect(), WAIT_MS);
}

export default [];
