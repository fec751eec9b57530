/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install.oai;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.lyncode.xoai.dataprovider.core.XOAIContext;
import com.lyncode.xoai.dataprovider.core.XOAIManager;
import com.lyncode.xoai.dataprovider.data.internal.MetadataFormat;
import com.lyncode.xoai.dataprovider.services.impl.FileResourceResolver;
import com.lyncode.xoai.dataprovider.sets.StaticSet;
import com.lyncode.xoai.dataprovider.xml.xoaiconfig.ConditionConfiguration;
import com.lyncode.xoai.dataprovider.xml.xoaiconfig.Configuration;
import com.lyncode.xoai.dataprovider.xml.xoaiconfig.ContextConfiguration;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Element;

public class OaiConfigUpdateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final String STAMP = ".useit-backup-20250304-050607";

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Path folder;
    private Path xoai;
    private byte[] original;

    @Before
    public void installTheSite() throws IOException {
        folder = temporary.getRoot().toPath();
        xoai = SiteFixture.install(folder, SiteFixture.text());
        original = Files.readAllBytes(xoai);
    }

    private OaiConfigReport run(boolean dryRun) throws OaiConfigException {
        return new OaiConfigUpdate(xoai, OaiConfigSource.bundled(), CLOCK).run(dryRun);
    }

    @Test
    public void theFirstRunAddsOursAndSaysSo() throws Exception {
        OaiConfigReport report = run(false);

        assertThat(report.written(), is(true));
        assertThat(report.changes(), hasItems(
            "added format useit-oai_openaire (prefix oai_openaire)",
            "added format useit-datacite (prefix datacite)",
            "added format useit (prefix useit)",
            "added filter publicOrWithdrawn",
            "added filter isCaseStudy",
            "added condition anonymousCanRead",
            "added condition entityCaseStudy",
            "added set type-case-study (type:case-study)",
            "added context useit",
            "added crosswalk metadataFormats/useit-oai_openaire.xsl",
            "added crosswalk metadataFormats/useit-datacite.xsl",
            "added crosswalk metadataFormats/useit.xsl"));
        // DSpace's own oai_dc crosswalk is the site's (oaidc): not added twice; nothing of the site's is replaced
        assertThat(report.changes().stream().anyMatch(c -> c.startsWith("added format oai_dc")), is(false));
        assertThat(report.changes().stream().anyMatch(c -> c.startsWith("replaced")), is(false));
        assertThat(report.changes().stream().anyMatch(c -> c.contains("context request")), is(false));
        assertThat(report.summary(), is(report.changes().size() + " changes written to " + xoai));
    }

    @Test
    public void theFirstRunKeepsEveryLineOfTheSite() throws Exception {
        run(false);
        String merged = Files.readString(xoai);

        List<String> mergedLines = List.of(merged.split("\n"));
        int at = 0;
        for (String line : SiteFixture.text().split("\n")) {
            int found = mergedLines.subList(at, mergedLines.size()).indexOf(line);
            assertThat("kept in place: " + line, found >= 0, is(true));
            at += found + 1;
        }
        assertThat(merged, containsString("        <Context baseurl=\"useit\" name=\"USE-IT! records\">\n"
                                              + "            <Filter ref=\"useitPublicOrWithdrawn\"/>\n"));
        // a comment of ours comes with what it describes
        assertThat(merged, containsString("        <!-- DataCite metadata schema, kernel 4 -->\n"
                                              + "        <Format id=\"useit-datacite\">\n"));
        assertThat(merged, startsWith(SiteFixture.text().substring(0, SiteFixture.text().indexOf("<Contexts>"))));
    }

    @Test
    public void theMergedContextsFollowXoaisOrderAndUseTheSitesOaiDc() throws Exception {
        run(false);
        Element root = XoaiFile.parse(Files.readAllBytes(xoai), "merged").getDocumentElement();
        Element request = context(root, "request");
        assertThat(Dom.children(request).stream().map(Dom::name).collect(Collectors.toList()),
                   contains("Filter", "Format", "Format", "Description"));
        assertThat(refs(request, "Format"), contains("oaidc", "mets"));
        assertThat(refs(context(root, "useit"), "Format"),
                   contains("oaidc", "useit-oai_openaire", "useit-datacite", "useit-qdc", "useit-rioxx", "useit"));
        assertThat(refs(context(root, "lab"), "Filter"), contains("labOnly"));
        assertThat(Dom.children(root).stream().map(Dom::name).collect(Collectors.toList()),
                   contains("Contexts", "Formats", "Transformers", "Filters", "Sets"));
        assertThat(XoaiConfigCheck.problems(root.getOwnerDocument(), path -> Files.isRegularFile(folder.resolve(path))),
                   is(empty()));
    }

    @Test
    public void theSitesCrosswalksStayByteForByteAndOnlyItsXoaiIsBackedUp() throws Exception {
        OaiConfigReport report = run(false);

        Path backup = folder.resolve("xoai.xml" + STAMP);
        assertThat(report.backups(), contains(backup));
        assertArrayEquals(original, Files.readAllBytes(backup));
        assertThat(Files.readString(folder.resolve("metadataFormats/oai_openaire.xsl")), is(SiteFixture.SITE_OPENAIRE));
        for (String crosswalk : List.of("useit-oai_openaire.xsl", "useit-datacite.xsl", "useit.xsl")) {
            assertArrayEquals(crosswalk, OaiConfigSource.bundled().read("metadataFormats/" + crosswalk),
                              Files.readAllBytes(folder.resolve("metadataFormats").resolve(crosswalk)));
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), is(true));
        }
    }

    @Test
    public void askedForTheSiteContextsTheyGetOurSetsAndFormatsAndTheSitesCrosswalksStay() throws Exception {
        OaiConfigReport report = new OaiConfigUpdate(xoai, OaiConfigSource.bundled(), CLOCK).includingSiteContexts()
                                                                                                 .run(false);

        assertThat(report.changes(), hasItems(
            "replaced filter defaultFilter by publicOrWithdrawn in context request (DSpace's stock filter shows "
                + "Publications only)",
            "added set type-partner to context request",
            "added format useit-oai_openaire to context request",
            "added format useit-datacite to context request"));
        assertThat(Files.readString(folder.resolve("metadataFormats/oai_openaire.xsl")), is(SiteFixture.SITE_OPENAIRE));
        Element request = context(XoaiFile.parse(Files.readAllBytes(xoai), "merged").getDocumentElement(),
                                  "request");
        assertThat(refs(request, "Format"),
                   contains("oaidc", "mets", "useit-oai_openaire", "useit-datacite", "useit-qdc", "useit-rioxx"));
    }

    @Test
    public void theSecondRunChangesNothing() throws Exception {
        run(false);
        byte[] first = Files.readAllBytes(xoai);
        List<Path> files = files();

        OaiConfigReport second = run(false);

        assertThat(second.changes(), is(empty()));
        assertThat(second.written(), is(false));
        assertThat(second.backups(), is(empty()));
        assertThat(second.summary(), is("nothing changed: " + xoai + " already has the USE-IT! OAI configuration"));
        assertArrayEquals(first, Files.readAllBytes(xoai));
        assertThat(files(), is(files));
    }

    @Test
    public void aDryRunWritesNothing() throws Exception {
        List<Path> files = files();

        OaiConfigReport report = run(true);

        assertThat(report.changes(), hasItem("added context useit"));
        assertThat(report.written(), is(false));
        assertThat(report.summary(), containsString("dry run: "));
        assertThat(report.summary(), containsString("nothing was written"));
        assertArrayEquals(original, Files.readAllBytes(xoai));
        assertThat(files(), is(files));
    }

    @Test
    public void xoaiReadsTheMergedFile() throws Exception {
        run(false);
        Configuration configuration;
        try (InputStream in = Files.newInputStream(xoai)) {
            configuration = Configuration.readConfiguration(in);
        }
        assertThat(configuration.getContexts().stream().map(ContextConfiguration::getBaseUrl)
                                .collect(Collectors.toList()), contains("request", "lab", "useit"));

        // XOAI's managers resolve every reference and compile every crosswalk, as DSpace does at start. The
        // condition classes must exist; they are swapped for one that needs no DSpace kernel to load.
        for (ConditionConfiguration condition : configuration.getConditions()) {
            Class.forName(condition.getClazz(), false, getClass().getClassLoader());
            condition.withClazz("org.dspace.xoai.filter.DSpaceWithdrawnFilter");
        }
        XOAIManager manager = new XOAIManager(null, new FileResourceResolver(folder.toString()), configuration);
        XOAIContext useit = manager.getContextManager().getOAIContext("useit");
        assertThat(prefixes(useit),
                   containsInAnyOrder("oai_dc", "oai_openaire", "datacite", "qdc", "rioxx", "useit"));
        assertThat(useit.getStaticSets().stream().map(StaticSet::getSetSpec).collect(Collectors.toList()),
                   containsInAnyOrder("type", "type:case-study", "type:publication", "type:project", "type:partner"));
        assertThat(prefixes(manager.getContextManager().getOAIContext("request")),
                   containsInAnyOrder("oai_dc", "mets"));
        assertThat(prefixes(manager.getContextManager().getOAIContext("lab")), contains("oai_dc"));
    }

    @Test
    public void aMalformedSiteFileIsOneLineWithItsLineNumberAndNothingIsWritten() throws Exception {
        String text = SiteFixture.text().replace("<Format ref=\"mets\"/>", "<Format ref=\"mets\"//>");
        Files.writeString(xoai, text, StandardCharsets.UTF_8);
        int line = text.substring(0, text.indexOf("<Format ref=\"mets\"//>")).split("\n").length;
        byte[] before = Files.readAllBytes(xoai);
        List<Path> files = files();

        OaiConfigException error = assertThrows(OaiConfigException.class, () -> run(false));

        assertThat(error.getMessage(), startsWith(xoai + ", line " + line + ", column "));
        assertThat(error.getMessage(), containsString("not well-formed XML"));
        assertThat(error.getMessage().contains("\n"), is(false));
        assertArrayEquals(before, Files.readAllBytes(xoai));
        assertThat(files(), is(files));
    }

    @Test
    public void aSiteFileWithABrokenReferenceIsRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(xoai, SiteFixture.text().replace("<Format ref=\"mets\"/>", "<Format ref=\"ghost\"/>"),
                          StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(xoai);
        List<Path> files = files();

        OaiConfigException error = assertThrows(OaiConfigException.class, () -> run(false));

        assertThat(error.getMessage(), startsWith(xoai + ": the merged configuration would not be valid"));
        assertThat(error.getMessage(), containsString("context request: refers to format 'ghost', which is not "
                                                          + "defined"));
        assertArrayEquals(before, Files.readAllBytes(xoai));
        assertThat(files(), is(files));
    }

    @Test
    public void windowsLineEndingsStay() throws Exception {
        Files.writeString(xoai, SiteFixture.text().replace("\n", "\r\n"), StandardCharsets.UTF_8);

        run(false);

        String merged = Files.readString(xoai);
        assertThat(merged, containsString("<Context baseurl=\"useit\""));
        assertThat(merged.replace("\r\n", "").contains("\n"), is(false));
        assertThat(run(false).changed(), is(false));
    }

    @Test
    public void anotherSourceFileCanBeGiven() throws Exception {
        Path source = temporary.newFolder("ours").toPath().resolve("xoai.xml");
        Files.writeString(source, "<Configuration xmlns='http://www.lyncode.com/XOAIConfiguration'"
            + " maxListIdentifiersSize='100' maxListRecordsSize='100' maxListSetsSize='100'>\n"
            + "    <Contexts>\n        <Context baseurl='request'><Format ref='useitx'/></Context>\n    </Contexts>\n"
            + "    <Formats>\n        <Format id='useitx'><Prefix>x</Prefix><XSLT>metadataFormats/useitx.xsl</XSLT>"
            + "<Namespace>urn:x</Namespace><SchemaLocation>urn:x.xsd</SchemaLocation></Format>\n    </Formats>\n"
            + "</Configuration>\n");
        Files.createDirectories(source.resolveSibling("metadataFormats"));
        Files.writeString(source.resolveSibling("metadataFormats/useitx.xsl"), "<x/>");

        OaiConfigReport report = new OaiConfigUpdate(xoai, OaiConfigSource.file(source), CLOCK).run(false);

        assertThat(report.changes(),
                   contains("added format useitx (prefix x)", "added crosswalk metadataFormats/useitx.xsl"));
        assertThat(Files.readString(folder.resolve("metadataFormats/useitx.xsl")), is("<x/>"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    private static Element context(Element root, String baseUrl) {
        return Dom.children(Dom.child(root, "Contexts")).stream()
                  .filter(c -> baseUrl.equals(c.getAttribute("baseurl"))).findFirst().orElseThrow();
    }

    private static List<String> refs(Element parent, String name) {
        return Dom.children(parent, name).stream().map(Dom::ref).collect(Collectors.toList());
    }

    private static List<String> prefixes(XOAIContext context) {
        return context.getFormats().stream().map(MetadataFormat::getPrefix).collect(Collectors.toList());
    }
}
