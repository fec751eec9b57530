/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SubmissionFormsMergeTest {

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final SiteMerge<SubmissionFormsMerge> merging = SiteMerge.of(
        ours -> new SubmissionFormsMerge(ours.read("submission-forms.xml"),
                                         new ItemSubmissionMerge(ours.read("item-submission.xml")).forms()),
        SubmissionFormsMerge.FILE);
    private final String site = merging.site();

    @Test
    public void theFirstRunAddsOurFormsAndTheirValueLists() throws Exception {
        Merged first = merging.into(site);

        assertThat(first.changes(), contains("added form useit-case-study", "added form useit-case-study-story",
                                             "added form useit-output", "added form useit-project",
                                             "added form useit-partner", "added value-pairs useit_provenance",
                                             "added value-pairs useit_output_types",
                                             "added value-pairs useit_languages"));
        String merged = new String(first.content(), StandardCharsets.UTF_8);
        // our generic forms are not the site's business
        assertThat(merged.contains("<form name=\"describe\">"), is(false));
        assertThat(merged, containsString("\t\t</form>\n\t\t<form name=\"useit-case-study\">\n\t\t\t<row>\n"));
        assertThat(merged,
                   containsString("\t\t</value-pairs>\n\t\t<value-pairs value-pairs-name=\"useit_provenance\""));
        ItemSubmissionMergeTest.assertKept(site, merged);
    }

    @Test
    public void dspacesReaderReadsTheMergedFileWithTheSitesDtd() throws Exception {
        Path config = SiteHome.install(temporary.getRoot().toPath()).resolve("config");
        Merged first = merging.into(site);

        assertThat(SubmissionCheck.formsReader(first.content(), config), nullValue());
        // without the DTD its DOCTYPE names, DSpace's reader cannot read it
        Files.delete(config.resolve("submission-forms.dtd"));
        assertThat(SubmissionCheck.formsReader(first.content(), config), startsWith("DSpace's DCInputsReader "
                                                                                      + "refuses it: "));
    }

    @Test
    public void theSecondRunChangesNothing() throws Exception {
        Merged second = merging.again(merging.into(site));

        assertThat(second.changed(), is(false));
        assertThat(second.changes(), empty());
    }

    @Test
    public void aSiteWithoutValueListsGetsTheSection() throws Exception {
        String without = site.substring(0, site.indexOf("\t<form-value-pairs>"))
            + site.substring(site.indexOf("</input-forms>"));

        Merged first = merging.into(without);

        String merged = new String(first.content(), StandardCharsets.UTF_8);
        assertThat(merged, containsString("\t</form-definitions>\n\t<form-value-pairs>\n"
                                              + "\t\t<value-pairs value-pairs-name=\"useit_provenance\""));
        assertThat(merged, containsString("</value-pairs>\n\t</form-value-pairs>\n</input-forms>"));
        assertThat(merging.again(first).changed(), is(false));
    }

    @Test
    public void aMalformedFileIsRefused() {
        InstallException error = assertThrows(InstallException.class,
                                              () -> merging.into(site.replace("<row>", "<row")));

        assertThat(error.getMessage(), startsWith("config/submission-forms.xml, line 8, column "));
    }
}
