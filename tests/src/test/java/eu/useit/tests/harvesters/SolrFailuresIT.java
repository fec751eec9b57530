/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import eu.useit.dspace.oai.index.OaiIndexConsumer;
import eu.useit.runtime.LocalAdministrator;
import eu.useit.runtime.SolrServer;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.Sample;
import eu.useit.tests.support.TestRepository;
import org.junit.Test;

/**
 * While Solr cannot answer, harvesters and crawlers are asked to come back: OAI-PMH (Identify and the lists) and
 * the pages made from the OAI-PMH index (sitemap, strand browse) answer {@code 503} with {@code Retry-After}, never
 * a 500, an HTML error page or a stack trace; once Solr answers again, so do they. Two ways Solr fails: down (no
 * connection), and up but answering with an error, as a core that is being reloaded or a SolrCloud shard without a
 * live replica does (here: the OAI core unloaded from the running Solr, then created again on its own files), or
 * as an OAI core without the addon's schema does (DSpace's own: Solr refuses every list query on it); that one also
 * fails the health check, with the reason for administrators.
 */
public class SolrFailuresIT extends AbstractUseitIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> ADDRESSES = List.of(
        "/oai/request?verb=Identify",
        "/oai/request?verb=ListRecords&metadataPrefix=oai_dc",
        "/oai/useit?verb=ListIdentifiers&metadataPrefix=oai_dc",
        "/useit/sitemap.xml",
        "/useit/browse");

    @Test
    public void whileSolrIsDownHarvestersAndCrawlersAreAskedToComeBack() throws Exception {
        Sample.load();
        SolrServer solr = TestRepository.solrServer();
        solr.close();
        try {
            everyAddressSaysComeBack(ADDRESSES);
        } finally {
            TestRepository.replaceSolrServer(solr.startAgain());
        }
        everyAddressAnswers();
    }

    @Test
    public void whileSolrAnswersWithAnErrorHarvestersAndCrawlersAreAskedToComeBack() throws Exception {
        Sample.load();
        RestClient solr = RestClient.anonymous(TestRepository.get().solrUrl());
        solr.get("/admin/cores?action=UNLOAD&core=oai&wt=json").expect(200);
        try {
            everyAddressSaysComeBack(ADDRESSES);
        } finally {
            solr.get("/admin/cores?action=CREATE&name=oai&instanceDir=oai&wt=json").expect(200);
        }
        everyAddressAnswers();
    }

    @Test
    public void anOaiCoreWithoutTheAddonsSchemaFailsTheHealthCheckAndListsAskHarvestersToComeBack()
        throws Exception {
        Sample.load();
        // written now, not into the stand-in core below, whose records go with it
        OaiIndexConsumer.worker().drainNow();
        RestClient solr = RestClient.anonymous(TestRepository.get().solrUrl());
        Path search = Path.of(solr.get("/admin/cores?action=STATUS&core=search&wt=json").expect(200).json()
                                  .at("/status/search/instanceDir").asText());
        // a core of another schema in the OAI core's place, as DSpace's own OAI core would be: no item.since
        Path stand = Files.createTempDirectory(search.getParent(), "oai-stock-");
        copy(search.resolve("conf"), stand.resolve("conf"));
        solr.get("/admin/cores?action=UNLOAD&core=oai&wt=json").expect(200);
        solr.get("/admin/cores?action=CREATE&name=oai&instanceDir=" + stand + "&wt=json").expect(200);
        try {
            everyAddressSaysComeBack(ADDRESSES.subList(1, 3));
            String email = "health-" + System.nanoTime() + "@useit.example.ac.uk";
            String password = "health-check-" + System.nanoTime();
            LocalAdministrator.account(context, email, password);
            context.commit();
            RestClient admin = RestClient.login(TestRepository.serverUrl(), email, password);
            assertThat(RestClient.anonymous(TestRepository.serverUrl()).get("/actuator/health").expect(503).json()
                                 .path("status").asText(), is("DOWN"));
            JsonNode core = admin.get("/actuator/health").expect(503).json().at("/components/solrCloud");
            assertThat(core.toString(), core.path("status").asText(), is("DOWN"));
            assertThat(core.at("/details/oai.solr.url").asText(), startsWith("this core has no field item.since, "
                + "by which USE-IT! orders and pages harvests"));
            assertThat(core.at("/details/discovery.search.server").asText(), is("standalone"));
        } finally {
            solr.get("/admin/cores?action=UNLOAD&core=oai&deleteInstanceDir=true&wt=json").expect(200);
            solr.get("/admin/cores?action=CREATE&name=oai&instanceDir=oai&wt=json").expect(200);
        }
        everyAddressAnswers();
        assertThat(RestClient.anonymous(TestRepository.serverUrl()).get("/actuator/health").expect(200).json()
                             .path("status").asText(), is("UP"));
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void everyAddressSaysComeBack(List<String> addresses) throws Exception {
        for (String address : addresses) {
            HttpResponse<String> response = get(address);
            assertThat(address + ": " + response.body(), response.statusCode(), is(503));
            assertThat(address, response.headers().firstValue("Retry-After").orElse(""), is("60"));
            assertThat(address, response.headers().firstValue("Content-Type").orElse(""), startsWith("text/plain"));
            assertThat(address, response.body(), containsString("please retry"));
            assertThat(address, response.body(), not(containsString("Exception")));
            assertThat(address, response.body(), not(containsString("Solr")));
        }
    }

    private static void everyAddressAnswers() throws Exception {
        for (String address : ADDRESSES) {
            HttpResponse<String> response = get(address);
            assertThat(address + ": " + response.body(), response.statusCode(), is(200));
        }
    }

    private static HttpResponse<String> get(String address) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(TestRepository.serverUrl() + address))
                                    .timeout(Duration.ofSeconds(60)).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }
}
