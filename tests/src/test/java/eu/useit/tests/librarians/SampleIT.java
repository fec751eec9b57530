/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.librarians;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


import eu.useit.dspace.ingest.ImportRecord;
import eu.useit.dspace.ingest.KeyIndex;
import eu.useit.dspace.ingest.JsonRecords;
import eu.useit.dspace.structure.CollectionSpec;
import eu.useit.dspace.structure.UseitStructure;
import eu.useit.dspace.taxonomy.Strand;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import eu.useit.tests.support.AbstractSampleIT;
import eu.useit.tests.support.Sample;
import eu.useit.tests.support.Scripts;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.Item;
import org.dspace.content.MetadataValue;
import org.dspace.content.Relationship;
import org.dspace.curate.Curator;
import org.junit.Test;

/**
 * The USE-IT! sample (sample/useit-sample.json, built from public facts) loads through {@code useit-import} into
 * the booted repository with the right counts per item type, per strand and per provenance, and every record
 * passes the {@code useit-validate} task.
 */
public class SampleIT extends AbstractSampleIT {

    @Test
    public void itemTypesHaveTheSampleCounts() throws Exception {
        UseitStructure structure = UseitStructure.bean();
        assertThat(count(structure.findCollection(context, CollectionSpec.CASE_STUDIES).orElseThrow()), is(12));
        assertThat(count(structure.findCollection(context, CollectionSpec.LIBRARY).orElseThrow()), is(11));
        assertThat(count(structure.findCollection(context, CollectionSpec.PROJECTS).orElseThrow()), is(3));
        assertThat(count(structure.findCollection(context, CollectionSpec.PARTNERS).orElseThrow()), is(14));
    }

    @Test
    public void strandCollectionsHoldEveryRecordOfTheirStrand() throws Exception {
        List<ImportRecord> records = JsonRecords.read(Files.readAllBytes(Sample.FILE));
        StrandVocabulary vocabulary = StrandVocabulary.load(Path.of(System.getProperty("dspace.dir")));
        Map<String, Integer> expected = new HashMap<>();
        for (ImportRecord record : records) {
            record.metadata().getOrDefault("useit.strand", List.of()).stream()
                  .map(id -> vocabulary.lineage(id).get(vocabulary.lineage(id).size() - 1).id())
                  .distinct().forEach(strand -> expected.merge(strand, 1, Integer::sum));
        }
        UseitStructure structure = UseitStructure.bean();
        for (Strand strand : vocabulary.strands()) {
            Collection collection = structure.findCollection(context, CollectionSpec.strandKey(strand)).orElseThrow();
            assertThat(strand.id(), mapped(collection), is(expected.getOrDefault(strand.id(), 0)));
        }
        assertThat(expected.get("community-assets") > 0, is(true));
    }

    @Test
    public void tenCaseStudiesAreIllustrativeAndNameNobody() throws Exception {
        Collection caseStudies = UseitStructure.bean().findCollection(context, CollectionSpec.CASE_STUDIES)
                                                     .orElseThrow();
        int illustrative = 0;
        for (Iterator<Item> it = items.findByCollection(context, caseStudies); it.hasNext(); ) {
            Item item = it.next();
            if ("illustrative".equals(items.getMetadataFirstValue(item, "useit", "provenance", null, Item.ANY))) {
                illustrative++;
                assertThat(item.getName(), items.getMetadata(item, "useit", "practitioner", null, Item.ANY).size(),
                           is(0));
            } else {
                assertThat(item.getName(), items.getMetadata(item, "useit", "source", null, Item.ANY).isEmpty(),
                           is(false));
            }
        }
        assertThat(illustrative, is(10));
    }

    @Test
    public void everySampleRecordPassesValidation() throws Exception {
        Community useit = UseitStructure.bean().findCommunity(context).orElseThrow();
        Curator curator = new Curator().addTask("useit-validate");
        curator.curate(context, useit);
        assertThat(curator.getResult("useit-validate"), curator.getStatus("useit-validate"),
                   is(Curator.CURATE_SUCCESS));
    }

    @Test
    public void relationshipsAreReadableFromBothSides() throws Exception {
        KeyIndex index = KeyIndex.load(context);
        Item caseStudy = items.find(context, index.find("cs-start-with-something-specific").orElseThrow().id());
        Item project = items.find(context, index.find("prj-useit").orElseThrow().id());
        List<Relationship> links = relationships.findByItem(context, caseStudy);
        assertThat(links.stream().map(r -> r.getRelationshipType().getLeftwardType() + " "
                                          + r.getRightItem().getName()).collect(Collectors.toList()),
                   containsInAnyOrder("isProjectOfCaseStudy " + project.getName(),
                                      "isPartnerOfCaseStudy Sandwell Metropolitan Borough Council",
                                      "isPartnerOfCaseStudy Sandwell and West Birmingham Hospitals NHS Trust"));
        // DSpace's virtual metadata: the project lists its case studies without storing anything itself
        List<String> caseStudiesOfProject = items.getMetadata(project, "relation", "isCaseStudyOfProject", null,
                                                              Item.ANY).stream()
            .map(MetadataValue::getValue).collect(Collectors.toList());
        assertThat(caseStudiesOfProject, hasItem(caseStudy.getID().toString()));
        assertThat(caseStudiesOfProject.size(), is(12));
    }

    @Test
    public void aRerunOfTheSampleChangesNothing() throws Exception {
        TestDSpaceRunnableHandler run = Scripts.run("useit-import", "-f", Sample.FILE.toString(), "-e", ADMIN_EMAIL);
        assertThat(run.getInfoMessages(), hasItem(containsString("0 created, 0 updated, 40 unchanged; "
                                                                    + "relationships: 0 added, 0 removed")));
    }

    private int count(Collection collection) throws Exception {
        return items.countItems(context, collection);
    }

    private int mapped(Collection collection) throws Exception {
        int n = 0;
        for (Iterator<Item> it = items.findAllByCollection(context, collection); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }

}
