/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.librarians;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import eu.useit.dspace.ingest.KeyIndex;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.Scripts;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.content.Collection;
import org.dspace.content.Item;
import org.dspace.content.MetadataValue;
import org.dspace.content.Relationship;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.junit.Before;
import org.junit.Test;

/**
 * {@code dspace useit-import}: bulk deposit from CSV and JSON into the booted DSpace — dry run, all-or-nothing
 * batches, reruns that update by key, and a clear "row, column: reason" for every kind of bad input.
 */
public class ImportIT extends AbstractUseitIT {

    private static final String HEADER = "key,type,dc.title,dc.date.issued,useit.strand,useit.objective,"
        + "useit.provenance,useit.source,relation.isProjectOfCaseStudy\n";

    private final ItemService items = ContentServiceFactory.getInstance().getItemService();
    private final RelationshipService relationships = ContentServiceFactory.getInstance().getRelationshipService();
    private Path dir;

    @Before
    public void structureAndFolder() throws Exception {
        Scripts.run("useit-structure");
        dir = Path.of(System.getProperty("useit.work.dir", "target/it-work")).resolveSibling("import-files");
        Files.createDirectories(dir);
    }

    private Path write(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private TestDSpaceRunnableHandler importFile(Path file, String... more) throws Exception {
        String[] args = new String[4 + more.length];
        args[0] = "useit-import";
        args[1] = "-f";
        args[2] = file.toString();
        args[3] = "-e" + ADMIN_EMAIL;
        System.arraycopy(more, 0, args, 4, more.length);
        return Scripts.attempt(args);
    }

    private Optional<Item> byKey(String key) throws Exception {
        context.uncacheEntities();
        Optional<KeyIndex.Entry> entry = KeyIndex.load(context).find(key);
        return entry.isPresent() ? Optional.of(items.find(context, entry.get().id())) : Optional.empty();
    }

    private String caseStudyRow(String key, String title, String date, String strand) {
        return key + ",CaseStudy," + title + "," + date + "," + strand + ",Start small,sourced,"
            + "https://useituia.co.uk/learn," + "prj-" + key + "\n"
            + "prj-" + key + ",Project,Project for " + title + ",2017,,,sourced,https://useituia.co.uk,\n";
    }

    @Test
    public void importsCreatesRelationshipsMapsStrandsAndRerunsWithoutDuplicates() throws Exception {
        Path file = write("good.csv", HEADER + caseStudyRow("imp-good", "Recruiting researchers", "2019-05",
                                                                 "community-research:recruitment"));
        TestDSpaceRunnableHandler dry = importFile(file, "--dry-run");
        assertThat(dry.getException(), nullValue());
        assertThat(dry.getErrorMessages(), hasSize(0));
        assertThat(byKey("imp-good").isPresent(), is(false));

        TestDSpaceRunnableHandler first = importFile(file);
        assertThat(first.getErrorMessages().toString(), first.getException(), nullValue());
        assertThat(first.getInfoMessages(), hasItem(containsString("2 created, 0 updated, 0 unchanged; "
                                                                      + "relationships: 1 added, 0 removed")));
        Item caseStudy = byKey("imp-good").orElseThrow();
        assertThat(items.getMetadataFirstValue(caseStudy, "dspace", "entity", "type", Item.ANY), is("CaseStudy"));
        MetadataValue strand = items.getMetadata(caseStudy, "useit", "strand", null, Item.ANY).get(0);
        assertThat(strand.getValue(), is("Community Research::Recruitment"));
        assertThat(strand.getAuthority(), is("community-research:recruitment"));
        assertThat(caseStudy.getOwningCollection().getName(), is("Case Studies"));
        assertThat(caseStudy.getCollections().stream().map(Collection::getName).collect(Collectors.toList()),
                   containsInAnyOrder("Case Studies", "Community Research"));
        List<Relationship> links = relationships.findByItem(context, caseStudy);
        assertThat(links, hasSize(1));
        assertThat(links.get(0).getRightItem().getID(), is(byKey("prj-imp-good").orElseThrow().getID()));

        TestDSpaceRunnableHandler again = importFile(file);
        assertThat(again.getInfoMessages(), hasItem(containsString("0 created, 0 updated, 2 unchanged; "
                                                                      + "relationships: 0 added, 0 removed")));

        // a strand given by its label path, as DSpace stores it, is the same strand
        Path changed = write("changed.csv", HEADER + caseStudyRow("imp-good", "Recruiting community researchers",
                                                                   "2019-05", "Skills Matching::Placements"));
        TestDSpaceRunnableHandler update = importFile(changed);
        assertThat(update.getInfoMessages(), hasItem(containsString("0 created, 2 updated")));
        Item updated = byKey("imp-good").orElseThrow();
        assertThat(updated.getID(), is(caseStudy.getID()));
        assertThat(updated.getName(), is("Recruiting community researchers"));
        MetadataValue moved = items.getMetadata(updated, "useit", "strand", null, Item.ANY).get(0);
        assertThat(moved.getValue(), is("Skills Matching::Placements"));
        assertThat(moved.getAuthority(), is("skills-matching:placements"));
        assertThat(updated.getCollections().stream().map(Collection::getName).collect(Collectors.toList()),
                   containsInAnyOrder("Case Studies", "Skills Matching"));
        assertThat(items.getMetadataFirstValue(updated, "dc", "identifier", "uri", Item.ANY), notNullValue());
    }

    @Test
    public void jsonRecordsImportLikeCsvOnes() throws Exception {
        Path file = write("good.json", "[{\"key\": \"imp-json-org\", \"type\": \"OrgUnit\", "
            + "\"dc.title\": \"Birmingham City Council\", \"useit.provenance\": \"sourced\", "
            + "\"useit.source\": [\"https://urbact.eu/good-practices/use-it-0\"]}]");
        TestDSpaceRunnableHandler run = importFile(file);
        assertThat(run.getErrorMessages().toString(), run.getException(), nullValue());
        Item org = byKey("imp-json-org").orElseThrow();
        assertThat(org.getName(), is("Birmingham City Council"));
        assertThat(org.getOwningCollection().getName(), is("Partners"));
    }

    @Test
    public void aBadRowFailsTheWholeBatchAndNamesRowAndColumn() throws Exception {
        Path file = write("partial.csv", HEADER
            + caseStudyRow("imp-batch-a", "First", "2019", "community-assets:spaces")
            + caseStudyRow("imp-batch-b", "Second", "2019-13-01", "community-assets:spaces"));
        TestDSpaceRunnableHandler run = importFile(file);
        assertThat(run.getErrorMessages(), contains(
            is("row 4, column dc.date.issued: '2019-13-01' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            endsWith("partial.csv; nothing was imported")));
        assertThat(byKey("imp-batch-a").isPresent(), is(false));
        assertThat(byKey("prj-imp-batch-a").isPresent(), is(false));
    }

    @Test
    public void everyKindOfBadInputIsAClearErrorAndImportsNothing() throws Exception {
        String good = caseStudyRow("imp-bad", "Fine", "2019", "social-enterprise");
        assertRefused("unterminated.csv", HEADER + good + "imp-x,CaseStudy,\"never closed,2019\n",
                      "file: malformed CSV");
        assertRefused("strand.csv", HEADER + good.replace("social-enterprise", "poverty-tourism"),
                      "row 2, column useit.strand: 'poverty-tourism' is not a strand id of the USE-IT! vocabulary");
        assertRefused("title.csv", HEADER + good.replace(",Fine,", ",,"), "row 2, column dc.title: required");
        assertRefused("date.csv", HEADER + good.replace(",2019,", ",24/04/2017,"),
                      "row 2, column dc.date.issued: '24/04/2017' is not an ISO 8601 date");
        assertRefused("nonchar.csv", HEADER + good.replace("Fine", "Fi\uFFFEne"),
                      "row 2, column dc.title: Unicode noncharacter U+FFFE at position 3");
        assertRefused("control.csv", HEADER + good.replace("Fine", "Fi\u0007ne"),
                      "row 2, column dc.title: control character U+0007 at position 3");
        assertRefused("duplicate.csv", HEADER + good + good.replace("Fine", "Again"),
                      "row 4, column key: 'imp-bad' is also the key of row 2");
        assertRefused("huge.csv", HEADER + good.replace("Start small", "x".repeat(10 * 1024 * 1024)),
                      "row 2, column useit.objective: value is 10485760 characters long; the limit is 65536");
        // a title longer than the search index can keep as one term would never be found
        assertRefused("long title.csv", HEADER + good.replace("Fine", "x".repeat(40_000)),
                      "row 2, column dc.title: value is 40000 characters long; the limit is 2000 for this field");
        assertRefused("cells.csv", HEADER + "imp-short,CaseStudy,Short row\n",
                      "row 2: has 3 cells; the header has 9");
        assertRefused("field.csv", HEADER.replace("useit.objective", "useit.moral") + good,
                      "row 2, column useit.moral: no such field in the metadata registry");
        assertRefused("relation.csv", HEADER + good.replace(",prj-imp-bad\n", ",prj-nowhere\n"),
                      "row 2, column relation.isProjectOfCaseStudy: no record with key 'prj-nowhere'");
        byte[] latin1 = (HEADER + good.replace("Fine", "Caf\u00e9")).getBytes(StandardCharsets.ISO_8859_1);
        Path notUtf8 = Files.write(dir.resolve("latin1.csv"), latin1);
        TestDSpaceRunnableHandler run = importFile(notUtf8);
        assertThat(run.getErrorMessages().get(0), containsString("file: not UTF-8: byte 0xE9 at offset"));
        assertThat(run.getErrorMessages().get(0), containsString("(line 2)"));
        assertThat(byKey("imp-bad").isPresent(), is(false));
        assertRefused("bad.json", "[{\"key\": \"imp-bad\", \"type\": \"CaseStudy\", \"dc.title\": 42}]",
                      "record 1, column dc.title: expected a string or an array of strings");
        assertRefused("broken.json", "[{\"key\": \"imp-bad\",", "file: malformed JSON at line 1");
    }

    private void assertRefused(String name, String content, String expected) throws Exception {
        TestDSpaceRunnableHandler run = importFile(write(name, content));
        assertThat(name, run.getErrorMessages(), hasItem(containsString(expected)));
        List<String> errors = run.getErrorMessages();
        assertThat(name, errors.get(errors.size() - 1), endsWith("; nothing was imported"));
        assertThat(name, byKey("imp-bad").isPresent(), is(false));
        assertThat(name, byKey("prj-imp-bad").isPresent(), is(false));
    }
}
