/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.Scripts;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.discovery.SolrSearchCore;
import org.dspace.utils.DSpace;
import org.dspace.xoai.solr.DSpaceSolrServer;
import org.junit.Test;
import org.w3c.dom.Node;

/**
 * {@code useit-reindex} rebuilds emptied search and OAI-PMH cores from the database, printing progress with rate
 * and time left, as seen over real HTTP afterwards; {@code useit-reindex -v} finds and repairs what differs from the
 * database (a document of an item that never was, a missing and an outdated one, a live record of a gone item).
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

        String lines = String.join("\n", Scripts.run("useit-reindex").getInfoMessages());
        System.out.println(lines);
        assertThat(lines, containsString("search index: "));
        assertThat(lines.lines().filter(l -> l.startsWith("OAI-PMH index: ")).reduce((a, b) -> b).orElse(""),
                   matchesPattern("OAI-PMH index: ([0-9,]+) of \\1 \\([0-9.]+/s, 0 s left\\)"));
        assertThat(liveUseitRecords(), is(records));
        assertThat(searchTotal("Smethwick"), is(found));
    }

    @Test
    public void verifyRepairsOnlyWhatDiffersFromTheDatabase() throws Exception {
        Scripts.run("useit-structure");
        Scripts.run("useit-import", "-f", System.getProperty("useit.sample"), "-e", ADMIN_EMAIL);
        OaiImport.run(false);
        // whatever earlier tests left: start from indexes that agree
        Scripts.run("useit-reindex", "-v");
        assertThat(lastLine(Scripts.run("useit-reindex", "-v", "-d"), "search index check: "),
                   is("search index check: agrees with the database"));

        SolrClient search = new DSpace().getServiceManager().getServiceByName(SolrSearchCore.class.getName(),
                                                                               SolrSearchCore.class).getSolr();
        String marker = "phantomzq" + Long.toString(System.nanoTime(), 36);
        // a document of an item that never was (a process killed between writing the index and committing): a copy
        // of a real item's document under a new id, with the marker in its title
        SolrDocument real = search.query(new SolrQuery("search.resourcetype:Item").setRows(1).setFields("*"))
                                  .getResults().get(0);
        SolrInputDocument phantom = new SolrInputDocument();
        Set<String> rebuiltBySolr = Set.of("_version_", "search_text", "search.entitytype", "lastModified_dt",
                                           "fulltext_hl");
        real.getFieldNames().stream().filter(name -> !rebuiltBySolr.contains(name))
            .forEach(name -> phantom.setField(name, real.getFieldValues(name)));
        String phantomId = UUID.randomUUID().toString();
        phantom.setField("search.uniqueid", "Item-" + phantomId);
        phantom.setField("search.resourceid", phantomId);
        phantom.setField("dc.title", marker);
        search.add(phantom);
        // one item without its document, one with an outdated one
        SolrDocumentList items = search.query(new SolrQuery("search.resourcetype:Item").setRows(2)
                                                   .setFields("search.uniqueid")).getResults();
        search.deleteById((String) items.get(0).getFieldValue("search.uniqueid"));
        SolrInputDocument outdated = new SolrInputDocument();
        outdated.setField("search.uniqueid", items.get(1).getFieldValue("search.uniqueid"));
        outdated.setField("lastModified", Map.of("set", new Date(0)));
        search.add(outdated);
        search.commit();
        // (not searched over REST before the check: DSpace drops a document it cannot load when a search returns it,
        // but facet counts and hit totals of other searches keep counting it)
        String phantomQuery = "search.uniqueid:\"Item-" + phantomId + "\"";
        assertThat(search.query(new SolrQuery(phantomQuery)).getResults().getNumFound(), is(1L));

        TestDSpaceRunnableHandler verify = Scripts.run("useit-reindex", "-v", "-d");
        assertThat(lastLine(verify, "search index check: "), startsWith("search index check: 1 document(s) of "
            + "objects that do not exist, 1 item(s) without a document, 1 outdated document(s) (e.g. Item-"
            + phantomId));
        assertThat(search.query(new SolrQuery(phantomQuery)).getResults().getNumFound(), is(0L));
        assertThat(searchTotal(marker), is("0"));
        assertThat(lastLine(Scripts.run("useit-reindex", "-v", "-d"), "search index check: "),
                   is("search index check: agrees with the database"));

        // a live OAI-PMH record of an item that does not exist becomes a deleted record
        SolrClient oai = DSpaceSolrServer.getServer();
        SolrInputDocument record = new SolrInputDocument();
        String recordId = UUID.randomUUID().toString();
        record.setField("item.id", recordId);
        record.setField("item.handle", "123456789/" + marker);
        record.setField("item.public", true);
        record.setField("item.deleted", false);
        record.setField("item.lastmodified", new Date());
        record.setField("item.compile", "<metadata xmlns=\"http://www.lyncode.com/xoai\"/>");
        oai.add(record);
        oai.commit();
        TestDSpaceRunnableHandler oaiVerify = Scripts.run("useit-reindex", "-v", "-o");
        assertThat(lastLine(oaiVerify, "OAI-PMH index check: "), matchesPattern(
            "OAI-PMH index check: \\d+ item\\(s\\) checked, 1 record\\(s\\) written"));
        SolrDocument after = oai.query(new SolrQuery("item.id:\"" + recordId + "\"")).getResults().get(0);
        assertThat(after.getFieldValue("item.deleted"), is(true));
    }

    private static String lastLine(TestDSpaceRunnableHandler run, String prefix) {
        return run.getInfoMessages().stream().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElse("");
    }
}
