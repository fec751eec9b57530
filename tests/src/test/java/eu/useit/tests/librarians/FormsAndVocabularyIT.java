/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.librarians;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import eu.useit.dspace.structure.UseitStructure;
import eu.useit.tests.support.AbstractUseitIT;
import eu.useit.tests.support.Scripts;
import org.dspace.app.util.DCInput;
import org.dspace.app.util.DCInputSet;
import org.dspace.app.util.DCInputsReader;
import org.dspace.app.util.SubmissionConfigReader;
import org.dspace.builder.CollectionBuilder;
import org.dspace.builder.CommunityBuilder;
import org.dspace.content.Collection;
import org.dspace.content.authority.Choice;
import org.dspace.content.authority.ChoiceAuthority;
import org.dspace.content.authority.Choices;
import org.dspace.content.authority.factory.ContentAuthorityServiceFactory;
import org.dspace.content.authority.service.ChoiceAuthorityService;
import org.junit.Before;
import org.junit.Test;

/**
 * The submission forms and the strand vocabulary, as DSpace's own readers load them: processes chosen by a
 * collection's item type, required fields, the strand field bound to the vocabulary, and the vocabulary's
 * hierarchy, lookup and SKOS export.
 */
public class FormsAndVocabularyIT extends AbstractUseitIT {

    private final ChoiceAuthorityService authorities =
        ContentAuthorityServiceFactory.getInstance().getChoiceAuthorityService();

    @Before
    public void structure() throws Exception {
        Scripts.run("useit-structure");
    }

    @Test
    public void collectionsGetTheProcessOfTheirItemType() throws Exception {
        SubmissionConfigReader reader = new SubmissionConfigReader();
        UseitStructure structure = UseitStructure.bean();
        assertThat(reader.getSubmissionConfigByCollection(
            structure.findCollection(context, "case-studies").orElseThrow()).getSubmissionName(),
                   is("useit-case-study"));
        assertThat(reader.getSubmissionConfigByCollection(
            structure.findCollection(context, "library").orElseThrow()).getSubmissionName(), is("useit-output"));
        assertThat(reader.getSubmissionConfigByCollection(
            structure.findCollection(context, "partners").orElseThrow()).getSubmissionName(), is("useit-partner"));
        context.turnOffAuthorisationSystem();
        Collection other = CollectionBuilder.createCollection(context,
            CommunityBuilder.createCommunity(context).withName("Elsewhere").build()).build();
        context.restoreAuthSystemState();
        assertThat(reader.getSubmissionConfigByCollection(other).getSubmissionName(), is("generic"));
    }

    @Test
    public void caseStudyFormRequiresTitleStrandObjectiveAndProvenance() throws Exception {
        DCInputSet form = new DCInputsReader().getInputsByFormName("useit-case-study");
        List<String> required = fields(form).stream().filter(DCInput::isRequired).map(DCInput::getFieldName)
                                            .collect(Collectors.toList());
        assertThat(required, containsInAnyOrder("dc.title", "useit.strand", "useit.objective", "useit.provenance"));
        DCInput strand = fields(form).stream().filter(f -> f.getFieldName().equals("useit.strand")).findFirst()
                                     .orElseThrow();
        assertThat(strand.getVocabulary(), is("useit-strands"));
        assertThat(strand.isClosedVocabulary(), is(true));
    }

    @Test
    public void outputFormOffersCoarTypesAndBindsTheJournalTitleToArticles() throws Exception {
        DCInputsReader reader = new DCInputsReader();
        DCInputSet form = reader.getInputsByFormName("useit-output");
        DCInput journal = fields(form).stream().filter(f -> f.getFieldName().equals("oaire.citation.title"))
                                      .findFirst().orElseThrow();
        assertThat(journal.getTypeBindList(), contains("journal article"));
        assertThat(reader.getPairs("useit_output_types"), hasItem("http://purl.org/coar/resource_type/c_93fc"));
    }

    @Test
    public void strandFieldIsControlledByTheHierarchicalVocabulary() {
        assertThat(authorities.isChoicesConfigured("useit_strand", null), is(true));
        assertThat(authorities.isClosed("useit_strand"), is(true));
        ChoiceAuthority vocabulary = authorities.getChoiceAuthorityByAuthorityName("useit-strands");
        assertThat(vocabulary.getLabel("skills-matching:language-licensing", "en"), is("Language and licensing"));

        Choices top = authorities.getTopChoices("useit-strands", 0, 10, "en");
        assertThat(Arrays.stream(top.values).map(c -> c.authority).collect(Collectors.toList()),
                   contains("community-research", "skills-matching", "social-enterprise", "community-assets"));
        Choices children = authorities.getChoicesByParent("useit-strands", "community-assets", 0, 10, "en");
        assertThat(Arrays.stream(children.values).map(c -> c.authority).collect(Collectors.toList()),
                   contains("community-assets:community-ownership", "community-assets:spaces",
                            "community-assets:economic-development-plans"));
        Choice parent = authorities.getParentChoice("useit-strands", "community-assets:spaces", "en");
        assertThat(parent.authority, is("community-assets"));

        Choices found = vocabulary.getMatches("licensing", 0, 10, "en");
        assertThat(Arrays.stream(found.values).map(c -> c.authority).collect(Collectors.toList()),
                   contains("skills-matching:language-licensing"));
    }

    @Test
    public void skosExportCarriesEveryConcept() throws Exception {
        Path out = Files.createTempFile("useit-strands", ".ttl");
        Scripts.run("useit-vocabulary", "--skos", "-o", out.toString());
        String ttl = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(ttl, containsString("<https://w3id.org/useit/strands> a skos:ConceptScheme ;"));
        assertThat(ttl.split("a skos:Concept ;", -1).length - 1, is(18));
        assertThat(ttl, containsString("skos:prefLabel \"Anchor-institution recruitment\"@en ."));
        assertThat(ttl, containsString("skos:broader <https://w3id.org/useit/strands/skills-matching> ;"));
    }

    private static List<DCInput> fields(DCInputSet form) {
        List<DCInput> all = new ArrayList<>();
        for (DCInput[] row : form.getFields()) {
            all.addAll(Arrays.asList(row));
        }
        return all;
    }
}
