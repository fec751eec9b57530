/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/**
 * A record header: identifier, datestamp, sets, and whether the record is deleted.
 *
 * @param identifier the unique identifier
 * @param datestamp  the datestamp as written
 * @param sets       the setSpecs
 * @param deleted    true when {@code status="deleted"}
 */
record Header(String identifier, String datestamp, List<String> sets, boolean deleted) {

    /**
     * @param header an OAI-PMH {@code header} element
     * @return its content (empty strings for missing elements)
     */
    static Header of(Element header) {
        List<String> sets = new ArrayList<>();
        for (Element set : OaiXml.children(header, OaiXml.OAI, "setSpec")) {
            sets.add(set.getTextContent().trim());
        }
        String identifier = OaiXml.childText(header, OaiXml.OAI, "identifier");
        String datestamp = OaiXml.childText(header, OaiXml.OAI, "datestamp");
        return new Header(identifier == null ? "" : identifier, datestamp == null ? "" : datestamp, sets,
                          "deleted".equals(header.getAttribute("status")));
    }
}
