/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.catalog.Catalog;
import javax.xml.catalog.CatalogException;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;

/**
 * Maps public schema URLs (and namespace names) to local copies: the OASIS XML catalog of a schema folder
 * ({@code catalog.xml}, read with the JDK's {@code javax.xml.catalog}), then the schemas this addon ships itself
 * (its {@code catalog.xml}: the native {@code useit} format, the {@code qdc} container, DCMI stand-ins). Nothing is
 * ever fetched from the network.
 *
 * <p>Each look-up reads a fresh {@link Catalog}: the JDK's keeps state between look-ups (on JDK 17, once an entry
 * of one {@code group} matched, later look-ups of entries in other groups find nothing). Answers are kept.
 */
final class SchemaCatalog {

    /** The catalog of the schemas the addon ships (useit, qdc, DCMI stand-ins), beside them in the jar. */
    private static final URL SHIPPED = SchemaCatalog.class.getResource("/eu/useit/oaicheck/catalog.xml");

    private static final CatalogFeatures FEATURES = CatalogFeatures.builder()
                                                                   .with(CatalogFeatures.Feature.RESOLVE, "continue")
                                                                   .with(CatalogFeatures.Feature.PREFER, "system")
                                                                   .build();

    private final Path dir;
    private final URI file;
    private final Map<String, Optional<String>> answers = new HashMap<>();

    private SchemaCatalog(Path dir, URI file) {
        this.dir = dir;
        this.file = file;
    }

    /**
     * @param dir a folder with {@code catalog.xml}
     * @return its catalog
     * @throws IOException if the folder has no readable catalog
     */
    static SchemaCatalog open(Path dir) throws IOException {
        Path file = dir.resolve("catalog.xml");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no catalog.xml in " + dir);
        }
        try {
            CatalogManager.catalog(FEATURES, file.toUri()).matchSystem("urn:x-useit:oai-check:load");
            return new SchemaCatalog(dir, file.toUri());
        } catch (CatalogException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the folder the catalog is in
     */
    Path dir() {
        return dir;
    }

    /**
     * @param location a schema URL as a document names it
     * @return the URI of the local copy, or null when there is none
     */
    String resolve(String location) {
        return answers.computeIfAbsent("location " + location, k -> {
            String local = match(location, true);
            if (local == null) {
                local = match(location, false);
            }
            return Optional.ofNullable(local != null ? local : shipped(location, true));
        }).orElse(null);
    }

    /**
     * @param namespace a namespace name
     * @return the URI of the local copy of the schema the catalog names for it, or null
     */
    String resolveNamespace(String namespace) {
        return answers.computeIfAbsent("namespace " + namespace, k -> {
            String local = match(namespace, false);
            return Optional.ofNullable(local != null ? local : shipped(namespace, false));
        }).orElse(null);
    }

    private String match(String key, boolean system) {
        try {
            Catalog catalog = CatalogManager.catalog(FEATURES, file);
            return system ? catalog.matchSystem(key) : catalog.matchURI(key);
        } catch (CatalogException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String shipped(String key, boolean system) {
        try {
            Catalog catalog = CatalogManager.catalog(FEATURES, SHIPPED.toURI());
            return system ? catalog.matchSystem(key) : catalog.matchURI(key);
        } catch (CatalogException | IllegalArgumentException | URISyntaxException e) {
            return null;
        }
    }
}
