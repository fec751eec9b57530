/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dspace.content.Item;
import org.dspace.content.MetadataValue;
import org.dspace.content.service.ItemService;

/**
 * An item's metadata as the {@link MetadataRules} read it: field (schema.element[.qualifier]) to values, in DSpace's
 * order; a strand gives its authority key (the vocabulary id) when it has one, not its label.
 */
public final class RecordFields {

    private RecordFields() {
    }

    /**
     * @param itemService DSpace's item service
     * @param item        the item, as its caller may read it
     * @return its fields and values as the rules read them
     */
    public static Map<String, List<String>> of(ItemService itemService, Item item) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (MetadataValue value : itemService.getMetadata(item, Item.ANY, Item.ANY, Item.ANY, Item.ANY)) {
            String field = value.getMetadataField().toString('.');
            String authority = value.getAuthority();
            boolean keyed = "useit.strand".equals(field) && authority != null && !authority.isBlank();
            fields.computeIfAbsent(field, f -> new ArrayList<>()).add(keyed ? authority : value.getValue());
        }
        return fields;
    }
}
