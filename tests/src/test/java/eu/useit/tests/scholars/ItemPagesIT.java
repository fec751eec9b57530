/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.scholars;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.undercouch.citeproc.ris.RISParser;
import de.undercouch.citeproc.ris.RISReference;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import eu.useit.tests.support.RepositoryProcess;
import eu.useit.tests.support.RestClient;
import eu.useit.tests.support.RestContent;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TestRule;

/**
 * A scholar reads: the item pages, files, citations, strand browse page, sitemap and robots.txt of the run command's
 * repository with the USE-IT! sample, over real HTTP as an anonymous user. Expected values come from the sample file
 * and the strand vocabulary. (What the pages show of items that are not public is checked by AccessMatrixIT.)
 */
public class ItemPagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE_STUDY = "Communicating about and recruiting community researchers";
    private static final String OUTPUT = "The USE-IT! Project Journal N\u00b02";
    private static final byte[] PDF = "%PDF-1.4\n% item pages test file (illustrative)\n"
        .getBytes(StandardCharsets.UTF_8);

    private static RepositoryProcess repository;

    @ClassRule
    public static final TestRule STOP = RepositoryProcess.stopAfter(() -> repository);
    private static RestClient anonymous;

    @BeforeClass
    public static void start() throws Exception {
        repository = RepositoryProcess.startAfresh("item-pages");
        anonymous = RestClient.anonymous(repository.server());
    }

    @Test
    public void aCaseStudyPageShowsItsStoryStrandsPartnersAndCitations() throws Exception {
        JsonNode item = find(CASE_STUDY);
        String handle = item.path("handle").asText();
        RestClient.Response page = anonymous.get("/useit/handle/" + handle).expect(200);
        String html = page.body();
        assertThat(page.headers().firstValue("Content-Type").orElse(""), containsString("text/html"));
        assertThat(html, containsString("<h1>" + CASE_STUDY + "</h1>"));
        assertThat(html, containsString("<h2>Learning objective</h2>"));
        assertThat(html, containsString("experts in their neighbourhoods"));
        assertThat(html, containsString("<h2>Outcome</h2>"));
        // the strand and its sub-theme, each leading to its search
        StrandVocabulary vocabulary = vocabulary();
        String path = vocabulary.hierarchicalLabel(vocabulary.find("community-research:recruitment").orElseThrow());
        assertThat(html, containsString("?f.strand=" + RestClient.encode(path + ",equals")));
        assertThat(html, containsString("?f.strand=" + RestClient.encode(path.split("::")[0] + ",equals")));
        // the partner and the project are linked to their pages; outputs of the same project are listed
        String partner = find("University of Birmingham").path("handle").asText();
        assertThat(html, containsString("/useit/handle/" + partner + "\">University of Birmingham</a>"));
        assertThat(html, containsString("Library output of the same project:</span> <a href="));
        // for machines
        assertThat(html, containsString("<meta name=\"citation_title\" content=\"" + CASE_STUDY + "\">"));
        assertThat("no author is invented", html, not(containsString("citation_author")));
        JsonNode ld = jsonLd(html);
        assertThat(ld.path("name").asText(), is(CASE_STUDY));
        assertThat(ld.path("url").asText(), is(repository.server() + "/useit/handle/" + handle));
        assertThat(page.headers().firstValue("Link").orElse(""), containsString("rel=\"cite-as\""));
        assertThat(page.headers().firstValue("Link").orElse(""), containsString("rel=\"linkset\""));
        assertThat(html, containsString("<h3>APA</h3>"));
        // the same page at the item's UUID, and at the address DSpace's Signposting gives it
        assertThat(anonymous.get("/useit/items/" + item.path("uuid").asText()).expect(200).body(),
                   containsString("<h1>" + CASE_STUDY + "</h1>"));
        String linkset = anonymous.get("/signposting/linksets/" + item.path("uuid").asText() + "/json",
                                       "application/linkset+json").expect(200).body();
        String anchor = JSON.readTree(linkset).at("/linkset/0/anchor").asText();
        assertThat(anchor, containsString(item.path("uuid").asText()));
        assertThat(anonymous.get(anchor).expect(200).body(), containsString("<h1>" + CASE_STUDY + "</h1>"));
    }

    @Test
    public void anOutputPageListsItsFilesByAccessAndCitationsDownloadInThreeFormats() throws Exception {
        JsonNode item = find(OUTPUT);
        String uuid = item.path("uuid").asText();
        RestContent content = new RestContent(repository.administrator());
        String open = content.file(uuid, "journal-2-open.pdf", PDF, "application/pdf");
        String restricted = content.file(uuid, "journal-2-restricted.pdf", PDF, "application/pdf");
        content.removeReads(restricted);
        String embargoed = content.file(uuid, "journal-2-embargoed.pdf", PDF, "application/pdf");
        content.removeReads(embargoed);
        LocalDate lifts = LocalDate.now().plusYears(1);
        content.addAnonymousRead(embargoed, lifts, null);

        String html = anonymous.get("/useit/handle/" + item.path("handle").asText()).expect(200).body();
        assertThat(html, containsString("<meta name=\"citation_author\" content=\"Nils Scheffler\">"));
        assertThat(html, containsString("<meta name=\"citation_publication_date\" content=\"2018/03/16\">"));
        assertThat(html, containsString("/useit/bitstreams/" + open + "/download\">journal-2-open.pdf</a>"));
        assertThat(html, containsString("<meta name=\"citation_pdf_url\" content=\"" + repository.server()
                                            + "/useit/bitstreams/" + open + "/download\">"));
        assertThat(html, containsString("<td>journal-2-restricted.pdf</td>"));
        assertThat(html, containsString("Embargoed until " + lifts));
        assertThat(html, not(containsString(restricted)));
        assertThat(html, not(containsString(embargoed)));

        RestClient.Response download = anonymous.get("/useit/bitstreams/" + open + "/download").expect(200);
        assertThat(download.body(), is(new String(PDF, StandardCharsets.UTF_8)));
        assertThat(download.headers().firstValue("Content-Type").orElse(""), is("application/pdf"));
        // a PDF viewer shows it (no sandbox, which browsers' viewers refuse) and may read it in parts
        assertThat(download.headers().firstValue("Content-Security-Policy").isPresent(), is(false));
        assertThat(download.headers().firstValue("Accept-Ranges").orElse(""), is("bytes"));
        assertThat(download.headers().firstValue("Link").orElse(""),
                   containsString("/handle/" + item.path("handle").asText() + ">; rel=\"collection\""));
        String openFile = "/useit/bitstreams/" + open + "/download";
        RestClient.Response part = anonymous.get(openFile, Map.of("Range", "bytes=5-7")).expect(206);
        assertThat(part.body(), is("1.4"));
        assertThat(part.headers().firstValue("Content-Range").orElse(""), is("bytes 5-7/" + PDF.length));
        String etag = download.headers().firstValue("ETag").orElseThrow();
        assertThat(anonymous.get(openFile, Map.of("Range", "bytes=5-7", "If-Range", etag)).status(), is(206));
        // another version of the file than the one the reader has parts of: all of it
        assertThat(anonymous.get(openFile, Map.of("Range", "bytes=5-7", "If-Range", "\"another\"")).expect(200)
                            .body(), is(new String(PDF, StandardCharsets.UTF_8)));
        // a browser that has this version is told so (304, no bytes), one with another gets the file
        RestClient.Response kept = anonymous.get(openFile, Map.of("If-None-Match", "\"x\", " + etag));
        assertThat(kept.status(), is(304));
        assertThat(kept.body(), is(""));
        assertThat(kept.headers().firstValue("ETag").orElse(""), is(etag));
        assertThat(anonymous.get(openFile, Map.of("If-None-Match", "\"another\"")).expect(200).body(),
                   is(new String(PDF, StandardCharsets.UTF_8)));
        // HEAD: the headers of a GET of the whole file (a range is for GET only), no bytes
        RestClient.Response head = anonymous.head(openFile, Map.of("Range", "bytes=5-7")).expect(200);
        assertThat(head.body(), is(""));
        assertThat(head.headers().firstValue("Content-Length").orElse(""), is(String.valueOf(PDF.length)));
        assertThat(head.headers().firstValue("ETag").orElse(""), is(etag));
        assertThat(anonymous.head("/useit/bitstreams/" + restricted + "/download", Map.of()).status(), is(403));
        RestClient.Response beyond = anonymous.get(openFile, Map.of("Range", "bytes=99999-"));
        assertThat(beyond.status(), is(416));
        assertThat(beyond.headers().firstValue("Content-Range").orElse(""), is("bytes */" + PDF.length));
        RestClient.Response closed = anonymous.get("/useit/bitstreams/" + restricted + "/download",
                                                   Map.of("Range", "bytes=0-3"));
        assertThat(closed.status(), is(403));
        assertThat(closed.headers().firstValue("Content-Security-Policy").orElse(""), containsString("default-src"));
        assertThat(anonymous.get("/useit/bitstreams/" + restricted + "/download").status(), is(403));
        assertThat(anonymous.get("/useit/bitstreams/" + embargoed + "/download").status(), is(403));
        assertThat(anonymous.get("/useit/bitstreams/00000000-0000-0000-0000-000000000000/download").status(),
                   is(404));

        BibTeXDatabase bibtex = new BibTeXParser().parse(new StringReader(
            citation(uuid, "bib", "application/x-bibtex")));
        BibTeXEntry entry = bibtex.getEntries().values().iterator().next();
        assertThat(entry.getField(BibTeXEntry.KEY_TITLE).toUserString(), containsString("Project Journal"));
        assertThat(entry.getField(BibTeXEntry.KEY_YEAR).toUserString(), is("2018"));
        List<RISReference> ris = new RISParser().parse(new StringReader(
            citation(uuid, "ris", "application/x-research-info-systems"))).getReferences();
        assertThat(ris.size(), is(1));
        assertThat(ris.get(0).getTitle(), is(OUTPUT));
        assertThat(List.of(ris.get(0).getAuthors()), hasItem("Nils Scheffler"));
        JsonNode csl = JSON.readTree(citation(uuid, "json", "application/vnd.citationstyles.csl+json"));
        assertThat(csl.get(0).path("title").asText(), is(OUTPUT));
        assertThat(csl.get(0).at("/issued/date-parts/0/0").asInt(), is(2018));
    }

    @Test
    public void readersWhoDownloadSlowlyHoldNoDatabaseConnection() throws Exception {
        JsonNode item = find(OUTPUT);
        String file = new RestContent(repository.administrator())
            .file(item.path("uuid").asText(), "large-for-slow-readers.bin", new byte[16 * 1024 * 1024],
                  "application/octet-stream");
        URI server = URI.create(repository.server());
        byte[] request = ("GET " + server.getPath() + "/useit/bitstreams/" + file + "/download HTTP/1.1\r\nHost: "
            + server.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        List<Socket> readers = new ArrayList<>();
        try {
            // more readers than the repository has database connections, each of which reads the status line and
            // nothing more: the server waits for them with most of the file unsent (more than a socket's buffers)
            int readerCount = databaseConnections() + 10;
            for (int i = 0; i < readerCount; i++) {
                Socket reader = new Socket();
                readers.add(reader);
                reader.setReceiveBufferSize(4096);
                reader.setSoTimeout(60_000);
                reader.connect(new InetSocketAddress(server.getHost(), server.getPort()));
                reader.getOutputStream().write(request);
                assertThat("reader " + (i + 1), statusLine(reader.getInputStream()), is("HTTP/1.1 200"));
            }
            // the pages and OAI-PMH, which need a connection each, still answer
            assertThat(anonymous.get("/useit/handle/" + item.path("handle").asText()).status(), is(200));
            assertThat(anonymous.get("/oai/request?verb=Identify").status(), is(200));
        } finally {
            for (Socket reader : readers) {
                reader.close();
            }
        }
    }

    /** The size of the repository's pool of database connections, as its configuration sets it. */
    private static int databaseConnections() throws IOException {
        Pattern setting = Pattern.compile("^\\s*db\\.maxconnections\\s*=\\s*(\\d+)");
        for (String file : List.of("local.cfg", "dspace.cfg")) {
            Path cfg = repository.dataDir().resolve("dspace/config/" + file);
            for (String line : Files.exists(cfg) ? Files.readAllLines(cfg) : List.<String>of()) {
                Matcher found = setting.matcher(line);
                if (found.find()) {
                    return Integer.parseInt(found.group(1));
                }
            }
        }
        throw new AssertionError("no db.maxconnections in the repository's configuration");
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r' && line.length() < 200; c = in.read()) {
            line.append((char) c);
        }
        // the version and the status, without the reason phrase (which Tomcat leaves out)
        return line.substring(0, Math.min(line.length(), "HTTP/1.1 200".length()));
    }

    @Test
    public void anIllustrativeRecordSaysSoOnItsPageAndInItsCitation() throws Exception {
        RestClient admin = repository.administrator();
        String library = new RestContent(admin).collection("Library");
        JsonNode created = admin.post("/api/core/items?owningCollection=" + library, Map.of("name", "x", "metadata",
            Map.of("dc.title", List.of(Map.of("value", "A worked example of a report (illustrative)")),
                   "dc.date.issued", List.of(Map.of("value", "2024")),
                   "dspace.entity.type", List.of(Map.of("value", "Publication")),
                   "useit.provenance", List.of(Map.of("value", "illustrative"))),
            "inArchive", true, "discoverable", true, "withdrawn", false, "type", "item")).expect(201).json();
        String html = anonymous.get("/useit/handle/" + created.path("handle").asText()).expect(200).body();
        assertThat(html, containsString("<strong>Illustrative record: written to illustrate a documented USE-IT! "
                                            + "initiative"));
        assertThat(jsonLd(html).path("disambiguatingDescription").asText(), containsString("Illustrative record"));
        assertThat(citation(created.path("uuid").asText(), "json", "application/vnd.citationstyles.csl+json"),
                   containsString("Illustrative record"));
    }

    @Test
    public void aDateNotYetCheckedAgainstASourceIsMarkedAndNotCitedAsFact() throws Exception {
        JsonNode item = find("USE-IT! Journal 6 \u2013 lessons learnt and recommendations");
        String html = anonymous.get("/useit/handle/" + item.path("handle").asText()).expect(200).body();
        assertThat(html, containsString("<dd>2020 <span class=\"unverified\">(not yet checked against a source)"));
        assertThat(html, not(containsString("citation_publication_date")));
        assertThat(jsonLd(html).has("datePublished"), is(false));
        assertThat(citation(item.path("uuid").asText(), "ris", "application/x-research-info-systems"),
                   containsString("Not yet checked against a source: date."));
    }

    @Test
    public void anItemWithManyFilesAndALongFileNameIsServedWhole() throws Exception {
        RestClient admin = repository.administrator();
        RestContent content = new RestContent(admin);
        JsonNode created = admin.post("/api/core/items?owningCollection=" + content.collection("Library"),
            Map.of("name", "x", "metadata",
                   Map.of("dc.title", List.of(Map.of("value", "A report in many parts (illustrative)")),
                          "dc.date.issued", List.of(Map.of("value", "2024")),
                          "dspace.entity.type", List.of(Map.of("value", "Publication")),
                          "useit.provenance", List.of(Map.of("value", "illustrative"))),
                   "inArchive", true, "discoverable", true, "withdrawn", false, "type", "item")).expect(201).json();
        String uuid = created.path("uuid").asText();
        int parts = 70;
        for (int i = 1; i <= parts; i++) {
            content.file(uuid, String.format("part-%02d-of-a-report-in-many-parts.pdf", i), PDF, "application/pdf");
        }
        String longName = "Überblick über die Ergebnisse ".repeat(50) + "(illustrative).pdf";
        String longFile = content.file(uuid, longName, PDF, "application/pdf");

        // the page: every file listed; the Link header names the linksets, which name every open file
        RestClient.Response page = anonymous.get("/useit/handle/" + created.path("handle").asText()).expect(200);
        assertThat(page.body(), containsString(">part-70-of-a-report-in-many-parts.pdf</a>"));
        String link = page.headers().firstValue("Link").orElse("");
        assertThat(link, containsString("rel=\"cite-as\""));
        assertThat(link, containsString("<https://schema.org/AboutPage>; rel=\"type\""));
        assertThat(link, containsString("rel=\"linkset\""));
        assertThat(link, not(containsString("rel=\"item\"")));
        JsonNode linkset = JSON.readTree(anonymous.get("/signposting/linksets/" + uuid + "/json",
                                                       "application/linkset+json").expect(200).body());
        assertThat(linkset.at("/linkset/0/item").size(), is(parts + 1));

        // the file with the long name downloads, its name shortened in the header, its extension kept
        RestClient.Response download = anonymous.get("/useit/bitstreams/" + longFile + "/download").expect(200);
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertThat(disposition, containsString(".pdf"));
        assertThat(disposition.length(), lessThan(2000));
        assertThat(download.body(), is(new String(PDF, StandardCharsets.UTF_8)));
    }

    @Test
    public void theBrowsePageCountsWhatEachStrandsSearchFinds() throws Exception {
        String html = anonymous.get("/useit/browse").expect(200).body();
        StrandVocabulary vocabulary = vocabulary();
        for (var strand : vocabulary.strands()) {
            // the search the strand's link leads to, as the search page asks DSpace for it
            long found = anonymous.get("/api/discover/search/objects?configuration=useit&size=1&f.strand="
                + RestClient.encode(vocabulary.hierarchicalLabel(strand) + ",equals")).expect(200).json()
                                  .at("/_embedded/searchResult/page/totalElements").asLong();
            Matcher count = Pattern.compile(">" + Pattern.quote(strand.label()) + "</a> <span class=\"count\">(\\d+) ")
                                   .matcher(html.replace("&amp;", "&"));
            assertThat(strand.label() + " on the browse page", count.find(), is(true));
            assertThat(strand.label() + ": the page's count and its search's results", Long.parseLong(count.group(1)),
                       is(found));
        }
    }

    /**
     * Every browse DSpace lists can be followed as DSpace's UI follows it: a vocabulary's tree leads to a search of
     * DSpace's default configuration filtered by its facet (there is no strand filter there: the strands are browsed
     * on the addon's page, and DSpace lists no tree of theirs).
     */
    @Test
    public void everyBrowseDSpaceListsLeadsToASearchThatAnswers() throws Exception {
        JsonNode answer = anonymous.get("/api/discover/browses?size=100").expect(200).json();
        JsonNode browses = answer.at("/_embedded/browses");
        List<String> ids = new ArrayList<>();
        for (JsonNode browse : browses) {
            ids.add(browse.path("id").asText());
            if ("hierarchicalBrowse".equals(browse.path("browseType").asText())) {
                String facet = browse.path("facetType").asText();
                anonymous.get("/api/discover/search/objects?size=1&f." + facet + "=" + RestClient.encode("x,equals"))
                         .expect(200);
            }
        }
        assertThat(answer.toString(), (long) ids.size(), is(answer.at("/page/totalElements").asLong()));
        assertThat(ids, not(hasItem("useit-strands")));
    }

    @Test
    public void crawlersGetASitemapOfEveryPublicItemAndRulesThatKeepThemOutOfSearchResults() throws Exception {
        List<String> handles = new ArrayList<>();
        for (JsonNode hit : anonymous.get("/api/discover/search/objects?dsoType=ITEM&size=100").expect(200).json()
                                     .at("/_embedded/searchResult/_embedded/objects")) {
            handles.add(hit.at("/_embedded/indexableObject/handle").asText());
        }
        assertThat(handles.size() >= 40, is(true));
        // the sitemap follows the OAI index, which follows each commit within seconds (other tests add items)
        List<String> missing = new ArrayList<>(handles);
        for (int tries = 0; tries < 20 && !missing.isEmpty(); tries++) {
            String sitemap = anonymous.get("/useit/sitemap.xml").expect(200).body();
            missing.removeIf(h -> sitemap.contains("<loc>" + repository.server() + "/useit/handle/" + h + "</loc>"));
            Thread.sleep(missing.isEmpty() ? 0 : 500);
        }
        assertThat("public items the sitemap lacks", missing, is(List.of()));
        String robots = anonymous.get("/useit/robots.txt").expect(200).body();
        assertThat(robots, containsString("Disallow: /server/useit/?\n"));
        assertThat(robots, containsString("Allow: /server/useit/handle/\n"));
        assertThat(robots, containsString("Sitemap: " + repository.server() + "/useit/sitemap.xml"));
        // crawlers read robots.txt at the root of the host only: the run command's root leads there
        String root = repository.server().substring(0, repository.server().length() - "/server".length());
        for (String file : List.of("robots.txt", "sitemap.xml")) {
            RestClient.Response moved = anonymous.get(root + "/" + file);
            assertThat(moved.status(), is(301));
            assertThat(moved.headers().firstValue("Location").orElse(""), is("/server/useit/" + file));
        }
        assertThat(anonymous.get(root + "/").headers().firstValue("Location").orElse(""), is("/server/useit/"));
        assertThat(anonymous.get(root + "/anything-else").status(), is(404));
    }

    @Test
    public void addressesWithNothingBehindThemAnswerAPageThatNamesNothing() {
        RestClient.Response missing = anonymous.get("/useit/handle/123456789/987654321");
        assertThat(missing.status(), is(404));
        assertThat(missing.body(), not(containsString("987654321")));
        // a handle that names a collection, not an item
        String collection = anonymous.get("/api/core/collections").expect(200).json()
            .at("/_embedded/collections/0/handle").asText();
        assertThat(collection, not(is("")));
        assertThat(anonymous.get("/useit/handle/" + collection).status(), is(404));
        assertThat(anonymous.get("/useit/items/not-a-uuid").status(), is(404));
        assertThat(anonymous.get("/useit/items/00000000-0000-0000-0000-000000000000/citation.bib").status(),
                   is(404));
    }

    private static String citation(String uuid, String format, String type) {
        RestClient.Response response = anonymous.get("/useit/items/" + uuid + "/citation." + format).expect(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""), containsString(type));
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""), containsString("attachment"));
        return response.body();
    }

    private static JsonNode jsonLd(String html) throws Exception {
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                                .matcher(html);
        assertThat("the page has JSON-LD", script.find(), is(true));
        return JSON.readTree(script.group(1));
    }

    /** A public item of the sample, found by its exact title in an anonymous search. */
    private static JsonNode find(String title) {
        for (JsonNode hit : anonymous.get("/api/discover/search/objects?dsoType=ITEM&size=100&query="
                                              + RestClient.encode("\"" + title + "\"")).expect(200).json()
                                     .at("/_embedded/searchResult/_embedded/objects")) {
            JsonNode item = hit.at("/_embedded/indexableObject");
            if (title.equals(item.at("/metadata/dc.title/0/value").asText())) {
                return item;
            }
        }
        throw new AssertionError("the sample's " + title + " is not found");
    }

    private static StrandVocabulary vocabulary() throws Exception {
        Path file = Path.of(System.getProperty("useit.home.template"), "config", "controlled-vocabularies",
                            "useit-strands.xml");
        try (InputStream in = Files.newInputStream(file)) {
            return StrandVocabulary.parse(in);
        }
    }
}
