/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.lyncode.xoai.dataprovider.xml.xoai.Element;
import com.lyncode.xoai.dataprovider.xml.xoai.Metadata;
import org.junit.Test;

/**
 * The configured note always starts as the crosswalks that have room for one description look for it. (The note in
 * every format: {@code OaiValidityIT}.)
 */
public class IllustrativeNoteTest {

    @Test
    public void aNoteWordedDifferentlyStillSaysWhatItIs() {
        assertThat(new IllustrativeNote("Invented for a training session.").text(),
                   is("Illustrative record: Invented for a training session."));
        assertThat(new IllustrativeNote("Illustrative record, made up.").text(), is("Illustrative record, made up."));
        assertThat(new IllustrativeNote("  ").text(), is(IllustrativeNote.DEFAULT));
    }

    @Test
    public void aProvenanceInAnyLanguageGroupOrCaseMakesTheRecordIllustrative() {
        // DSpace groups a field's values by language: "sourced" in English, "Illustrative" with no language
        Metadata metadata = new Metadata();
        Element useit = element("useit", element("provenance", values("en", "sourced"), values("none",
                                                                                             "Illustrative")));
        metadata.getElement().add(useit);
        new IllustrativeNote(null).addTo(metadata);
        assertThat(metadata.getElement().size(), is(2));
        Element description = metadata.getElement().get(1).getElement().get(0);
        assertThat(description.getName(), is("description"));
        assertThat(description.getElement().get(0).getField().get(0).getValue(), is(IllustrativeNote.DEFAULT));

        Metadata sourced = new Metadata();
        sourced.getElement().add(element("useit", element("provenance", values("en", "sourced"))));
        new IllustrativeNote(null).addTo(sourced);
        assertThat(sourced.getElement().size(), is(1));
    }

    private static Element element(String name, Element... children) {
        Element element = new Element();
        element.setName(name);
        for (Element child : children) {
            element.getElement().add(child);
        }
        return element;
    }

    private static Element values(String language, String value) {
        Element group = element(language);
        Element.Field field = new Element.Field();
        field.setName("value");
        field.setValue(value);
        group.getField().add(field);
        return group;
    }
}
