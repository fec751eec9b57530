/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record of an import file.
 *
 * @param where  where it is in the file, for messages ("row 12" of a CSV file, "record 3" of a JSON file)
 * @param key    the stable key (kept in {@code useit.key}); reruns update the item with this key
 * @param type   the item type
 * @param fields metadata field (schema.element[.qualifier]) to values, and {@code relation.<type>} to the keys of
 *               related records, in file order
 */
public record ImportRecord(String where, String key, String type, Map<String, List<String>> fields) {

    /** Prefix of the pseudo-fields that name related records by key. */
    public static final String RELATION = "relation.";

    /**
     * @return the metadata fields only (no relations)
     */
    public Map<String, List<String>> metadata() {
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        fields.forEach((field, values) -> {
            if (!field.startsWith(RELATION)) {
                metadata.put(field, values);
            }
        });
        return metadata;
    }

    /**
     * @return relationship type name (leftward) to the keys of the related records
     */
    public Map<String, List<String>> relations() {
        Map<String, List<String>> relations = new LinkedHashMap<>();
        fields.forEach((field, values) -> {
            if (field.startsWith(RELATION)) {
                relations.put(field.substring(RELATION.length()), values);
            }
        });
        return relations;
    }
}
