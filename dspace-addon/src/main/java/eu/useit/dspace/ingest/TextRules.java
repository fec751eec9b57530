/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import eu.useit.dspace.support.Characters;

/**
 * What text an import accepts: strict UTF-8, none of the {@link Characters} no output may carry (control
 * characters but tab and line breaks, lone surrogates, Unicode noncharacters), and values of bounded size.
 */
public final class TextRules {

    /** The longest value of a running text accepted, in characters (a long case-study text is a few thousand). */
    public static final int MAX_VALUE = 65_536;

    /**
     * The longest value of any other field (a title, a name, a place), in characters. DSpace's search index keeps
     * such values whole as keywords, for facets and sorting, and Solr refuses a term over 32,766 bytes: a longer
     * value would be imported, and then never be searchable. 2,000 characters stay under that in any script, in
     * the two forms a facet stores.
     */
    public static final int MAX_SHORT_VALUE = 2_000;

    /** The running texts: descriptions and abstracts, and a case study's four sections. */
    private static final Set<String> RUNNING_TEXTS = Set.of("useit.objective", "useit.challenge", "useit.approach",
                                                            "useit.outcome");

    /** The largest file an import reads (tens of thousands of records fit several times over). */
    public static final int MAX_FILE = 128 * 1024 * 1024;

    private TextRules() {
    }

    /**
     * Decodes a whole file as UTF-8, refusing malformed bytes (so a Latin-1 or UTF-16 file is an error, not
     * mojibake). A leading byte-order mark is dropped.
     *
     * @param bytes the file
     * @return its text
     * @throws ImportException naming the byte offset and line of the first bad byte
     */
    public static String decode(byte[] bytes) throws ImportException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                                                       .onMalformedInput(CodingErrorAction.REPORT)
                                                       .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(bytes);
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ImportException(new ImportProblem("file", null, String.format(
                "not UTF-8: byte 0x%02X at offset %d (line %d); save the file as UTF-8", bytes[offset] & 0xff,
                offset, line)));
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                                                       .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /**
     * @param field the column or field the value is for
     * @param value a cell or field value
     * @return why the value is refused, or null if it is fine
     */
    public static String problem(String field, String value) {
        int limit = field.startsWith("dc.description") || RUNNING_TEXTS.contains(field) ? MAX_VALUE
            : MAX_SHORT_VALUE;
        if (value.length() > limit) {
            return "value is " + value.length() + " characters long; the limit is " + limit
                + (limit == MAX_SHORT_VALUE ? " for this field (longer text belongs in dc.description)" : "");
        }
        return Characters.problem(value);
    }
}
