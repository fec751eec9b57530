/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.util.function.IntFunction;

/**
 * Text made safe for HTML: every page writes what it shows of an item through {@link #text} (element content and
 * attribute values alike), so no metadata value can become markup.
 */
public final class Html {

    private Html() {
    }

    /**
     * @param value any text, may be null
     * @return the text with {@code & < > " '} escaped; empty for null
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        return escaped(new StringBuilder(value.length() + 16), value, c -> switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        }).toString();
    }

    /**
     * Text for a JSON string inside a {@code <script type="application/ld+json">} element: JSON escaping, and
     * {@code <} as {@code \u003c} so that no value can close the script element.
     *
     * @param value any text
     * @return the JSON string literal, quotes included
     */
    public static String jsonString(String value) {
        return escaped(new StringBuilder("\""), value, c -> switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '<' -> "\\u003c";
            case '>' -> "\\u003e";
            case '&' -> "\\u0026";
            default -> c < 0x20 || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
        }).append('"').toString();
    }

    /** The text with each character the replacement gives text for replaced by it (null: kept). */
    private static StringBuilder escaped(StringBuilder out, String value, IntFunction<String> replacement) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replaced = replacement.apply(c);
            if (replaced == null) {
                out.append(c);
            } else {
                out.append(replaced);
            }
        }
        return out;
    }
}
