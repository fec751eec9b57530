/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.useit.oaipmh.OaiDates;
import org.w3c.dom.Element;

/**
 * Checks of one header (identifier namespace, datestamp granularity, set membership) and one record (metadata
 * present unless deleted, payload namespace, payload schema, aggregator rules). A record's payload is validated
 * once per format, however many lists return it.
 */
final class RecordChecks {

    private static final String IDENTIFIERS = "identifiers";
    private static final String DATESTAMPS = "datestamps";

    private final CheckContext context;
    private final Set<String> validated = new HashSet<>();

    /**
     * @param context the check's shared state
     */
    RecordChecks(CheckContext context) {
        this.context = context;
    }

    /**
     * @param header  the header
     * @param area    the area of findings
     * @param request the label of the request that returned it
     * @param set     the set the list was asked for, or null
     */
    void header(Header header, String area, String request, String set) {
        Findings findings = context.findings();
        String where = request + "; record " + header.identifier();
        if (header.identifier().isEmpty()) {
            findings.add(area, "a header without identifier", request);
            return;
        }
        checkNamespace(header.identifier(), where);
        String datestamp = header.datestamp();
        Instant instant = OaiDates.parse(datestamp);
        Identity identity = context.identity();
        if (instant == null) {
            findings.add(DATESTAMPS, "a datestamp is not a UTC date", where + "; datestamp " + datestamp);
        } else if (!OaiDates.hasGranularity(datestamp, identity.granularity())) {
            findings.add(DATESTAMPS, "datestamps are not in the repository's granularity " + identity.granularity(),
                         where + "; datestamp " + datestamp);
        } else if (identity.earliest() != null && instant.isBefore(identity.earliest())) {
            findings.add(DATESTAMPS, "a datestamp is earlier than Identify's earliestDatestamp", where
                + "; datestamp " + datestamp);
        }
        if (context.setsComplete()) {
            for (String spec : header.sets()) {
                if (!context.sets().contains(spec)) {
                    findings.add(area, "a header lists set '" + spec + "', which ListSets does not have", where);
                }
            }
        }
        if (set != null && !header.deleted()
            && header.sets().stream().noneMatch(s -> s.equals(set) || s.startsWith(set + ":"))) {
            findings.add(area, "a header in the list of a set does not name that set (or a subset of it) in its "
                + "setSpecs", where);
        }
    }

    /**
     * @param record  a {@code record} element
     * @param header  its header
     * @param format  the format it was asked in
     * @param area    the area of findings
     * @param request the label of the request that returned it
     */
    void record(Element record, Header header, MetadataFormat format, String area, String request) {
        Findings findings = context.findings();
        String where = request + "; record " + header.identifier();
        Element metadata = OaiXml.child(record, OaiXml.OAI, "metadata");
        if (header.deleted()) {
            if (metadata != null) {
                findings.add(area, "a deleted record carries metadata", where);
            }
            return;
        }
        List<Element> payloads = metadata == null ? List.of() : OaiXml.elements(metadata);
        if (payloads.isEmpty()) {
            findings.add(area, "a record that is not deleted has no metadata", where);
            return;
        }
        Element payload = payloads.get(0);
        if (!format.namespace().equals(payload.getNamespaceURI())) {
            findings.add(area, "payloads are in namespace " + payload.getNamespaceURI() + ", not "
                + format.namespace() + " as ListMetadataFormats declares", where);
        }
        if (!validated.add(format.prefix() + " " + header.identifier() + " " + header.datestamp())) {
            return;
        }
        if (context.schemas().enabled()) {
            SchemaValidator.Verdict verdict = context.schemas().payload(payload, format.schema());
            if (verdict.unavailable() != null) {
                findings.warn("schema " + format.prefix(), "payloads not validated: " + verdict.unavailable());
            }
            for (String error : verdict.errors()) {
                findings.add("schema " + format.prefix(), "payload not valid against " + format.schema() + ": "
                    + error, where);
            }
        }
        for (String problem : AggregatorRules.check(format, payload)) {
            findings.add("aggregators " + format.prefix(), "a record has " + problem, where);
        }
    }

    private void checkNamespace(String identifier, String where) {
        if (!identifier.startsWith("oai:")) {
            return;
        }
        String[] parts = identifier.split(":", 3);
        String namespace = parts.length == 3 ? parts[1] : "";
        String declared = context.identity().namespace();
        if (!namespace.contains(".")) {
            context.findings().add(IDENTIFIERS, "identifiers use the namespace '" + namespace
                + "', which is not a domain name with a dot", where);
        } else if (declared != null && !namespace.equals(declared)) {
            context.findings().add(IDENTIFIERS, "identifiers use the namespace '" + namespace
                + "', not Identify's '" + declared + "'", where);
        }
    }
}
