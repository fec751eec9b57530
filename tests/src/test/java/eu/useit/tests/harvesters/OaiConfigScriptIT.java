/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.harvesters;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.Scripts;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code dspace useit-oai-config}, run through DSpace's script launcher: the repository's own OAI configuration
 * already has everything, a site's gets what it lacks once, and a malformed file is one error line.
 */
public class OaiConfigScriptIT extends AbstractUseitIT {

    private static final String SITE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Configuration xmlns=\"http://www.lyncode.com/XOAIConfiguration\" indented=\"false\"\n"
        + "    maxListIdentifiersSize=\"50\" maxListRecordsSize=\"50\" maxListSetsSize=\"50\">\n"
        + "    <Contexts>\n"
        + "        <Context baseurl=\"request\" name=\"A site\">\n"
        + "            <Format ref=\"dc\"/>\n"
        + "            <Description>A site's context</Description>\n"
        + "        </Context>\n"
        + "    </Contexts>\n"
        + "    <Formats>\n"
        + "        <Format id=\"dc\"><Prefix>oai_dc</Prefix><XSLT>metadataFormats/oai_dc.xsl</XSLT>"
        + "<Namespace>http://www.openarchives.org/OAI/2.0/oai_dc/</Namespace>"
        + "<SchemaLocation>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</SchemaLocation></Format>\n"
        + "    </Formats>\n"
        + "</Configuration>\n";

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void theRepositorysOwnConfigurationLacksNothing() throws Exception {
        TestDSpaceRunnableHandler handler = Scripts.run("useit-oai-config", "--dry-run");

        assertThat(handler.getErrorMessages().isEmpty(), is(true));
        assertThat(handler.getInfoMessages(), contains(startsWith("useit-oai-config: nothing changed: ")));
    }

    @Test
    public void aSitesConfigurationGetsWhatItLacksOnce() throws Exception {
        Path site = temporary.getRoot().toPath().resolve("xoai.xml");
        Files.writeString(site, SITE, StandardCharsets.UTF_8);
        Files.createDirectories(site.resolveSibling("metadataFormats"));
        Files.writeString(site.resolveSibling("metadataFormats/oai_dc.xsl"),
                          "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>");

        TestDSpaceRunnableHandler first = Scripts.run("useit-oai-config", "-f", site.toString());

        assertThat(first.getErrorMessages().isEmpty(), is(true));
        assertThat(first.getInfoMessages(), hasItems("added context useit",
                                                     "added format useit-datacite (prefix datacite)",
                                                     "added set type-case-study (type:case-study)",
                                                     "metadataFormats/useit.xsl: added (USE-IT!'s crosswalk)"));
        assertThat(first.getInfoMessages(), hasItem(startsWith("useit-oai-config: ")));
        assertThat(Files.readString(site), startsWith(SITE.substring(0, SITE.indexOf("    <Contexts>"))));

        // the site's request context is left as it is (its records keep their shape), and said on every run
        assertThat(first.getInfoMessages(), hasItem("note: context request is left as the site has it: its records "
                                                         + "keep their formats, sets and filter (to add USE-IT!'s to "
                                                         + "it: useit-oai-config -a)"));
        assertThat(first.getInfoMessages().stream().anyMatch(line -> line.contains("to context request")), is(false));
        byte[] merged = Files.readAllBytes(site);

        TestDSpaceRunnableHandler second = Scripts.run("useit-oai-config", "-f", site.toString());
        assertThat(second.getInfoMessages(), contains(startsWith("note: "), is("useit-oai-config: nothing changed: "
            + site + " already has the USE-IT! OAI configuration")));
        assertThat(Files.readAllBytes(site), is(merged));
    }

    @Test
    public void aMalformedFileIsOneErrorLine() throws Exception {
        Path site = temporary.getRoot().toPath().resolve("xoai.xml");
        Files.writeString(site, SITE.replace("</Contexts>", "</Context>"), StandardCharsets.UTF_8);

        TestDSpaceRunnableHandler handler = Scripts.attempt("useit-oai-config", "-f", site.toString());

        assertThat(handler.getErrorMessages(), contains(startsWith("useit-oai-config: " + site + ", line 9, ")));
        assertThat(Files.readString(site), is(SITE.replace("</Contexts>", "</Context>")));
    }
}
