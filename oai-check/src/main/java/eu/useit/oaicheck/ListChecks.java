/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * ListIdentifiers and ListRecords of one format, without set and for every set, each followed to its end
 * ({@link Paging}): every header and record checked ({@link RecordChecks}), no identifier twice in one list,
 * ListIdentifiers and ListRecords agreeing, every record of a set in the whole list, and every record of a set
 * {@code a:b} also in its parent set {@code a} (its header names {@code a}, or {@code a}'s list has it).
 */
final class ListChecks {

    private static final String IDENTIFIERS = "ListIdentifiers";
    private static final String RECORDS = "ListRecords";

    /**
     * One list as harvested.
     */
    private static final class Harvest {

        private final List<Header> headers = new ArrayList<>();
        private final Set<String> identifiers = new LinkedHashSet<>();
        private String firstRequest;
        private boolean complete;
    }

    private final CheckContext context;
    private final RecordChecks records;

    /**
     * @param context the check's shared state
     */
    ListChecks(CheckContext context) {
        this.context = context;
        this.records = new RecordChecks(context);
    }

    /**
     * @return the record checks, shared with GetRecord so a payload is validated once
     */
    RecordChecks records() {
        return records;
    }

    /**
     * Harvests and checks every list of one format.
     *
     * @param format the format
     */
    void run(MetadataFormat format) {
        Harvest all = harvest(IDENTIFIERS, format, null);
        Harvest allRecords = harvest(RECORDS, format, null);
        compare(all, allRecords, format, null);
        context.headers().put(format.prefix(), all.headers);
        context.recordCounts().put(format.prefix(), allRecords.identifiers.size());
        Map<String, Harvest> bySet = new LinkedHashMap<>();
        for (String set : context.sets()) {
            Harvest identifiers = harvest(IDENTIFIERS, format, set);
            compare(identifiers, harvest(RECORDS, format, set), format, set);
            bySet.put(set, identifiers);
            if (all.complete && identifiers.complete && !all.identifiers.containsAll(identifiers.identifiers)) {
                context.findings().add("sets " + format.prefix(), "the list of a set has records the whole list "
                    + "does not have", identifiers.firstRequest);
            }
        }
        hierarchy(format, bySet);
    }

    private Harvest harvest(String verb, MetadataFormat format, String set) {
        Harvest harvest = new Harvest();
        String area = verb + " " + format.prefix();
        String query = CheckRequest.query("verb", verb, "metadataPrefix", format.prefix(), "set", set);
        harvest.firstRequest = CheckRequest.get(query).label();
        Paging.Result result = new Paging(context).follow(verb, query, area, context.maxRecords(),
                                                          Set.of(OaiErrorCode.NO_RECORDS_MATCH),
                                                          (list, request) -> read(list, request, harvest, format,
                                                                                  set, area));
        harvest.complete = result.complete();
        if (RECORDS.equals(verb) && result.firstToken() != null) {
            context.resumptionToken(result.firstToken());
        }
        context.progress(area + (set == null ? "" : " set=" + set) + ": " + result.count()
            + (result.complete() ? "" : " (incomplete)"));
        return harvest;
    }

    private int read(Element list, CheckRequest request, Harvest harvest, MetadataFormat format, String set,
                     String area) {
        boolean isRecords = RECORDS.equals(list.getLocalName());
        List<Element> items = OaiXml.children(list, OaiXml.OAI, isRecords ? "record" : "header");
        for (Element item : items) {
            Element headerElement = isRecords ? OaiXml.child(item, OaiXml.OAI, "header") : item;
            if (headerElement == null) {
                context.findings().add(area, "a record without header", request.label());
                continue;
            }
            Header header = Header.of(headerElement);
            if (!harvest.identifiers.add(header.identifier())) {
                context.findings().add(area, "an identifier comes twice in one list", request.label() + "; record "
                    + header.identifier());
            }
            harvest.headers.add(header);
            records.header(header, area, request.label(), set);
            if (isRecords) {
                records.record(item, header, format, area, request.label());
            }
        }
        return items.size();
    }

    private void compare(Harvest identifiers, Harvest records, MetadataFormat format, String set) {
        if (!identifiers.complete || !records.complete || identifiers.identifiers.equals(records.identifiers)) {
            return;
        }
        Set<String> onlyIdentifiers = new HashSet<>(identifiers.identifiers);
        onlyIdentifiers.removeAll(records.identifiers);
        Set<String> onlyRecords = new HashSet<>(records.identifiers);
        onlyRecords.removeAll(identifiers.identifiers);
        context.findings().add("lists " + format.prefix(), "ListIdentifiers and ListRecords return different records",
                               (set == null ? "whole list" : "set " + set) + ": " + onlyIdentifiers.size()
                                   + " only in ListIdentifiers, " + onlyRecords.size() + " only in ListRecords");
    }

    private void hierarchy(MetadataFormat format, Map<String, Harvest> bySet) {
        for (Map.Entry<String, Harvest> entry : bySet.entrySet()) {
            String set = entry.getKey();
            int colon = set.lastIndexOf(':');
            Harvest parent = colon > 0 ? bySet.get(set.substring(0, colon)) : null;
            if (parent == null) {
                continue;
            }
            String parentSpec = set.substring(0, colon);
            for (Header header : entry.getValue().headers) {
                boolean named = header.sets().contains(parentSpec);
                if (!named && parent.complete && !parent.identifiers.contains(header.identifier())) {
                    context.findings().add("sets " + format.prefix(), "a record of set '" + set + "' is neither "
                        + "listed in its parent set '" + parentSpec + "' nor names it", parent.firstRequest
                        + "; record " + header.identifier());
                    break;
                }
            }
        }
    }
}
