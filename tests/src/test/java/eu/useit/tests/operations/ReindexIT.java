/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.tests.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.apache.solr.client.solrj.SolrClient;
import org.dspace.discovery.SolrSearchCore;
import org.dspace.utils.DSpace;
import org.dspace.xoai.solr.DSpaceSolrServer;
import org.junit.Test;
import org.w3c.dom.Node;

/**
 * {@code useit-reindex} rebuilds emptied search and OAI-PMH cores from the database, printing progress with rate
 * and time left, as seen over real HTTP afterwards.
 */
public class ReindexIT extends AbstractUseitIT {

    private static int liveUseitRecords() throws Exception {
        int live = 0;
        for (Node header : new OaiHarvest(TestRepository.serverUrl() + "/oai/useit")
                .list("ListIdentifiers", "metadataPrefix=oai_dc")) {
            live += Xml.string(header, "@status").isEmpty() ? 1 : 0;
        }
        return live;
    }

    private static String searchTotal(String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            TestRepository.serverUrl() + "/api/discover/search/objects?dsoType=ITEM&query=" + query)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.body(), response.statusCode(), is(200));
        return response.body().replaceAll("(?s).*\"totalElements\" : (\\d+).*", "$1");
    }

    @Test
    public void rebuildsEmptiedIndexesWithProgress() throws Exception {
        Scripts.run("useit-structure");
        Scripts.run("useit-import", "-f", System.getProperty("useit.sample"), "-e", ADMIN_EMAIL);
        OaiImport.run(false);
        int records = liveUseitRecords();
        String found = searchTotal("Smethwick");
        assertThat(Integer.parseInt(found) > 0, is(true));

        SolrClient oai = DSpaceSolrServer.getServer();
        oai.deleteByQuery("*:*");
        oai.commit();
        SolrClient search = new DSpace().getServiceManager().getServiceByName(SolrSearchCore.class.getName(),
                                                                               SolrSearchCore.class).getSolr();
        search.deleteByQuery("search.resourcetype:Item");
        search.commit();
        assertThat(searchTotal("Smethwick"), is("0"));

        PrintStream stderr = System.err;
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
        try {
            Scripts.run("useit-reindex");
        } finally {
            System.setErr(stderr);
        }
        String lines = progress.toString(StandardCharsets.UTF_8);
        System.out.println(lines);
        assertThat(lines, containsString("search index: "));
        assertThat(lines.lines().filter(l -> l.startsWith("OAI-PMH index: ")).reduce((a, b) -> b).orElse(""),
                   matchesPattern("OAI-PMH index: ([0-9,]+) of \\1 \\([0-9.]+/s, 0 s left\\)"));
        assertThat(liveUseitRecords(), is(records));
        assertThat(searchTotal("Smethwick"), is(found));
    }
}
