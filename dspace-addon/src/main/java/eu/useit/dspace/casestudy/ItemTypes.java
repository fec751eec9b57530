/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

import java.util.List;

/**
 * The item types (DSpace entity types) of the USE-IT! model.
 */
public final class ItemTypes {

    /** A USE-IT! case study. */
    public static final String CASE_STUDY = "CaseStudy";
    /** A Library output (report, journal, post, video ...). */
    public static final String PUBLICATION = "Publication";
    /** An initiative, such as the USE-IT! project itself or HOP. */
    public static final String PROJECT = "Project";
    /** A partner organisation. */
    public static final String ORG_UNIT = "OrgUnit";

    /** All four, in the order the importer writes them. */
    public static final List<String> ALL = List.of(ORG_UNIT, PROJECT, CASE_STUDY, PUBLICATION);

    private ItemTypes() {
    }
}
