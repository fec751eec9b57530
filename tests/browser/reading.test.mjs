// USE-IT! repository addon for DSpace.
// Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
//
// A scholar's reading journey in headless Chromium, driven by playwright-core, against a running repository that
// holds the USE-IT! sample (.ci/browser-test starts one): from the search page to a case study's page, its strand
// search and its citations; a Library output's page with a file (uploaded first through the REST API as the
// repository's administrator) to the file itself; the strand browse page; the page of an address with nothing
// behind it. Every page is checked with axe-core (WCAG 2.1 A and AA): no serious or critical violation.
//
//   USEIT_URL=http://127.0.0.1:8080/server USEIT_ADMIN_LOGIN=<data dir>/dspace/admin-login.txt \
//       USEIT_NODE_MODULES=target/browser-test/node_modules node --test tests/browser/reading.test.mjs
//
// Settings (environment): USEIT_URL and USEIT_ADMIN_LOGIN (required), USEIT_NODE_MODULES (playwright-core and
// axe-core), CHROMIUM (default /usr/bin/chromium), USEIT_FIGURES (default docs/figures).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {resolve} from 'node:path';
import {accessibility as axe, administrator, base, figures, launch, restAs} from './support.mjs';

const CASE_STUDY = 'Communicating about and recruiting community researchers';
const OUTPUT = 'The USE-IT! Project Journal N°2';
const PDF = '%PDF-1.4\n% reading journey test file (illustrative)\n';

let browser;
let page;
let problems;

async function addFile(itemUuid, name) {
    const rest = await restAs(administrator());
    const bundle = await rest('POST', `/core/items/${itemUuid}/bundles`, {json: {name: 'ORIGINAL', metadata: {}}});
    assert.equal(bundle.status, 201, 'bundle');
    const form = new FormData();
    form.append('file', new Blob([PDF], {type: 'application/pdf'}), name);
    const file = await rest('POST', `/core/bundles/${bundle.data.uuid}/bitstreams`, {body: form});
    assert.equal(file.status, 201, 'file upload');
    return file.data.uuid;
}

async function find(title) {
    const answer = await (await fetch(`${base}/api/discover/search/objects?dsoType=ITEM&query=`
                                      + encodeURIComponent(`"${title}"`))).json();
    const hit = answer._embedded.searchResult._embedded.objects
        .map((object) => object._embedded.indexableObject)
        .find((item) => item.metadata['dc.title'][0].value === title);
    assert.ok(hit, `${title} is found`);
    return hit;
}

/** axe-core on the page as it is: no serious or critical violation. */
async function accessibility(where) {
    return axe(page, where);
}

before(async () => {
    ({browser, page, problems} = await launch({ignoreConsole: /status of 404/}));
});

after(async () => {
    await browser?.close();
});

test('from a search to a case study\'s page, its strand search and its citations', async () => {
    await page.goto(`${base}/useit/?query=${encodeURIComponent('"recruiting community researchers"')}`);
    await accessibility('the search page');
    const link = page.locator('#hits .hit .title a', {hasText: CASE_STUDY});
    await Promise.all([page.waitForURL(/\/useit\/handle\//), link.click()]);
    assert.equal(await page.textContent('h1'), CASE_STUDY);
    assert.equal(await page.getAttribute('meta[name="citation_title"]', 'content'), CASE_STUDY);
    assert.match(await page.textContent('.cite'), /APA/);
    await accessibility('a case study\'s page');
    await page.screenshot({path: resolve(figures, 'item-page.png'), fullPage: true});

    // its citations download in three formats that say the same
    for (const [format, check] of [
        ['BibTeX', (text) => assert.match(text, /^@\w+\{[^,]+,[\s\S]*title\s*=\s*\{[^}]*community researchers/i)],
        ['RIS', (text) => assert.match(text, /^TY {2}- \w+\n[\s\S]*TI {2}- Communicating about[\s\S]*ER {2}- \n?$/)],
        ['CSL-JSON', (text) => assert.equal(JSON.parse(text)[0].title, CASE_STUDY)]]) {
        const href = await page.getAttribute(`.downloads a:has-text("${format}")`, 'href');
        const answer = await page.request.get(href);
        assert.equal(answer.status(), 200, `${format} download`);
        check(await answer.text());
    }

    // the strand badge leads to the strand's search, which lists the case study
    await Promise.all([page.waitForURL(/\/useit\/\?f\.strand=/), page.click('.badges a >> nth=0')]);
    await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length > 0);
    const titles = await page.$$eval('#hits .hit .title', (nodes) => nodes.map((node) => node.textContent));
    assert.ok(titles.includes(CASE_STUDY), `the strand's search lists the case study: ${titles.join(' | ')}`);
});

test('a Library output\'s page leads to its file', async () => {
    const item = await find(OUTPUT);
    const file = await addFile(item.uuid, 'project-journal-2.pdf');
    await page.goto(`${base}/useit/handle/${item.handle}`);
    assert.equal(await page.textContent('h1'), OUTPUT);
    const href = await page.getAttribute('table.files a', 'href');
    assert.equal(href, `${base}/useit/bitstreams/${file}/download`);
    assert.equal(await page.getAttribute('meta[name="citation_pdf_url"]', 'content'), href);
    await accessibility('a Library output\'s page with a file');
    const answer = await page.request.get(href);
    assert.equal(answer.status(), 200);
    assert.equal(answer.headers()['content-type'], 'application/pdf');
    assert.equal(await answer.text(), PDF);
});

test('the strand browse page leads to each strand\'s search', async () => {
    await page.goto(`${base}/useit/browse`);
    assert.equal(await page.textContent('h1'), 'Browse by strand');
    const strands = await page.$$eval('.strand-tree > li > a', (links) => links.map((link) => link.textContent));
    assert.deepEqual(strands.length, 4, `strands: ${strands.join(' | ')}`);
    await accessibility('the strand browse page');
    await page.screenshot({path: resolve(figures, 'browse-page.png'), fullPage: true});
    await Promise.all([page.waitForURL(/\/useit\/\?f\.strand=/), page.click('.strand-tree > li > a >> nth=0')]);
    await page.waitForFunction(() => document.querySelectorAll('#hits .hit').length > 0);
});

test('an address with nothing behind it answers a page that says so; no errors on any page', async () => {
    const answer = await page.goto(`${base}/useit/handle/123456789/987654321`);
    assert.equal(answer.status(), 404);
    assert.equal(await page.textContent('h1'), 'Not found');
    await accessibility('the page of a missing item');
    assert.deepEqual(problems, []);
});
