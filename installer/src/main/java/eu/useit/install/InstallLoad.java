/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import eu.useit.dspace.structure.UseitStructure;
import org.dspace.administer.MetadataImporter;
import org.dspace.content.MetadataSchema;
import org.dspace.content.factory.ContentServiceFactory;
import org.dspace.content.service.MetadataFieldService;
import org.dspace.content.service.MetadataSchemaService;
import org.dspace.core.Context;

/**
 * The database part of the install: the metadata registries of ours (through DSpace's
 * {@code MetadataImporter.loadRegistry}, as {@code dspace registry-loader -metadata} does) and the item and
 * relationship types (through DSpace's entity initialisation, as {@code useit-structure} does). Only what is
 * missing is loaded, so a second run finds everything there and changes nothing.
 */
public final class InstallLoad {

    private final Path dspaceDir;
    private final DropIns dropIns;
    private final MetadataSchemaService schemas = ContentServiceFactory.getInstance().getMetadataSchemaService();
    private final MetadataFieldService fields = ContentServiceFactory.getInstance().getMetadataFieldService();

    /**
     * @param dspaceDir the DSpace home, whose {@code config/registries} and {@code config/entities} hold ours
     * @param dropIns   our drop-ins (what a dry run checks against, the files not being installed yet)
     */
    public InstallLoad(Path dspaceDir, DropIns dropIns) {
        this.dspaceDir = dspaceDir.toAbsolutePath().normalize();
        this.dropIns = dropIns;
    }

    /**
     * Loads what the database lacks.
     *
     * @param dryRun find what is missing, load nothing
     * @return one line per change ({@code database: ...}); empty when the database has everything
     * @throws InstallException if a file is unreadable or DSpace refuses to load it
     */
    public List<String> run(boolean dryRun) throws InstallException {
        Context context = new Context();
        context.turnOffAuthorisationSystem();
        Path temporary = null;
        try {
            List<String> lines = new ArrayList<>();
            for (String registry : dropIns.registries()) {
                registry(context, registry, dryRun, lines);
            }
            Path types = dspaceDir.resolve(UseitStructure.RELATIONSHIP_TYPES);
            if (dryRun) {
                temporary = Files.createTempFile("useit-relationship-types", ".xml");
                Files.write(temporary, dropIns.read(UseitStructure.RELATIONSHIP_TYPES.substring("config/".length())));
                types = temporary;
            }
            for (UseitStructure.Outcome outcome : UseitStructure.fromFactories().ensureTypes(context, types, dryRun)) {
                if (outcome.created()) {
                    lines.add("database: created " + outcome.kind() + " " + outcome.name());
                }
            }
            context.complete();
            return lines;
        } catch (InstallException e) {
            throw e;
        } catch (Exception e) {
            throw new InstallException("database: " + e.getMessage(), e);
        } finally {
            if (context.isValid()) {
                context.abort();
            }
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    private void registry(Context context, String path, boolean dryRun, List<String> lines) throws Exception {
        Path file = dspaceDir.resolve("config").resolve(path);
        String name = "config/" + path;
        byte[] content = Files.isRegularFile(file) ? Files.readAllBytes(file) : dryRun ? dropIns.read(path) : null;
        if (content == null) {
            throw new InstallException(name + ": no such file in " + dspaceDir);
        }
        RegistryFile registry = RegistryFile.parse(content, name);
        List<String> missing = new ArrayList<>();
        int missingFields = 0;
        for (RegistryFile.Schema schema : registry.schemas()) {
            MetadataSchema there = schemas.find(context, schema.name());
            if (there == null) {
                missing.add("metadata schema " + schema.name());
            } else if (!there.getNamespace().equals(schema.namespace())) {
                missing.add("namespace " + schema.namespace() + " of metadata schema " + schema.name());
            }
        }
        for (RegistryFile.Field field : registry.fields()) {
            if (!exists(context, field)) {
                missingFields++;
            }
        }
        if (missingFields > 0) {
            missing.add(missingFields + (missingFields == 1 ? " metadata field" : " metadata fields"));
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!dryRun) {
            context.commit();
            MetadataImporter.loadRegistry(file.toString(), true);
        }
        lines.add("database: loaded " + name + ": " + String.join(", ", missing));
    }

    private boolean exists(Context context, RegistryFile.Field field) throws SQLException {
        MetadataSchema schema = schemas.find(context, field.schema());
        return schema != null && fields.findByElement(context, schema, field.element(), field.qualifier()) != null;
    }
}
