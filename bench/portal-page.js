'use strict';
// Functions bench/portal.js runs inside the browser page (playwright serialises them): they may use
// only browser globals and their argument, nothing from this module's scope.

/** Runs in the page before any of its scripts: when the first data row appears, the next frame's time. */
function watchFirstRow() {
  window.__pillarguardBench = {};
  const observer = new MutationObserver(() => {
    if (window.__pillarguardBench.seen || !document.querySelector('tbody tr a[href*="/catalog/"]')) return;
    window.__pillarguardBench.seen = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => (window.__pillarguardBench.firstRow = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * In the page: sets a filter input as a paste would (one input event), and resolves with the time
 * to the first frame after the roll-up reads `expectRollup` and the first row is `expectFirst`.
 */
function applyFilter({ id, value, expectRollup, expectFirst }) {
  const input = document.getElementById(id);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const done = () => {
    const rollup = document.querySelector('[data-testid="rollup"]')?.textContent ?? '';
    const first = document.querySelector('tbody tr td')?.textContent ?? '';
    return rollup.startsWith(expectRollup) && first === expectFirst;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${id}=${value}: the table did not show ${expectFirst} / "${expectRollup}" within 10 s`)), 10_000);
    let started = 0;
    let dispatched = 0;
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const total = performance.now() - started;
        // The overview request this filter made: its share of the response time.
        const requests = performance.getEntriesByType('resource').filter((e) => e.name.includes('/overview?') && e.startTime >= started);
        const request = requests.pop();
        resolve({ total, apiMs: request ? request.responseEnd - request.startTime : null, requests: requests.length + 1, startsAt: request ? request.startTime - started : null, dispatched });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    started = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    dispatched = performance.now() - started;
  });
}

/** Whether watchFirstRow has seen the first data row painted (its time, in ms since navigation). */
function firstRowShown() {
  return window.__pillarguardBench?.firstRow;
}

/** The first contentful paint of this page load, once the browser has recorded it. */
function firstPainted() {
  return performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
}

/** One page load: first data row, first contentful paint, and the overview request's start and length. */
function pageLoadTimes() {
  const overview = performance.getEntriesByType('resource').filter((e) => e.name.includes('/overview?')).pop();
  return {
    firstRow: window.__pillarguardBench.firstRow,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    overviewRequest: overview ? { start: Math.round(overview.startTime), ms: Math.round(overview.responseEnd - overview.startTime) } : null,
  };
}

module.exports = { watchFirstRow, firstRowShown, firstPainted, pageLoadTimes, applyFilter };
