/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/**
 * GetRecord for a sample of the harvested identifiers in every format (spread over the list, plus a deleted
 * record if there is one): the record comes back with the header ListIdentifiers gave, and is checked like a
 * harvested one. Also ListMetadataFormats for one identifier.
 *
 * @param context the check's shared state
 * @param records the record checks (shared, so a payload is validated once)
 */
record GetRecordCheck(CheckContext context, RecordChecks records) {

    private static final String AREA = "GetRecord";
    private static final int SAMPLE = 5;

    /**
     * Fetches and checks the sample.
     */
    void run() {
        String someIdentifier = null;
        for (MetadataFormat format : context.formats()) {
            for (Header header : sample(context.headers().getOrDefault(format.prefix(), List.of()))) {
                check(format, header);
                someIdentifier = someIdentifier == null ? header.identifier() : someIdentifier;
            }
        }
        if (someIdentifier != null) {
            formatsOf(someIdentifier);
        }
    }

    /**
     * @param headers a whole list
     * @return up to {@link #SAMPLE} headers spread over it, and its first deleted one
     */
    static List<Header> sample(List<Header> headers) {
        List<Header> sample = new ArrayList<>();
        for (int i = 0; i < SAMPLE && i < headers.size(); i++) {
            Header header = headers.get((int) ((long) i * headers.size() / Math.min(SAMPLE, headers.size())));
            if (!sample.contains(header)) {
                sample.add(header);
            }
        }
        headers.stream().filter(Header::deleted).findFirst().filter(h -> !sample.contains(h)).ifPresent(sample::add);
        return sample;
    }

    private void check(MetadataFormat format, Header listed) {
        CheckRequest request = CheckRequest.get(CheckRequest.query("verb", AREA, "identifier", listed.identifier(),
                                                             "metadataPrefix", format.prefix()));
        Element root = context.responses().check(context.client().send(request), AREA);
        if (root == null) {
            return;
        }
        Findings findings = context.findings();
        List<String> codes = ResponseChecks.errorCodes(root);
        Element record = OaiXml.child(OaiXml.child(root, OaiXml.OAI, AREA), OaiXml.OAI, "record");
        Element headerElement = OaiXml.child(record, OaiXml.OAI, "header");
        if (!codes.isEmpty() || headerElement == null) {
            findings.add(AREA, (codes.isEmpty() ? "no record" : "answered error " + codes)
                + " for an identifier ListIdentifiers returned in that format", request.label());
            return;
        }
        Header header = Header.of(headerElement);
        if (!header.identifier().equals(listed.identifier())) {
            findings.add(AREA, "the record returned has another identifier: " + header.identifier(),
                         request.label());
        }
        if (!header.datestamp().equals(listed.datestamp()) || header.deleted() != listed.deleted()) {
            findings.add(AREA, "the header differs from the one ListIdentifiers returned (datestamp or status)",
                         request.label() + "; " + header.datestamp() + " vs " + listed.datestamp());
        }
        records.header(header, AREA, request.label(), null);
        records.record(record, header, format, AREA, request.label());
    }

    private void formatsOf(String identifier) {
        CheckRequest request = CheckRequest.get(CheckRequest.query("verb", "ListMetadataFormats", "identifier",
                                                             identifier));
        Element root = context.responses().check(context.client().send(request), "ListMetadataFormats");
        if (root == null) {
            return;
        }
        List<String> codes = ResponseChecks.errorCodes(root);
        if (!codes.isEmpty()) {
            context.findings().add("ListMetadataFormats", "answered error " + codes + " for an identifier the "
                + "lists returned", request.label());
            return;
        }
        Element list = OaiXml.child(root, OaiXml.OAI, "ListMetadataFormats");
        for (Element format : list == null ? List.<Element>of()
            : OaiXml.children(list, OaiXml.OAI, "metadataFormat")) {
            String prefix = OaiXml.childText(format, OaiXml.OAI, "metadataPrefix");
            if (context.formats().stream().noneMatch(f -> f.prefix().equals(prefix))) {
                context.findings().add("ListMetadataFormats", "an identifier's formats include '" + prefix
                    + "', which the repository's formats do not", request.label());
            }
        }
    }
}
