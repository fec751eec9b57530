/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.useit.dspace.support.HibernateSession;
import org.dspace.content.MetadataField;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.MetadataFieldService;
import org.dspace.core.Context;

/**
 * Every item that carries a {@code useit.key}: key → item id and item type, read with two queries (not one per
 * record), so a rerun of a large import finds its items quickly.
 */
public final class KeyIndex {

    /** An item already in the repository. */
    public record Entry(UUID id, String type) {
    }

    private final Map<String, Entry> byKey;

    private KeyIndex(Map<String, Entry> byKey) {
        this.byKey = byKey;
    }

    /**
     * @param context a DSpace context
     * @return the index of the repository's keyed items
     * @throws SQLException on database failure
     */
    public static KeyIndex load(Context context) throws SQLException {
        MetadataFieldService fields = ContentServiceFactory.getInstance().getMetadataFieldService();
        MetadataField keyField = fields.findByElement(context, "useit", "key", null);
        MetadataField typeField = fields.findByElement(context, "dspace", "entity", "type");
        Map<String, Entry> byKey = new HashMap<>();
        if (keyField == null) {
            return new KeyIndex(byKey);
        }
        Map<UUID, String> types = new HashMap<>();
        for (Object[] row : values(typeField)) {
            types.put((UUID) row[1], (String) row[0]);
        }
        for (Object[] row : values(keyField)) {
            UUID id = (UUID) row[1];
            byKey.put((String) row[0], new Entry(id, types.get(id)));
        }
        return new KeyIndex(byKey);
    }

    private static List<Object[]> values(MetadataField field) {
        return HibernateSession.current()
                       .createQuery("select v.value, v.dSpaceObject.id from MetadataValue v "
                                        + "where v.metadataField = :field and type(v.dSpaceObject) = Item",
                                    Object[].class)
                       .setParameter("field", field)
                       .getResultList();
    }

    /**
     * @param key a record key
     * @return the item with that key, if any
     */
    public Optional<Entry> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * Records an item created by the running import.
     *
     * @param key  its key
     * @param id   its id
     * @param type its item type
     */
    public void put(String key, UUID id, String type) {
        byKey.put(key, new Entry(id, type));
    }
}
