/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import eu.useit.dspace.casestudy.MetadataRules;
import eu.useit.dspace.structure.RelationshipTypeSpec;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.junit.Before;
import org.junit.Test;

public class ImportValidatorTest {

    private ImportValidator validator;

    @Before
    public void setUp() throws IOException {
        StrandVocabulary vocabulary = StrandVocabulary.parse(new ByteArrayInputStream(
            "<node id='strand' label='S'><isComposedBy><node id='a' label='A'/></isComposedBy></node>"
                .getBytes(StandardCharsets.UTF_8)));
        validator = new ImportValidator(new MetadataRules(vocabulary),
                                        Set.of("dc.title", "useit.provenance", "useit.source", "useit.strand",
                                               "useit.objective"),
                                        List.of(new RelationshipTypeSpec("CaseStudy", "Project",
                                                                         "isProjectOfCaseStudy",
                                                                         "isCaseStudyOfProject")),
                                        key -> "existing-org".equals(key) ? Optional.of("OrgUnit")
                                            : Optional.empty());
    }

    private static ImportRecord caseStudy(String where, String key, String... relation) {
        return new ImportRecord(where, key, "CaseStudy", Map.of(
            "dc.title", List.of("T"), "useit.strand", List.of("a"), "useit.objective", List.of("O"),
            "useit.provenance", List.of("illustrative"), "relation.isProjectOfCaseStudy", List.of(relation)));
    }

    private static ImportRecord project(String where, String key) {
        return new ImportRecord(where, key, "Project", Map.of("dc.title", List.of("P"),
                                                              "useit.provenance", List.of("illustrative")));
    }

    private List<String> check(ImportRecord... records) {
        return validator.check(List.of(records)).stream().map(ImportProblem::toString).collect(Collectors.toList());
    }

    @Test
    public void relationsMayPointForwardInTheFile() {
        assertThat(check(caseStudy("row 2", "cs", "prj"), project("row 3", "prj")), empty());
    }

    @Test
    public void relationTargetsMustExistWithTheRightType() {
        assertThat(check(caseStudy("row 2", "cs", "nowhere")), contains(
            "row 2, column relation.isProjectOfCaseStudy: no record with key 'nowhere' in the file or the repository"));
        assertThat(check(caseStudy("row 2", "cs", "existing-org")), contains(
            "row 2, column relation.isProjectOfCaseStudy: 'existing-org' is a OrgUnit, not a Project"));
    }

    @Test
    public void aRecordCannotChangeTheTypeOfTheItemItUpdates() {
        assertThat(check(project("row 2", "existing-org")), contains(
            "row 2, column type: 'existing-org' is a OrgUnit in the repository, not a Project"));
    }

    @Test
    public void keysAreUniqueAndFieldsKnown() {
        ImportRecord odd = new ImportRecord("row 4", "prj", "Project", Map.of(
            "dc.title", List.of("P"), "useit.provenance", List.of("illustrative"), "dc.colour", List.of("red")));
        assertThat(check(project("row 2", "prj"), odd), contains(
            "row 4, column key: 'prj' is also the key of row 2",
            "row 4, column dc.colour: no such field in the metadata registry"));
    }

    @Test
    public void relationsMustSuitTheRecordsType() {
        ImportRecord wrong = new ImportRecord("row 2", "p", "Project", Map.of(
            "dc.title", List.of("P"), "useit.provenance", List.of("illustrative"),
            "relation.isProjectOfCaseStudy", List.of("x")));
        assertThat(check(wrong), contains(
            "row 2, column relation.isProjectOfCaseStudy: a Project has no relationship named isProjectOfCaseStudy"));
    }
}
