// USE-IT! repository addon for DSpace.
// Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
//
// A librarian's deposit journey in headless Chromium, against a running repository with the USE-IT! sample
// (.ci/browser-test starts one): the deposit page (/server/useit/deposit) as a plain account that may deposit into
// Case Studies - log in, choose the item type, be told field by field what is missing, fill the form (strand from
// the tree), upload a file, grant the licence, deposit; a reviewer (a second plain account, over REST) approves; the
// page shows it published and the search page finds it. A deposit that breaks a record rule comes back with its
// reason; a file with an embargo the repository would refuse is not sent. Every state of the page is checked with
// axe-core: no serious or critical violation.
//
//   USEIT_URL=http://127.0.0.1:8080/server USEIT_ADMIN_LOGIN=<data dir>/dspace/admin-login.txt \
//       USEIT_NODE_MODULES=target/browser-test/node_modules node --test tests/browser/deposit.test.mjs
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {resolve} from 'node:path';
import {randomBytes} from 'node:crypto';
import {accessibility, administrator, base, figures, launch, restAs} from './support.mjs';

const run = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
const PASSWORD = `Deposit-${randomBytes(12).toString('hex')}`;
const librarian = {email: `librarian-${run}@deposit-page.example.org`, password: PASSWORD};
const checker = {email: `reviewer-${run}@deposit-page.example.org`, password: PASSWORD};

let browser;
let page;
let problems;
let reviewer;

/** Makes a plain account with a role in a collection (submitters or reviewers). */
async function account(admin, who, collection, role, names) {
    const made = await admin('POST', '/eperson/epersons', {json: {
        canLogIn: true, email: who.email, password: who.password, requireCertificate: false, type: 'eperson',
        metadata: {'eperson.firstname': [{value: names[0]}], 'eperson.lastname': [{value: names[1]}]}}});
    assert.equal(made.status, 201, `account ${who.email}`);
    let group = await admin('GET', `/core/collections/${collection}/${role}`);
    if (group.status !== 200) {
        group = await admin('POST', `/core/collections/${collection}/${role}`, {json: {metadata: {}, type: 'group'}});
        assert.equal(group.status, 201, role);
    }
    const joined = await admin('POST', `/eperson/groups/${group.data.uuid}/epersons`,
                               {body: `${base}/api/eperson/epersons/${made.data.uuid}`, type: 'text/uri-list'});
    assert.equal(joined.status, 204, `${who.email} joins ${role}`);
    return made.data.uuid;
}

/** The reviewer claims the one task waiting for them: its id. */
async function claimWaitingTask(reviewerId) {
    const pool = await reviewer('GET', `/workflow/pooltasks/search/findByUser?uuid=${reviewerId}`);
    assert.equal(pool.status, 200, 'pool tasks');
    const tasks = pool.data._embedded.pooltasks;
    assert.equal(tasks.length, 1, 'one deposit waits for the reviewer');
    const claimed = await reviewer('POST', '/workflow/claimedtasks',
                                   {body: `${base}/api/workflow/pooltasks/${tasks[0].id}`, type: 'text/uri-list'});
    assert.equal(claimed.status, 201, 'claim');
    return claimed.data.id;
}

/** The reviewer acts on a claimed task: the answer's status. */
async function act(task, body) {
    const answer = await reviewer('POST', `/workflow/claimedtasks/${task}`,
                                  {body, type: 'application/x-www-form-urlencoded'});
    return answer.status;
}

/** The reviewer claims the one task waiting for them and approves it. */
async function approveWaitingTask(reviewerId) {
    assert.equal(await act(await claimWaitingTask(reviewerId), 'submit_approve=true'), 204, 'approve');
}

/** An administrator changes the deposit waiting for the reviewer: removes a field of it. */
async function removeInReview(field) {
    const pool = await reviewer('GET', `/workflow/pooltasks/search/findByUser?uuid=${reviewerId}`
                                       + '&embed=workflowitem/item');
    const item = pool.data._embedded.pooltasks[0]._embedded.workflowitem._embedded.item.uuid;
    const admin = await restAs(administrator());
    const removed = await admin('PATCH', `/core/items/${item}`, {json: [{op: 'remove', path: `/metadata/${field}`}]});
    assert.equal(removed.status, 200, 'an administrator changes the deposit in review');
}

let reviewerId;

before(async () => {
    ({browser, page, problems} = await launch({ignoreConsole: /status of 4\d\d/}));
    const admin = await restAs(administrator());
    const collections = await admin('GET', '/core/collections?size=100');
    const caseStudies = collections.data._embedded.collections.find((c) => c.name === 'Case Studies').uuid;
    await account(admin, librarian, caseStudies, 'submittersGroup', ['Deposit', 'Page']);
    reviewerId = await account(admin, checker, caseStudies, 'workflowGroups/reviewerRole', ['Review', 'Page']);
    reviewer = await restAs(checker);
});

after(async () => {
    await browser?.close();
});

async function waitForStatus(pattern) {
    await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('status').textContent),
                               pattern.source);
}

async function startCaseStudy() {
    await page.click('#start-step button[type="submit"]');
    await page.waitForSelector('#form-step:not([hidden])')
        .catch(async (error) => assert.fail(`${error.message}; the page says: ${await page.textContent('#status')}`));
    await page.waitForSelector('input.strand');
}

test('a librarian deposits a case study on the deposit page; once approved it is published and found', async () => {
    await page.goto(`${base}/useit/deposit`);
    await waitForStatus(/Log in/);
    await accessibility(page, 'the deposit page (log in)');
    await page.fill('#email', librarian.email);
    await page.fill('#password', librarian.password);
    await page.click('#login button[type="submit"]');
    await waitForStatus(/Logged in as/);
    const types = await page.$$eval('#types label', (labels) => labels.map((label) => label.textContent));
    assert.deepEqual(types, ['Case study (Case Studies)'], 'the account may deposit case studies only');
    await accessibility(page, 'the deposit page (item type)');

    await startCaseStudy();
    const labels = await page.$$eval('#sections legend', (legends) => legends.map((legend) => legend.textContent));
    assert.ok(labels.includes('The case study') && labels.includes('Challenge, approach, outcome'),
              `the form's sections: ${labels.join(' | ')}`);
    // an empty deposit is refused, field by field, with the form's own messages
    await page.click('#send');
    await waitForStatus(/problem/);
    const errors = await page.$$eval('#problems li', (items) => items.map((item) => item.textContent));
    for (const message of ['Every case study needs a title.', 'Choose at least one strand.',
                           'A case study needs its learning objective.',
                           'Say whether the record is sourced or illustrative.']) {
        assert.ok(errors.includes(message), `"${message}" in ${errors.join(' | ')}`);
    }
    assert.equal(await page.getAttribute('#useit-case-study--dc_title-0', 'aria-invalid'), 'true');
    await accessibility(page, 'the deposit form with errors');

    const title = `Case study deposited on the deposit page ${run} (illustrative)`;
    await page.fill('#useit-case-study--dc_title-0', title);
    await page.check('label:has-text("Placements")');
    await page.fill('#useit-case-study--useit_objective-0', 'How the deposit page sends a case study to review.');
    await page.selectOption('#useit-case-study--useit_provenance-0', 'illustrative');
    await page.fill('#useit-case-study--useit_place-0', 'Smethwick');
    await page.click('button:has-text("Add another Place")');
    await page.fill('#useit-case-study--useit_place-1', 'Ladywood');
    await page.fill('#useit-case-study-story--useit_outcome-0', 'Illustrative outcome of a browser test deposit.');
    await page.setInputFiles('#file', {name: `${run}.pdf`, mimeType: 'application/pdf',
                                       buffer: Buffer.from('%PDF-1.4\n% deposit page test file (illustrative)\n')});
    await page.selectOption('#access', 'openaccess');
    await page.click('#upload');
    await waitForStatus(/uploaded/);
    assert.match(await page.textContent('#file-list'), new RegExp(`${run}\\.pdf .* readable by: Everyone`));
    await page.check('#granted');
    await page.click('#save');
    await waitForStatus(/Ready to deposit/);
    await accessibility(page, 'the filled deposit form');
    await page.screenshot({path: resolve(figures, 'deposit-page.png'), fullPage: true});

    await page.click('#send');
    await page.waitForSelector('#outcome-step:not([hidden])');
    assert.match(await page.textContent('#outcome'), /Waiting for a reviewer/);
    await approveWaitingTask(reviewerId);
    await page.click('#check');
    await page.waitForSelector('#outcome a');
    assert.equal(await page.textContent('#outcome a'), title);
    await accessibility(page, 'the deposit outcome');

    await page.goto(`${base}/useit/?query=${run}`);
    await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length > 0);
    assert.deepEqual(await page.$$eval('#hits .hit .title', (nodes) => nodes.map((node) => node.textContent)),
                     [title]);
});

test('a deposit that breaks a record rule is refused with the reason, and comes back if changed in review',
     async () => {
    await page.goto(`${base}/useit/deposit`);
    await waitForStatus(/Log in/);
    await page.fill('#email', librarian.email);
    await page.fill('#password', librarian.password);
    await page.click('#login button[type="submit"]');
    await waitForStatus(/Logged in as/);
    await startCaseStudy();
    // sourced, but no source: each field is fine on its own; the record is not
    await page.fill('#useit-case-study--dc_title-0', `Sourced case study without its source ${run} (illustrative)`);
    await page.check('label:has-text("Placements")');
    await page.fill('#useit-case-study--useit_objective-0', 'What the deposit and the review step check.');
    await page.selectOption('#useit-case-study--useit_provenance-0', 'sourced');
    // an embargo the repository would refuse (no day, a day past its limit) sends no file: the file would keep the
    // collection's open access
    await page.setInputFiles('#file', {name: `${run}-late.pdf`, mimeType: 'application/pdf',
                                       buffer: Buffer.from('%PDF-1.4\n% deposit page test file (illustrative)\n')});
    await page.selectOption('#access', 'embargo');
    await page.click('#upload');
    await waitForStatus(/Choose the day the file opens/);
    await page.fill('#lifts', '2099-01-01');
    await page.click('#upload');
    await waitForStatus(/The file can open no later than \d{4}-\d\d-\d\d/);
    assert.equal(await page.textContent('#file-list'), 'No file yet.');
    await page.check('#granted');
    // Enter in a field saves; it never sends the deposit to review
    await page.press('#useit-case-study--dc_title-0', 'Enter');
    await waitForStatus(/Saved\. \d+ problem\(s\) to fix before depositing/);
    assert.match(await page.textContent('#problems'), /useit\.source: a sourced record needs the URL/);
    // the page does not send a deposit with problems: it saves it and lists them again
    await page.click('#send');
    await waitForStatus(/Saved\. \d+ problem\(s\) to fix before depositing/);
    assert.equal(await page.isHidden('#outcome-step'), true);
    await page.fill('#useit-case-study--useit_source-0', 'https://www.useituia.co.uk/');
    await page.press('#useit-case-study--dc_title-0', 'Enter');
    await waitForStatus(/Saved\. Ready to deposit/);
    await page.click('#send');
    await page.waitForSelector('#outcome-step:not([hidden])');
    // changed in review (an administrator removes the source): the reviewer's approval is refused (HTTP 422 with
    // the problem), and the reviewer sends it back; the review step's check writes the problem with it
    await removeInReview('useit.source');
    const task = await claimWaitingTask(reviewerId);
    assert.equal(await act(task, 'submit_approve=true'), 422, 'an approval of a record that breaks a rule');
    assert.equal(await act(task, 'submit_reject=true&reason=Please%20give%20the%20source.'), 204, 'send back');
    await page.click('#check');
    await page.waitForSelector('#outcome button');
    assert.match(await page.textContent('#outcome'),
                 /Sent back to you: .*useit\.source: a sourced record needs the URL/);
    await accessibility(page, 'a deposit sent back');
    await page.click('#outcome button');
    await page.waitForSelector('#form-step:not([hidden])');
    assert.equal(await page.inputValue('#useit-case-study--useit_provenance-0'), 'sourced');
    assert.deepEqual(problems, []);
});
