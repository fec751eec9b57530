/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Resolves the imports and includes of schemas through a {@link SchemaCatalog}. Local files (relative includes)
 * are left to the parser; any other resource the catalog does not have is not fetched: it is noted in
 * {@link #missing()} and read as an empty document.
 */
final class OfflineResolver implements LSResourceResolver {

    private static final DOMImplementationLS LS = domImplementation();

    private final SchemaCatalog catalog;
    private final List<String> missing = new ArrayList<>();

    /**
     * @param catalog where local copies are found
     */
    OfflineResolver(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return the resources that were asked for and have no local copy
     */
    List<String> missing() {
        return missing;
    }

    @Override
    public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                                   String baseUri) {
        if (systemId == null) {
            String local = namespaceUri == null ? null : catalog.resolveNamespace(namespaceUri);
            return local == null ? null : input(local);
        }
        String local = catalog.resolve(systemId);
        if (local != null) {
            return input(local);
        }
        String absolute = absolute(systemId, baseUri);
        if (absolute.startsWith("file:") || absolute.startsWith("jar:")) {
            return null;
        }
        local = catalog.resolve(absolute);
        if (local != null) {
            return input(local);
        }
        if (!missing.contains(absolute)) {
            missing.add(absolute);
        }
        LSInput empty = LS.createLSInput();
        empty.setSystemId(absolute);
        empty.setStringData("");
        return empty;
    }

    private static LSInput input(String local) {
        LSInput input = LS.createLSInput();
        input.setSystemId(local);
        return input;
    }

    private static String absolute(String systemId, String baseUri) {
        try {
            return baseUri == null ? new URL(systemId).toString() : new URL(new URL(baseUri), systemId).toString();
        } catch (MalformedURLException e) {
            return systemId;
        }
    }

    private static DOMImplementationLS domImplementation() {
        try {
            return (DOMImplementationLS) DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                                                               .getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no DOM Load and Save implementation", e);
        }
    }
}
