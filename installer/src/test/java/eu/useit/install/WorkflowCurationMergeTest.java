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

import org.junit.Test;

public class WorkflowCurationMergeTest {

    private final SiteMerge<WorkflowCurationMerge> merging = SiteMerge.of(
        ours -> new WorkflowCurationMerge(ours.read("workflow-curation.xml")), WorkflowCurationMerge.FILE);
    private final String site = merging.site();

    @Test
    public void collectionsWithoutTasksGetOursAndTheSitesTaskSetsStay() throws Exception {
        Merged first = merging.into(site);

        assertThat(first.changes(), contains("added taskset useit",
                                             "mapped collection-handle default to taskset useit (was none)"));
        assertThat(first.notes(), empty());
        String merged = new String(first.content(), StandardCharsets.UTF_8);
        assertThat(merged, containsString("    <mapping collection-handle=\"1234/7\" taskset=\"scan\"/>\n"
                                              + "    <mapping collection-handle=\"default\" taskset=\"useit\"/>\n"));
        assertThat(merged, containsString("    <taskset name=\"none\"/>\n    <taskset name=\"useit\">\n"));
        assertThat(WorkflowCurationCheck.problem(first.content()), nullValue());

        Merged second = merging.again(first);
        assertThat(second.changed(), is(false));
    }

    @Test
    public void aDefaultTaskSetOfTheSitesIsKeptWithANote() throws Exception {
        Merged first = merging.into(site.replace("collection-handle=\"default\" taskset=\"none\"",
                                              "collection-handle=\"default\" taskset=\"scan\""));

        assertThat(first.changes(), contains("added taskset useit"));
        assertThat(first.notes(), contains(startsWith("collection-handle default keeps the site's taskset scan "
                                                          + "(USE-IT!'s is useit): add the tasks of taskset useit")));
    }

    @Test
    public void aSiteWithoutAMappingForEveryCollectionGetsOurs() throws Exception {
        Merged first = merging.into(site.replace("    <mapping collection-handle=\"default\" taskset=\"none\"/>\n",
                                                 ""));

        assertThat(first.changes(), contains("added taskset useit",
                                             "mapped collection-handle default to taskset useit"));
        assertThat(WorkflowCurationCheck.problem(first.content()), nullValue());
    }

    @Test
    public void dspacesReaderRefusesAMappingToAnUnknownTaskSet() {
        String broken = site.replace("taskset=\"scan\"", "taskset=\"scna\"");

        assertThat(WorkflowCurationCheck.problem(broken.getBytes(StandardCharsets.UTF_8)),
                   startsWith("DSpace's CurationTaskConfig refuses it: "));
    }

    @Test
    public void aMalformedFileIsRefused() {
        InstallException error = assertThrows(InstallException.class,
                                              () -> merging.into(site.replace("</tasksets>", "")));

        assertThat(error.getMessage(), startsWith("config/workflow-curation.xml, line "));
    }
}
