/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.util.List;

import com.lyncode.xoai.dataprovider.xml.xoai.Element;
import com.lyncode.xoai.dataprovider.xml.xoai.Metadata;
import org.dspace.services.ConfigurationService;

/**
 * The note that makes an illustrative record ({@code useit.provenance = illustrative}) say what it is in every
 * metadata format: added to the compiled record as a {@code dc.description}, which {@code oai_dc}, {@code qdc},
 * {@code oai_openaire} and {@code datacite} all write (the {@code useit} format also has its provenance element).
 * A record whose description already begins as the note does gets no second one. The text is the setting
 * {@code useit.illustrative.note}.
 */
public final class IllustrativeNote {

    /** The note when {@code useit.illustrative.note} is not set. */
    public static final String DEFAULT = "Illustrative record: written to illustrate a documented USE-IT! "
        + "initiative; it is not a published USE-IT! output.";

    /** The bean's name in {@code config/spring/api/useit-services.xml}. */
    public static final String BEAN = "useitIllustrativeNote";

    private static final String ILLUSTRATIVE = "illustrative";
    private static final String MARK = "Illustrative record";

    private final String text;

    /**
     * @param text the note; one that does not start with "Illustrative record" gets it in front, as that is how the
     *             note is told from other descriptions (here, and by the rioxx crosswalk, which has room for one)
     */
    public IllustrativeNote(String text) {
        String note = text == null || text.isBlank() ? DEFAULT : text.strip();
        this.text = note.startsWith(MARK) ? note : MARK + ": " + note;
    }

    /**
     * The Spring bean {@link #BEAN}.
     *
     * @param configuration DSpace's configuration
     * @return the note configured in DSpace ({@code useit.illustrative.note})
     */
    public static IllustrativeNote configured(ConfigurationService configuration) {
        return new IllustrativeNote(configuration.getProperty("useit.illustrative.note"));
    }

    /**
     * @return the note's text
     */
    public String text() {
        return text;
    }

    /**
     * Adds the note to a compiled record if it is illustrative and does not say so yet.
     *
     * @param metadata a compiled record
     */
    public void addTo(Metadata metadata) {
        Element provenance = child(schema(metadata, "useit", false), "provenance", false);
        if (!hasValue(provenance, ILLUSTRATIVE)) {
            return;
        }
        Element description = child(schema(metadata, "dc", true), "description", true);
        for (Element language : description.getElement()) {
            for (Element.Field field : language.getField()) {
                if ("value".equals(field.getName()) && field.getValue() != null
                    && field.getValue().startsWith(MARK)) {
                    return;
                }
            }
        }
        Element english = child(description, "en", true);
        Element.Field value = new Element.Field();
        value.setName("value");
        value.setValue(text);
        english.getField().add(value);
    }

    /** True if the element or any of its language children (values are grouped by language) has the value. */
    private static boolean hasValue(Element element, String expected) {
        if (element == null) {
            return false;
        }
        for (Element.Field field : element.getField()) {
            if ("value".equals(field.getName()) && expected.equalsIgnoreCase(String.valueOf(field.getValue()))) {
                return true;
            }
        }
        for (Element language : element.getElement()) {
            if (hasValue(language, expected)) {
                return true;
            }
        }
        return false;
    }

    private static Element schema(Metadata metadata, String name, boolean create) {
        return child(metadata.getElement(), name, create);
    }

    /**
     * @param parent an element, or null
     * @param name   the child's name; null for the first child that holds values (a language element)
     * @param create whether to add a missing child
     * @return the child, or null
     */
    private static Element child(Element parent, String name, boolean create) {
        return parent == null ? null : child(parent.getElement(), name, create);
    }

    /** The element of a name (null: the first that holds values) among siblings, added if asked for. */
    private static Element child(List<Element> siblings, String name, boolean create) {
        for (Element element : siblings) {
            if (name == null ? !element.getField().isEmpty() : name.equals(element.getName())) {
                return element;
            }
        }
        if (!create) {
            return null;
        }
        Element child = named(name);
        siblings.add(child);
        return child;
    }

    private static Element named(String name) {
        Element element = new Element();
        element.setName(name);
        return element;
    }
}
