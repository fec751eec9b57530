/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import eu.useit.dspace.casestudy.ItemTypes;
import eu.useit.dspace.casestudy.MetadataRules;
import eu.useit.dspace.structure.CollectionSpec;
import eu.useit.dspace.structure.RelationshipTypeSpec;
import eu.useit.dspace.structure.UseitStructure;
import eu.useit.dspace.support.HibernateSession;
import eu.useit.dspace.taxonomy.Strand;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.dspace.authorize.AuthorizeException;
import org.dspace.content.Collection;
import org.dspace.content.EntityType;
import org.dspace.content.Item;
import org.dspace.content.MetadataField;
import org.dspace.content.MetadataValue;
import org.dspace.content.Relationship;
import org.dspace.content.RelationshipType;
import org.dspace.content.WorkspaceItem;
import org.dspace.content.authority.Choices;
import org.dspace.content.service.CollectionService;
import org.dspace.content.service.EntityTypeService;
import org.dspace.content.service.InstallItemService;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.MetadataFieldService;
import org.dspace.content.service.RelationshipService;
import org.dspace.content.service.RelationshipTypeService;
import org.dspace.content.service.WorkspaceItemService;
import org.dspace.core.Context;
import org.dspace.handle.service.HandleService;

/**
 * Writes the records of an import file into DSpace, all or nothing: the whole file is checked first (nothing is
 * written if any record is bad), then every record is written in the caller's one transaction, which the caller
 * commits (or aborts: then no item of the file exists). A record whose key is already in the repository updates
 * that item; others create an item in the collection of their type, mapped into the collection of each of their
 * strands. Relationships are written last, when every item of the file exists.
 */
public class UseitImporter {

    /** What an import did, or would do (dry run). */
    public record Summary(int created, int updated, int unchanged, int relationshipsAdded, int relationshipsRemoved) {

        @Override
        public String toString() {
            return created + " created, " + updated + " updated, " + unchanged + " unchanged; relationships: "
                + relationshipsAdded + " added, " + relationshipsRemoved + " removed";
        }
    }

    /** Items written between two flushes of the Hibernate session (keeps dirty-checking cheap). */
    private static final int FLUSH_EVERY = 5;

    private final ItemService items;
    private final CollectionService collections;
    private final WorkspaceItemService workspaceItems;
    private final InstallItemService installer;
    private final MetadataFieldService metadataFields;
    private final EntityTypeService entityTypes;
    private final RelationshipTypeService relationshipTypes;
    private final RelationshipService relationships;
    private final HandleService handles;
    private final UseitStructure structure;

    private final StrandVocabulary vocabulary;
    private final List<RelationshipTypeSpec> relationshipSpecs;

    /**
     * @param services  what the import writes with (the bean {@link ImportServices#BEAN})
     * @param dspaceDir the DSpace home (vocabulary and relationship types are read from it)
     * @throws IOException if either file is unreadable
     */
    public UseitImporter(ImportServices services, Path dspaceDir) throws IOException {
        this.items = services.items();
        this.collections = services.collections();
        this.workspaceItems = services.workspaceItems();
        this.installer = services.installer();
        this.metadataFields = services.metadataFields();
        this.entityTypes = services.entityTypes();
        this.relationshipTypes = services.relationshipTypes();
        this.relationships = services.relationships();
        this.handles = services.handles();
        this.structure = services.structure();
        this.vocabulary = StrandVocabulary.load(dspaceDir);
        try (InputStream in = Files.newInputStream(dspaceDir.resolve(UseitStructure.RELATIONSHIP_TYPES))) {
            this.relationshipSpecs = RelationshipTypeSpec.read(in);
        }
    }

    /**
     * Checks the records against the repository and, unless this is a dry run, writes them.
     *
     * @param context  a context whose current user is the depositor, with authorisation checked by the caller
     * @param records  the file's records
     * @param dryRun   check and count only
     * @param progress progress output (the command's handler), or null
     * @return what was (or would be) done
     * @throws ImportException if the file has problems: then nothing was written
     * @throws Exception       if DSpace fails while writing: the caller must abort the context
     */
    public Summary run(Context context, List<ImportRecord> records, boolean dryRun, Consumer<String> progress)
        throws Exception {
        KeyIndex index = KeyIndex.load(context);
        ImportValidator validator = new ImportValidator(new MetadataRules(vocabulary), knownFields(context),
                                                        relationshipSpecs,
                                                        key -> index.find(key).map(KeyIndex.Entry::type));
        List<ImportProblem> problems = validator.check(records);
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        Map<String, Collection> owners = owningCollections(context);
        if (dryRun) {
            int existing = (int) records.stream().filter(r -> index.find(r.key()).isPresent()).count();
            return new Summary(records.size() - existing, existing, 0, 0, 0);
        }
        List<ImportRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparingInt(r -> ItemTypes.ALL.indexOf(r.type())));
        Progress bar = new Progress(progress, "useit-import", ordered.size());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int sinceFlush = 0;
        for (ImportRecord record : ordered) {
            KeyIndex.Entry entry = index.find(record.key()).orElse(null);
            if (entry == null) {
                Item item = create(context, record, owners);
                index.put(record.key(), item.getID(), record.type());
                created++;
            } else if (update(context, record, entry.id(), owners)) {
                updated++;
            } else {
                unchanged++;
            }
            bar.step();
            if (++sinceFlush == FLUSH_EVERY) {
                sinceFlush = 0;
                owners = flush(context, owners);
            }
        }
        bar.finish();
        int[] relationChanges = writeRelationships(context, ordered, index);
        return new Summary(created, updated, unchanged, relationChanges[0], relationChanges[1]);
    }

    private Set<String> knownFields(Context context) throws SQLException {
        Set<String> known = new HashSet<>();
        for (MetadataField field : metadataFields.findAll(context)) {
            known.add(field.toString('.'));
        }
        return known;
    }

    private Map<String, Collection> owningCollections(Context context) throws SQLException, ImportException {
        Map<String, Collection> owners = new HashMap<>();
        Map<String, String> keys = Map.of(ItemTypes.CASE_STUDY, CollectionSpec.CASE_STUDIES,
                                          ItemTypes.PUBLICATION, CollectionSpec.LIBRARY,
                                          ItemTypes.PROJECT, CollectionSpec.PROJECTS,
                                          ItemTypes.ORG_UNIT, CollectionSpec.PARTNERS);
        for (Map.Entry<String, String> type : keys.entrySet()) {
            owners.put(type.getKey(), structure.findCollection(context, type.getValue()).orElseThrow(
                () -> new ImportException(new ImportProblem("repository", null, "the USE-IT! collection '"
                    + type.getValue() + "' does not exist: run `dspace useit-structure` first"))));
        }
        for (Strand strand : vocabulary.strands()) {
            structure.findCollection(context, CollectionSpec.strandKey(strand))
                     .ifPresent(c -> owners.put(CollectionSpec.strandKey(strand), c));
        }
        return owners;
    }

    private Item create(Context context, ImportRecord record, Map<String, Collection> collectionsInUse)
        throws SQLException, AuthorizeException, IOException {
        WorkspaceItem draft = workspaceItems.create(context, collectionsInUse.get(record.type()), false);
        Item item = draft.getItem();
        items.addMetadata(context, item, "useit", "key", null, null, record.key());
        for (Map.Entry<String, List<String>> field : record.metadata().entrySet()) {
            addValues(context, item, field.getKey(), field.getValue());
        }
        Item installed = installer.installItem(context, draft);
        // Last: once an item has an entity type, every metadata read also computes its relationship (virtual)
        // metadata, which costs queries and is pointless before the item has relationships. Nobody sees the
        // item before the import commits.
        items.addMetadata(context, installed, "dspace", "entity", "type", null, record.type());
        items.update(context, installed);
        mapToStrands(context, installed, record, collectionsInUse);
        return installed;
    }

    private boolean update(Context context, ImportRecord record, UUID id, Map<String, Collection> strandCollections)
        throws SQLException, AuthorizeException, IOException {
        Item item = items.find(context, id);
        // DSpace writes the item's own handle URL into dc.identifier.uri; an update keeps it
        String handleUrl = item.getHandle() == null ? null : handles.getCanonicalForm(item.getHandle());
        boolean changed = false;
        for (Map.Entry<String, List<String>> field : record.metadata().entrySet()) {
            String[] name = field.getKey().split("\\.", 3);
            String qualifier = name.length > 2 ? name[2] : null;
            List<MetadataValue> current = items.getMetadata(item, name[0], name[1], qualifier, Item.ANY);
            List<String> wanted = field.getValue().stream().map(v -> stored(field.getKey(), v))
                                       .collect(Collectors.toList());
            List<MetadataValue> ours = current.stream().filter(v -> !v.getValue().equals(handleUrl))
                                              .collect(Collectors.toList());
            List<String> have = ours.stream().map(MetadataValue::getValue).collect(Collectors.toList());
            if (!have.equals(wanted)) {
                List<MetadataValue> replace = ours;
                items.removeMetadataValues(context, item, replace);
                addValues(context, item, field.getKey(), field.getValue());
                changed = true;
            }
        }
        changed |= mapToStrands(context, item, record, strandCollections);
        if (changed) {
            items.update(context, item);
        }
        return changed;
    }

    private String stored(String field, String value) {
        if ("useit.strand".equals(field)) {
            return vocabulary.find(strandId(value)).map(vocabulary::hierarchicalLabel).orElse(value);
        }
        return value;
    }

    /** A strand as a record may give it, by id or by its label path (as DSpace stores it): its id. */
    private String strandId(String value) {
        return vocabulary.findByIdOrLabelPath(value).map(Strand::id).orElse(value);
    }

    private void addValues(Context context, Item item, String field, List<String> values) throws SQLException {
        String[] name = field.split("\\.", 3);
        String qualifier = name.length > 2 ? name[2] : null;
        for (String value : values) {
            if ("useit.strand".equals(field)) {
                // the label path is what people read and facet on; the node id is the authority key
                items.addMetadata(context, item, name[0], name[1], qualifier, null, stored(field, value),
                                  strandId(value), Choices.CF_ACCEPTED);
            } else {
                items.addMetadata(context, item, name[0], name[1], qualifier, null, value);
            }
        }
    }

    /**
     * Maps the item into the collection of each strand its useit.strand values belong to, and out of strand
     * collections it no longer belongs to. {@code strandCollections} holds the strand collections by key.
     */
    private boolean mapToStrands(Context context, Item item, ImportRecord record,
                                 Map<String, Collection> strandCollections)
        throws SQLException, AuthorizeException, IOException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String value : record.metadata().getOrDefault("useit.strand", List.of())) {
            List<Strand> lineage = vocabulary.lineage(strandId(value));
            if (!lineage.isEmpty()) {
                wanted.add(CollectionSpec.strandKey(lineage.get(lineage.size() - 1)));
            }
        }
        boolean changed = false;
        for (Strand strand : vocabulary.strands()) {
            String key = CollectionSpec.strandKey(strand);
            Collection collection = strandCollections.get(key);
            if (collection == null) {
                continue;
            }
            boolean mapped = item.getCollections().contains(collection);
            if (wanted.contains(key) && !mapped) {
                collections.addItem(context, collection, item);
                changed = true;
            } else if (!wanted.contains(key) && mapped && !Objects.equals(item.getOwningCollection(), collection)) {
                collections.removeItem(context, collection, item);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Writes pending changes to the database (same transaction) and empties Hibernate's session, so that the
     * dirty-checking before every query stays cheap; then re-attaches the collections in use.
     */
    private Map<String, Collection> flush(Context context, Map<String, Collection> collectionsInUse)
        throws SQLException {
        HibernateSession.current().flush();
        context.uncacheEntities();
        Map<String, Collection> reloaded = new HashMap<>();
        for (Map.Entry<String, Collection> entry : collectionsInUse.entrySet()) {
            reloaded.put(entry.getKey(), context.reloadEntity(entry.getValue()));
        }
        return reloaded;
    }

    private int[] writeRelationships(Context context, List<ImportRecord> records, KeyIndex index)
        throws Exception {
        int added = 0;
        int removed = 0;
        int sinceFlush = 0;
        for (ImportRecord record : records) {
            for (Map.Entry<String, List<String>> relation : record.relations().entrySet()) {
                RelationshipType type = relationshipType(context, record.type(), relation.getKey());
                Item left = items.find(context, index.find(record.key()).orElseThrow().id());
                Set<UUID> wanted = new LinkedHashSet<>();
                for (String key : relation.getValue()) {
                    wanted.add(index.find(key).orElseThrow().id());
                }
                Set<UUID> present = new HashSet<>();
                for (Relationship existing : relationships.findByItemAndRelationshipType(context, left, type)) {
                    if (!existing.getLeftItem().getID().equals(left.getID())) {
                        continue;
                    }
                    UUID right = existing.getRightItem().getID();
                    if (wanted.contains(right)) {
                        present.add(right);
                    } else {
                        relationships.delete(context, existing);
                        removed++;
                    }
                }
                for (UUID right : wanted) {
                    if (!present.contains(right)) {
                        relationships.create(context, left, items.find(context, right), type, -1, -1);
                        added++;
                    }
                }
            }
            if (++sinceFlush == FLUSH_EVERY) {
                sinceFlush = 0;
                flush(context, Map.of());
            }
        }
        return new int[] {added, removed};
    }

    private RelationshipType relationshipType(Context context, String leftType, String leftward)
        throws SQLException {
        RelationshipTypeSpec spec = relationshipSpecs.stream()
            .filter(s -> s.leftType().equals(leftType) && s.leftwardType().equals(leftward)).findFirst()
            .orElseThrow();
        EntityType left = entityTypes.findByEntityType(context, spec.leftType());
        EntityType right = entityTypes.findByEntityType(context, spec.rightType());
        return relationshipTypes.findbyTypesAndTypeName(context, left, right, spec.leftwardType(),
                                                        spec.rightwardType());
    }
}
