/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.librarians;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import eu.useit.dspace.taxonomy.StrandVocabulary;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.Scripts;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.content.authority.Choices;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.dspace.curate.Curator;
import org.dspace.workflow.CurationTaskConfig;
import org.dspace.workflow.FlowStep;
import org.dspace.workflow.TaskSet;
import org.junit.Before;
import org.junit.Test;

/**
 * The {@code useit-validate} curation task, run by DSpace's own curation machinery on items in the booted
 * repository: one line per problem (item, field, reason), success for a valid case study, and its place in the
 * review step of the workflow.
 */
public class ValidationIT extends AbstractUseitIT {

    private final ItemService items = ContentServiceFactory.getInstance().getItemService();
    private Collection collection;

    @Before
    public void collection() throws Exception {
        context.turnOffAuthorisationSystem();
        collection = CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName("Validation test").build()).build();
        context.restoreAuthSystemState();
    }

    private Item caseStudy(String title, String objective, String date, String strandId, String provenance,
                           String practitioner) throws Exception {
        context.turnOffAuthorisationSystem();
        ItemBuilder builder = ItemBuilder.createItem(context, collection).withTitle(title)
                                         .withMetadata("dspace", "entity", "type", "CaseStudy")
                                         .withMetadata("useit", "provenance", null, provenance);
        if (objective != null) {
            builder.withMetadata("useit", "objective", null, objective);
        }
        if (date != null) {
            builder.withMetadata("dc", "date", "issued", date);
        }
        if (practitioner != null) {
            builder.withMetadata("useit", "practitioner", null, practitioner);
        }
        Item item = builder.build();
        StrandVocabulary vocabulary = StrandVocabulary.load(Path.of(System.getProperty("dspace.dir")));
        String label = vocabulary.find(strandId).map(vocabulary::hierarchicalLabel).orElse(strandId);
        items.addMetadata(context, item, "useit", "strand", null, null, label, strandId, Choices.CF_ACCEPTED);
        items.update(context, item);
        context.restoreAuthSystemState();
        context.commit();
        return item;
    }

    /** Runs the task on an item, which must fail; its report's lines. */
    private List<String> failures(Item item) throws Exception {
        Curator curator = new Curator().addTask("useit-validate");
        curator.curate(context, item);
        assertThat(curator.getStatus("useit-validate"), is(Curator.CURATE_FAIL));
        return Arrays.asList(curator.getResult("useit-validate").split("\n"));
    }

    @Test
    public void reportsOneLinePerProblem() throws Exception {
        Item item = caseStudy("Food hub", null, "2020-02-30", "food-sovereignty", "illustrative", "A. Person");
        String handle = item.getHandle();
        assertThat(failures(item), containsInAnyOrder(
            handle + " useit.objective: required",
            handle + " useit.practitioner: an illustrative case study names no practitioner (no invented people)",
            handle + " dc.date.issued: '2020-02-30' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
            handle + " useit.strand: 'food-sovereignty' is not a strand id of the USE-IT! vocabulary"));
    }

    @Test
    public void aStrandLabelledAsAnotherAndAProvenanceOutsideTheTwoAreReported() throws Exception {
        Item item = context.reloadEntity(caseStudy("Relabelled", "Say what the role is", "2019", "community-research",
                                                   "Illustrative", null));
        context.turnOffAuthorisationSystem();
        items.clearMetadata(context, item, "useit", "strand", null, Item.ANY);
        items.addMetadata(context, item, "useit", "strand", null, null, "Anything I like", "community-research",
                          Choices.CF_ACCEPTED);
        items.update(context, item);
        context.restoreAuthSystemState();
        context.commit();
        String handle = item.getHandle();
        assertThat(failures(item), containsInAnyOrder(
            handle + " useit.provenance: 'Illustrative' is neither 'sourced' nor 'illustrative'",
            handle + " useit.strand: 'Anything I like' is not the label of strand community-research "
                + "('Community Research')"));
    }

    @Test
    public void aValidCaseStudyPassesAndOtherItemsAreSkipped() throws Exception {
        Item good = caseStudy("Recruiting researchers", "Say what the role is", "2019", "community-research",
                              "illustrative", null);
        Curator curator = new Curator().addTask("useit-validate");
        curator.curate(context, good);
        assertThat(curator.getStatus("useit-validate"), is(Curator.CURATE_SUCCESS));

        context.turnOffAuthorisationSystem();
        Item plain = ItemBuilder.createItem(context, collection).withTitle("Not ours").build();
        context.restoreAuthSystemState();
        curator.curate(context, plain);
        assertThat(curator.getStatus("useit-validate"), is(Curator.CURATE_SKIP));
    }

    @Test
    public void runsFromTheCommandLineWithAReport() throws Exception {
        Item item = caseStudy("No objective", null, "2019", "skills-matching", "sourced", null);
        TestDSpaceRunnableHandler run = Scripts.run("curate", "-t", "useit-validate", "-i", item.getHandle(),
                                                    "-e", ADMIN_EMAIL);
        String printed = String.join("\n", run.getInfoMessages());
        List<String> lines = Arrays.stream(printed.split("\\R|'"))
                                   .filter(l -> l.startsWith(item.getHandle() + " ")).collect(Collectors.toList());
        assertThat(printed, lines, containsInAnyOrder(item.getHandle() + " useit.objective: required",
                                             item.getHandle() + " useit.source: a sourced record needs the URL "
                                                 + "of its source"));
    }

    @Test
    public void theReviewStepOfEveryWorkflowRunsTheTaskAndTheDepositOnlyANoOp() throws Exception {
        Path file = Path.of(System.getProperty("dspace.dir"), "config", "workflow-curation.xml");
        try (InputStream in = Files.newInputStream(file)) {
            TaskSet tasks = new CurationTaskConfig(in).findTaskSet(collection.getHandle());
            List<String> steps = tasks.steps.stream().map(s -> s.step).collect(Collectors.toList());
            // DSpace runs the first flowstep at deposit and claim, where a rejection cannot send anything back
            assertThat(steps, contains("deposit", "reviewstep"));
            assertThat(tasks.steps.get(0).tasks.get(0).name, is("noop"));
            FlowStep review = tasks.steps.get(1);
            assertThat(review.tasks.get(0).name, is("useit-validate"));
            assertThat(review.tasks.get(0).powers, contains("reject"));
        }
    }
}
