/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.casestudy;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.useit.dspace.taxonomy.StrandVocabulary;

/**
 * The rules a USE-IT! record must follow, whether it comes from a bulk import or sits in the repository (the
 * {@code useit-validate} curation task): required fields per item type, strand ids from the vocabulary, ISO 8601
 * dates, absolute http(s) URLs, and an honest provenance. Pure logic over field → values maps.
 */
public final class MetadataRules {

    /** Provenance of a record whose facts all come from public sources. */
    public static final String SOURCED = "sourced";
    /** Provenance of a record written to illustrate a documented initiative. */
    public static final String ILLUSTRATIVE = "illustrative";
    /** The reason of a required field that has no value. */
    public static final String REQUIRED = "required";
    /** Prefix of COAR resource type URIs. */
    public static final String COAR_TYPES = "http://purl.org/coar/resource_type/";

    private static final Pattern ISO_DATE = Pattern.compile(
        "\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\dZ)?)?)?");
    private static final Set<String> DATE_FIELDS = Set.of("dc.date.issued", "dc.date.created", "dc.date");
    private static final Set<String> URL_FIELDS = Set.of("useit.source", "dc.identifier.uri", "oaire.awardURI");
    /** Whole values that stand for a missing one (brackets around it and a closing full stop or mark aside). */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(unknown|not known|unverified|not verified"
        + "|n\\.? ?/? ?a|not (applicable|available)|t\\.? ?b\\.? ?[acd]|to ?do|to be (confirmed|determined|added"
        + "|announced)|placeholder|x{2,}|null|nil|none|untitled|dummy|fixme|nan|undefined)");
    /** The hosts kept for examples (RFC 2606): an address there stands in for a real one. */
    private static final Pattern EXAMPLE_HOST = Pattern.compile("(?i)(.+\\.)?(example\\.(org|com|net)|example"
        + "|invalid|test)\\.?");
    /** Filler text, or a note to finish it ("TODO: ..."), whatever follows. */
    private static final Pattern FILLER = Pattern.compile(
        "(?i)(lorem ipsum dolor sit\\b|(to ?do|tb[acd]|fixme|xxx)\\s*[:-]).*");
    /** Marks only: dashes, dots, an ellipsis, question marks, asterisks. */
    private static final Pattern MARKS_ONLY = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    /** One word that says it is not a real value, such as UIA-unverified. */
    private static final Pattern PLACEHOLDER_WORD = Pattern.compile("(?i)\\S*(unverified|placeholder)\\S*");
    /**
     * Characters a reader does not see: format characters (zero-width space, joiners, marks of direction), the
     * combining grapheme joiner, variation selectors, and letters that are blank by design (Hangul fillers, the
     * blank Braille pattern).
     */
    private static final Pattern INVISIBLE = Pattern.compile(
        "[\\p{Cf}\\u034F\\u180B-\\u180F\\uFE00-\\uFE0F\\x{E0100}-\\x{E01EF}\\u115F\\u1160\\u3164\\uFFA0\\u2800]");
    private static final Set<String> SINGLE_FIELDS = Set.of("dc.title", "dc.date.issued", "useit.provenance",
                                                            "useit.objective");

    private final StrandVocabulary vocabulary;

    /**
     * @param vocabulary the strand vocabulary strand ids are checked against
     */
    public MetadataRules(StrandVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Checks one record.
     *
     * @param type   its item type (see {@link ItemTypes})
     * @param fields its metadata, field name (schema.element[.qualifier]) to values
     * @return every broken rule, in a stable order; empty when the record is fine
     */
    public List<Violation> check(String type, Map<String, List<String>> fields) {
        List<Violation> problems = checkRecord(type, fields);
        if (ItemTypes.ALL.contains(type)) {
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                checkValues(field.getKey(), field.getValue(), problems);
            }
        }
        return problems;
    }

    /**
     * Checks the rules of a record as a whole: the fields its type requires ({@link #REQUIRED}) and the rules that
     * join fields (a sourced record names its source; an illustrative case study names no practitioner). Each value
     * on its own is {@link #checkValue(String, String)}'s.
     *
     * @param type   its item type (see {@link ItemTypes})
     * @param fields its metadata, field name (schema.element[.qualifier]) to values
     * @return every broken rule of the record as a whole, in a stable order; empty when there is none
     */
    public List<Violation> checkRecord(String type, Map<String, List<String>> fields) {
        List<Violation> problems = new ArrayList<>();
        if (!ItemTypes.ALL.contains(type)) {
            problems.add(new Violation("type", "unknown item type '" + type + "' (expected one of "
                + String.join(", ", ItemTypes.ALL) + ")"));
            return problems;
        }
        require(fields, "dc.title", problems);
        requireProvenance(fields, problems);
        if (ItemTypes.CASE_STUDY.equals(type)) {
            require(fields, "useit.strand", problems);
            require(fields, "useit.objective", problems);
            if (ILLUSTRATIVE.equals(first(fields, "useit.provenance")) && has(fields, "useit.practitioner")) {
                problems.add(new Violation("useit.practitioner",
                                           "an illustrative case study names no practitioner (no invented people)"));
            }
        }
        if (ItemTypes.PUBLICATION.equals(type)) {
            require(fields, "useit.outputType", problems);
        }
        return problems;
    }

    private void checkValues(String field, List<String> values, List<Violation> problems) {
        if (SINGLE_FIELDS.contains(field) && values.size() > 1) {
            problems.add(new Violation(field, "takes one value, found " + values.size()));
        }
        for (String value : values) {
            checkValue(field, value).ifPresent(reason -> problems.add(new Violation(field, reason)));
        }
    }

    /**
     * Checks one value of a field on its own (what a deposit form can tell without the rest of the record).
     *
     * @param field the field, schema.element[.qualifier]
     * @param value the value (for {@code useit.strand}: the vocabulary id, or the label path DSpace stores)
     * @return why the value is not accepted, or empty when it is
     */
    public Optional<String> checkValue(String field, String value) {
        if (meaningful(value).isEmpty()) {
            return Optional.of("an empty value (only spaces or invisible characters); leave the field out instead");
        } else if (isPlaceholder(value)) {
            return Optional.of("'" + value + "' is a placeholder, not a value; leave out what is not known (and name "
                + "the field in useit.unverified)");
        } else if (DATE_FIELDS.contains(field) && !isIsoDate(value)) {
            return Optional.of("'" + value + "' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)");
        } else if (URL_FIELDS.contains(field) && !isWebUrl(value)) {
            return Optional.of("'" + value + "' is not an absolute http(s) URL" + (isExampleAddress(value)
                ? " of a real site (example.org and the like stand in for one)" : ""));
        } else if ("useit.strand".equals(field) && vocabulary.findByIdOrLabelPath(value).isEmpty()) {
            return Optional.of("'" + value + "' is not a strand id of the USE-IT! vocabulary");
        } else if ("useit.outputType".equals(field) && !value.matches(Pattern.quote(COAR_TYPES) + "c_\\w+")) {
            return Optional.of("'" + value + "' is not a COAR resource type URI (" + COAR_TYPES + "c_...)");
        } else if ("useit.provenance".equals(field) && !SOURCED.equals(value) && !ILLUSTRATIVE.equals(value)) {
            return Optional.of("'" + value + "' is neither '" + SOURCED + "' nor '" + ILLUSTRATIVE + "'");
        }
        return Optional.empty();
    }

    /**
     * Checks one value of a field as DSpace stores it, with its authority key: a strand's label path (what people
     * read and facet on) and its node id (what OAI-PMH sets and the rules read) must name the same node; any other
     * field is checked by {@link #checkValue(String, String)}.
     *
     * @param field     the field, schema.element[.qualifier]
     * @param value     the stored value
     * @param authority its authority key, or null
     * @return why the value is not accepted, or empty when it is
     */
    public Optional<String> checkValue(String field, String value, String authority) {
        if (!"useit.strand".equals(field)) {
            return checkValue(field, value);
        }
        boolean keyed = authority != null && !authority.isBlank();
        return checkStrandLabel(value, authority).or(() -> checkValue(field, keyed ? authority : value));
    }

    /**
     * @param value     a stored {@code useit.strand} value
     * @param authority its authority key, or null
     * @return why the value is not the label path of the node the key names, or (with no key) why it is a node id
     *         where its label belongs; empty when it is fine, or when the key names no node (which
     *         {@link #checkValue(String, String)} tells)
     */
    public Optional<String> checkStrandLabel(String value, String authority) {
        if (authority == null || authority.isBlank()) {
            return vocabulary.find(value).map(strand -> "'" + value + "' is a strand id without its label: store '"
                + vocabulary.hierarchicalLabel(strand) + "' with the id as its authority key");
        }
        return vocabulary.find(authority).map(vocabulary::hierarchicalLabel).filter(label -> !label.equals(value))
                         .map(label -> "'" + value + "' is not the label of strand " + authority + " ('" + label
                             + "')");
    }

    /**
     * @param field a field, schema.element[.qualifier]
     * @return true if a record has at most one value of it
     */
    public static boolean isSingle(String field) {
        return SINGLE_FIELDS.contains(field);
    }

    private static void requireProvenance(Map<String, List<String>> fields, List<Violation> problems) {
        String provenance = first(fields, "useit.provenance");
        // a value other than these two is refused with the field's other values (checkValue)
        if (provenance == null) {
            problems.add(new Violation("useit.provenance", "required: 'sourced' or 'illustrative'"));
        } else if (SOURCED.equals(provenance) && !has(fields, "useit.source")) {
            problems.add(new Violation("useit.source", "a sourced record needs the URL of its source"));
        }
    }

    private static void require(Map<String, List<String>> fields, String field, List<Violation> problems) {
        if (!has(fields, field)) {
            problems.add(new Violation(field, REQUIRED));
        }
    }

    private static boolean has(Map<String, List<String>> fields, String field) {
        List<String> values = fields.get(field);
        return values != null && values.stream().anyMatch(v -> !meaningful(v).isEmpty());
    }

    private static String first(Map<String, List<String>> fields, String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * @param value a field value
     * @return true if it stands for a value that is not known ("unknown", "TBD", "n/a", "UIA-unverified" ...):
     *     such a value would reach harvesters as if it were real
     */
    public static boolean isPlaceholder(String value) {
        String text = LookAlikes.asAscii(meaningful(value));
        if (!text.isEmpty() && MARKS_ONLY.matcher(text).matches()) {
            return true;
        }
        String bare = text.replaceAll("^[(\\[]+|[)\\]]+$", "").replaceAll("[.!,;:?]+$", "").strip();
        return PLACEHOLDER.matcher(bare).matches() || PLACEHOLDER_WORD.matcher(bare).matches()
            || FILLER.matcher(bare).matches();
    }

    /**
     * A value as a reader sees it: compatibility forms folded (NFKC: a full-width TBD is TBD), invisible format
     * characters removed (a zero-width space in "T&#8203;BD"), every kind of space a space, and no space at either
     * end (a no-break space included, which {@link String#strip()} keeps).
     *
     * @param value a field value
     * @return what is left of it to read
     */
    public static String meaningful(String value) {
        String folded = INVISIBLE.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
        return folded.replaceAll("[\\p{Z}\\s]+", " ").strip();
    }

    /**
     * @param value a string
     * @return true if it is an ISO 8601 date of year, month or day precision (or a UTC timestamp) that exists
     *         in the calendar (2020-02-30 does not)
     */
    public static boolean isIsoDate(String value) {
        if (!ISO_DATE.matcher(value).matches() || value.startsWith("0000")) {
            // year 0000 is no year of the calendar a record's date is in (it stands for "not known")
            return false;
        }
        if (value.length() >= 10) {
            try {
                LocalDate.parse(value.substring(0, 10));
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param value a string
     * @return true if it is an absolute http or https URL with a host
     */
    public static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                && !EXAMPLE_HOST.matcher(uri.getHost()).matches();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether an address is at a host kept for examples. */
    private static boolean isExampleAddress(String value) {
        try {
            String host = new URI(value).getHost();
            return host != null && EXAMPLE_HOST.matcher(host).matches();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
