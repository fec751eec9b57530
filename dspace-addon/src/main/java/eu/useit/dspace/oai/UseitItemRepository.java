/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.lyncode.xoai.dataprovider.core.ListItemIdentifiersResult;
import com.lyncode.xoai.dataprovider.core.ListItemsResults;
import com.lyncode.xoai.dataprovider.data.Item;
import com.lyncode.xoai.dataprovider.data.ItemIdentifier;
import com.lyncode.xoai.dataprovider.exceptions.IdDoesNotExistException;
import com.lyncode.xoai.dataprovider.exceptions.OAIException;
import com.lyncode.xoai.dataprovider.services.api.SetRepository;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.dspace.xoai.filter.DSpaceSetSpecFilter;

/**
 * The records of DSpace's OAI core, read page by page with a keyset: sorted by first moment then handle, each page
 * starting after the last record of the previous one ({@link ListPage}), so a deep page costs what the first
 * does. Knows the strand sets besides DSpace's community and collection sets. One instance serves one request;
 * XOAI reads it as its {@code ItemRepository} through {@link XoaiItemRepository}.
 */
public final class UseitItemRepository {

    private static final String DATESTAMP = Keyset.DATESTAMP_FIELD;
    private static final String HANDLE = Keyset.HANDLE_FIELD;
    private static final String SINCE = Keyset.SINCE_FIELD;

    private final OaiServices services;
    private final StrandSets strands;
    private final ListPage page;
    private final Predicate<String> setExists;
    private final String namespace;
    private final Predicate<ItemIdentifier> inContext;

    /**
     * @param services    DSpace's OAI beans: the OAI core, XOAI filters as Solr queries, the collection service and
     *                    handle resolver for community/collection sets
     * @param strands     the strand sets
     * @param page        the request's place in the list: where its page starts (from its resumption token); the
     *                    page read records its last record there
     * @param sets        the set repository (whether a deleted record's community or collection still exists)
     * @param namespace   the repository's identifier namespace ({@code oai.identifier.prefix}): identifiers of
     *                    another namespace name no record here
     * @param inContext   whether the request's context shows an item (its condition in xoai.xml): the identifier
     *                    of an item outside it names no record here, for ListMetadataFormats too (where XOAI asks
     *                    the condition only to choose the formats, and so answered noMetadataFormats)
     */
    public UseitItemRepository(OaiServices services, StrandSets strands, ListPage page, SetRepository sets,
                               String namespace, Predicate<ItemIdentifier> inContext) {
        this.services = services;
        this.strands = strands;
        this.page = page;
        this.namespace = namespace;
        this.inContext = inContext;
        Map<String, Boolean> known = new HashMap<>();
        this.setExists = spec -> known.computeIfAbsent(spec, sets::exists);
    }

    /**
     * @param identifier an OAI identifier
     * @return its record
     * @throws IdDoesNotExistException if it names no record of the request's context
     * @throws OAIException            if the OAI core cannot be read
     */
    public Item getItem(String identifier) throws IdDoesNotExistException, OAIException {
        String[] parts = identifier == null ? new String[0] : identifier.split(":", 3);
        if (parts.length != 3 || !"oai".equals(parts[0]) || !namespace.equalsIgnoreCase(parts[1])
            || parts[2].isEmpty()) {
            throw new IdDoesNotExistException("Not an identifier of this repository: " + identifier);
        }
        // only records harvesters may know of: DSpace's own `oai import` also indexes items that are not public
        // (item.public:false); and only those of the request's context (inContext)
        // a phrase of the escaped text: the whole text is the handle, even a word of the syntax such as OR alone
        SolrQuery query = new SolrQuery(HANDLE + ":\"" + ClientUtils.escapeQueryChars(parts[2]) + "\"").setRows(1)
            .addFilterQuery("item.public:true OR item.deleted:true");
        SolrDocumentList found = run(query);
        UseitSolrItem item = found.isEmpty() ? null : new UseitSolrItem(found.get(0), strands, setExists);
        if (item == null || !inContext.test(item)) {
            throw new IdDoesNotExistException("No record " + identifier);
        }
        return item;
    }

    /**
     * @param request XOAI's request for a page
     * @return the page
     * @throws OAIException if the OAI core cannot be read
     */
    Page list(ListRequest request) throws OAIException {
        // the context's filter is the same for every page of every harvest: a filter query, cached by Solr and
        // not scored
        SolrQuery query = new SolrQuery("*:*").addFilterQuery(services.queries().buildQuery(request.filters()))
            .setRows(request.length()).addSort(SINCE, SolrQuery.ORDER.asc).addSort(HANDLE, SolrQuery.ORDER.asc);
        if (request.set() != null) {
            query.addFilterQuery(setQuery(request.set()));
        }
        if (request.from() != null) {
            query.addFilterQuery(DATESTAMP + ":[" + request.from().toInstant() + " TO *]");
        }
        if (request.until() != null) {
            query.addFilterQuery(DATESTAMP + ":[* TO " + request.until().toInstant().plusMillis(999) + "]");
        }
        Keyset after = page.start().after();
        if (after != null) {
            after.addFilterTo(query);
        }
        SolrDocumentList documents = run(query);
        List<Item> items = new ArrayList<>();
        for (SolrDocument document : documents) {
            items.add(new UseitSolrItem(document, strands, setExists));
        }
        long complete = request.offset() + documents.getNumFound();
        if (!documents.isEmpty()) {
            SolrDocument last = documents.get(documents.size() - 1);
            Instant stamp = ((Date) last.getFieldValue(SINCE)).toInstant();
            page.read(new Keyset(stamp, (String) last.getFieldValue(HANDLE)));
        }
        return new Page(items, documents.getNumFound() > documents.size(), (int) complete);
    }

    private String setQuery(String setSpec) {
        if (StrandSets.isStrandSpec(setSpec)) {
            return strands.solrQuery(setSpec);
        }
        String query = new DSpaceSetSpecFilter(services.collections(), services.handles(), setSpec).buildSolrQuery()
                                                                                                  .getQuery();
        // an unknown kind of set selects nothing rather than everything
        return query == null || query.isBlank() ? "-*:*" : query;
    }

    private SolrDocumentList run(SolrQuery query) throws OAIException {
        try {
            return services.solr().getServer().query(query).getResults();
        } catch (SolrServerException | SolrException | IOException e) {
            // SolrException: Solr answered with an error (a core reloading, a shard without a live replica)
            throw new OAIException(e);
        }
    }

    /**
     * A page of records.
     *
     * @param items   its records
     * @param hasMore whether more records follow
     * @param total   the number of records of the whole list
     */
    record Page(List<Item> items, boolean hasMore, int total) {

        /** @return the page for ListRecords */
        ListItemsResults records() {
            return new ListItemsResults(hasMore, items, total);
        }

        /** @return the page for ListIdentifiers */
        ListItemIdentifiersResult identifiers() {
            return new ListItemIdentifiersResult(hasMore, new ArrayList<ItemIdentifier>(items), total);
        }
    }
}
