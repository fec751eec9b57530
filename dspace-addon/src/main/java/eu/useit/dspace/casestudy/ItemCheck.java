/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.dspace.content.Item;
import org.dspace.content.MetadataValue;
import org.dspace.content.service.ItemService;

/**
 * A stored item checked against the {@link MetadataRules}, with the strands' labels checked against the vocabulary:
 * what {@code useit-validate} reports, and what a reviewer is told before approving a deposit.
 *
 * @param rules the record rules
 * @param items DSpace's item service
 */
public record ItemCheck(MetadataRules rules, ItemService items) {

    /** Where a check comes from, each time it is used (an edit of the strand vocabulary counts at once). */
    @FunctionalInterface
    public interface Source {

        /**
         * @return the check, with the strand vocabulary as it is now
         * @throws IOException if the strand vocabulary cannot be read
         */
        ItemCheck load() throws IOException;
    }

    /**
     * @param dspaceDir the DSpace home, whose strand vocabulary the rules read
     * @param items     DSpace's item service
     * @return the check
     * @throws IOException if the strand vocabulary cannot be read
     */
    public static ItemCheck load(Path dspaceDir, ItemService items) throws IOException {
        return new ItemCheck(new MetadataRules(StrandVocabulary.load(dspaceDir)), items);
    }

    /**
     * @param item an item
     * @return one line per problem ({@code <handle or id> <field>: <reason>}), none when the item is valid; nothing
     *     when the item is not of a USE-IT! type
     */
    public Optional<List<String>> problems(Item item) {
        String type = items.getMetadataFirstValue(item, "dspace", "entity", "type", Item.ANY);
        if (type == null || !ItemTypes.ALL.contains(type)) {
            return Optional.empty();
        }
        List<Violation> violations = rules.check(type, RecordFields.of(items, item));
        for (MetadataValue strand : items.getMetadataByMetadataString(item, "useit.strand")) {
            rules.checkStrandLabel(strand.getValue(), strand.getAuthority())
                 .ifPresent(reason -> violations.add(new Violation("useit.strand", reason)));
        }
        String name = nameOf(item);
        List<String> lines = new ArrayList<>();
        for (Violation violation : violations) {
            lines.add(name + " " + violation.field() + ": " + violation.reason());
        }
        return Optional.of(lines);
    }

    /**
     * @param item an item
     * @return how the check's lines name it: its handle, or its UUID before it has one
     */
    public static String nameOf(Item item) {
        return item.getHandle() != null ? item.getHandle() : item.getID().toString();
    }
}
