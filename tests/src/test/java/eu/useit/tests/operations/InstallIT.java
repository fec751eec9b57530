/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.operations;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import eu.useit.install.DropIns;
import eu.useit.install.Install;
import eu.useit.install.InstallFiles;
import eu.useit.install.InstallLoad;
import eu.useit.install.InstallPlan;
import eu.useit.xml.SafeXml;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.Scripts;
import org.dspace.app.launcher.ScriptLauncher;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.app.util.DCInputsReader;
import org.dspace.content.MetadataField;
import org.dspace.content.MetadataSchema;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.MetadataFieldService;
import org.dspace.content.service.MetadataSchemaService;
import org.dspace.servicemanager.DSpaceKernelInit;
import org.dspace.services.factory.DSpaceServicesFactory;
import org.dspace.workflow.CurationTaskConfig;
import org.jdom2.Document;
import org.jdom2.Element;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Node;

/**
 * {@code useit-install} on homes produced by {@code runtime/}: a clean site (the bare base {@code runtime/home},
 * which the build installs into) gets everything once and nothing on a second run; the booted test repository,
 * whose home the build made with the installer and whose database has the registries and types, has nothing to do,
 * through the DSpace command and through {@code dspace dsrun eu.useit.install.Install}.
 */
public class InstallIT extends AbstractUseitIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void aCleanSiteGetsEverythingOnceAndASecondRunHasNothingToDo() throws Exception {
        Path home = cleanSite();
        Map<String, String> clean = snapshot(home);
        InstallFiles install = new InstallFiles(home, InstallFiles.defaultXoai(home), DropIns.bundled(), CLOCK);

        InstallPlan plan = install.plan();

        assertThat(snapshot(home), is(clean));
        assertThat(plan.changes(), hasItems(
            "config/modules/useit.cfg: added (USE-IT!'s drop-in)",
            "config/spring/api/useit-scripts.xml: added (USE-IT!'s drop-in)",
            "config/registries/useit-types.xml: added (USE-IT!'s drop-in)",
            "config/dspace.cfg: added include = ${module_dir}/useit.cfg",
            "config/local.cfg: set event.dispatcher.default.consumers = versioning, discovery, eperson, useitoai "
                + "(config/dspace.cfg's consumers and useitoai)",
            "config/item-submission.xml: added name-map collection-entity-type=Publication -> useit-output",
            "config/submission-forms.xml: added value-pairs useit_provenance",
            "config/workflow-curation.xml: mapped collection-handle default to taskset useit (was none)",
            "config/crosswalks/oai/xoai.xml: added context useit"));
        // the site's own OAI context keeps its records' shape, and the administrator is told how to change that
        assertThat(plan.notes(), contains("config/crosswalks/oai/xoai.xml: context request is left as the site has "
                                              + "it: its records keep their formats, sets and filter (to add "
                                              + "USE-IT!'s to it: useit-oai-config -a)"));

        install.apply(plan);
        Map<String, String> installed = snapshot(home);

        // every drop-in is there as the project has it; the merged files read as the runtime's own home does
        Path template = template();
        for (String path : DropIns.bundled().copies()) {
            assertThat(path, installed.get("config/" + path),
                       is(Files.readString(template.resolve("config").resolve(path), StandardCharsets.ISO_8859_1)));
        }
        assertThat(keys(home), is(keys(template)));
        DCInputsReader forms = new DCInputsReader(home.resolve("config/submission-forms.xml").toString());
        DCInputsReader ours = new DCInputsReader(template.resolve("config/submission-forms.xml").toString());
        assertThat(forms.countInputs(), is(ours.countInputs()));
        assertThat(forms.getPairs("useit_output_types"), is(ours.getPairs("useit_output_types")));
        try (InputStream in = Files.newInputStream(home.resolve("config/workflow-curation.xml"))) {
            assertThat(new CurationTaskConfig(in).findTaskSet("default").name, is("useit"));
        }
        assertThat(installed.get("config/local.cfg"), containsString(
            "event.dispatcher.noindex.consumers = eperson, useitoai\n"));
        assertThat(installed.get("config/dspace.cfg" + ".useit-backup-20250304-050607"),
                   is(clean.get("config/dspace.cfg")));

        InstallFiles again = new InstallFiles(home, InstallFiles.defaultXoai(home), DropIns.bundled(),
                                              Clock.offset(CLOCK, Duration.ofHours(1)));
        InstallPlan second = again.plan();
        again.apply(second);

        assertThat(second.isEmpty(), is(true));
        assertThat(second.changes(), empty());
        assertThat(snapshot(home), is(installed));
    }

    @Test
    public void theBootedRepositoryHasNothingToDo() throws Exception {
        Scripts.run("useit-structure");
        Path home = Path.of(DSpaceServicesFactory.getInstance().getConfigurationService().getProperty("dspace.dir"));
        Map<String, String> before = snapshot(home.resolve("config"));

        TestDSpaceRunnableHandler dryRun = Scripts.run("useit-install", "--dry-run");
        TestDSpaceRunnableHandler run = Scripts.run("useit-install");

        assertThat(dryRun.getErrorMessages(), empty());
        assertThat(dryRun.getInfoMessages(), contains("useit-install: nothing to do: " + home
                                                          + " has the USE-IT! addon installed"));
        assertThat(run.getErrorMessages(), empty());
        assertThat(run.getInfoMessages(), contains("useit-install: nothing to do: " + home
                                                       + " has the USE-IT! addon installed"));
        assertThat(snapshot(home.resolve("config")), is(before));
    }

    @Test
    public void aRegistryTheDatabaseLacksIsLoadedOnce() throws Exception {
        Scripts.run("useit-structure");
        Path home = temporary.newFolder("registry-home").toPath();
        String registry = "<dspace-dc-types>\n"
            + "    <dc-schema><name>useittest</name><namespace>https://example.org/useittest</namespace></dc-schema>\n"
            + "    <dc-type><schema>useittest</schema><element>one</element></dc-type>\n"
            + "    <dc-type><schema>useittest</schema><element>one</element><qualifier>two</qualifier></dc-type>\n"
            + "</dspace-dc-types>\n";
        DropIns bundled = DropIns.bundled();
        DropIns dropIns = DropIns.of(Map.of(
            "registries/useit-test-types.xml", registry.getBytes(StandardCharsets.UTF_8),
            "entities/useit-relationship-types.xml", bundled.read("entities/useit-relationship-types.xml")));
        for (String path : dropIns.paths()) {
            Files.createDirectories(home.resolve("config").resolve(path).getParent());
            Files.write(home.resolve("config").resolve(path), dropIns.read(path));
        }
        MetadataSchemaService schemas = ContentServiceFactory.getInstance().getMetadataSchemaService();
        MetadataFieldService fields = ContentServiceFactory.getInstance().getMetadataFieldService();
        try {
            List<String> dryRun = new InstallLoad(home, dropIns).run(true);
            assertThat(schemas.find(context, "useittest"), nullValue());

            List<String> first = new InstallLoad(home, dropIns).run(false);
            List<String> second = new InstallLoad(home, dropIns).run(false);

            String loaded = "database: loaded config/registries/useit-test-types.xml: metadata schema useittest, "
                + "2 metadata fields";
            assertThat(dryRun, contains(loaded));
            assertThat(first, contains(loaded));
            assertThat(second, empty());
            context.uncacheEntities();
            MetadataSchema schema = schemas.find(context, "useittest");
            assertThat(schema.getNamespace(), is("https://example.org/useittest"));
            assertThat(fields.findByElement(context, schema, "one", "two") == null, is(false));
        } finally {
            context.turnOffAuthorisationSystem();
            MetadataSchema schema = schemas.find(context, "useittest");
            if (schema != null) {
                for (MetadataField field : fields.findAllInSchema(context, schema)) {
                    fields.delete(context, field);
                }
                schemas.delete(context, schema);
            }
            context.restoreAuthSystemState();
            context.commit();
        }
    }

    @Test
    public void theFirstRunCommandDsrunRunsTheInstallInABootedDSpace() throws Exception {
        // DSpace 8.1's launcher.xml declares dsrun as a command whose step class is "dsrun": the launcher then
        // runs the main method of the class named after it, with the arguments after that
        Element step = new Element("step").addContent(new Element("class").setText("dsrun"));
        Element command = new Element("command").addContent(new Element("name").setText("dsrun"))
                                                .addContent(step);
        Document launcher = new Document(new Element("commands").addContent(command));
        Scripts.run("useit-structure");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            status = ScriptLauncher.handleScript(new String[] {"dsrun", Install.class.getName(), "-n"}, launcher,
                                                 new TestDSpaceRunnableHandler(), DSpaceKernelInit.getKernel(null));
        } finally {
            System.setOut(original);
        }

        assertThat(status, is(0));
        assertThat(out.toString(StandardCharsets.UTF_8), startsWith("useit-install: nothing to do: "));
    }

    @Test
    public void theHelpNamesTheFirstRunCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Install.run(new String[] {"-h"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                                 System.err);

        assertThat(status, is(0));
        assertThat(out.toString(StandardCharsets.UTF_8),
                   containsString("dspace dsrun eu.useit.install.Install [-n]"));
        assertThat(List.of(out.toString(StandardCharsets.UTF_8).split("\n")), hasItem(containsString("--dry-run")));
    }

    /** The home the test harness assembles from {@code runtime/home}, the addon's config/ and its registries. */
    private static Path template() {
        return Path.of(System.getProperty("useit.home.template")).toAbsolutePath().normalize();
    }

    /**
     * A DSpace home as a site has it before the install: the assembled home with the addon's drop-ins taken out
     * (a file the base home also has gets the base home's back), and dspace.cfg without our include and consumer.
     */
    private Path cleanSite() throws IOException {
        // the bare base the build installs into: a DSpace home without the addon
        Path base = template().resolve("../../../../runtime/home/config").normalize();
        Path home = temporary.newFolder("dspace").toPath();
        copyTree(base, home.resolve("config"));
        String cfg = Files.readString(home.resolve("config/dspace.cfg"), StandardCharsets.ISO_8859_1);
        assertThat(cfg.lines().filter(line -> !line.startsWith("#"))
                      .anyMatch(line -> line.contains("useitoai") || line.contains("useit.cfg")), is(false));
        assertThat(Files.exists(home.resolve("config/modules/useit.cfg")), is(false));
        return home;
    }

    /** What the submission readers key their elements by, in a home's item-submission.xml. */
    private static Set<String> keys(Path home) throws Exception {
        byte[] file = Files.readAllBytes(home.resolve("config/item-submission.xml"));
        org.w3c.dom.Element root = SafeXml.parseWithDoctype(new ByteArrayInputStream(file)).getDocumentElement();
        Set<String> keys = new TreeSet<>();
        for (Node section = root.getFirstChild(); section != null; section = section.getNextSibling()) {
            for (Node node = section.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof org.w3c.dom.Element element) {
                    List<String> attributes = new ArrayList<>();
                    for (int i = 0; i < element.getAttributes().getLength(); i++) {
                        Node attribute = element.getAttributes().item(i);
                        attributes.add(attribute.getNodeName() + "=" + attribute.getNodeValue());
                    }
                    keys.add(element.getTagName() + " " + new TreeSet<>(attributes));
                }
            }
        }
        return keys;
    }

    private static Map<String, String> snapshot(Path home) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(home.relativize(path).toString().replace('\\', '/'),
                          new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
