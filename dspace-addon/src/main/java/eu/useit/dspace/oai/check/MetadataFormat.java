/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.oai.check;

/**
 * A metadata format as ListMetadataFormats declares it.
 *
 * @param prefix    the metadataPrefix
 * @param schema    the schema URL the repository declares
 * @param namespace the namespace of its payloads
 */
record MetadataFormat(String prefix, String schema, String namespace) {
}
