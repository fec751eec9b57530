/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.useit.dspace.oai.index.OaiDocuments;
import eu.useit.dspace.oai.index.Tombstone;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Fills DSpace's OAI core with generated records shaped like those DSpace's {@code oai import} writes: each one a
 * copy of the compiled record of a real item of the sample (a case study or a Library output), with its own
 * handle, UUID, title and datestamp, built by the addon's {@link OaiDocuments} (so the {@code metadata.*} fields
 * the context, format and set filters query are derived as for a real item). Datestamps are spread over
 * 2017-2026, with groups of records sharing one datestamp to the millisecond (as a batch edit leaves them, some
 * larger than a page); a share of the records are deleted. Written in batches, committed once at the end.
 */
final class OaiIndexFiller {

    /** Handles of generated records start here, above the sample's. */
    static final int FIRST_HANDLE = 100_000;

    private static final Pattern ENTITY_TYPE = Pattern.compile(
        "<element name=\"entity\"><element name=\"type\"><element name=\"[^\"]*\"><field name=\"value\">([^<]+)<");
    private static final Pattern TITLE = Pattern.compile(
        "(<element name=\"title\"><element name=\"[^\"]*\"><field name=\"value\">)([^<]*)(<)");
    private static final Instant FIRST_STAMP = Instant.parse("2017-01-01T00:00:00Z");
    private static final Instant LAST_STAMP = Instant.parse("2026-10-31T23:59:59Z");

    /** What the filler wrote. */
    record Report(int sampleRecords, int generated, int deleted, List<String> templates, int tiedRecords,
                  int tieGroups, int largestTieGroup, int batchSize, double seconds) {

        int total() {
            return sampleRecords + generated;
        }
    }

    /** A real compiled record to copy. */
    private record Template(String itemId, String handle, String type, List<String> collections,
                            List<String> communities, String compiled) {
    }

    private final SolrClient solr;
    private final OaiDocuments documents;
    private final Random random;

    /**
     * @param solr      the OAI core
     * @param documents the addon's record builder
     * @param seed      the random seed (the same seed gives the same records)
     */
    OaiIndexFiller(SolrClient solr, OaiDocuments documents, long seed) {
        this.solr = solr;
        this.documents = documents;
        this.random = new Random(seed);
    }

    /**
     * Adds generated records until the core holds {@code total} records.
     *
     * @param total        the number of records wanted in the core
     * @param types        item types whose records are copied (e.g. CaseStudy, Publication)
     * @param deletedShare the share of generated records that are deleted
     * @param batchSize    records per update request
     * @return what was written
     * @throws IOException         on Solr failure
     * @throws SolrServerException on Solr failure
     */
    Report fill(int total, Set<String> types, double deletedShare, int batchSize)
        throws IOException, SolrServerException {
        long start = System.nanoTime();
        List<SolrDocument> indexed = solr.query(new SolrQuery("*:*").setRows(10_000)).getResults();
        List<Template> templates = new ArrayList<>();
        for (SolrDocument document : indexed) {
            String compiled = (String) document.getFieldValue("item.compile");
            Matcher type = ENTITY_TYPE.matcher(compiled == null ? "" : compiled);
            if (type.find() && types.contains(type.group(1))
                && !Boolean.TRUE.equals(document.getFieldValue("item.deleted"))) {
                templates.add(new Template((String) document.getFieldValue("item.id"),
                                           (String) document.getFieldValue("item.handle"), type.group(1),
                                           strings(document.getFieldValues("item.collections")),
                                           strings(document.getFieldValues("item.communities")), compiled));
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no record of type " + types + " in the OAI core to copy");
        }
        templates.sort((a, b) -> a.handle().compareTo(b.handle()));
        int generated = total - indexed.size();
        long[] stamps = new long[generated];
        int[] ties = datestamps(stamps);
        Integer[] order = new Integer[generated];
        Arrays.setAll(order, i -> i);
        Collections.shuffle(Arrays.asList(order), random);

        int deleted = 0;
        List<SolrInputDocument> batch = new ArrayList<>(batchSize);
        for (int k = 0; k < generated; k++) {
            int i = order[k];
            Template template = templates.get(i % templates.size());
            String handle = template.handle().substring(0, template.handle().indexOf('/') + 1) + (FIRST_HANDLE + i);
            String itemId = UUID.nameUUIDFromBytes(("useit-bench-" + i).getBytes(StandardCharsets.UTF_8))
                                .toString();
            String compiled = vary(template, handle, itemId, i);
            Tombstone record = new Tombstone(itemId, handle, Instant.ofEpochMilli(stamps[i]),
                                             template.collections(), template.communities(), compiled);
            SolrInputDocument document = documents.deleted(record);
            if (random.nextDouble() < deletedShare) {
                deleted++;
            } else {
                document.setField("item.deleted", false);
            }
            batch.add(document);
            if (batch.size() == batchSize) {
                solr.add(batch);
                batch.clear();
            }
            if ((k + 1) % 20_000 == 0) {
                System.out.printf("   %d records written%n", k + 1);
            }
        }
        if (!batch.isEmpty()) {
            solr.add(batch);
        }
        solr.commit();
        long found = solr.query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
        if (found != total) {
            throw new IllegalStateException("the OAI core holds " + found + " records, not " + total);
        }
        List<String> names = new ArrayList<>();
        for (Template template : templates) {
            names.add(template.type() + " " + template.handle());
        }
        return new Report(indexed.size(), generated, deleted, names, ties[0], ties[1], ties[2], batchSize,
                          (System.nanoTime() - start) / 1e9);
    }

    /**
     * Fills {@code stamps} with ascending datestamps (milliseconds) between 2017 and 2026: about 1 % of the
     * moments hold a group of 2 to 300 records with the same datestamp.
     *
     * @return the number of records sharing their datestamp, the number of such groups, the largest group
     */
    private int[] datestamps(long[] stamps) {
        List<Integer> groups = new ArrayList<>();
        int filled = 0;
        while (filled < stamps.length) {
            int size = random.nextDouble() < 0.01 ? 2 + random.nextInt(299) : 1;
            size = Math.min(size, stamps.length - filled);
            groups.add(size);
            filled += size;
        }
        long span = LAST_STAMP.toEpochMilli() - FIRST_STAMP.toEpochMilli();
        long[] moments = new long[groups.size()];
        for (int g = 0; g < moments.length; g++) {
            moments[g] = FIRST_STAMP.toEpochMilli() + (long) (random.nextDouble() * span);
        }
        Arrays.sort(moments);
        int[] ties = new int[3];
        int i = 0;
        for (int g = 0; g < moments.length; g++) {
            int size = groups.get(g);
            for (int j = 0; j < size; j++) {
                stamps[i++] = moments[g];
            }
            if (size > 1) {
                ties[0] += size;
                ties[1]++;
                ties[2] = Math.max(ties[2], size);
            }
        }
        return ties;
    }

    /** The template's compiled record with the copy's handle and UUID, and a title of its own. */
    private static String vary(Template template, String handle, String itemId, int i) {
        String compiled = template.compiled()
            .replaceAll(Pattern.quote(template.handle()) + "(?![0-9])", Matcher.quoteReplacement(handle))
            .replace(template.itemId(), itemId);
        Matcher title = TITLE.matcher(compiled);
        if (!title.find()) {
            return compiled;
        }
        return compiled.substring(0, title.end(2)) + " (copy " + (i + 1) + ")" + compiled.substring(title.end(2));
    }

    private static List<String> strings(Collection<Object> values) {
        List<String> strings = new ArrayList<>();
        if (values != null) {
            values.forEach(value -> strings.add((String) value));
        }
        return strings;
    }
}
