/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 *
 * USE-IT! search page for scholars. Calls DSpace's REST API (Discovery configuration "useit") with fetch; no
 * library, no build step. The page's own address holds the search (?query=...&f.strand=Skills Matching,equals),
 * in the REST API's own parameter names, so a result list can be bookmarked, shared and reloaded.
 */
(function () {
    'use strict';

    var CONFIGURATION = 'useit';
    var PAGE_SIZE = 10;
    var API = new URL('../api/', document.baseURI).href;
    var OAI = new URL('../oai/request', document.baseURI).href;
    // facets in the order shown; names are the configuration's filter names (f.<name>)
    var FACETS = [
        {name: 'strand', label: 'Strand'},
        {name: 'subtheme', label: 'Sub-theme'},
        {name: 'place', label: 'Place'},
        {name: 'partner', label: 'Partner'},
        {name: 'year', label: 'Year'},
        {name: 'type', label: 'Item type'},
        {name: 'outputType', label: 'Output type'}
    ];
    var TYPE_NAMES = {CaseStudy: 'Case study', Publication: 'Library output'};
    var SORTS = ['', 'dc.title,ASC', 'dc.date.issued,DESC', 'dc.date.issued,ASC'];

    var form = document.getElementById('search');
    var queryInput = document.getElementById('q');
    var sortSelect = document.getElementById('sort');
    var facetsNav = document.getElementById('facets');
    var active = document.getElementById('active');
    var status = document.getElementById('status');
    var hits = document.getElementById('hits');
    var pager = document.getElementById('pager');

    var oaiPrefix = null;
    var oaiPrefixLoaded = null;
    var current = null;
    var pending = null;

    /** The search the page's address describes. */
    function stateFromAddress() {
        var params = new URLSearchParams(location.search);
        var filters = [];
        params.forEach(function (value, key) {
            if (key.indexOf('f.') === 0 && isFacet(key.substring(2))) {
                filters.push({name: key.substring(2), value: value});
            }
        });
        var sort = params.get('sort') || '';
        return {
            query: params.get('query') || '',
            sort: SORTS.indexOf(sort) >= 0 ? sort : '',
            page: Math.max(0, parseInt(params.get('page'), 10) || 0),
            filters: filters
        };
    }

    function isFacet(name) {
        return FACETS.some(function (facet) {
            return facet.name === name;
        });
    }

    /** Query string of a search, in the REST API's names (the page uses the same ones). */
    function parameters(state, forApi) {
        var params = new URLSearchParams();
        if (forApi) {
            params.set('configuration', CONFIGURATION);
            params.set('size', String(PAGE_SIZE));
        }
        if (state.query) {
            params.set('query', state.query);
        }
        // relevance ranks nothing without search words: then titles give a stable order
        var sort = state.sort || (forApi && !state.query ? 'dc.title,ASC' : '');
        if (sort) {
            params.set('sort', sort);
        }
        if (state.page > 0 || forApi) {
            params.set('page', String(state.page));
        }
        state.filters.forEach(function (filter) {
            params.append('f.' + filter.name, filter.value);
        });
        return params.toString();
    }

    function go(state) {
        var search = parameters(state, false);
        history.pushState(null, '', search ? '?' + search : location.pathname);
        run(state);
    }

    function run(state) {
        current = state;
        queryInput.value = state.query;
        sortSelect.value = state.sort;
        status.textContent = 'Searching…';
        document.body.setAttribute('aria-busy', 'true');
        if (pending) {
            pending.abort();
        }
        var controller = new AbortController();
        pending = controller;
        var search = fetch(API + 'discover/search/objects?' + parameters(state, true), {
            headers: {Accept: 'application/json'},
            signal: controller.signal
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('the search service answered HTTP ' + response.status);
            }
            return response.json();
        });
        Promise.all([search, oaiPrefixLoaded]).then(function (answers) {
            var body = answers[0];
            if (pending !== controller) {
                return;
            }
            pending = null;
            render(state, body);
        }).catch(function (error) {
            if (error.name === 'AbortError') {
                return;
            }
            pending = null;
            document.body.removeAttribute('aria-busy');
            status.textContent = 'The search failed: ' + error.message + '.';
            status.classList.add('error');
            hits.replaceChildren();
            pager.replaceChildren();
        });
    }

    function render(state, body) {
        var result = body._embedded.searchResult;
        var total = result.page.totalElements;
        var objects = (result._embedded && result._embedded.objects) || [];
        status.classList.remove('error');
        status.textContent = total === 0 ? 'No results.'
            : total + (total === 1 ? ' result' : ' results')
              + (result.page.totalPages > 1 ? ', page ' + (result.page.number + 1) + ' of '
                                              + result.page.totalPages : '') + '.';
        renderActive(state);
        renderFacets(state, body._embedded.facets || []);
        hits.replaceChildren.apply(hits, objects.map(function (object) {
            return hit(object._embedded.indexableObject);
        }));
        hits.setAttribute('start', String(result.page.number * PAGE_SIZE + 1));
        renderPager(state, result.page);
        document.body.removeAttribute('aria-busy');
    }

    function renderActive(state) {
        active.replaceChildren();
        if (state.filters.length === 0) {
            return;
        }
        var list = el('ul', {class: 'chips'});
        state.filters.forEach(function (filter, index) {
            var button = el('button', {type: 'button', class: 'chip', 'data-filter': filter.name,
                                       'aria-label': 'Remove filter ' + facetLabel(filter.name) + ': '
                                                     + filterLabel(filter)},
                            facetLabel(filter.name) + ': ' + filterLabel(filter) + ' ×');
            button.addEventListener('click', function () {
                var filters = state.filters.slice();
                filters.splice(index, 1);
                go({query: state.query, sort: state.sort, page: 0, filters: filters});
                queryInput.focus();
            });
            list.appendChild(el('li', {}, button));
        });
        var clear = el('button', {type: 'button', class: 'clear'}, 'Clear all filters');
        clear.addEventListener('click', function () {
            go({query: state.query, sort: state.sort, page: 0, filters: []});
            queryInput.focus();
        });
        list.appendChild(el('li', {}, clear));
        active.appendChild(list);
    }

    /** Labels of the chosen filters, remembered from the facet values they were chosen from. */
    var labels = {};

    function filterLabel(filter) {
        var known = labels[filter.name + '\u0000' + filter.value];
        if (known) {
            return known;
        }
        return path(filter.value.replace(/,(equals|authority|contains|query)$/, ''));
    }

    function facetLabel(name) {
        for (var i = 0; i < FACETS.length; i++) {
            if (FACETS[i].name === name) {
                return FACETS[i].label;
            }
        }
        return name;
    }

    function renderFacets(state, facets) {
        var byName = {};
        facets.forEach(function (facet) {
            byName[facet.name] = facet;
        });
        var sections = [];
        FACETS.forEach(function (config) {
            var facet = byName[config.name];
            var values = facet && facet._embedded ? facet._embedded.values : [];
            if (values.length === 0) {
                return;
            }
            var id = 'facet-' + config.name;
            var list = el('ul', {class: 'facet-values', 'aria-labelledby': id});
            values.forEach(function (value) {
                var filterValue = filterOf(config.name, value);
                var shown = config.name === 'type' ? (TYPE_NAMES[value.label] || value.label) : path(value.label);
                labels[config.name + '\u0000' + filterValue] = shown;
                var chosen = state.filters.some(function (filter) {
                    return filter.name === config.name && filter.value === filterValue;
                });
                var button = el('button', {type: 'button', class: 'facet-value', 'aria-pressed': String(chosen),
                                           'data-facet': config.name, 'data-value': value.label,
                                           'data-count': String(value.count)},
                                el('span', {class: 'label'}, shown),
                                el('span', {class: 'count', 'aria-label': value.count + ' results'},
                                   String(value.count)));
                button.addEventListener('click', function () {
                    var filters = state.filters.filter(function (filter) {
                        return !(filter.name === config.name && filter.value === filterValue);
                    });
                    if (!chosen) {
                        filters.push({name: config.name, value: filterValue});
                    }
                    go({query: state.query, sort: state.sort, page: 0, filters: filters});
                    restoreFocus(config.name, value.label);
                });
                list.appendChild(el('li', {}, button));
            });
            sections.push(el('section', {class: 'facet', 'data-facet': config.name},
                             el('h3', {id: id}, config.label), list));
        });
        facetsNav.replaceChildren.apply(facetsNav,
                                        [el('h2', {}, 'Refine')].concat(sections.length ? sections
                                            : [el('p', {}, 'Nothing to refine by.')]));
    }

    /** The f.<name> value that selects a facet value, as DSpace's own link for it does. */
    function filterOf(name, value) {
        var link = value._links && value._links.search && value._links.search.href;
        if (link) {
            var chosen = new URL(link).searchParams.getAll('f.' + name);
            if (chosen.length) {
                return chosen[chosen.length - 1];
            }
        }
        return value.authorityKey ? value.authorityKey + ',authority' : value.label + ',equals';
    }

    /** After a facet click the list is drawn anew: put the focus back on the same value, once it is there. */
    function restoreFocus(facet, label) {
        var wanted = function () {
            var buttons = facetsNav.querySelectorAll('button.facet-value');
            for (var i = 0; i < buttons.length; i++) {
                if (buttons[i].dataset.facet === facet && buttons[i].dataset.value === label) {
                    return buttons[i];
                }
            }
            return null;
        };
        var observer = new MutationObserver(function () {
            var button = wanted();
            observer.disconnect();
            (button || document.getElementById('results')).focus();
        });
        observer.observe(facetsNav, {childList: true});
    }

    /** Whether the record was invented for illustration: any useit.provenance value, in any case (as its page). */
    function illustrative(metadata) {
        return values(metadata, 'useit.provenance').some(function (provenance) {
            return String(provenance.value).toLowerCase() === 'illustrative';
        });
    }

    function hit(item) {
        var metadata = item.metadata || {};
        var strands = values(metadata, 'useit.strand');
        var type = first(metadata, 'dspace.entity.type');
        var kind = first(metadata, 'dc.type');
        var issued = first(metadata, 'dc.date.issued');
        var title = first(metadata, 'dc.title') || item.name || 'Untitled';
        // a case study is summed up by its learning objective; an output by its abstract or description
        var summary = first(metadata, 'useit.objective') || first(metadata, 'dc.description.abstract')
                      || first(metadata, 'dc.description');
        var places = values(metadata, 'dc.coverage.spatial').map(function (place) {
            return place.value;
        });
        var facts = [TYPE_NAMES[type] || type, type === 'CaseStudy' ? null : kind,
                     issued ? issued.substring(0, 4) : null, places.join(', '),
                     illustrative(metadata) ? 'illustrative record' : null]
            .filter(function (fact) {
                return fact;
            });

        var links = el('p', {class: 'links'},
                       el('a', {class: 'rest', href: API + 'core/items/' + encodeURIComponent(item.uuid)},
                          'REST record'));
        if (oaiPrefix && item.handle) {
            links.appendChild(el('a', {class: 'oai', href: OAI + '?verb=GetRecord&metadataPrefix=oai_dc&identifier='
                                                           + encodeURIComponent('oai:' + oaiPrefix + ':'
                                                                                + item.handle)},
                                 'OAI-PMH record'));
        }
        return el('li', {class: 'hit', 'data-uuid': item.uuid},
                  strands.length ? el('ul', {class: 'badges', 'aria-label': 'Strands'}, strands.map(badge)) : [],
                  el('h3', {class: 'title'}, el('a', {href: itemPage(item)}, title)),
                  el('p', {class: 'facts'}, facts.join(' · ')),
                  summary ? el('p', {class: 'summary'}, summary.length > 280 ? summary.substring(0, 277) + '…'
                                                                              : summary) : [],
                  links);
    }

    /** The item's page: at its handle, as DSpace's web UI has it, or at its UUID. */
    function itemPage(item) {
        return item.handle ? new URL('handle/' + item.handle, document.baseURI).href
            : new URL('items/' + encodeURIComponent(item.uuid), document.baseURI).href;
    }

    /** A strand badge, coloured by the strand (the first part of the vocabulary id in the authority key), leading
     *  to the search of that strand. */
    function badge(strand) {
        var top = (strand.authority || '').split(':')[0];
        var search = '?' + new URLSearchParams({'f.strand': strand.value + ',equals'}).toString();
        return el('li', {class: 'badge' + (/^[a-z-]+$/.test(top) ? ' strand-' + top : '')},
                  el('a', {href: search}, path(strand.value)));
    }

    function renderPager(state, page) {
        pager.replaceChildren();
        if (page.totalPages <= 1) {
            return;
        }
        var previous = el('button', {type: 'button'}, 'Previous page');
        previous.disabled = page.number === 0;
        previous.addEventListener('click', function () {
            go({query: state.query, sort: state.sort, page: page.number - 1, filters: state.filters});
            document.getElementById('results').focus();
        });
        var next = el('button', {type: 'button'}, 'Next page');
        next.disabled = page.number + 1 >= page.totalPages;
        next.addEventListener('click', function () {
            go({query: state.query, sort: state.sort, page: page.number + 1, filters: state.filters});
            document.getElementById('results').focus();
        });
        pager.append(previous, next);
    }

    function values(metadata, field) {
        return metadata[field] || [];
    }

    function first(metadata, field) {
        var all = values(metadata, field);
        return all.length ? all[0].value : null;
    }

    /** "Skills Matching::Placements" as people read it. */
    function path(value) {
        return String(value).split('::').join(' › ');
    }

    /** An element with attributes and children (nodes, strings, or arrays of them). */
    function el(name, attributes) {
        var node = document.createElement(name);
        Object.keys(attributes).forEach(function (key) {
            node.setAttribute(key, attributes[key]);
        });
        var children = [].concat.apply([], Array.prototype.slice.call(arguments, 2));
        children.forEach(function (child) {
            node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
        });
        return node;
    }

    /** The OAI-PMH identifier namespace, from the data provider's Identify answer (no OAI links without it). */
    function loadOaiPrefix() {
        return fetch(OAI + '?verb=Identify', {headers: {Accept: 'text/xml'}}).then(function (response) {
            return response.ok ? response.text() : '';
        }).then(function (text) {
            var xml = new DOMParser().parseFromString(text, 'application/xml');
            var node = xml.getElementsByTagNameNS('*', 'repositoryIdentifier')[0];
            oaiPrefix = node ? node.textContent.trim() : null;
        }).catch(function () {
            oaiPrefix = null;
        });
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        go({query: queryInput.value.trim(), sort: sortSelect.value, page: 0,
            filters: current ? current.filters : []});
    });
    sortSelect.addEventListener('change', function () {
        go({query: current ? current.query : '', sort: sortSelect.value, page: 0,
            filters: current ? current.filters : []});
    });
    window.addEventListener('popstate', function () {
        run(stateFromAddress());
    });

    oaiPrefixLoaded = loadOaiPrefix();
    run(stateFromAddress());
}());
