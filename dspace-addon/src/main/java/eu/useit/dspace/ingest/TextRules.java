/*
 * USE-IT! repository addon for DSpace.
 */
package eu.useit.dspace.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What text an import accepts: strict UTF-8, no control characters but tab and line breaks, no Unicode
 * noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF ...), and values of bounded size.
 */
public final class TextRules {

    /** The longest value accepted, in characters (a long case-study text is a few thousand). */
    public static final int MAX_VALUE = 65_536;

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
     * @param value a cell or field value
     * @return why the value is refused, or null if it is fine
     */
    public static String problem(String value) {
        if (value.length() > MAX_VALUE) {
            return "value is " + value.length() + " characters long; the limit is " + MAX_VALUE;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c >= 0x80 && c < 0xa0) {
                return String.format("control character U+%04X at position %d", c, i + 1);
            }
            if (c >= 0xfdd0 && c <= 0xfdef || (c & 0xfffe) == 0xfffe) {
                return String.format("Unicode noncharacter U+%04X at position %d", c, i + 1);
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
