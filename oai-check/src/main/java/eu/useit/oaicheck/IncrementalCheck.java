/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.useit.oaipmh.OaiDates;
import org.w3c.dom.Element;

/**
 * Selective harvesting by date, as incremental harvesters use it: {@code from} and {@code until} are inclusive,
 * so {@code from == until} on a record's day (and, at seconds granularity, on its exact datestamp) returns it.
 *
 * @param context the check's shared state
 */
record IncrementalCheck(CheckContext context) {

    private static final String AREA = "selective harvest";
    private static final String VERB = "ListIdentifiers";

    /**
     * Runs the check on the first record of the probe format that is not deleted.
     */
    void run() {
        String prefix = context.probePrefix();
        List<Header> headers = context.headers().getOrDefault(prefix, List.of());
        Header header = headers.stream().filter(h -> !h.deleted() && OaiDates.parse(h.datestamp()) != null)
                               .findFirst().orElse(null);
        if (header == null) {
            return;
        }
        String day = OaiDates.day(header.datestamp());
        check(prefix, day, header);
        if (OaiDates.SECONDS.equals(context.identity().granularity()) && !day.equals(header.datestamp())) {
            check(prefix, header.datestamp(), header);
        }
    }

    private void check(String prefix, String date, Header header) {
        Set<String> found = new HashSet<>();
        String query = CheckRequest.query("verb", VERB, "metadataPrefix", prefix, "from", date, "until", date);
        Paging.Result result = new Paging(context).follow(VERB, query, AREA, context.maxRecords(),
                                                          Set.of(OaiErrorCode.NO_RECORDS_MATCH),
                                                          (list, request) -> collect(list, found));
        if (result.complete() && !found.contains(header.identifier())) {
            String what = date.length() == 10 ? "day" : "datestamp";
            context.findings().add(AREA, "from and until equal to a record's " + what + " do not return it (both "
                + "are inclusive)", CheckRequest.get(query).label() + "; record " + header.identifier()
                + " datestamp " + header.datestamp());
        }
    }

    private static int collect(Element list, Set<String> found) {
        List<Element> headers = OaiXml.children(list, OaiXml.OAI, "header");
        headers.forEach(h -> found.add(Header.of(h).identifier()));
        return headers.size();
    }
}
