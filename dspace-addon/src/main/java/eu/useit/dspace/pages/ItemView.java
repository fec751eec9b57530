/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.useit.dspace.access.FileAccess;

/**
 * What an anonymous user may see of one public item, read for its page: nothing here comes from an object an
 * anonymous user may not read.
 *
 * @param uuid         the item's UUID
 * @param handle       its handle
 * @param type         its item type ({@code dspace.entity.type}: CaseStudy, Publication, Project, OrgUnit)
 * @param metadata     its metadata values by field ({@code dc.title}, {@code useit.objective} ...), in order
 * @param strands      its strands and sub-themes
 * @param related      the public items it is related to (partners, projects, ...)
 * @param files        its files (bundle ORIGINAL), each with what anonymous users may do with it
 * @param lastModified when it last changed, ISO-8601
 */
public record ItemView(UUID uuid, String handle, String type, Map<String, List<String>> metadata,
                       List<StrandRef> strands, List<Related> related, List<FileView> files, String lastModified) {

    /** The value of {@code useit.provenance} of records invented for illustration. */
    public static final String ILLUSTRATIVE = "illustrative";

    /** A year, a month of it and a day of that month, as DSpace stores dates (a time may follow). */
    private static final Pattern ISSUED =
        Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\\d|3[01]))?)?(?:T.*)?");

    /**
     * @param field a metadata field
     * @return its first value, or null
     */
    public String first(String field) {
        List<String> values = metadata.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * @param field a metadata field
     * @return all its values (empty when none)
     */
    public List<String> all(String field) {
        return metadata.getOrDefault(field, List.of());
    }

    /**
     * @return the title (never null)
     */
    public String title() {
        String title = first("dc.title");
        return title == null ? "Untitled" : title;
    }

    /**
     * @return the parts of {@code dc.date.issued} as written: the year, then the month and the day where given;
     *     empty when it is not a date (a year, {@code yyyy-mm} or {@code yyyy-mm-dd}, a time allowed after)
     */
    public List<String> issued() {
        String value = first("dc.date.issued");
        Matcher date = value == null ? null : ISSUED.matcher(value);
        if (date == null || !date.matches() || date.group(3) != null && !realDay(date)) {
            return List.of();
        }
        List<String> parts = new ArrayList<>(List.of(date.group(1)));
        for (int group = 2; group <= 3 && date.group(group) != null; group++) {
            parts.add(date.group(group));
        }
        return parts;
    }

    /** Whether a matched date's day is one of its month (no 30 February). */
    private static boolean realDay(Matcher date) {
        return YearMonth.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)))
                        .isValidDay(Integer.parseInt(date.group(3)));
    }

    /**
     * @return what the item is about in a few sentences: its abstract, else its learning objective, else its
     *     description; null when it has none
     */
    public String summary() {
        String summary = first("dc.description.abstract");
        summary = summary != null ? summary : first("useit.objective");
        return summary != null ? summary : first("dc.description");
    }

    /**
     * @return whether the record was invented for illustration ({@code useit.provenance = illustrative})
     */
    public boolean illustrative() {
        // as the OAI-PMH records tell it (IllustrativeNote): any value, in any case
        return all("useit.provenance").stream().anyMatch(ILLUSTRATIVE::equalsIgnoreCase);
    }

    /**
     * @param field a metadata field
     * @return whether {@code useit.unverified} lists it: its values are not yet checked against a source
     */
    public boolean unverified(String field) {
        return all("useit.unverified").stream().anyMatch(listed -> listed.strip().equals(field));
    }

    /**
     * A strand or sub-theme of the item, as stored: a label path and the vocabulary node's id.
     *
     * @param path   the label path, e.g. {@code Skills Matching::Placements}
     * @param nodeId the vocabulary node's id, may be null
     */
    public record StrandRef(String path, String nodeId) {
    }

    /**
     * A public item this one is related to.
     *
     * @param role   how it is related, in words (e.g. {@code Partner})
     * @param uuid   its UUID
     * @param handle its handle
     * @param title  its title
     * @param type   its item type
     */
    public record Related(String role, UUID uuid, String handle, String title, String type) {
    }

    /**
     * A file of the item.
     *
     * @param uuid   its UUID
     * @param name   its name
     * @param format its format's MIME type
     * @param label  its format in words
     * @param size   its size in bytes
     * @param access what anonymous users may do with it
     */
    public record FileView(UUID uuid, String name, String format, String label, long size, FileAccess access) {
    }

    /** An item type in words. */
    public static String typeName(String type) {
        return switch (type == null ? "" : type) {
            case "CaseStudy" -> "Case study";
            case "Publication" -> "Library output";
            case "Project" -> "Project";
            case "OrgUnit" -> "Partner organisation";
            default -> "Item";
        };
    }

    /**
     * @return the metadata as given, for the readers that need all of it
     */
    public Map<String, List<String>> fields() {
        return metadata;
    }
}
