/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.Arrays;
import java.util.List;

import eu.useit.oaipmh.OaiDates;
import org.w3c.dom.Element;

/**
 * Malformed requests, each of which must be answered with HTTP 200, schema-valid OAI-PMH XML and the right error
 * code (never a 500, an HTML page or a stack trace); a browser-like {@code Accept} header, which must still get
 * XML; and Identify by POST.
 *
 * <p>For a set that does not exist the specification names no code: noRecordsMatch (no record is in it) and
 * badArgument (the argument is wrong) are both accepted, and noSetHierarchy from a repository without sets.
 *
 * @param context the check's shared state
 */
record ErrorProbes(CheckContext context) {

    private static final String AREA = "errors";
    private static final String UNKNOWN_ID = "oai:useit-oai-check.invalid:no-such-record";
    private static final String UNKNOWN_PREFIX = "useit_oai_check_no_such_format";
    private static final int LONG_ARGUMENT = 10_000;
    private static final String BROWSER_ACCEPT = "text/html,*/*;q=0.8";

    /**
     * Sends every probe.
     */
    void run() {
        String prefix = context.probePrefix();
        String id = context.headers().values().stream().flatMap(List::stream).map(Header::identifier).findFirst()
                           .orElse(null);
        probe("no verb", "", OaiErrorCode.BAD_VERB);
        probe("unknown verb", q("verb", "NoSuchVerb"), OaiErrorCode.BAD_VERB);
        probe("repeated verb", "verb=Identify&verb=Identify", OaiErrorCode.BAD_VERB, OaiErrorCode.BAD_ARGUMENT);
        probe("repeated argument", q("verb", "ListIdentifiers", "metadataPrefix", prefix) + "&"
            + q("metadataPrefix", prefix), OaiErrorCode.BAD_ARGUMENT);
        probe("unknown argument", q("verb", "Identify", "useitOaiCheck", "1"), OaiErrorCode.BAD_ARGUMENT);
        probe("ListRecords without metadataPrefix", q("verb", "ListRecords"), OaiErrorCode.BAD_ARGUMENT);
        probe("ListIdentifiers without metadataPrefix", q("verb", "ListIdentifiers"), OaiErrorCode.BAD_ARGUMENT);
        probe("GetRecord without identifier", q("verb", "GetRecord", "metadataPrefix", prefix),
              OaiErrorCode.BAD_ARGUMENT);
        if (id != null) {
            probe("GetRecord without metadataPrefix", q("verb", "GetRecord", "identifier", id),
                  OaiErrorCode.BAD_ARGUMENT);
            probe("GetRecord in an unknown format", q("verb", "GetRecord", "identifier", id, "metadataPrefix",
                                                      UNKNOWN_PREFIX), OaiErrorCode.CANNOT_DISSEMINATE_FORMAT);
        }
        dates(prefix);
        probe("unknown metadataPrefix", q("verb", "ListRecords", "metadataPrefix", UNKNOWN_PREFIX),
              OaiErrorCode.CANNOT_DISSEMINATE_FORMAT);
        probe("unknown set", q("verb", "ListIdentifiers", "metadataPrefix", prefix, "set", "useit-oai-check-no-set"),
              context.sets().isEmpty()
                  ? new OaiErrorCode[] {OaiErrorCode.NO_RECORDS_MATCH, OaiErrorCode.BAD_ARGUMENT,
                      OaiErrorCode.NO_SET_HIERARCHY}
                  : new OaiErrorCode[] {OaiErrorCode.NO_RECORDS_MATCH, OaiErrorCode.BAD_ARGUMENT});
        probe("unknown identifier", q("verb", "GetRecord", "identifier", UNKNOWN_ID, "metadataPrefix", prefix),
              OaiErrorCode.ID_DOES_NOT_EXIST);
        probe("ListMetadataFormats of an unknown identifier", q("verb", "ListMetadataFormats", "identifier",
                                                                UNKNOWN_ID), OaiErrorCode.ID_DOES_NOT_EXIST);
        tokens(prefix);
        probe("a 10,000-character argument", q("verb", "GetRecord", "metadataPrefix", prefix, "identifier",
                                                "oai:useit-oai-check.invalid:" + "x".repeat(LONG_ARGUMENT)),
              OaiErrorCode.BAD_ARGUMENT, OaiErrorCode.ID_DOES_NOT_EXIST);
        probe("an argument percent-encoded as non-UTF-8 bytes", q("verb", "GetRecord", "metadataPrefix", prefix)
            + "&identifier=%FF%FE", OaiErrorCode.BAD_ARGUMENT, OaiErrorCode.ID_DOES_NOT_EXIST);
        browserAccept();
        post();
    }

    private void dates(String prefix) {
        String list = q("verb", "ListIdentifiers", "metadataPrefix", prefix);
        probe("from not a date (24-04-2017)", list + "&" + q("from", "24-04-2017"), OaiErrorCode.BAD_ARGUMENT);
        probe("from not a real date (2017-13-45)", list + "&" + q("from", "2017-13-45"), OaiErrorCode.BAD_ARGUMENT);
        probe("from a day, until to the second", list + "&" + q("from", "2017-01-01", "until",
                                                                 "2017-01-02T00:00:00Z"), OaiErrorCode.BAD_ARGUMENT);
        probe("from later than until", list + "&" + q("from", "2017-01-02", "until", "2017-01-01"),
              OaiErrorCode.BAD_ARGUMENT);
        if (OaiDates.DAY.equals(context.identity().granularity())) {
            probe("seconds from a repository of day granularity", list + "&" + q("from", "2017-01-01T00:00:00Z"),
                  OaiErrorCode.BAD_ARGUMENT);
        }
    }

    private void tokens(String prefix) {
        probe("forged resumptionToken", q("verb", "ListRecords", "resumptionToken", "useit-oai-check-forged"),
              OaiErrorCode.BAD_RESUMPTION_TOKEN);
        String token = context.resumptionToken();
        if (token != null && token.length() >= 2) {
            probe("truncated resumptionToken", q("verb", "ListRecords", "resumptionToken",
                                                 token.substring(0, token.length() / 2)),
                  OaiErrorCode.BAD_RESUMPTION_TOKEN);
            probe("resumptionToken with another argument", q("verb", "ListRecords", "resumptionToken", token,
                                                             "metadataPrefix", prefix), OaiErrorCode.BAD_ARGUMENT);
        } else {
            probe("resumptionToken with another argument", q("verb", "ListRecords", "resumptionToken",
                                                             "useit-oai-check-forged", "metadataPrefix", prefix),
                  OaiErrorCode.BAD_ARGUMENT, OaiErrorCode.BAD_RESUMPTION_TOKEN);
        }
    }

    private void probe(String what, String query, OaiErrorCode... accepted) {
        CheckRequest request = CheckRequest.get(query);
        OaiResponse response = context.client().send(request);
        Element root = context.responses().check(response, AREA);
        if (response.failure() != null) {
            return;
        }
        List<String> acceptedCodes = Arrays.stream(accepted).map(OaiErrorCode::code).toList();
        String expected = "expected HTTP 200 with error " + String.join(" or ", acceptedCodes);
        if (root == null) {
            context.findings().add(AREA, what + ": answered HTTP " + response.status() + " with "
                + (ResponseChecks.isHtml(response) ? "an HTML page" : "no OAI-PMH XML") + ", " + expected,
                                   request.label());
            return;
        }
        List<String> codes = ResponseChecks.errorCodes(root);
        if (response.status() != 200 || codes.stream().noneMatch(acceptedCodes::contains)) {
            context.findings().add(AREA, what + ": answered HTTP " + response.status() + " with "
                + (codes.isEmpty() ? "no error" : "error " + String.join(", ", codes)) + ", " + expected,
                                   request.label());
        }
    }

    private void browserAccept() {
        expectIdentify("content negotiation", CheckRequest.get(q("verb", "Identify")).accept(BROWSER_ACCEPT),
                       "a client whose Accept header prefers text/html (as Java's HttpURLConnection sends) does not "
                           + "get the OAI-PMH XML answer");
    }

    private void post() {
        expectIdentify("POST", CheckRequest.post(q("verb", "Identify")),
                       "Identify sent as a form-encoded POST is not answered with Identify");
    }

    /** Sends an Identify request, and reports the problem when an answer came that is not Identify. */
    private void expectIdentify(String area, CheckRequest request, String problem) {
        OaiResponse response = context.client().send(request);
        Element root = context.responses().check(response, area);
        if (response.failure() == null && (root == null || OaiXml.child(root, OaiXml.OAI, "Identify") == null)) {
            context.findings().add(area, problem, request.label());
        }
    }

    private static String q(String... keysAndValues) {
        return CheckRequest.query(keysAndValues);
    }
}
