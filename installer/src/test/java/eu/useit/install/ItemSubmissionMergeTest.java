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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class ItemSubmissionMergeTest {

    private final SiteMerge<ItemSubmissionMerge> merging = SiteMerge.of(
        ours -> new ItemSubmissionMerge(ours.read("item-submission.xml")), ItemSubmissionMerge.FILE);
    private final String site = merging.site();

    @Test
    public void oursAreTheProcessesOfOurBindingsAndTheirSteps() {
        assertThat(merging.merge().processNames(), contains("useit-case-study", "useit-output", "useit-project",
                                                            "useit-partner"));
        assertThat(merging.merge().forms(), contains("useit-case-study", "useit-case-study-story", "useit-output",
                                                     "useit-project", "useit-partner"));
    }

    @Test
    public void theFirstRunAddsOursAndKeepsTheSitesBinding() throws Exception {
        Merged first = merging.into(site);

        assertThat(first.changes(), contains(
            "added step-definition useit-case-study", "added step-definition useit-case-study-story",
            "added step-definition useit-output", "added step-definition useit-project",
            "added step-definition useit-partner",
            "added submission-process useit-case-study", "added submission-process useit-output",
            "added submission-process useit-project", "added submission-process useit-partner",
            "added name-map collection-entity-type=CaseStudy -> useit-case-study",
            "added name-map collection-entity-type=Project -> useit-project",
            "added name-map collection-entity-type=OrgUnit -> useit-partner"));
        // the site's steps of the same id (collection, upload, license) are the site's
        assertThat(first.changes().stream().anyMatch(c -> c.contains(" upload")), is(false));
        assertThat(first.notes(), contains(startsWith("collections of item type Publication keep the site's "
                                                          + "submission process site-article (USE-IT!'s is "
                                                          + "useit-output); to give a USE-IT! collection ours, map it "
                                                          + "by handle: <name-map collection-handle=")));
        String merged = new String(first.content(), StandardCharsets.UTF_8);
        assertThat(merged, startsWith(site.substring(0, site.indexOf("  <submission-map>"))));
        assertThat(merged, containsString("    <name-map collection-entity-type=\"Publication\" "
            + "submission-name=\"site-article\"/>\n"
            + "    <!-- <name-map collection-handle=\"1234/5\" submission-name=\"site-article\"/> -->\n"
            + "    <name-map collection-entity-type=\"CaseStudy\" submission-name=\"useit-case-study\"/>\n"));
        assertThat(merged, containsString("    </submission-process>\n"
            + "    <submission-process name=\"useit-case-study\">\n"
            + "      <step id=\"collection\"/>\n"
            + "      <step id=\"useit-case-study\"/>\n"));
        assertThat(merged, containsString("<heading>Files (the site's wording)</heading>"));
        assertThat(SubmissionCheck.itemSubmission(first.content(), "merged"), empty());
        assertKept(site, merged);
    }

    @Test
    public void theSecondRunChangesNothing() throws Exception {
        Merged first = merging.into(site);

        Merged second = merging.again(first);

        assertThat(second.changed(), is(false));
        assertThat(second.changes(), empty());
        assertThat(second.notes(), contains(startsWith("collections of item type Publication keep")));
    }

    @Test
    public void oneOfOursThatTheSiteChangedIsReplaced() throws Exception {
        String merged = new String(merging.into(site).content(), StandardCharsets.UTF_8);
        String edited = merged.replace("<step id=\"useit-case-study-story\"/>\n", "");

        Merged again = merging.into(edited);

        assertThat(again.changes(), contains("replaced submission-process useit-case-study (the site's differed "
                                                 + "from USE-IT!'s)"));
        assertThat(new String(again.content(), StandardCharsets.UTF_8), is(merged));
    }

    @Test
    public void aMalformedFileIsOneLineNamingTheLine() {
        InstallException error = assertThrows(InstallException.class,
                                              () -> merging.into(site.replace("</step-definitions>", "</steps>")));

        assertThat(error.getMessage(), startsWith("config/item-submission.xml, line 34, column "));
        assertThat(error.getMessage(), containsString("not well-formed XML"));
    }

    @Test
    public void aFileWithoutAStepSectionIsRefused() {
        String cut = site.substring(0, site.indexOf("  <step-definitions>"))
            + site.substring(site.indexOf("  <submission-definitions>"));

        InstallException error = assertThrows(InstallException.class, () -> merging.into(cut));

        assertThat(error.getMessage(), is("config/item-submission.xml: no <step-definitions> (DSpace's "
                                              + "SubmissionConfigReader needs one)"));
    }

    @Test
    public void theCheckFindsWhatDSpacesReaderRefuses() throws Exception {
        String broken = site.replace("<step id=\"upload\"/>", "<step id=\"uplaod\"/>")
                            .replace("submission-name=\"site-article\"/>\n", "submission-name=\"site-artikel\"/>\n")
                            .replace("<step-definition id=\"license\"", "<step-definition id=\"upload\"");

        assertThat(SubmissionCheck.itemSubmission(broken.getBytes(StandardCharsets.UTF_8), "broken"),
                   containsInAnyOrder("two step-definitions upload",
                                      "submission-process site-thesis uses step uplaod, which no step-definition "
                                          + "defines",
                                      "submission-process site-thesis uses step license, which no step-definition "
                                          + "defines",
                                      "submission-process site-article uses step license, which no "
                                          + "step-definition defines",
                                      "a name-map names submission-process site-artikel, which is not defined"));
        assertThat(SubmissionCheck.itemSubmission(site.getBytes(StandardCharsets.UTF_8), "site"), empty());
    }

    /** Every line of the site's file is in the merged file, in order. */
    static void assertKept(String site, String merged) {
        List<String> mergedLines = List.of(merged.split("\n"));
        int at = 0;
        for (String line : site.split("\n")) {
            int found = mergedLines.subList(at, mergedLines.size()).indexOf(line);
            assertThat("kept in place: " + line, found, not(-1));
            at += found + 1;
        }
        assertThat(mergedLines.size() > site.split("\n").length, is(true));
        assertThat(mergedLines, hasItems(site.split("\n")));
    }
}
