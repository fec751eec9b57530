/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import eu.useit.oaicheck.FakeOaiEndpoint.Breakage;
import org.hamcrest.Matchers;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The checker against a fake OAI-PMH endpoint over real HTTP: conformant (no finding), then broken in one way
 * at a time (the finding for it).
 */
public class OaiCheckTest {

    private static Path schemas;

    private final List<String> out = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @BeforeClass
    public static void findSchemas() {
        schemas = Path.of(System.getProperty("useit.schemas", "../../shared/schemas")).toAbsolutePath().normalize();
    }

    @Test
    public void conformantEndpointHasNoFinding() throws IOException {
        assumeSchemas();
        try (FakeOaiEndpoint endpoint = FakeOaiEndpoint.start()) {
            int status = check(endpoint, "--schemas", schemas.toString());
            assertThat(String.join("\n", out), findings(), is(empty()));
            assertThat(status, is(OaiCheck.CLEAN));
            assertThat("every response and payload was validated", out,
                       not(hasItem(startsWith("WARNING"))));
            String summary = out.get(out.size() - 1);
            assertThat(summary, startsWith("SUMMARY " + endpoint.baseUrl()));
            assertThat(summary, containsString("records oai_dc=5, oai_openaire=5"));
            assertThat(summary, containsString("0 findings"));
            assertThat(log, hasItem("# ListRecords oai_dc set=type:case-study: 2"));
        }
    }

    @Test
    public void cursorAsPageNumberIsFound() throws IOException {
        assertFound(Breakage.CURSOR_AS_PAGE,
                    "ListRecords oai_dc: cursor is not the number of elements already returned");
    }

    @Test
    public void missingEmptyFinalTokenIsFound() throws IOException {
        assertFound(Breakage.NO_EMPTY_FINAL_TOKEN,
                    "ListIdentifiers oai_dc: the last page of an incomplete list has no resumptionToken element");
    }

    @Test
    public void serverErrorsOnBadInputAreFound() throws IOException {
        List<String> findings = assertFound(
            Breakage.ERROR_500,
            "http: HTTP status 500 instead of 200",
            "http: the response shows a Java stack trace",
            "errors: from not a real date (2017-13-45): answered HTTP 500 with an HTML page, expected HTTP 200 with "
                + "error badArgument",
            "errors: unknown verb: answered HTTP 500 with an HTML page, expected HTTP 200 with error badVerb",
            "errors: forged resumptionToken: answered HTTP 500");
        assertThat(findings, not(hasItem(containsString("errors: unknown identifier"))));
    }

    @Test
    public void htmlForBrowsersIsFound() throws IOException {
        assertFound(Breakage.HTML_FOR_BROWSERS,
                    "content negotiation: a client whose Accept header prefers text/html",
                    "http: HTML instead of OAI-PMH XML (GET ?verb=Identify [Accept: text/html,*/*;q=0.8])");
    }

    @Test
    public void localhostNamespaceIsFound() throws IOException {
        assertFound(Breakage.LOCALHOST_NAMESPACE,
                    "Identify: oai-identifier namespace 'localhost' is not a domain name with a dot",
                    "identifiers: identifiers use the namespace 'localhost', which is not a domain name with a dot");
    }

    @Test
    public void invalidPayloadIsFound() throws IOException {
        assumeSchemas();
        List<String> findings = checkBroken(Breakage.INVALID_PAYLOAD);
        assertThat(findings, hasItem(Matchers.<String>allOf(
            startsWith("FINDING schema oai_dc: payload not valid against "
                           + "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
            containsString(":colour}"), containsString("record oai:useit.example.ac.uk:123456789/2"))));
        assertThat(findings.size(), is(1));
    }

    @Test
    public void missingAccessRightsIsFound() throws IOException {
        assertFound(Breakage.NO_ACCESS_RIGHTS, "aggregators oai_openaire: a record has no COAR access rights");
    }

    @Test
    public void flatSetsAreFound() throws IOException {
        assertFound(Breakage.FLAT_SETS, "sets oai_dc: a record of set 'type:case-study' is neither listed in its "
            + "parent set 'type' nor names it");
    }

    @Test
    public void withoutSchemasValidationIsSkippedWithAWarning() throws IOException {
        try (FakeOaiEndpoint endpoint = FakeOaiEndpoint.start()) {
            assertThat(check(endpoint), is(OaiCheck.CLEAN));
            assertThat(out, hasItem(startsWith("WARNING schema: no schema folder")));
        }
    }

    @Test
    public void maxRecordsCapsTheLists() throws IOException {
        try (FakeOaiEndpoint endpoint = FakeOaiEndpoint.start()) {
            assertThat(check(endpoint, "--max-records", "2", "--quiet"), is(OaiCheck.CLEAN));
            assertThat(out.get(out.size() - 1), containsString("records oai_dc=2, oai_openaire=2 (lists capped at 2)"));
            assertThat(log, is(empty()));
        }
    }

    @Test
    public void unreachableEndpointExitsWithTwo() throws IOException {
        String url;
        try (FakeOaiEndpoint endpoint = FakeOaiEndpoint.start()) {
            url = endpoint.baseUrl();
        }
        assertThat(OaiCheck.run(new String[] {url, "--timeout", "5"}, out::add, log::add), is(OaiCheck.UNUSABLE));
        assertThat(log, hasItem(startsWith("useit-oai-check: cannot reach " + url)));
    }

    @Test
    public void usageErrorsExitWithTwo() {
        assertThat(OaiCheck.run(new String[0], out::add, log::add), is(OaiCheck.UNUSABLE));
        assertThat(OaiCheck.run(new String[] {"ftp://example.org/oai"}, out::add, log::add), is(OaiCheck.UNUSABLE));
        assertThat(OaiCheck.run(new String[] {"http://example.org/oai", "--max-records", "0"}, out::add, log::add),
                   is(OaiCheck.UNUSABLE));
        assertThat(OaiCheck.run(new String[] {"http://example.org/oai", "--schemas", "/no/such/dir"}, out::add,
                                log::add), is(OaiCheck.UNUSABLE));
        assertThat(log, hasItem("useit-oai-check: no base URL given"));
    }

    /** Checks an endpoint with the breakage, and asserts that each finding is reported (each line's start). */
    private List<String> assertFound(Breakage breakage, String... expected) throws IOException {
        List<String> findings = checkBroken(breakage);
        for (String finding : expected) {
            assertThat(findings, hasItem(startsWith("FINDING " + finding)));
        }
        return findings;
    }

    private List<String> checkBroken(Breakage breakage) throws IOException {
        try (FakeOaiEndpoint endpoint = FakeOaiEndpoint.start(breakage)) {
            List<String> args = new ArrayList<>();
            if (Files.isRegularFile(schemas.resolve("catalog.xml"))) {
                args.add("--schemas");
                args.add(schemas.toString());
            }
            assertThat(check(endpoint, args.toArray(new String[0])), is(OaiCheck.FINDINGS));
            return findings();
        }
    }

    private int check(FakeOaiEndpoint endpoint, String... options) {
        List<String> args = new ArrayList<>(List.of(endpoint.baseUrl()));
        args.addAll(List.of(options));
        return OaiCheck.run(args.toArray(new String[0]), out::add, log::add);
    }

    private List<String> findings() {
        return out.stream().filter(line -> line.startsWith("FINDING")).collect(Collectors.toList());
    }

    private static void assumeSchemas() {
        Assume.assumeTrue("no schemas at " + schemas, Files.isRegularFile(schemas.resolve("catalog.xml")));
    }

}
