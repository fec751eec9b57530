/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 *
 * USE-IT! deposit page for librarians: a client of DSpace's REST submission, making the calls DSpace's web UI
 * makes. It logs in, offers the USE-IT! collections the account may deposit into, draws the form that the
 * collection's submission definition describes (labels, hints, required fields, repeatable fields, drop-downs, the
 * strand tree from the vocabulary), saves fields by JSON Patch, uploads files with their access, grants the licence,
 * deposits, and shows the review outcome. Every check is the server's: errors come back from the REST submission and
 * are shown next to their fields. No library, nothing loaded from elsewhere.
 */
'use strict';

(() => {
    const API = location.pathname.replace(/\/useit(\/.*)?$/, '') + '/api';
    const PAGES = location.pathname.replace(/\/useit(\/.*)?$/, '') + '/useit';
    const TYPES = {CaseStudy: 'Case study', Publication: 'Library output', Project: 'Project',
                   OrgUnit: 'Partner organisation'};
    const ACCESS = {openaccess: 'Everyone (open access)', embargo: 'Everyone, from a date (embargo)',
                    administrator: 'Administrators only'};
    const REQUIRED = 'error.validation.required';

    // unset: per deposit id, the files uploaded whose chosen access is not (yet) set: they keep the collection's
    // default access, so the deposit is not sent while any is left
    const state = {csrf: null, token: null, me: null, collection: null, item: null, deposit: null, forms: [],
                   unset: new Map()};
    const $ = (id) => document.getElementById(id);

    // --- the REST API ----------------------------------------------------------------------------------------

    async function api(method, path, {json, body, type} = {}) {
        const headers = {Accept: 'application/json'};
        if (method !== 'GET' && !state.csrf) {
            await api('GET', '/security/csrf');
        }
        if (state.csrf) {
            headers['X-XSRF-TOKEN'] = state.csrf;
        }
        if (state.token) {
            headers.Authorization = state.token;
        }
        if (json !== undefined) {
            headers['Content-Type'] = 'application/json';
            body = JSON.stringify(json);
        } else if (type) {
            headers['Content-Type'] = type;
        }
        // links in DSpace's answers are absolute (dspace.server.url): only their path below /api is used
        const below = path.startsWith('http') ? path.substring(path.indexOf('/api/') + 4) : path;
        const answer = await fetch(API + below,
                                   {method, headers, body, credentials: 'same-origin'});
        const token = answer.headers.get('DSPACE-XSRF-TOKEN');
        if (token) {
            state.csrf = token;
        }
        const text = await answer.text();
        let data = null;
        try {
            data = text ? JSON.parse(text) : null;
        } catch (e) {
            data = null;
        }
        return {status: answer.status, data, headers: answer.headers};
    }

    async function expect(status, answer, what) {
        const got = await answer;
        if (got.status !== status) {
            throw new Error(`${what}: HTTP ${got.status}${got.data && got.data.message ? ' (' + got.data.message + ')'
                : ''}`);
        }
        return got.data;
    }

    function say(text) {
        $('status').textContent = text;
    }

    function show(step) {
        for (const id of ['login-step', 'start-step', 'form-step', 'outcome-step']) {
            $(id).hidden = id !== step;
        }
    }

    function element(tag, attributes = {}, ...children) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) {
            if (value !== null && value !== undefined && value !== false) {
                node.setAttribute(name, value === true ? '' : value);
            }
        }
        node.append(...children.filter((child) => child !== null && child !== undefined));
        return node;
    }

    // --- logging in and choosing a collection ----------------------------------------------------------------

    async function logIn(event) {
        event.preventDefault();
        say('Logging in…');
        await api('GET', '/security/csrf');
        const answer = await api('POST', '/authn/login', {
            body: new URLSearchParams({user: $('email').value, password: $('password').value}),
            type: 'application/x-www-form-urlencoded'
        });
        if (answer.status !== 200) {
            say('The e-mail address or the password is not right.');
            $('password').focus();
            return;
        }
        state.token = answer.headers.get('Authorization');
        const status = await expect(200, api('GET', '/authn/status'), 'login status');
        state.me = await expect(200, api('GET', status._links.eperson.href), 'account');
        $('password').value = '';
        await startStep();
    }

    async function startStep() {
        say('Loading your collections and deposits…');
        const page = await expect(200, api('GET', '/core/collections/search/findSubmitAuthorized?size=100'),
                                  'collections');
        const types = $('types');
        types.replaceChildren();
        const collections = (page && page._embedded ? page._embedded.collections : [])
            .filter((c) => TYPES[first(c.metadata['dspace.entity.type'])]);
        if (!collections.length) {
            types.append(element('p', {}, 'This account may not deposit into any USE-IT! collection. Ask the '
                + 'repository\'s administrators to add you to a collection\'s submitters.'));
        }
        collections.forEach((collection, i) => {
            const id = `type-${i}`;
            types.append(element('p', {},
                element('input', {type: 'radio', name: 'collection', id, value: collection.uuid, checked: i === 0,
                                  'data-type': first(collection.metadata['dspace.entity.type'])}),
                ' ', element('label', {for: id},
                             `${TYPES[first(collection.metadata['dspace.entity.type'])]} (${collection.name})`)));
        });
        await listMine();
        show('start-step');
        say(`Logged in as ${state.me.email}.`);
    }

    async function listMine() {
        const list = $('mine');
        list.replaceChildren();
        const uuid = state.me.id;
        const open = await api('GET', `/submission/workspaceitems/search/findBySubmitter?uuid=${uuid}&size=50`
            + '&embed=item');
        for (const deposit of (open.data && open.data._embedded ? open.data._embedded.workspaceitems : [])) {
            const item = deposit._embedded.item;
            const back = sentBackReason(item);
            const button = element('button', {type: 'button', class: 'secondary'}, 'Continue');
            button.addEventListener('click', guard(() => openDeposit(deposit, item.uuid)));
            list.append(element('li', {}, element('strong', {}, first(item.metadata['dc.title']) || 'Untitled'),
                                back ? ` — sent back: ${back} ` : ' — not deposited yet ', button));
        }
        // DSpace 8.1 lets only administrators list deposits in review; for others the list stays out
        const review = await api('GET', `/workflow/workflowitems/search/findBySubmitter?uuid=${uuid}&size=50`
            + '&embed=item');
        for (const deposit of (review.data && review.data._embedded ? review.data._embedded.workflowitems : [])) {
            list.append(element('li', {}, element('strong', {}, first(deposit._embedded.item.metadata['dc.title'])),
                                ' — waiting for review'));
        }
        if (!list.children.length) {
            list.append(element('li', {}, 'No deposit in progress.'));
        }
    }

    // --- the form --------------------------------------------------------------------------------------------

    async function start(event) {
        event.preventDefault();
        const chosen = document.querySelector('input[name="collection"]:checked');
        if (!chosen) {
            return;
        }
        say('Starting the deposit…');
        const deposit = await expect(201, api('POST', `/submission/workspaceitems?owningCollection=${chosen.value}`,
                                              {json: {}}), 'new deposit');
        const item = await expect(200, api('GET', `/submission/workspaceitems/${deposit.id}/item`), 'item');
        await openDeposit(deposit, item.uuid);
    }

    async function openDeposit(deposit, itemUuid) {
        state.deposit = deposit;
        state.item = itemUuid;
        const collection = await expect(200, api('GET', `/submission/workspaceitems/${deposit.id}/collection`),
                                        'collection');
        state.collection = collection;
        const definition = await expect(200, api('GET', '/config/submissiondefinitions/search/findByCollection?uuid='
            + `${collection.uuid}&embed=sections`), 'submission definition');
        const sections = definition._embedded.sections._embedded.sections;
        state.forms = [];
        const container = $('sections');
        container.replaceChildren();
        for (const section of sections.filter((s) => s.sectionType === 'submission-form')) {
            const form = await expect(200, api('GET', section._links.config.href), `form ${section.id}`);
            state.forms.push({id: section.id, form});
            container.append(await drawForm(section, form));
        }
        await drawAccessOptions(sections.find((s) => s.sectionType === 'upload'));
        const licence = await api('GET', `/core/collections/${collection.uuid}/license`);
        $('licence-text').textContent = licence.data ? licence.data.text : '';
        $('form-title').textContent = `${TYPES[first(collection.metadata['dspace.entity.type'])] || 'Deposit'} in `
            + collection.name;
        show('form-step');
        fill(deposit);
        showErrors(deposit, false);
        say(`Deposit ${deposit.id} open. Fill in the form, then deposit it for review.`);
        $('main').focus();
    }

    async function drawForm(section, form) {
        const set = element('fieldset', {id: `section-${section.id}`}, element('legend', {}, section.header));
        for (const row of form.rows) {
            for (const field of row.fields) {
                set.append(await drawField(section.id, field));
            }
        }
        return set;
    }

    async function drawField(sectionId, field) {
        const metadata = field.selectableMetadata[0].metadata;
        const vocabulary = field.selectableMetadata[0].controlledVocabulary;
        const id = `${sectionId}--${metadata}`.replace(/[^\w-]/g, '_');
        const box = element('div', {class: 'field', 'data-section': sectionId, 'data-field': metadata,
                                    'data-repeatable': field.repeatable ? 'true' : 'false',
                                    'data-vocabulary': vocabulary || null});
        const hint = field.hints ? element('p', {class: 'hint', id: `${id}-hint`}, field.hints) : null;
        const mark = field.mandatory ? element('span', {class: 'required-mark', 'aria-hidden': 'true'}, ' *') : null;
        const errors = element('div', {class: 'field-errors', id: `${id}-errors`});
        box.dataset.required = field.mandatoryMessage || '';
        if (vocabulary === 'useit-strands') {
            const tree = element('fieldset', {'aria-describedby': described(field, id)},
                                 element('legend', {}, field.label, mark));
            tree.append(hint || '', errors, await strandTree(id));
            box.append(tree);
            return box;
        }
        const label = element('label', {for: `${id}-0`}, field.label, mark);
        box.append(label, hint || '', errors);
        let options = null;
        if (field.input.type === 'dropdown' && vocabulary) {
            const entries = await expect(200, api('GET', `/submission/vocabularies/${vocabulary}/entries?size=100`),
                                         `choices of ${metadata}`);
            options = entries._embedded.entries.map((e) => ({value: e.value, display: e.display}));
        }
        const inputs = element('div', {class: 'inputs'});
        box.append(inputs);
        box.addInput = (value) => {
            const n = inputs.children.length;
            const attributes = {id: `${id}-${n}`, 'aria-describedby': described(field, id),
                                'aria-required': field.mandatory ? 'true' : null, class: 'value'};
            if (n > 0) {
                attributes['aria-label'] = `${field.label} ${n + 1}`;
            }
            let input;
            if (options) {
                input = element('select', attributes, element('option', {value: ''}, 'Choose…'),
                                ...options.map((o) => element('option', {value: o.value}, o.display)));
            } else if (field.input.type === 'textarea') {
                input = element('textarea', attributes);
            } else {
                input = element('input', {...attributes, type: 'text'});
            }
            input.value = value || '';
            inputs.append(element('p', {}, input));
            return input;
        };
        box.addInput('');
        if (field.repeatable) {
            const more = element('button', {type: 'button', class: 'secondary'}, `Add another ${field.label}`);
            more.addEventListener('click', () => box.addInput('').focus());
            box.append(more);
        }
        return box;
    }

    /** The ids of a field's hint (if it has one) and of its errors. */
    function described(field, id) {
        return field.hints ? `${id}-hint ${id}-errors` : `${id}-errors`;
    }

    async function strandTree(id) {
        const top = await expect(200, api('GET', '/submission/vocabularyEntryDetails/search/top?vocabulary='
            + 'useit-strands&size=50'), 'strands');
        const list = element('ul', {class: 'tree'});
        for (const strand of top._embedded.vocabularyEntryDetails) {
            const item = strandChoice(id, strand);
            const children = await expect(200, api('GET', `${strand._links.children.href}?size=50`),
                                          `sub-themes of ${strand.display}`);
            const sub = element('ul');
            for (const child of (children._embedded ? children._embedded.children : [])) {
                sub.append(strandChoice(id, child));
            }
            item.append(sub);
            list.append(item);
        }
        return list;
    }

    function strandChoice(id, entry) {
        const nodeId = entry.otherInformation.id;
        const inputId = `${id}-${nodeId}`.replace(/[^\w-]/g, '_');
        const label = entry.display.split('::').pop();
        return element('li', {},
                       element('input', {type: 'checkbox', id: inputId, class: 'strand', value: entry.value,
                                         'data-authority': nodeId}),
                       ' ', element('label', {for: inputId}, label));
    }

    /** The day (yyyy-mm-dd) of a date as DSpace's REST API writes it (ISO 8601 text, or milliseconds), or null. */
    function day(date) {
        if (date === null || date === undefined) {
            return null;
        }
        return (typeof date === 'number' ? new Date(date).toISOString() : String(date)).substring(0, 10);
    }

    async function drawAccessOptions(uploadSection) {
        const select = $('access');
        select.replaceChildren();
        const config = uploadSection ? await expect(200, api('GET', uploadSection._links.config.href), 'upload')
            : {accessConditionOptions: []};
        for (const option of config.accessConditionOptions) {
            select.append(element('option', {value: option.name, 'data-start': option.hasStartDate ? 'yes' : null,
                                             'data-latest': day(option.maxStartDate)},
                                  ACCESS[option.name] || option.name));
        }
        $('files').hidden = !uploadSection;
        select.onchange = () => {
            const chosen = select.selectedOptions[0];
            $('embargo-date').hidden = !chosen?.dataset.start;
            $('lifts').max = chosen?.dataset.latest || '';
        };
        select.onchange();
    }

    /** Shows the deposit's values in the form. */
    function fill(deposit) {
        for (const box of document.querySelectorAll('#sections .field')) {
            const values = ((deposit.sections[box.dataset.section] || {})[box.dataset.field]) || [];
            if (box.dataset.vocabulary === 'useit-strands') {
                for (const box2 of box.querySelectorAll('input.strand')) {
                    box2.checked = values.some((v) => v.authority === box2.dataset.authority || v.value === box2.value);
                }
                continue;
            }
            const inputs = box.querySelector('.inputs');
            inputs.replaceChildren();
            (values.length ? values : [{value: ''}]).forEach((v) => box.addInput(v.value));
        }
        $('granted').checked = Boolean(deposit.sections.license && deposit.sections.license.granted);
        const files = $('file-list');
        files.replaceChildren();
        for (const file of uploadedFiles(deposit)) {
            const access = (file.accessConditions || []).map((c) => (ACCESS[c.name] || c.name)
                + (c.startDate ? ` ${c.startDate.substring(0, 10)}` : '')).join(', ') || 'the collection\'s default';
            files.append(element('li', {}, `${first(file.metadata['dc.title'])} (${file.sizeBytes} bytes) — `
                + `readable by: ${access}`));
        }
        if (!files.children.length) {
            files.append(element('li', {}, 'No file yet.'));
        }
    }

    /** The JSON Patch that makes the deposit hold what the form shows. */
    function changes() {
        const operations = [];
        for (const box of document.querySelectorAll('#sections .field')) {
            let values;
            if (box.dataset.vocabulary === 'useit-strands') {
                values = [...box.querySelectorAll('input.strand:checked')]
                    .map((c) => ({value: c.value, authority: c.dataset.authority, confidence: 600}));
            } else {
                values = [...box.querySelectorAll('.value')].map((i) => i.value.trim()).filter((v) => v)
                    .map((value) => ({value}));
            }
            const path = `/sections/${box.dataset.section}/${box.dataset.field}`;
            const had = ((state.deposit.sections[box.dataset.section] || {})[box.dataset.field]) || [];
            if (values.length) {
                operations.push({op: 'add', path, value: values});
            } else if (had.length) {
                operations.push({op: 'remove', path});
            }
        }
        operations.push({op: 'add', path: '/sections/license/granted', value: $('granted').checked ? 'true' : 'false'});
        return operations;
    }

    async function save() {
        const answer = await api('PATCH', `/submission/workspaceitems/${state.deposit.id}`, {json: changes()});
        if (answer.status !== 200) {
            throw new Error(`saving: HTTP ${answer.status}${answer.data && answer.data.message
                ? ' (' + answer.data.message + ')' : ''}`);
        }
        state.deposit = answer.data;
        return state.deposit;
    }

    /** Puts each error of the deposit next to its field, and a list of them at the top. */
    function showErrors(deposit, announce) {
        for (const node of document.querySelectorAll('.field-errors')) {
            node.replaceChildren();
        }
        for (const node of document.querySelectorAll('[aria-invalid]')) {
            node.removeAttribute('aria-invalid');
        }
        const summary = element('ul');
        for (const error of deposit.errors || []) {
            for (const path of error.paths) {
                const [, , section, field, index] = path.split('/');
                const box = document.querySelector(`.field[data-section="${section}"][data-field="${field}"]`);
                const text = error.message === REQUIRED ? (box && box.dataset.required) || `${field} is required`
                    : error.message;
                if (box) {
                    box.querySelector('.field-errors').append(element('p', {class: 'error'}, text));
                    const input = box.querySelectorAll('.value')[Number(index) || 0] || box.querySelector('input');
                    input.setAttribute('aria-invalid', 'true');
                    summary.append(element('li', {}, element('a', {href: `#${input.id}`}, text)));
                } else {
                    summary.append(element('li', {}, `${section === 'license' ? 'Grant the deposit licence.' : text}`));
                }
            }
        }
        const problems = $('problems');
        problems.replaceChildren();
        if (announce && summary.children.length) {
            problems.append(element('h3', {}, 'The deposit cannot be sent yet'), summary);
        }
        return summary.children.length;
    }

    async function saveAndShow() {
        say('Saving…');
        const deposit = await save();
        fill(deposit);
        const problems = showErrors(deposit, true);
        say(problems ? `Saved. ${problems} problem(s) to fix before depositing.` : 'Saved. Ready to deposit.');
        return problems;
    }

    async function upload() {
        const file = $('file').files[0];
        if (!file) {
            say('Choose a file first.');
            $('file').focus();
            return;
        }
        const access = $('access').value;
        const embargoed = !$('embargo-date').hidden;
        if (access && embargoed && !$('lifts').value) {
            say('Choose the day the file opens to everyone, then upload it.');
            $('lifts').focus();
            return;
        }
        if (access && embargoed && $('lifts').max && $('lifts').value > $('lifts').max) {
            say(`The file can open no later than ${$('lifts').max}: choose an earlier day, then upload it.`);
            $('lifts').focus();
            return;
        }
        const before = uploadedFiles(await save()).length;
        say(`Uploading ${file.name}…`);
        const form = new FormData();
        form.append('file', file, file.name);
        let deposit = await expect(201, api('POST', `/submission/workspaceitems/${state.deposit.id}`, {body: form}),
                                   'upload');
        state.deposit = deposit;
        fill(deposit);
        // DSpace answers 201 even when the file was refused; the refusal is in the deposit's errors
        if (uploadedFiles(deposit).length !== before + 1) {
            showErrors(deposit, true);
            say(`${file.name} was not accepted.`);
            return;
        }
        $('file').value = '';
        if (!access) {
            say(`${file.name} uploaded.`);
            return;
        }
        const condition = {name: access};
        if (embargoed) {
            condition.startDate = $('lifts').value;
        }
        // until its access is set, the file has the collection's default access: the deposit waits for that
        const unset = unsetFiles();
        unset.add(file.name);
        const answer = await api('PATCH', `/submission/workspaceitems/${state.deposit.id}`, {json: [
            {op: 'add', path: `/sections/upload/files/${before}/accessConditions/-`, value: condition}]});
        if (answer.status === 200) {
            state.deposit = answer.data;
            unset.delete(file.name);
            fill(answer.data);
            say(`${file.name} uploaded.`);
            return;
        }
        // the file would keep the collection's default access (open, as a rule): it is taken out of the deposit
        const why = answer.data && answer.data.message ? answer.data.message : `HTTP ${answer.status}`;
        state.deposit = await expect(200, api('PATCH', `/submission/workspaceitems/${state.deposit.id}`, {json: [
            {op: 'remove', path: `/sections/upload/files/${before}`}]}), `taking out ${file.name}, whose access `
            + `was refused (${why})`);
        unset.delete(file.name);
        fill(state.deposit);
        say(`${file.name} was not kept: the access chosen was refused (${why}). Choose the access again and upload `
            + 'it again.');
    }

    /** The files of the open deposit whose chosen access is not set. */
    function unsetFiles() {
        if (!state.unset.has(state.deposit.id)) {
            state.unset.set(state.deposit.id, new Set());
        }
        return state.unset.get(state.deposit.id);
    }

    function uploadedFiles(deposit) {
        return (deposit.sections.upload && deposit.sections.upload.files) || [];
    }

    async function deposit() {
        const unset = [...unsetFiles()];
        if (unset.length) {
            say(`${unset.join(', ')} kept the collection's default access, not the one chosen, and could not be taken `
                + 'out: this deposit cannot be sent. Leave it and start a new one.');
            return;
        }
        if (await saveAndShow()) {
            $('problems').focus();
            return;
        }
        say('Depositing…');
        const answer = await api('POST', '/workflow/workflowitems',
                                 {body: `${API}/submission/workspaceitems/${state.deposit.id}`, type: 'text/uri-list'});
        if (answer.status === 422 || answer.status === 400) {
            const fresh = await expect(200, api('GET', `/submission/workspaceitems/${state.deposit.id}`), 'deposit');
            showErrors(fresh, true);
            say('The deposit was refused: see the problems listed.');
            return;
        }
        if (answer.status !== 201) {
            throw new Error(`depositing: HTTP ${answer.status}`);
        }
        // the outcome is read before it is shown, so what shows is the repository's answer, not a guess
        await check();
        show('outcome-step');
        say(answer.data ? 'Deposited for review. A deposit that breaks a rule comes back to you with the reasons.'
            : 'Deposited and published (this collection has no reviewer).');
    }

    /** The review outcome of the last deposit. */
    async function check() {
        const item = await api('GET', `/core/items/${state.item}`);
        const outcome = $('outcome');
        if (item.status === 200 && item.data.inArchive) {
            outcome.replaceChildren('Published: ', element('a', {href: `${PAGES}/items/${state.item}`},
                                                           first(item.data.metadata['dc.title'])));
            return;
        }
        const back = await api('GET', `/submission/workspaceitems/search/item?uuid=${state.item}`);
        if (back.status === 200) {
            const reason = item.status === 200 ? sentBackReason(item.data) : null;
            const button = element('button', {type: 'button'}, 'Correct it');
            button.addEventListener('click', guard(() => openDeposit(back.data, state.item)));
            outcome.replaceChildren(`Sent back to you${reason ? ': ' + reason : ''} `, button);
            return;
        }
        outcome.textContent = 'Waiting for a reviewer.';
    }

    /** Why the review sent an item back, from its provenance (DSpace records "Rejected by …, reason: …"). */
    function sentBackReason(item) {
        const lines = (item.metadata['dc.description.provenance'] || []).map((v) => v.value)
            .filter((v) => /Rejected by/.test(v));
        if (!lines.length) {
            return null;
        }
        const last = lines[lines.length - 1];
        return last.replace(/^.*?reason:\s*/s, '').replace(/\s+on \d{4}-\d\d-\d\d.*$/s, '').trim();
    }

    function first(values) {
        return values && values.length ? values[0].value : null;
    }

    /** Runs one action at a time: the buttons wait while it runs; a failure is said, never swallowed. */
    function guard(action) {
        return async (event) => {
            if (event && event.type === 'submit') {
                event.preventDefault();
            }
            const buttons = [...document.querySelectorAll('button')];
            buttons.forEach((button) => {
                button.disabled = true;
            });
            document.body.setAttribute('aria-busy', 'true');
            try {
                await action(event);
            } catch (error) {
                say(`Something went wrong: ${error.message}`);
            } finally {
                document.querySelectorAll('button').forEach((button) => {
                    button.disabled = false;
                });
                document.body.removeAttribute('aria-busy');
            }
        };
    }

    $('login').addEventListener('submit', guard(logIn));
    $('start').addEventListener('submit', guard(start));
    $('deposit').addEventListener('submit', guard(saveAndShow));
    $('send').addEventListener('click', guard(deposit));
    $('upload').addEventListener('click', guard(upload));
    $('leave').addEventListener('click', guard(startStep));
    $('again').addEventListener('click', guard(startStep));
    $('check').addEventListener('click', guard(check));
    show('login-step');
    say('Log in to deposit.');
})();
