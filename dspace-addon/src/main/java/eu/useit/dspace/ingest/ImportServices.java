/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import eu.useit.dspace.structure.UseitStructure;
import org.dspace.content.service.CollectionService;
import org.dspace.content.service.EntityTypeService;
import org.dspace.content.service.InstallItemService;
import org.dspace.content.service.ItemService;
import org.dspace.content.service.MetadataFieldService;
import org.dspace.content.service.RelationshipService;
import org.dspace.content.service.RelationshipTypeService;
import org.dspace.content.service.WorkspaceItemService;
import org.dspace.handle.service.HandleService;

/**
 * What a bulk import writes with: DSpace's services and the USE-IT! structure, wired by Spring as the bean
 * {@code useitImportServices} ({@code config/spring/api/useit-services.xml}, constructor injection). An import
 * ({@link UseitImporter}) is one run with its own state; its services come from here.
 *
 * @param items             DSpace's item service
 * @param collections       DSpace's collection service
 * @param workspaceItems    DSpace's workspace item service
 * @param installer         DSpace's install item service (archives an item)
 * @param metadataFields    DSpace's metadata field registry
 * @param entityTypes       DSpace's entity type service
 * @param relationshipTypes DSpace's relationship type service
 * @param relationships     DSpace's relationship service
 * @param handles           DSpace's handle service
 * @param structure         the USE-IT! structure (collections by key)
 */
public record ImportServices(ItemService items, CollectionService collections, WorkspaceItemService workspaceItems,
                             InstallItemService installer, MetadataFieldService metadataFields,
                             EntityTypeService entityTypes, RelationshipTypeService relationshipTypes,
                             RelationshipService relationships, HandleService handles, UseitStructure structure) {

    /** The name of its Spring bean. */
    public static final String BEAN = "useitImportServices";
}
