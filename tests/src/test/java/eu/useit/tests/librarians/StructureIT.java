/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.librarians;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.stream.Collectors;

import eu.useit.dspace.structure.UseitStructure;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.Scripts;
import org.dspace.app.scripts.handler.impl.TestDSpaceRunnableHandler;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.EntityType;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.CollectionService;
import org.dspace.content.service.CommunityService;
import org.dspace.content.service.EntityTypeService;
import org.dspace.content.service.RelationshipTypeService;
import org.junit.Test;

/**
 * {@code dspace useit-structure} builds the USE-IT! collection model in a real DSpace, and a second run changes
 * nothing and says so.
 */
public class StructureIT extends AbstractUseitIT {

    private final CommunityService communities = ContentServiceFactory.getInstance().getCommunityService();
    private final CollectionService collections = ContentServiceFactory.getInstance().getCollectionService();
    private final EntityTypeService entityTypes = ContentServiceFactory.getInstance().getEntityTypeService();
    private final RelationshipTypeService relationshipTypes =
        ContentServiceFactory.getInstance().getRelationshipTypeService();

    @Test
    public void createsTheModelOnceAndThenFindsIt() throws Exception {
        TestDSpaceRunnableHandler first = Scripts.run("useit-structure");
        assertThat(first.getException(), nullValue());

        TestDSpaceRunnableHandler second = Scripts.run("useit-structure");
        assertThat(second.getException(), nullValue());
        List<String> lines = second.getInfoMessages();
        assertThat(lines.get(lines.size() - 1), startsWith("useit-structure: nothing changed, all 17 objects"));
        assertThat(lines.subList(0, lines.size() - 1), everyItem(startsWith("found ")));

        context.uncacheEntities();
        List<Community> useit = communities.findAllTop(context).stream()
            .filter(c -> "useit".equals(communities.getMetadataFirstValue(c, "useit", "key", null, Item.ANY)))
            .collect(Collectors.toList());
        assertThat("exactly one USE-IT! community", useit.size(), is(1));
        List<String> names = useit.get(0).getCollections().stream().map(Collection::getName)
                                  .collect(Collectors.toList());
        assertThat(names, containsInAnyOrder("Case Studies", "Library", "Projects", "Partners",
                                             "Community Research", "Skills Matching", "Social Enterprise",
                                             "Community Assets"));
        Collection caseStudies = UseitStructure.bean().findCollection(context, "case-studies").orElseThrow();
        assertThat(collections.getMetadataFirstValue(caseStudies, "dspace", "entity", "type", Item.ANY),
                   is("CaseStudy"));
    }

    @Test
    public void itemAndRelationshipTypesComeFromDSpacesEntityInitialisation() throws Exception {
        Scripts.run("useit-structure");
        for (String type : List.of("CaseStudy", "Publication", "Project", "OrgUnit")) {
            assertThat(type, entityTypes.findByEntityType(context, type), notNullValue());
        }
        EntityType caseStudy = entityTypes.findByEntityType(context, "CaseStudy");
        EntityType project = entityTypes.findByEntityType(context, "Project");
        EntityType orgUnit = entityTypes.findByEntityType(context, "OrgUnit");
        EntityType publication = entityTypes.findByEntityType(context, "Publication");
        assertThat(relationshipTypes.findbyTypesAndTypeName(context, caseStudy, project, "isProjectOfCaseStudy",
                                                            "isCaseStudyOfProject"), notNullValue());
        assertThat(relationshipTypes.findbyTypesAndTypeName(context, caseStudy, orgUnit, "isPartnerOfCaseStudy",
                                                            "isCaseStudyOfPartner"), notNullValue());
        assertThat(relationshipTypes.findbyTypesAndTypeName(context, publication, project, "isProjectOfPublication",
                                                            "isPublicationOfProject"), notNullValue());
        assertThat(relationshipTypes.findbyTypesAndTypeName(context, project, orgUnit, "isOrgUnitOfProject",
                                                            "isProjectOfOrgUnit"), notNullValue());
    }
}
