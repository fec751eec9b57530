/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.curate.AbstractCurationTask;
import org.dspace.curate.Curator;

/**
 * Curation task {@code useit-validate}: checks USE-IT! items against the {@link MetadataRules} (required fields
 * per item type, strand ids from the vocabulary with their own labels, ISO dates, URLs, provenance). One report line
 * per problem: {@code <handle or id> <field>: <reason>}. Items of other types are skipped. Run it from the command line
 * ({@code dspace curate -t useit-validate -i <handle> -r -}) or at a workflow step
 * ({@code config/workflow-curation.xml}), where a failure sends the deposit back with the reasons.
 */
public class ValidationTask extends AbstractCurationTask {

    private ItemCheck check;
    private int failures;

    @Override
    public void init(Curator curator, String taskId) throws IOException {
        super.init(curator, taskId);
        check = ItemCheck.load(Path.of(configurationService.getProperty("dspace.dir")), itemService);
    }

    @Override
    public int perform(DSpaceObject dso) throws IOException {
        if (!(dso instanceof Item item)) {
            failures = 0;
            distribute(dso);
            return failures == 0 ? Curator.CURATE_SUCCESS : Curator.CURATE_FAIL;
        }
        Optional<List<String>> problems = check.problems(item);
        if (problems.isEmpty()) {
            setResult("not a USE-IT! item");
            return Curator.CURATE_SKIP;
        }
        List<String> lines = problems.get();
        lines.forEach(this::report);
        setResult(lines.isEmpty() ? ItemCheck.nameOf(item) + ": valid" : String.join("\n", lines));
        return lines.isEmpty() ? Curator.CURATE_SUCCESS : Curator.CURATE_FAIL;
    }

    @Override
    protected void performItem(Item item) throws IOException {
        if (perform(item) == Curator.CURATE_FAIL) {
            failures++;
        }
    }
}
