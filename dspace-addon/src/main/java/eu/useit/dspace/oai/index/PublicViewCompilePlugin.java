/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai.index;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.lyncode.xoai.dataprovider.xml.xoai.Element;
import com.lyncode.xoai.dataprovider.xml.xoai.Metadata;
import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.access.FileAccess;
import eu.useit.dspace.support.Characters;
import eu.useit.dspace.support.UseitBeans;
import eu.useit.dspace.support.Uuids;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.content.Bitstream;
import org.dspace.content.Item;
import org.dspace.content.Relationship;
import org.dspace.content.service.BitstreamService;
import org.dspace.content.service.RelationshipService;
import org.dspace.core.Context;
import org.dspace.xoai.app.XOAIExtensionItemCompilePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Makes the compiled OAI record of an item say only what anonymous users may know, whoever compiles it: every file
 * gets its {@code access} ({@code open}, {@code embargoed} with {@code availableFrom}, {@code restricted}) and keeps
 * its download {@code url} only when open; the policies DSpace copies into the record (group and person names) are
 * removed; related items that are not public (virtual metadata, such as {@code relation.isPartnerOfCaseStudy}) are
 * left out; {@code others/useit-access} gives the item's access from its files (the COAR access right crosswalks
 * write). An illustrative record gets a description that says so ({@link IllustrativeNote}). A character XML cannot
 * carry becomes U+FFFD ({@link Characters}), so that one bad value never keeps a record from harvesters.
 * <p>
 * Registered in {@code config/spring/oai/useit-item-compile.xml}; DSpace's {@code oai import} uses it too.
 */
public class PublicViewCompilePlugin implements XOAIExtensionItemCompilePlugin {

    private static final Logger log = LogManager.getLogger(PublicViewCompilePlugin.class);

    private static final String VIRTUAL = "virtual::";
    private static final String DOWNLOAD = "/download";
    private static final String BITSTREAMS = "/bitstreams/";

    private BitstreamService bitstreams;
    private RelationshipService relationships;
    private ObjectProvider<AnonymousAccess> access;
    private ObjectProvider<IllustrativeNote> note;

    /**
     * Made by Spring from a plain definition ({@code config/spring/oai/useit-item-compile.xml}, the same in every
     * version: DSpace makes this bean whenever its kernel starts, so a definition that needed more would stop every
     * {@code [dspace]/bin/dspace} command, the install included, until the new file was copied). The services come
     * through {@link #setServices}.
     */
    public PublicViewCompilePlugin() {
        // services set by Spring
    }

    /**
     * @param bitstreams    DSpace's bitstream service
     * @param relationships DSpace's relationship service
     * @param access        the anonymous access checks (the bean {@code useitAnonymousAccess}, found when first
     *                      needed)
     * @param note          the note of illustrative records (the bean {@code useitIllustrativeNote}, found when first
     *                      needed)
     */
    @Autowired
    public void setServices(BitstreamService bitstreams, RelationshipService relationships,
                            ObjectProvider<AnonymousAccess> access, ObjectProvider<IllustrativeNote> note) {
        this.bitstreams = bitstreams;
        this.relationships = relationships;
        this.access = access;
        this.note = note;
    }

    private AnonymousAccess access() {
        return UseitBeans.installed(access, AnonymousAccess.BEAN);
    }

    @Override
    public Metadata additionalMetadata(Context context, Metadata metadata, Item item) {
        try {
            FileAccess files = FileAccess.METADATA_ONLY;
            for (Element schema : metadata.getElement()) {
                if ("bundles".equals(schema.getName())) {
                    files = files(context, schema);
                } else if (!"others".equals(schema.getName()) && !"repository".equals(schema.getName())
                    && !"license".equals(schema.getName())) {
                    dropHiddenRelations(context, item, schema);
                }
            }
            others(metadata).getElement().add(accessElement(files));
            UseitBeans.installed(note, IllustrativeNote.BEAN).addTo(metadata);
            metadata.getElement().forEach(PublicViewCompilePlugin::clean);
            return metadata;
        } catch (SQLException e) {
            throw new IllegalStateException("Item " + item.getID() + ": access of its files not readable", e);
        }
    }

    /** Replaces what XML cannot carry in any value (a control character that slipped into a title). */
    private static void clean(Element element) {
        for (Element.Field field : element.getField()) {
            field.setValue(Characters.clean(field.getValue()));
        }
        element.getElement().forEach(PublicViewCompilePlugin::clean);
    }

    /** Marks each file with its access, keeps links to open files only; returns the item's access (ORIGINAL). */
    private FileAccess files(Context context, Element bundles) throws SQLException {
        List<FileAccess> original = new ArrayList<>();
        for (Element bundle : bundles.getElement()) {
            boolean content = "ORIGINAL".equals(field(bundle, "name"));
            for (Element list : bundle.getElement()) {
                for (Element file : list.getElement()) {
                    FileAccess fileAccess = fileAccess(context, file);
                    mark(file, fileAccess);
                    if (content) {
                        original.add(fileAccess);
                    }
                }
            }
        }
        return FileAccess.ofItem(original);
    }

    private FileAccess fileAccess(Context context, Element file) throws SQLException {
        UUID id = bitstreamId(field(file, "url"));
        Bitstream bitstream = id == null ? null : bitstreams.find(context, id);
        return bitstream == null ? FileAccess.RESTRICTED : access().file(context, bitstream);
    }

    private static void mark(Element file, FileAccess fileAccess) {
        file.getElement().removeIf(child -> "resourcePolicies".equals(child.getName()));
        if (!fileAccess.isOpen()) {
            file.getField().removeIf(field -> "url".equals(field.getName()));
        }
        file.getField().add(value("access", fileAccess.state().word()));
        if (fileAccess.availableFrom() != null) {
            file.getField().add(value("availableFrom", fileAccess.availableFrom().toString()));
        }
    }

    private static Element accessElement(FileAccess files) {
        Element element = new Element();
        element.setName("useit-access");
        element.getField().add(value("value", files.state().word()));
        element.getField().add(value("coar", files.state().coar()));
        element.getField().add(value("label", files.state().label()));
        if (files.availableFrom() != null) {
            element.getField().add(value("availableFrom", files.availableFrom().toString()));
        }
        return element;
    }

    private static Element others(Metadata metadata) {
        for (Element element : metadata.getElement()) {
            if ("others".equals(element.getName())) {
                return element;
            }
        }
        Element others = new Element();
        others.setName("others");
        metadata.getElement().add(others);
        return others;
    }

    /** Removes values of virtual metadata (related items) whose related item anonymous users may not see. */
    private void dropHiddenRelations(Context context, Item item, Element element) throws SQLException {
        for (Element child : element.getElement()) {
            dropHiddenRelations(context, item, child);
        }
        List<Element.Field> fields = element.getField();
        for (int i = 0; i < fields.size(); i++) {
            Element.Field field = fields.get(i);
            if (!"authority".equals(field.getName()) || field.getValue() == null
                || !field.getValue().startsWith(VIRTUAL) || i == 0 || isVisible(context, item, field.getValue())) {
                continue;
            }
            // the value is the field before its authority; a confidence may follow
            int from = i - 1;
            int to = i + 1;
            if (to < fields.size() && "confidence".equals(fields.get(to).getName())) {
                to++;
            }
            fields.subList(from, to).clear();
            i = from - 1;
        }
    }

    private boolean isVisible(Context context, Item item, String authority) throws SQLException {
        String id = authority.substring(VIRTUAL.length());
        Relationship relationship;
        try {
            relationship = relationships.find(context, Integer.parseInt(id));
        } catch (NumberFormatException e) {
            log.warn("Item {}: virtual authority {} names no relationship", item.getID(), authority);
            return false;
        }
        if (relationship == null) {
            return false;
        }
        Item other = item.equals(relationship.getLeftItem()) ? relationship.getRightItem()
            : relationship.getLeftItem();
        return access().isPublic(context, other);
    }

    /**
     * @param url a download URL as DSpace writes it ({@code <base>/bitstreams/<uuid>/download})
     * @return the file's UUID, or null
     */
    static UUID bitstreamId(String url) {
        if (url == null || !url.endsWith(DOWNLOAD)) {
            return null;
        }
        int start = url.lastIndexOf(BITSTREAMS);
        if (start < 0) {
            return null;
        }
        return start + BITSTREAMS.length() > url.length() - DOWNLOAD.length() ? null
            : Uuids.orNull(url.substring(start + BITSTREAMS.length(), url.length() - DOWNLOAD.length()));
    }

    private static String field(Element element, String name) {
        for (Element.Field field : element.getField()) {
            if (name.equals(field.getName())) {
                return field.getValue();
            }
        }
        return null;
    }

    private static Element.Field value(String name, String text) {
        Element.Field field = new Element.Field();
        field.setName(name);
        field.setValue(text);
        return field;
    }
}
