/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.access.FileAccess;
import eu.useit.dspace.oai.index.TombstoneStore;
import eu.useit.dspace.support.Handles;
import org.dspace.app.util.service.MetadataExposureService;
import org.dspace.content.Bitstream;
import org.dspace.content.BitstreamFormat;
import org.dspace.content.Bundle;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.content.MetadataField;
import org.dspace.content.MetadataValue;
import org.dspace.content.Relationship;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.RelationshipService;
import org.dspace.core.Constants;
import org.dspace.core.Context;

/**
 * Reads an item for its page, in an anonymous DSpace context: an item that is not public (private, withdrawn,
 * without anonymous READ, in a deposit or review) is not read at all, a related item or a file only as far as
 * anonymous users may see it, and metadata fields DSpace hides ({@code metadata.hide.*}) are left out.
 */
public final class ItemReader {

    /** What a look-up found. */
    public enum Status {
        /** A public item. */
        FOUND,
        /**
         * A withdrawn item that was public (harvesters have its deleted record): its page is gone (HTTP 410) and
         * names nothing of it. One that never was is {@link #MISSING}, as if it had never existed.
         */
        GONE,
        /** No item anybody may see (HTTP 404). */
        MISSING
    }

    /**
     * @param status what was found
     * @param view   the item, when found
     */
    public record Lookup(Status status, ItemView view) {
    }

    private final ItemService items;
    private final RelationshipService relationships;
    private final MetadataExposureService exposure;
    private final AnonymousAccess anonymous;
    private final TombstoneStore tombstones;

    /**
     * @param items         DSpace's item service
     * @param relationships DSpace's relationship service
     * @param exposure      DSpace's rule for hidden metadata fields
     * @param anonymous     what anonymous users may see
     * @param tombstones    the deleted records of items that were public
     */
    public ItemReader(ItemService items, RelationshipService relationships,
                      MetadataExposureService exposure, AnonymousAccess anonymous, TombstoneStore tombstones) {
        this.items = items;
        this.relationships = relationships;
        this.exposure = exposure;
        this.anonymous = anonymous;
        this.tombstones = tombstones;
    }

    /**
     * @param context an anonymous DSpace context
     * @param handle  a handle, e.g. {@code 123456789/7}
     * @return what was found
     * @throws SQLException on database failure
     */
    public Lookup byHandle(Context context, String handle) throws SQLException {
        DSpaceObject object = Handles.find(context, handle);
        return lookup(context, object instanceof Item item ? item : null);
    }

    /**
     * @param context an anonymous DSpace context
     * @param uuid    an item's UUID
     * @return what was found
     * @throws SQLException on database failure
     */
    public Lookup byUuid(Context context, UUID uuid) throws SQLException {
        return lookup(context, items.find(context, uuid));
    }

    private Lookup lookup(Context context, Item item) throws SQLException {
        if (item == null) {
            return new Lookup(Status.MISSING, null);
        }
        if (item.isWithdrawn()) {
            // "gone" says the item existed: only where it was public, as its deleted record in OAI-PMH does
            boolean wasPublic = tombstones.find(item.getID().toString()).isPresent();
            return new Lookup(wasPublic ? Status.GONE : Status.MISSING, null);
        }
        if (!anonymous.isPublic(context, item)) {
            return new Lookup(Status.MISSING, null);
        }
        return new Lookup(Status.FOUND, view(context, item));
    }

    private ItemView view(Context context, Item item) throws SQLException {
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        List<ItemView.StrandRef> strands = new ArrayList<>();
        for (MetadataValue value : items.getMetadata(item, Item.ANY, Item.ANY, Item.ANY, Item.ANY)) {
            MetadataField field = value.getMetadataField();
            String schema = field.getMetadataSchema().getName();
            if ("relation".equals(schema)
                || exposure.isHidden(context, schema, field.getElement(), field.getQualifier())) {
                continue;
            }
            String name = field.toString('.');
            metadata.computeIfAbsent(name, k -> new ArrayList<>()).add(value.getValue());
            if ("useit.strand".equals(name)) {
                strands.add(new ItemView.StrandRef(value.getValue(), value.getAuthority()));
            }
        }
        return new ItemView(item.getID(), item.getHandle(), items.getEntityTypeLabel(item), metadata, strands,
                            related(context, item), files(context, item),
                            item.getLastModified().toInstant().toString());
    }

    /** The public items related to this one, then those of its projects (outputs and case studies alike). */
    private List<ItemView.Related> related(Context context, Item item) throws SQLException {
        List<ItemView.Related> found = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        seen.add(item.getID());
        List<Item> projects = new ArrayList<>();
        for (Item other : publicNeighbours(context, item)) {
            if (seen.add(other.getID())) {
                String type = items.getEntityTypeLabel(other);
                found.add(related(other, ItemView.typeName(type), type));
                if ("Project".equals(type)) {
                    projects.add(other);
                }
            }
        }
        String type = items.getEntityTypeLabel(item);
        String wanted = "CaseStudy".equals(type) ? "Publication" : "Publication".equals(type) ? "CaseStudy" : null;
        for (Item project : wanted == null ? List.<Item>of() : projects) {
            for (Item other : publicNeighbours(context, project)) {
                if (wanted.equals(items.getEntityTypeLabel(other)) && seen.add(other.getID())) {
                    found.add(related(other, ItemView.typeName(wanted) + " of the same project", wanted));
                }
            }
        }
        return found;
    }

    private ItemView.Related related(Item other, String role, String type) {
        return new ItemView.Related(role, other.getID(), other.getHandle(), items.getName(other), type);
    }

    private List<Item> publicNeighbours(Context context, Item item) throws SQLException {
        List<Item> neighbours = new ArrayList<>();
        for (Relationship relationship : relationships.findByItem(context, item)) {
            Item other = relationship.getLeftItem().getID().equals(item.getID()) ? relationship.getRightItem()
                : relationship.getLeftItem();
            if (anonymous.isPublic(context, other)) {
                neighbours.add(other);
            }
        }
        return neighbours;
    }

    private List<ItemView.FileView> files(Context context, Item item) throws SQLException {
        List<ItemView.FileView> files = new ArrayList<>();
        for (Bundle bundle : item.getBundles(Constants.CONTENT_BUNDLE_NAME)) {
            for (Bitstream bitstream : bundle.getBitstreams()) {
                BitstreamFormat format = bitstream.getFormat(context);
                FileAccess access = anonymous.file(context, bitstream);
                files.add(new ItemView.FileView(bitstream.getID(), bitstream.getName(),
                                                format == null ? "application/octet-stream" : format.getMIMEType(),
                                                format == null ? "Unknown" : format.getShortDescription(),
                                                bitstream.getSizeBytes(), access));
            }
        }
        return files;
    }
}
