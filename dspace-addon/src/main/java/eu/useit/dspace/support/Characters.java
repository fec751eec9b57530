/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

/**
 * Characters the repository's outputs cannot carry: control characters (XML 1.0 allows only tab, line feed and
 * carriage return; C1 controls are never meant), lone surrogates (not Unicode text) and Unicode noncharacters
 * (U+FFFE, U+FFFF, U+FDD0..U+FDEF and the last two of every plane). An import refuses them, an OAI-PMH request
 * that has one is refused, and a record compiled from a value that slipped in gets a replacement character.
 */
public final class Characters {

    /** What takes the place of a character no output may carry. */
    public static final char REPLACEMENT = '\uFFFD';

    private Characters() {
    }

    /**
     * @param text a value
     * @return what is wrong with its first bad character, with its position (from 1), or null when there is none
     */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String kind = kind(c);
            if (kind != null) {
                return String.format("%s U+%04X at position %d", kind, c, i + 1);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /**
     * @param text a value
     * @return the value with each bad character replaced by {@link #REPLACEMENT} (the same string when none)
     */
    public static String clean(String text) {
        if (text == null || problem(text) == null) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (kind(c) == null) {
                clean.appendCodePoint(c);
            } else {
                clean.append(REPLACEMENT);
            }
            i += Character.charCount(c);
        }
        return clean.toString();
    }

    private static String kind(int c) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c < 0xa0) {
            return "control character";
        }
        if (c >= 0xd800 && c <= 0xdfff) {
            return "lone surrogate";
        }
        if (c >= 0xfdd0 && c <= 0xfdef || (c & 0xfffe) == 0xfffe) {
            return "Unicode noncharacter";
        }
        return null;
    }
}
