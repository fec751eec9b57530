/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.oaicheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the checks share: the client, the report, the validators, and what has been learned about the repository
 * so far (what Identify declared, formats, sets, harvested headers).
 */
final class CheckContext {

    private final OaiClient client;
    private final ResponseChecks responses;
    private final long maxRecords;
    private final Consumer<String> progress;
    private final List<MetadataFormat> formats = new ArrayList<>();
    private final List<String> sets = new ArrayList<>();
    private final Map<String, List<Header>> headers = new LinkedHashMap<>();
    private final Map<String, Integer> recordCounts = new LinkedHashMap<>();
    private Identity identity = Identity.UNKNOWN;
    private String resumptionToken;
    private boolean setsComplete;
    private boolean capped;

    /**
     * @param client     the endpoint
     * @param findings   the report
     * @param schemas    the schema validator (possibly disabled)
     * @param maxRecords the most records harvested from one list
     * @param progress   where progress lines go
     */
    CheckContext(OaiClient client, Findings findings, SchemaValidator schemas, long maxRecords,
                 Consumer<String> progress) {
        this.client = client;
        this.responses = new ResponseChecks(findings, schemas, client.baseUrl());
        this.maxRecords = maxRecords;
        this.progress = progress;
    }

    OaiClient client() {
        return client;
    }

    /**
     * @return the report (the one the response checks write to)
     */
    Findings findings() {
        return responses.findings();
    }

    /**
     * @return the schema validator (the one the response checks use)
     */
    SchemaValidator schemas() {
        return responses.schemas();
    }

    ResponseChecks responses() {
        return responses;
    }

    long maxRecords() {
        return maxRecords;
    }

    void progress(String line) {
        progress.accept(line);
    }

    /**
     * @return the formats of ListMetadataFormats, in its order
     */
    List<MetadataFormat> formats() {
        return formats;
    }

    /**
     * @return the prefix error probes and selective harvests use: oai_dc, or the first format
     */
    String probePrefix() {
        return formats.stream().map(MetadataFormat::prefix).filter("oai_dc"::equals).findFirst()
                      .orElse(formats.isEmpty() ? "oai_dc" : formats.get(0).prefix());
    }

    /**
     * @return the setSpecs of ListSets, in its order
     */
    List<String> sets() {
        return sets;
    }

    boolean setsComplete() {
        return setsComplete;
    }

    void setsComplete(boolean complete) {
        this.setsComplete = complete;
    }

    /**
     * @return per metadataPrefix, the headers of the whole list (ListIdentifiers without set)
     */
    Map<String, List<Header>> headers() {
        return headers;
    }

    /**
     * @return per metadataPrefix, how many records ListRecords without set returned
     */
    Map<String, Integer> recordCounts() {
        return recordCounts;
    }

    /**
     * @return what Identify declared ({@link Identity#UNKNOWN} until it has answered)
     */
    Identity identity() {
        return identity;
    }

    void identity(Identity value) {
        this.identity = value;
    }

    /**
     * @return a real resumptionToken seen while harvesting ListRecords, or null
     */
    String resumptionToken() {
        return resumptionToken;
    }

    void resumptionToken(String value) {
        if (resumptionToken == null) {
            resumptionToken = value;
        }
    }

    /**
     * @return true when some list was cut at --max-records
     */
    boolean capped() {
        return capped;
    }

    void capped(boolean value) {
        capped = capped || value;
    }
}
