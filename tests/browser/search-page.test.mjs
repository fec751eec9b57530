// USE-IT! repository addon for DSpace.
// Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
//
// End-to-end test of the USE-IT! search page for scholars (/server/useit/) in headless Chromium, driven by
// playwright-core, against a running repository that holds exactly the USE-IT! sample (.ci/browser-test starts
// one). Expected titles and counts are worked out from sample/useit-sample.json and the strand vocabulary, not
// written down here. Run with node's test runner:
//
//   USEIT_URL=http://127.0.0.1:8080/server USEIT_NODE_MODULES=target/browser-test/node_modules \
//       node --test tests/browser/search-page.test.mjs
//
// Settings (environment): USEIT_URL (required), USEIT_NODE_MODULES (where playwright-core is installed),
// CHROMIUM (default /usr/bin/chromium), USEIT_SCREENSHOT (default docs/figures/search-page.png).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {base, launch, top} from './support.mjs';

const screenshot = resolve(top, process.env.USEIT_SCREENSHOT || 'docs/figures/search-page.png');

// --- what the sample file says --------------------------------------------------------------------------------

const SEARCHED = new Set(['CaseStudy', 'Publication']);
const records = JSON.parse(readFileSync(resolve(top, 'sample/useit-sample.json'), 'utf8'))
    .filter((record) => SEARCHED.has(record.type));
const vocabulary = readFileSync(resolve(top, 'config/controlled-vocabularies/useit-strands.xml'), 'utf8');
const labels = new Map([...vocabulary.matchAll(/<node id="([^"]+)" label="([^"]+)"/g)]
    .map((m) => [m[1], m[2].replace(/&amp;/g, '&')]));
const asList = (value) => (value === undefined ? [] : [].concat(value));

/** Titles of the sample's case studies and outputs per strand label ("Community Assets"). */
function titlesByStrand() {
    const byStrand = new Map();
    for (const record of records) {
        for (const id of asList(record['useit.strand'])) {
            const strand = labels.get(id.split(':')[0]);
            assert.ok(strand, `strand id ${id} of ${record.key} is not in the vocabulary`);
            if (!byStrand.has(strand)) {
                byStrand.set(strand, new Set());
            }
            byStrand.get(strand).add(record['dc.title']);
        }
    }
    return byStrand;
}

/** Titles per sub-theme label path ("Community Assets::Spaces"). */
function titlesBySubtheme() {
    const bySubtheme = new Map();
    for (const record of records) {
        for (const id of asList(record['useit.strand']).filter((id) => id.includes(':'))) {
            const path = `${labels.get(id.split(':')[0])}::${labels.get(id)}`;
            if (!bySubtheme.has(path)) {
                bySubtheme.set(path, new Set());
            }
            bySubtheme.get(path).add(record['dc.title']);
        }
    }
    return bySubtheme;
}

const strands = titlesByStrand();
const subthemes = titlesBySubtheme();

// --- the browser --------------------------------------------------------------------------------------------------

let browser;
let page;
let problems;

before(async () => {
    ({browser, page, problems} = await launch({httpErrors: true}));
});

after(async () => {
    await browser?.close();
});

/** Waits for the page to finish a search and returns what it shows. */
async function shown() {
    await page.waitForFunction(() => !document.body.hasAttribute('aria-busy')
                                     && !/Searching|Loading/.test(document.getElementById('status').textContent));
    return page.evaluate(() => ({
        status: document.getElementById('status').textContent,
        titles: [...document.querySelectorAll('#hits .hit .title')].map((h) => h.textContent),
        facets: Object.fromEntries([...document.querySelectorAll('#facets section.facet')].map((section) => [
            section.dataset.facet,
            Object.fromEntries([...section.querySelectorAll('button.facet-value')]
                .map((b) => [b.dataset.value, Number(b.dataset.count)]))])),
        pressed: [...document.querySelectorAll('button.facet-value[aria-pressed="true"]')]
            .map((b) => `${b.dataset.facet}=${b.dataset.value}`)
    }));
}

/** The REST API's own answer for the same search (what the page must show). */
async function api(parameters) {
    const response = await fetch(`${base}/api/discover/search/objects?configuration=useit&${parameters}`);
    assert.equal(response.status, 200, `REST search ${parameters}`);
    return (await response.json())._embedded.searchResult.page.totalElements;
}

function resultsText(count, pages) {
    return `${count} ${count === 1 ? 'result' : 'results'}${pages > 1 ? `, page 1 of ${pages}` : ''}.`;
}

test('the page lists every case study and output with the sample\'s strand counts', async () => {
    const response = await page.goto(`${base}/useit/`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /text\/html/);
    const view = await shown();
    assert.equal(view.status, resultsText(records.length, Math.ceil(records.length / 10)));
    assert.equal(view.titles.length, 10);
    const expected = Object.fromEntries([...strands].map(([strand, titles]) => [strand, titles.size]));
    assert.deepEqual(view.facets.strand, expected, 'strand facet counts = the sample file\'s');
    assert.deepEqual(Object.keys(view.facets.type).sort(), ['CaseStudy', 'Publication']);
    assert.ok(view.facets.partner['Sandwell and West Birmingham Hospitals NHS Trust'] === 2,
              `partner facet: ${JSON.stringify(view.facets.partner)}`);
});

test('a search shows what the REST API finds for it', async () => {
    await page.fill('#q', 'social enterprise');
    await page.click('#search button[type="submit"]');
    const view = await shown();
    const total = await api('query=social%20enterprise');
    assert.ok(total > 0, 'the search finds something');
    assert.equal(view.status, resultsText(total, Math.ceil(total / 10)));
    assert.ok(view.titles.includes('Linking local social enterprises to corporate supply chains'),
              `titles: ${view.titles.join(' | ')}`);
    assert.match(new URL(page.url()).search, /query=social\+enterprise/);
});

test('clicking a strand facet shows exactly that strand\'s records', async () => {
    await page.fill('#q', '');
    await page.click('#search button[type="submit"]');
    await shown();
    const strand = 'Community Assets';
    await page.click(`#facets button.facet-value[data-facet="strand"][data-value="${strand}"]`);
    const view = await shown();
    const expected = strands.get(strand);
    assert.equal(view.status, resultsText(expected.size, 1));
    // no search words: the page sorts by title
    assert.deepEqual(view.titles, [...expected].sort((a, b) => a.localeCompare(b, 'en', {sensitivity: 'base'})));
    assert.deepEqual(new Set(view.titles), expected);
    assert.deepEqual(view.pressed, [`strand=${strand}`]);
    assert.deepEqual(view.facets.strand, {[strand]: expected.size});
    // the sub-theme facet now holds this strand's sub-themes only, with the sample's counts
    const within = Object.fromEntries([...subthemes].filter(([path]) => path.startsWith(`${strand}::`))
        .map(([path, titles]) => [path, titles.size]));
    assert.deepEqual(view.facets.subtheme, within);
    // every hit carries a badge of the strand
    const badges = await page.$$eval('#hits .hit', (hits) => hits.map((hit) => hit.querySelector('.badges')
        ?.textContent || ''));
    assert.ok(badges.every((text) => text.includes(strand)), `badges: ${badges.join(' | ')}`);
    const address = new URL(page.url());
    assert.equal(address.searchParams.get('f.strand'), `${strand},equals`);

    await page.screenshot({path: screenshot, fullPage: true});
});

test('a sub-theme narrows the list further, and the address keeps the search', async () => {
    const subtheme = 'Community Assets::Spaces';
    await page.click(`#facets button.facet-value[data-facet="subtheme"][data-value="${subtheme}"]`);
    let view = await shown();
    const expected = subthemes.get(subtheme);
    assert.equal(view.status, resultsText(expected.size, 1));
    assert.deepEqual(new Set(view.titles), expected);
    // reload: the same list from the address alone
    await page.reload();
    view = await shown();
    assert.deepEqual(new Set(view.titles), expected);
    // back: the strand alone again
    await page.goBack();
    view = await shown();
    assert.deepEqual(new Set(view.titles), strands.get('Community Assets'));
});

test('each hit links to its REST and OAI-PMH records', async () => {
    const links = await page.$eval('#hits .hit', (hit) => ({
        title: hit.querySelector('.title').textContent,
        rest: hit.querySelector('a.rest')?.href,
        oai: hit.querySelector('a.oai')?.href
    }));
    assert.match(links.rest, new RegExp(`^${base}/api/core/items/[0-9a-f-]{36}$`));
    const item = await (await fetch(links.rest)).json();
    assert.equal(item.metadata['dc.title'][0].value, links.title);
    assert.match(links.oai, /verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3A[^%]+%3A/);
    const record = await (await fetch(links.oai)).text();
    assert.ok(!record.includes('<error'), `OAI answer: ${record.slice(0, 300)}`);
    assert.ok(record.includes(`<dc:title>${links.title.replace(/&/g, '&amp;')}</dc:title>`),
              `OAI record of ${links.title}`);
});

test('removing the filter and paging work; no errors on the page', async () => {
    await page.click('#active button.clear');
    let view = await shown();
    assert.equal(view.status, resultsText(records.length, Math.ceil(records.length / 10)));
    const first = view.titles;
    await page.click('#pager button:has-text("Next page")');
    view = await shown();
    assert.match(view.status, /page 2 of /);
    assert.equal(view.titles.filter((title) => first.includes(title)).length, 0);
    assert.deepEqual(problems, []);
});
