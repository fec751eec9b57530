/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

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
import java.util.ArrayList;
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

/**
 * {@link OaiFiles} on a site's OAI folder (the fixture {@code site-xoai.xml} and its crosswalks), written as
 * {@code useit-oai-config} writes it: through the install's {@link Journal}.
 */
public class OaiFilesTest {

    private static final String STAMP = ".useit-backup-20250304-050607";

    /** What a run did: its change lines (crosswalks named by their path below the folder), notes and backups. */
    private record Report(List<String> changes, List<String> notes, List<Path> backups) {

        boolean changed() {
            return !changes.isEmpty();
        }
    }

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

    private Report run(boolean dryRun) throws InstallException {
        return run(dryRun, false, OaiConfigSource.bundled());
    }

    private Report run(boolean dryRun, boolean siteContexts, OaiConfigSource source) throws InstallException {
        OaiFiles.Plan plan = new OaiFiles(xoai, source, siteContexts ? SiteContexts.OURS_ADDED : SiteContexts.LEFT)
            .plan(path -> folder.relativize(path).toString());
        List<String> changes = new ArrayList<>();
        for (FileChange file : plan.files()) {
            String prefix = file.file().equals(xoai) ? "" : file.name() + ": ";
            file.changes().forEach(change -> changes.add(prefix + change));
        }
        List<Path> backups = dryRun ? List.of() : Journal.writeAll("20250304-050607", plan.files()).backups();
        return new Report(changes, plan.notes(), backups);
    }

    @Test
    public void theFirstRunAddsOursAndSaysSo() throws Exception {
        Report report = run(false);

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
            "metadataFormats/useit-oai_openaire.xsl: added (USE-IT!'s crosswalk)",
            "metadataFormats/useit-datacite.xsl: added (USE-IT!'s crosswalk)",
            "metadataFormats/useit.xsl: added (USE-IT!'s crosswalk)"));
        // DSpace's own oai_dc crosswalk is the site's (oaidc): not added twice; nothing of the site's is replaced
        assertThat(report.changes().stream().anyMatch(c -> c.startsWith("added format oai_dc")), is(false));
        assertThat(report.changes().stream().anyMatch(c -> c.startsWith("replaced")), is(false));
        assertThat(report.changes().stream().anyMatch(c -> c.contains("context request")), is(false));
        assertThat(report.notes(), contains(startsWith("context request is left as the site has it")));
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
        assertThat(merged, containsString("        <!-- DataCite metadata schema, kernel 4 (research outputs) -->\n"
                                              + "        <Format id=\"useit-datacite\">\n"));
        assertThat(merged, startsWith(SiteFixture.text().substring(0, SiteFixture.text().indexOf("<Contexts>"))));
    }

    @Test
    public void theMergedContextsFollowXoaisOrderAndUseTheSitesOaiDc() throws Exception {
        run(false);
        XmlText merged = XmlText.of(Files.readString(xoai));
        XmlText.Element root = merged.root();
        XmlText.Element request = context(root, "request");
        assertThat(request.children().stream().map(XmlText.Element::name).collect(Collectors.toList()),
                   contains("Filter", "Format", "Format", "Description"));
        assertThat(refs(request, "Format"), contains("oaidc", "mets"));
        assertThat(refs(context(root, "useit"), "Format"),
                   contains("oaidc", "useit-oai_openaire", "useit-datacite", "useit-qdc", "useit-rioxx", "useit"));
        assertThat(refs(context(root, "lab"), "Filter"), contains("labOnly"));
        assertThat(root.children().stream().map(XmlText.Element::name).collect(Collectors.toList()),
                   contains("Contexts", "Formats", "Transformers", "Filters", "Sets"));
        assertThat(XoaiConfigCheck.problems(merged, path -> Files.isRegularFile(folder.resolve(path))), is(empty()));
    }

    @Test
    public void theSitesCrosswalksStayByteForByteAndOnlyItsXoaiIsBackedUp() throws Exception {
        Report report = run(false);

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
        Report report = run(false, true, OaiConfigSource.bundled());

        assertThat(report.changes(), hasItems(
            "replaced filter defaultFilter by publicOrWithdrawn in context request (DSpace's stock filter shows "
                + "Publications only)",
            "added set type-partner to context request",
            "added format useit-oai_openaire to context request",
            "added format useit-datacite to context request"));
        assertThat(Files.readString(folder.resolve("metadataFormats/oai_openaire.xsl")), is(SiteFixture.SITE_OPENAIRE));
        XmlText.Element request = context(XmlText.of(Files.readString(xoai)).root(), "request");
        assertThat(refs(request, "Format"),
                   contains("oaidc", "mets", "useit-oai_openaire", "useit-datacite", "useit-qdc", "useit-rioxx"));
    }

    @Test
    public void theSecondRunChangesNothing() throws Exception {
        run(false);
        byte[] first = Files.readAllBytes(xoai);
        List<Path> files = files();

        Report second = run(false);

        assertThat(second.changes(), is(empty()));
        assertThat(second.backups(), is(empty()));
        assertArrayEquals(first, Files.readAllBytes(xoai));
        assertThat(files(), is(files));
    }

    @Test
    public void aDryRunWritesNothing() throws Exception {
        List<Path> files = files();

        Report report = run(true);

        assertThat(report.changes(), hasItem("added context useit"));
        assertThat(report.backups(), is(empty()));
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

        InstallException error = assertThrows(InstallException.class, () -> run(false));

        assertThat(error.getMessage(), startsWith("xoai.xml, line " + line + ", column "));
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

        InstallException error = assertThrows(InstallException.class, () -> run(false));

        assertThat(error.getMessage(), startsWith("xoai.xml: the merged file would not be valid"));
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

        Report report = run(false, false, OaiConfigSource.file(source));

        assertThat(report.changes(), contains("metadataFormats/useitx.xsl: added (USE-IT!'s crosswalk)",
                                              "added format useitx (prefix x)"));
        assertThat(Files.readString(folder.resolve("metadataFormats/useitx.xsl")), is("<x/>"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    private static XmlText.Element context(XmlText.Element root, String baseUrl) {
        return root.child("Contexts").children().stream()
                   .filter(c -> baseUrl.equals(c.attribute("baseurl"))).findFirst().orElseThrow();
    }

    private static List<String> refs(XmlText.Element parent, String name) {
        return parent.children(name).stream().map(e -> e.attribute("ref")).collect(Collectors.toList());
    }

    private static List<String> prefixes(XOAIContext context) {
        return context.getFormats().stream().map(MetadataFormat::getPrefix).collect(Collectors.toList());
    }
}
