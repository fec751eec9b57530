/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

/**
 * A metadata format as ListMetadataFormats declares it.
 *
 * @param prefix    the metadataPrefix
 * @param schema    the schema URL the repository declares
 * @param namespace the namespace of its payloads
 */
record MetadataFormat(String prefix, String schema, String namespace) {
}
