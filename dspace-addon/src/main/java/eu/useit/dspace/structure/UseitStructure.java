/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.useit.dspace.support.UseitBeans;
import eu.useit.dspace.taxonomy.StrandVocabulary;
import org.dspace.app.util.InitializeEntities;
import org.dspace.authorize.AuthorizeException;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.DSpaceObject;
import org.dspace.content.EntityType;
import org.dspace.content.Item;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.CollectionService;
import org.dspace.content.service.CommunityService;
import org.dspace.content.service.DSpaceObjectService;
import org.dspace.content.service.EntityTypeService;
import org.dspace.content.service.RelationshipTypeService;
import org.dspace.core.Context;

/**
 * Creates the USE-IT! collection model, or finds it: the item types and relationship types (through DSpace's own
 * entity initialisation), the USE-IT! community, and its collections ({@link CollectionSpec#model}). Objects are
 * found by the stable key in their {@code useit.key} field, so renaming a collection does not make a second one.
 * Running it twice changes nothing.
 */
public class UseitStructure {

    /** The name of its Spring bean. */
    public static final String BEAN = "useitStructure";

    /** Key of the USE-IT! community. */
    public static final String COMMUNITY_KEY = "useit";

    /** Where the relationship types are, relative to the DSpace home. */
    public static final String RELATIONSHIP_TYPES = "config/entities/useit-relationship-types.xml";

    /** What happened to one object. */
    public record Outcome(String kind, String name, String detail, boolean created) {

        @Override
        public String toString() {
            return (created ? "created " : "found   ") + kind + " " + name + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    private final CommunityService communities;
    private final CollectionService collections;
    private final EntityTypeService entityTypes;
    private final RelationshipTypeService relationshipTypes;

    /**
     * The Spring bean {@code useitStructure} ({@code config/spring/api/useit-services.xml}), with DSpace's services.
     *
     * @param communities       DSpace's community service
     * @param collections       DSpace's collection service
     * @param entityTypes       DSpace's entity type service
     * @param relationshipTypes DSpace's relationship type service
     */
    public UseitStructure(CommunityService communities, CollectionService collections, EntityTypeService entityTypes,
                          RelationshipTypeService relationshipTypes) {
        this.communities = communities;
        this.collections = collections;
        this.entityTypes = entityTypes;
        this.relationshipTypes = relationshipTypes;
    }

    /**
     * @return the Spring bean, for code that DSpace creates itself (scripts, the launcher, tests)
     */
    public static UseitStructure bean() {
        return UseitBeans.get(BEAN, UseitStructure.class);
    }

    /**
     * @return the structure on DSpace's service factories: for the first install, which runs before the addon's
     *     bean definitions are in {@code [dspace]/config/spring/api}
     */
    public static UseitStructure fromFactories() {
        ContentServiceFactory content = ContentServiceFactory.getInstance();
        return new UseitStructure(content.getCommunityService(), content.getCollectionService(),
                                  content.getEntityTypeService(), content.getRelationshipTypeService());
    }

    /**
     * Makes sure every part of the model exists. The caller commits the context.
     *
     * @param context   a context allowed to create communities and collections
     * @param dspaceDir the DSpace home (for the vocabulary and the relationship types)
     * @return one outcome per object, in order
     * @throws Exception if DSpace refuses a change or a configuration file is unreadable
     */
    public List<Outcome> ensure(Context context, Path dspaceDir) throws Exception {
        List<Outcome> outcomes = new ArrayList<>(ensureTypes(context, dspaceDir));
        Community community = ensureCommunity(context, outcomes);
        for (CollectionSpec spec : CollectionSpec.model(StrandVocabulary.load(dspaceDir))) {
            ensureCollection(context, community, spec, outcomes);
        }
        return outcomes;
    }

    private List<Outcome> ensureTypes(Context context, Path dspaceDir) throws Exception {
        return ensureTypes(context, dspaceDir.resolve(RELATIONSHIP_TYPES), false);
    }

    /**
     * Makes sure the item types and relationship types of a relationship-types file exist, through DSpace's own
     * entity initialisation (which commits what it creates); or, in a dry run, only finds which are missing.
     *
     * @param context a DSpace context (committed before DSpace's loader runs)
     * @param file    a relationship-types file, such as {@link #RELATIONSHIP_TYPES} in the DSpace home
     * @param dryRun  find what is missing, create nothing
     * @return one outcome per item type, then per relationship type: created (or, in a dry run, to create) or
     *         found
     * @throws Exception if the file is unreadable or DSpace refuses a type
     */
    public List<Outcome> ensureTypes(Context context, Path file, boolean dryRun) throws Exception {
        List<RelationshipTypeSpec> specs;
        try (InputStream in = Files.newInputStream(file)) {
            specs = RelationshipTypeSpec.read(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Set<String> typeNames = new LinkedHashSet<>();
        specs.forEach(s -> {
            typeNames.add(s.leftType());
            typeNames.add(s.rightType());
        });
        List<Boolean> typeExisted = new ArrayList<>();
        for (String name : typeNames) {
            typeExisted.add(entityTypes.findByEntityType(context, name) != null);
        }
        List<Boolean> relationExisted = new ArrayList<>();
        for (RelationshipTypeSpec spec : specs) {
            relationExisted.add(find(context, spec) != null);
        }
        if (!dryRun && (typeExisted.contains(false) || relationExisted.contains(false))) {
            // DSpace's own loader, in a context of its own: it commits what it creates.
            context.commit();
            InitializeEntities.main(new String[] {"-f", file.toString()});
            context.uncacheEntities();
        }
        List<Outcome> outcomes = new ArrayList<>();
        int i = 0;
        for (String name : typeNames) {
            outcomes.add(new Outcome("item type", name, "", !typeExisted.get(i++)));
        }
        i = 0;
        for (RelationshipTypeSpec spec : specs) {
            if (!dryRun && find(context, spec) == null) {
                throw new IllegalStateException("DSpace did not create the relationship type " + spec.describe());
            }
            outcomes.add(new Outcome("relationship type", spec.describe(), "", !relationExisted.get(i++)));
        }
        return outcomes;
    }

    private Object find(Context context, RelationshipTypeSpec spec) throws SQLException {
        EntityType left = entityTypes.findByEntityType(context, spec.leftType());
        EntityType right = entityTypes.findByEntityType(context, spec.rightType());
        if (left == null || right == null) {
            return null;
        }
        return relationshipTypes.findbyTypesAndTypeName(context, left, right, spec.leftwardType(),
                                                        spec.rightwardType());
    }

    private Community ensureCommunity(Context context, List<Outcome> outcomes)
        throws SQLException, AuthorizeException {
        Optional<Community> found = findCommunity(context);
        if (found.isPresent()) {
            outcomes.add(new Outcome("community", quoted(found.get().getName()), at(found.get()), false));
            return found.get();
        }
        Community community = communities.create(null, context);
        communities.addMetadata(context, community, "dc", "title", null, null, "USE-IT!");
        communities.addMetadata(context, community, "dc", "description", "abstract", null,
                                "Unlocking Social and Economic Innovation Together: case studies and outputs of "
                                    + "the USE-IT! project, Birmingham and Smethwick, 2017-2020.");
        communities.addMetadata(context, community, "useit", "key", null, null, COMMUNITY_KEY);
        communities.update(context, community);
        outcomes.add(new Outcome("community", quoted("USE-IT!"), at(community), true));
        return community;
    }

    /**
     * Finds the USE-IT! community by its key.
     *
     * @param context a DSpace context
     * @return the community, if the model was created
     * @throws SQLException on database failure
     */
    public Optional<Community> findCommunity(Context context) throws SQLException {
        for (Community community : communities.findAllTop(context)) {
            if (COMMUNITY_KEY.equals(key(communities, community))) {
                return Optional.of(community);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds a collection of the model by its key.
     *
     * @param context a DSpace context
     * @param key     a {@link CollectionSpec} key
     * @return the collection, if the model has it
     * @throws SQLException on database failure
     */
    public Optional<Collection> findCollection(Context context, String key) throws SQLException {
        Optional<Community> community = findCommunity(context);
        if (community.isEmpty()) {
            return Optional.empty();
        }
        for (Collection collection : community.get().getCollections()) {
            if (key.equals(key(collections, collection))) {
                return Optional.of(collection);
            }
        }
        return Optional.empty();
    }

    private void ensureCollection(Context context, Community community, CollectionSpec spec, List<Outcome> outcomes)
        throws SQLException, AuthorizeException {
        String detail = spec.entityType() == null ? "" : "[" + spec.entityType() + "]";
        for (Collection collection : community.getCollections()) {
            if (spec.key().equals(key(collections, collection))) {
                outcomes.add(new Outcome("collection", quoted(collection.getName()),
                                         (detail + " " + at(collection)).strip(), false));
                return;
            }
        }
        Collection collection = collections.create(context, community);
        collections.addMetadata(context, collection, "dc", "title", null, null, spec.name());
        collections.addMetadata(context, collection, "dc", "description", "abstract", null, spec.about());
        collections.addMetadata(context, collection, "useit", "key", null, null, spec.key());
        if (spec.entityType() != null) {
            collections.addMetadata(context, collection, "dspace", "entity", "type", null, spec.entityType());
        }
        collections.update(context, collection);
        outcomes.add(new Outcome("collection", quoted(spec.name()), (detail + " " + at(collection)).strip(), true));
    }

    private static <T extends DSpaceObject> String key(DSpaceObjectService<T> service, T object) {
        return service.getMetadataFirstValue(object, "useit", "key", null, Item.ANY);
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    private static String at(DSpaceObject object) {
        return object.getHandle() == null ? "" : "(" + object.getHandle() + ")";
    }
}
