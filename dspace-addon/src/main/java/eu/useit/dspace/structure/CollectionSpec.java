/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.structure;

import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.taxonomy.Strand;
import eu.useit.dspace.taxonomy.StrandVocabulary;

/**
 * A collection of the USE-IT! model.
 *
 * @param key        stable key, kept in the collection's {@code useit.key} (names may be edited freely)
 * @param name       the collection's title
 * @param entityType the item type its deposits get, or null for a strand collection, which gathers case studies
 *                   and outputs of one strand by mapping rather than by deposit
 * @param about      a one-sentence description
 */
public record CollectionSpec(String key, String name, String entityType, String about) {

    /** Key of the Case Studies collection. */
    public static final String CASE_STUDIES = "case-studies";
    /** Key of the Library collection. */
    public static final String LIBRARY = "library";
    /** Key of the Projects collection. */
    public static final String PROJECTS = "projects";
    /** Key of the Partners collection. */
    public static final String PARTNERS = "partners";

    /**
     * @param strand a strand of the vocabulary
     * @return the key of that strand's collection
     */
    public static String strandKey(Strand strand) {
        return "strand-" + strand.id();
    }

    /**
     * The whole model: one collection per item type, then one per strand of the vocabulary.
     *
     * @param vocabulary the strand vocabulary
     * @return the collections, in the order they are created
     */
    public static List<CollectionSpec> model(StrandVocabulary vocabulary) {
        List<CollectionSpec> specs = new ArrayList<>(List.of(
            new CollectionSpec(CASE_STUDIES, "Case Studies", "CaseStudy",
                               "The twelve USE-IT! case studies: stories of practice, each with its lesson."),
            new CollectionSpec(LIBRARY, "Library", "Publication",
                               "Reports, journals, toolkits, posts and videos produced by or about USE-IT!."),
            new CollectionSpec(PROJECTS, "Projects", "Project",
                               "Initiatives within USE-IT!, such as Health Overseas Professionals."),
            new CollectionSpec(PARTNERS, "Partners", "OrgUnit",
                               "Organisations that led, funded or took part in USE-IT!.")));
        for (Strand strand : vocabulary.strands()) {
            specs.add(new CollectionSpec(strandKey(strand), strand.label(), null,
                                         "Case studies and outputs of the " + strand.label() + " strand."));
        }
        return specs;
    }
}
