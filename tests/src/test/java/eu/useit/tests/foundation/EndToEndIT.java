/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.foundation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.stream.Collectors;

import eu.useit.runtime.OaiImport;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.OaiHarvest;
import eu.useit.tests.support.TestRepository;
import eu.useit.tests.support.Xml;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.builder.ItemBuilder;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.Item;
import org.dspace.discovery.DiscoverQuery;
import org.dspace.discovery.DiscoverResult;
import org.dspace.discovery.IndexableObject;
import org.dspace.discovery.SearchUtils;
import org.dspace.discovery.indexobject.IndexableItem;
import org.junit.Test;
import org.w3c.dom.Node;

/**
 * The foundation's end-to-end path: an administrator deposits an item with Dublin Core metadata; Discovery finds
 * it in the real Solr search core; DSpace's OAI import compiles it into the OAI core; DSpace's OAI-PMH data
 * provider returns it over HTTP in {@code oai_dc}.
 */
public class EndToEndIT extends AbstractUseitIT {

    /** A title no other test or sample record has, so the search must find exactly this item. */
    private static final String TITLE = "Foundation check: a neighbourhood's assets, mapped by its residents";

    @Test
    public void depositedItemIsFoundBySearchAndHarvestedOverOai() throws Exception {
        context.turnOffAuthorisationSystem();
        Community community = CommunityBuilder.createCommunity(context).withName("USE-IT! foundation test").build();
        Collection collection = CollectionBuilder.createCollection(context, community).withName("Library").build();
        Item item = ItemBuilder.createItem(context, collection)
                               .withTitle(TITLE)
                               .withAuthor("USE-IT! project team")
                               .withIssueDate("2017-04-24")
                               .withSubject("community assets")
                               .withSubject("urban poverty")
                               .build();
        context.restoreAuthSystemState();
        context.commit();

        // Discovery: the item is in the search core, found by a word of its title.
        DiscoverQuery query = new DiscoverQuery();
        query.setQuery("\"" + TITLE + "\"");
        query.addDSpaceObjectFilter(IndexableItem.TYPE);
        DiscoverResult result = SearchUtils.getSearchService().search(context, query);
        List<String> hits = result.getIndexableObjects().stream()
                                  .map(IndexableObject::getID).map(Object::toString).collect(Collectors.toList());
        assertThat(hits, contains(item.getID().toString()));

        // OAI: DSpace's own import (what `dspace oai import` runs) compiles the item into the OAI core.
        OaiImport.run(false);

        // ... and DSpace's data provider serves it in oai_dc over HTTP.
        OaiHarvest oai = new OaiHarvest(TestRepository.serverUrl() + "/oai/request");
        String identifier = "oai:useit.example.ac.uk:" + item.getHandle();
        List<Node> records = oai.list("ListRecords", "metadataPrefix=oai_dc");
        List<Node> ours = records.stream().filter(r -> identifierOf(r).equals(identifier))
                                 .collect(Collectors.toList());
        assertThat(ours, hasSize(1));
        Node record = ours.get(0);
        String dc = "oai:metadata/oai_dc:dc/";
        assertThat(Xml.strings(record, dc + "dc:title"), contains(TITLE));
        assertThat(Xml.strings(record, dc + "dc:creator"), contains("USE-IT! project team"));
        assertThat(Xml.strings(record, dc + "dc:date"), contains("2017-04-24"));
        assertThat(Xml.strings(record, dc + "dc:subject"), containsInAnyOrder("community assets", "urban poverty"));
        assertThat(Xml.string(record, "oai:header/@status"), is(""));
    }

    private static String identifierOf(Node record) {
        try {
            return Xml.string(record, "oai:header/oai:identifier");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
