/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.util.List;
import java.util.Optional;

import org.dspace.external.model.ExternalDataObject;
import org.dspace.external.provider.ExternalDataProvider;

/**
 * The external source of a repository that imports from none. DSpace's REST API requires at least one external
 * data provider to start; the embedded USE-IT! repository configures no remote source (ORCID, ROR, ...), so this
 * one answers every search with nothing and is offered for no item type. A site that wants a real source
 * configures DSpace's own providers instead.
 */
public class NoExternalSource implements ExternalDataProvider {

    @Override
    public String getSourceIdentifier() {
        return "none";
    }

    @Override
    public Optional<ExternalDataObject> getExternalDataObject(String id) {
        return Optional.empty();
    }

    @Override
    public List<ExternalDataObject> searchExternalDataObjects(String query, int start, int limit) {
        return List.of();
    }

    @Override
    public boolean supports(String source) {
        return getSourceIdentifier().equals(source);
    }

    @Override
    public int getNumberOfResults(String query) {
        return 0;
    }

    @Override
    public boolean supportsEntityType(String entityType) {
        return false;
    }
}
