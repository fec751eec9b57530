// USE-IT! repository addon for DSpace.
// Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
//
// What the browser tests share: the repository's address, headless Chromium driven by playwright-core, axe-core's
// checks, and the REST API as the repository's administrator or as an account the test made.
//
// Settings (environment): USEIT_URL (required: the server webapp, e.g. http://127.0.0.1:8080/server),
// USEIT_ADMIN_LOGIN (the run command's admin-login.txt, for the tests that prepare data), USEIT_NODE_MODULES
// (playwright-core and axe-core), CHROMIUM (default /usr/bin/chromium), USEIT_FIGURES (default docs/figures).
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {readFileSync, mkdirSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const top = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const base = (process.env.USEIT_URL || '').replace(/\/$/, '');
if (!base) {
    throw new Error('USEIT_URL is not set (the server webapp, e.g. http://127.0.0.1:8080/server)');
}
const modules = process.env.USEIT_NODE_MODULES || resolve(top, 'target/browser-test/node_modules');
const require = createRequire(resolve(modules, 'playwright-core', 'package.json'));
const {chromium} = require('playwright-core');
const axeSource = readFileSync(resolve(modules, 'axe-core', 'axe.min.js'), 'utf8');
export const figures = resolve(top, process.env.USEIT_FIGURES || 'docs/figures');

/**
 * Starts headless Chromium with one page. Page errors and console errors (and, if asked, answers of HTTP 400 and
 * more) are collected in `problems`.
 */
export async function launch({httpErrors = false, ignoreConsole = /^$/} = {}) {
    // fail at once, not test by test, when the repository is not there
    const answer = await fetch(`${base}/useit/`).catch((error) => ({status: `unreachable (${error.cause?.code})`}));
    assert.equal(answer.status, 200, `${base}/useit/ answers`);
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        headless: true,
        // as root in CI; no background connections on a closed network
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
               '--disable-component-update', '--disable-sync']
    });
    // the pages' Content-Security-Policy forbids scripts from elsewhere; axe-core is the test's, not the page's
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, bypassCSP: true,
                                              acceptDownloads: true});
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
        if (message.type() === 'error' && !ignoreConsole.test(message.text())) {
            problems.push(`console error: ${message.text()}`);
        }
    });
    if (httpErrors) {
        page.on('response', (response) => {
            if (response.status() >= 400) {
                problems.push(`HTTP ${response.status()}: ${response.url()}`);
            }
        });
        page.on('requestfailed', (request) => {
            if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
                problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
            }
        });
    }
    mkdirSync(figures, {recursive: true});
    return {browser, page, problems};
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is: asserts no serious or critical violation. */
export async function accessibility(page, where) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
    }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const targets = (v) => v.nodes.map((n) => n.target).join(', ');
    assert.deepEqual(serious.map((v) => `${where}: ${v.id} (${v.impact}) at ${targets(v)}`), [],
                     `axe-core on ${where}`);
    return result;
}

/** The administrator's e-mail address and password, from the run command's admin-login.txt. */
export function administrator() {
    assert.ok(process.env.USEIT_ADMIN_LOGIN, 'USEIT_ADMIN_LOGIN must be set');
    const fields = Object.fromEntries(readFileSync(process.env.USEIT_ADMIN_LOGIN, 'utf8').split('\n')
        .filter((line) => line.includes(': ')).map((line) => line.split(': ', 2)));
    return {email: fields.email, password: fields.password};
}

/** Logs in to the REST API; returns a function that makes requests as that account. */
export async function restAs({email, password}) {
    const csrf = await fetch(`${base}/api/security/csrf`);
    const token = csrf.headers.get('dspace-xsrf-token');
    const cookie = (csrf.headers.get('set-cookie') || '').split(';')[0];
    const answer = await fetch(`${base}/api/authn/login`, {
        method: 'POST',
        headers: {'X-XSRF-TOKEN': token, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({user: email, password})
    });
    assert.equal(answer.status, 200, `login of ${email}`);
    const headers = {Authorization: answer.headers.get('authorization'), 'X-XSRF-TOKEN': token, Cookie: cookie};
    return async (method, path, {json, body, type} = {}) => {
        const extra = json !== undefined ? {'Content-Type': 'application/json'} : type ? {'Content-Type': type} : {};
        const response = await fetch(path.startsWith('http') ? path : `${base}/api${path}`, {
            method, headers: {...headers, ...extra}, body: json !== undefined ? JSON.stringify(json) : body
        });
        const text = await response.text();
        return {status: response.status, data: text ? JSON.parse(text) : null};
    };
}
