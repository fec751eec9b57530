/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.deposit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dspace.workflow.CurationTaskConfig;
import org.junit.Test;

/**
 * {@link ReviewApprovalFilter#checks}: an approval is checked only where DSpace would run useit-validate with the
 * power to send the deposit back, at once, as DSpace reads {@code workflow-curation.xml}.
 */
public class ReviewApprovalFilterTest {

    @Test
    public void theAddonsOwnConfigurationChecksTheReviewStepOfEveryCollection() throws Exception {
        CurationTaskConfig ours =
            new CurationTaskConfig(Files.newInputStream(Path.of("../config/workflow-curation.xml")));

        assertThat(ReviewApprovalFilter.checks(ours, "123456789/2", "reviewstep"), is(true));
        assertThat(ReviewApprovalFilter.checks(ours, "123456789/2", "editstep"), is(false));
    }

    @Test
    public void anotherTaskAQueueOrNoPowerToRejectIsNotChecked() throws Exception {
        CurationTaskConfig site = config("""
            <taskset-map>
                <mapping collection-handle="default" taskset="other"/>
                <mapping collection-handle="1/queued" taskset="queued"/>
                <mapping collection-handle="1/notify" taskset="notify"/>
                <mapping collection-handle="1/ours" taskset="ours"/>
            </taskset-map>
            <tasksets>
                <taskset name="other"><flowstep name="reviewstep"><task name="vscan"><workflow>reject</workflow>
                    </task></flowstep></taskset>
                <taskset name="queued"><flowstep name="reviewstep" queue="later"><task name="useit-validate">
                    <workflow>reject</workflow></task></flowstep></taskset>
                <taskset name="notify"><flowstep name="reviewstep"><task name="useit-validate"/></flowstep></taskset>
                <taskset name="ours"><flowstep name="reviewstep"><task name="useit-validate">
                    <workflow>reject</workflow></task></flowstep></taskset>
            </tasksets>
            """);

        assertThat(ReviewApprovalFilter.checks(site, "1/any", "reviewstep"), is(false));
        assertThat(ReviewApprovalFilter.checks(site, "1/queued", "reviewstep"), is(false));
        assertThat(ReviewApprovalFilter.checks(site, "1/notify", "reviewstep"), is(false));
        assertThat(ReviewApprovalFilter.checks(site, "1/ours", "reviewstep"), is(true));
    }

    private static CurationTaskConfig config(String body) throws Exception {
        String xml = "<workflow-curation xmlns=\"https://dspace.org/workflow-curation\">" + body
            + "</workflow-curation>";
        return new CurationTaskConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
