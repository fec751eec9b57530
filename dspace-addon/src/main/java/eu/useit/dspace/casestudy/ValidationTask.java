/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.content.MetadataValue;
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

    private MetadataRules rules;
    private int failures;

    @Override
    public void init(Curator curator, String taskId) throws IOException {
        super.init(curator, taskId);
        rules = new MetadataRules(StrandVocabulary.load(Path.of(configurationService.getProperty("dspace.dir"))));
    }

    @Override
    public int perform(DSpaceObject dso) throws IOException {
        if (!(dso instanceof Item item)) {
            failures = 0;
            distribute(dso);
            return failures == 0 ? Curator.CURATE_SUCCESS : Curator.CURATE_FAIL;
        }
        String type = itemService.getMetadataFirstValue(item, "dspace", "entity", "type", Item.ANY);
        if (type == null || !ItemTypes.ALL.contains(type)) {
            setResult("not a USE-IT! item");
            return Curator.CURATE_SKIP;
        }
        List<Violation> violations = rules.check(type, RecordFields.of(itemService, item));
        for (MetadataValue strand : itemService.getMetadataByMetadataString(item, "useit.strand")) {
            rules.checkStrandLabel(strand.getValue(), strand.getAuthority())
                 .ifPresent(reason -> violations.add(new Violation("useit.strand", reason)));
        }
        String name = item.getHandle() != null ? item.getHandle() : item.getID().toString();
        List<String> lines = new ArrayList<>();
        for (Violation violation : violations) {
            lines.add(name + " " + violation.field() + ": " + violation.reason());
        }
        lines.forEach(this::report);
        setResult(lines.isEmpty() ? name + ": valid" : String.join("\n", lines));
        return lines.isEmpty() ? Curator.CURATE_SUCCESS : Curator.CURATE_FAIL;
    }

    @Override
    protected void performItem(Item item) throws IOException {
        if (perform(item) == Curator.CURATE_FAIL) {
            failures++;
        }
    }
}
