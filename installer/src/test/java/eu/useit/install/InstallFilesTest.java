/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class InstallFilesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final String STAMP = ".useit-backup-20250304-050607";

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Path home;
    private DropIns dropIns;

    @Before
    public void site() throws Exception {
        home = SiteHome.install(temporary.getRoot().toPath().resolve("dspace"));
        dropIns = DropIns.bundled();
    }

    private InstallFiles install() {
        return new InstallFiles(home, InstallFiles.defaultXoai(home), dropIns, CLOCK);
    }

    @Test
    public void theFirstRunInstallsEverythingAndSaysWhat() throws Exception {
        InstallFiles install = install();
        InstallPlan plan = install.plan();

        assertThat(plan.changes(), hasItems(
            "config/modules/useit.cfg: added (USE-IT!'s drop-in)",
            "config/spring/api/useit-scripts.xml: added (USE-IT!'s drop-in)",
            "config/entities/useit-relationship-types.xml: added (USE-IT!'s drop-in)",
            "config/controlled-vocabularies/useit-strands.xml: added (USE-IT!'s drop-in)",
            "config/registries/useit-types.xml: added (USE-IT!'s drop-in)",
            "config/registries/useit-relation-types.xml: added (USE-IT!'s drop-in)",
            "config/dspace.cfg: added include = ${module_dir}/useit.cfg",
            "config/local.cfg: set event.dispatcher.noindex.consumers = eperson, useitoai (config/dspace.cfg's "
                + "consumers and useitoai)",
            "config/item-submission.xml: added submission-process useit-case-study",
            "config/submission-forms.xml: added form useit-case-study",
            "config/workflow-curation.xml: mapped collection-handle default to taskset useit (was none)",
            "config/crosswalks/oai/xoai.xml: added context useit",
            "config/crosswalks/oai/metadataFormats/useit.xsl: added (USE-IT!'s crosswalk)"));
        assertThat(plan.notes(), hasItem(startsWith("config/item-submission.xml: collections of item type "
                                                        + "Publication keep the site's submission process")));
        // a home without solr/oai/conf keeps its Solr configuration elsewhere: left alone
        assertThat(plan.changes().stream().anyMatch(change -> change.startsWith("solr/")), is(false));

        Journal journal = install.apply(plan);

        assertArrayEquals(dropIns.read("modules/useit.cfg"),
                          Files.readAllBytes(home.resolve("config/modules/useit.cfg")));
        assertThat(Files.readString(home.resolve("config/dspace.cfg")),
                   containsString("include = ${module_dir}/useit.cfg"));
        assertThat(Files.readString(home.resolve("config/crosswalks/oai/xoai.xml")),
                   containsString("<Context baseurl=\"useit\""));
        // every file the site had and the install changed is backed up, with the same stamp
        for (String file : List.of("config/dspace.cfg", "config/item-submission.xml", "config/submission-forms.xml",
                                   "config/workflow-curation.xml", "config/crosswalks/oai/xoai.xml")) {
            Path backup = home.resolve(file + STAMP);
            assertArrayEquals(file, SiteHome.fixture(file), Files.readAllBytes(backup));
            assertThat(journal.backups(), hasItem(backup));
        }
        assertThat(Files.exists(home.resolve("config/local.cfg" + STAMP)), is(false));
    }

    @Test
    public void dspacesSignpostingIsLeftAsItIs() throws Exception {
        // the addon's SignpostingSwap gives DSpace's processor of an item's files the addon's class when DSpace
        // starts (config/spring/rest/useit-signposting.xml): the site's file needs no edit, and no note
        Path signposting = home.resolve("config/spring/rest/signposting.xml");
        Files.createDirectories(signposting.getParent());
        String stock = "<beans><bean id=\"itemContentBitstreamsSignpostingProcessor\" class=\"org.dspace.app.rest."
            + "signposting.processor.item.ItemContentBitstreamsProcessor\"/></beans>\n";
        Files.writeString(signposting, stock, StandardCharsets.UTF_8);

        InstallPlan plan = install().plan();

        assertThat(plan.notes().stream().anyMatch(note -> note.contains("signposting")), is(false));
        assertThat(plan.changes().stream().anyMatch(change -> change.startsWith("config/spring/rest/signposting.xml")),
                   is(false));
        assertThat(plan.changes().stream().anyMatch(change -> change.contains("useit-signposting.xml")), is(true));
    }

    @Test
    public void theInstallersCommandsAreOutOfTheWebApplicationsFolder() throws Exception {
        InstallPlan first = install().plan();
        assertThat(first.changes(), hasItem("config/spring/useit-installer/useit-install-scripts.xml: added "
                                                + "(USE-IT!'s drop-in)"));
        assertThat(first.changes(), not(hasItem(containsString("spring/api/useit-install-scripts.xml"))));
        assertThat(first.notes(), not(hasItem(containsString("spring/api/useit-install-scripts.xml"))));

        // an earlier install's file, which DSpace's web application loads: the administrator is told to remove it
        Path earlier = home.resolve("config").resolve(InstallFiles.EARLIER_INSTALL_SCRIPTS);
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "<beans/>");
        assertThat(install().plan().notes(), hasItem(startsWith("config/spring/api/useit-install-scripts.xml: an "
                                                                    + "earlier install's; the installer's commands "
                                                                    + "are now in config/spring/useit-installer")));
        assertThat(Files.readString(earlier), is("<beans/>"));
    }

    @Test
    public void theSecondRunHasNothingToDoAndWritesNothing() throws Exception {
        install().apply(install().plan());
        Map<String, String> installed = SiteHome.snapshot(home);

        InstallFiles again = new InstallFiles(home, InstallFiles.defaultXoai(home), dropIns,
                                              Clock.offset(CLOCK, Duration.ofHours(1)));
        InstallPlan plan = again.plan();

        assertThat(plan.isEmpty(), is(true));
        assertThat(plan.changes(), empty());
        again.apply(plan);
        assertThat(SiteHome.snapshot(home), is(installed));
    }

    @Test
    public void aDryRunWritesNothing() throws Exception {
        Map<String, String> before = SiteHome.snapshot(home);

        InstallPlan plan = install().plan();

        assertThat(plan.changes().isEmpty(), is(false));
        assertThat(SiteHome.snapshot(home), is(before));
    }

    @Test
    public void aSiteCustomisationOfOurDropInIsReplacedWithABackup() throws Exception {
        install().apply(install().plan());
        Path cfg = home.resolve("config/modules/useit.cfg");
        Files.writeString(cfg, "useit.oai.token.validity.hours = 24\n", StandardCharsets.UTF_8);

        InstallFiles later = new InstallFiles(home, InstallFiles.defaultXoai(home), dropIns,
                                              Clock.offset(CLOCK, Duration.ofDays(1)));
        InstallPlan plan = later.plan();
        later.apply(plan);

        String replaced = "config/modules/useit.cfg: replaced by USE-IT!'s drop-in (the site's differed; it is kept "
            + "as useit.cfg.useit-backup-20250305-050607)";
        assertThat(plan.changes(), is(List.of(replaced)));
        assertThat(Files.readString(home.resolve("config/modules/useit.cfg.useit-backup-20250305-050607")),
                   is("useit.oai.token.validity.hours = 24\n"));
        assertArrayEquals(dropIns.read("modules/useit.cfg"), Files.readAllBytes(cfg));
    }

    @Test
    public void dspacesOaiCoreConfigurationIsReplacedWithABackupAndTheNextStepIsSaid() throws Exception {
        Path schema = home.resolve("solr/oai/conf/schema.xml");
        Files.createDirectories(schema.getParent());
        String dspaces = "<schema name=\"dspace-oai\"><uniqueKey>item.handle</uniqueKey></schema>\n";
        Files.writeString(schema, dspaces, StandardCharsets.UTF_8);

        InstallPlan plan = install().plan();
        install().apply(plan);

        assertThat(plan.changes(), hasItems("solr/oai/conf/schema.xml: replaced by USE-IT!'s OAI-PMH core "
                                                + "configuration (the site's is kept as schema.xml.useit-backup-"
                                                + "20250304-050607)",
                                            "solr/oai/conf/solrconfig.xml: added (USE-IT!'s OAI-PMH core "
                                                + "configuration)"));
        assertThat(plan.notes(), hasItem(startsWith("solr/oai/conf: give your Solr's oai core this configuration")));
        assertThat(plan.notes(), hasItem(containsString("on SolrCloud, upload it as the oai collection's configset")));
        assertThat(Files.readString(home.resolve("solr/oai/conf/schema.xml" + STAMP)), is(dspaces));
        try (InputStream ours = getClass().getResourceAsStream("/eu/useit/install/solr/oai/conf/schema.xml")) {
            assertArrayEquals(ours.readAllBytes(), Files.readAllBytes(schema));
        }
        assertThat(Files.readString(schema), containsString("<field name=\"item.since\""));
        InstallPlan again = new InstallFiles(home, InstallFiles.defaultXoai(home), dropIns,
                                             Clock.offset(CLOCK, Duration.ofHours(1))).plan();
        assertThat(again.isEmpty(), is(true));
        assertThat(again.notes().stream().anyMatch(note -> note.startsWith("solr/")), is(false));
    }

    /**
     * Edits one of the site's files (its fixture, with one replacement), then plans the install, which must refuse
     * it and leave every file as it was.
     *
     * @return the refusal
     */
    private InstallException refusedWithNothingWritten(String file, String target, String replacement)
        throws Exception {
        Files.writeString(home.resolve(file), SiteHome.text(Path.of(file).getFileName().toString())
            .replace(target, replacement));
        Map<String, String> before = SiteHome.snapshot(home);

        InstallException error = assertThrows(InstallException.class, () -> install().plan());

        assertThat(SiteHome.snapshot(home), is(before));
        return error;
    }

    @Test
    public void aMalformedSiteFileStopsEverythingBeforeAnythingIsWritten() throws Exception {
        InstallException error = refusedWithNothingWritten("config/submission-forms.xml", "</form-definitions>", "");

        assertThat(error.getMessage(), startsWith("config/submission-forms.xml, line "));
    }

    @Test
    public void aFormsFileDSpaceAlreadyRefusesIsSaidToBeTheSites() throws Exception {
        // a value list the site's form names is not there: DSpace's reader refuses the file with or without ours
        InstallException error = refusedWithNothingWritten("config/submission-forms.xml",
                                                           "value-pairs-name=\"site_degrees\" dc-term",
                                                           "value-pairs-name=\"site_degree\" dc-term");

        assertThat(error.getMessage(), startsWith("config/submission-forms.xml: already as it is, DSpace's "
                                                      + "DCInputsReader refuses it: "));
        assertThat(error.getMessage(), containsString("(fix it first; nothing was written)"));
    }

    @Test
    public void aMergeThatWouldLeaveOurProcessesBrokenIsNotWritten() throws Exception {
        // the site's step "upload", which our processes use, shows a form: there is no form "upload"
        InstallException error = refusedWithNothingWritten("config/item-submission.xml", "<type>upload</type>",
                                                           "<type>submission-form</type>");

        assertThat(error.getMessage(), startsWith("the USE-IT! submission processes would not be whole, nothing "
                                                      + "was written: config/submission-forms.xml: no form upload "
                                                      + "(process useit-case-study)"));
    }

    @Test
    public void aHomeWithoutDspaceCfgIsNotADSpaceHome() throws Exception {
        Files.delete(home.resolve("config/dspace.cfg"));

        InstallException error = assertThrows(InstallException.class, () -> install().plan());

        assertThat(error.getMessage(), is(home + ": not a DSpace home (it has no config/dspace.cfg)"));
    }

    @Test
    public void aSiteWithoutWorkflowCurationGetsOurs() throws Exception {
        Files.delete(home.resolve("config/workflow-curation.xml"));

        InstallPlan plan = install().plan();

        assertThat(plan.changes(), hasItem("config/workflow-curation.xml: added (USE-IT!'s drop-in)"));
    }
}
