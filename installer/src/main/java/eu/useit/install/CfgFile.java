/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A DSpace {@code .cfg} file (the properties format of Apache Commons Configuration, which DSpace reads) as
 * lines, with its settings found and a few line edits: a value added to a setting, lines inserted or appended.
 * Lines nobody edits stay byte for byte; the text is held as ISO-8859-1 so that any encoding survives. The
 * settings are those read when the file was made: make the edits inside lines ({@link #addValue}) before those
 * that add lines.
 */
final class CfgFile {

    /**
     * One setting: a key and its value, over one line or more (a line ending in a backslash goes on).
     *
     * @param key       the key
     * @param value     the value, continuation lines joined
     * @param firstLine the index of its first line
     * @param lastLine  the index of its last line
     */
    record Entry(String key, String value, int firstLine, int lastLine) {

        /**
         * @return the value as a list: split at commas, trimmed, empty items dropped
         */
        List<String> values() {
            List<String> values = new ArrayList<>();
            StringBuilder item = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == ',') {
                    item.append(',');
                    i++;
                } else if (c == ',') {
                    values.add(item.toString().strip());
                    item.setLength(0);
                } else {
                    item.append(c);
                }
            }
            values.add(item.toString().strip());
            values.removeIf(String::isEmpty);
            return values;
        }
    }

    private final List<String> lines;
    private final String lineBreak;
    private final List<Entry> entries = new ArrayList<>();

    private CfgFile(List<String> lines, String lineBreak) {
        this.lines = lines;
        this.lineBreak = lineBreak;
        read();
    }

    /**
     * @param text a file's text (empty for a new file)
     * @return the file
     */
    static CfgFile of(String text) {
        String lineBreak = text.contains("\r\n") ? "\r\n" : "\n";
        boolean endsWithBreak = text.isEmpty() || text.endsWith("\n");
        String body = endsWithBreak && !text.isEmpty() ? text.substring(0, text.length() - lineBreak.length())
                                                       : text;
        List<String> lines = new ArrayList<>(text.isEmpty() ? List.of() : List.of(body.split(lineBreak, -1)));
        return new CfgFile(lines, lineBreak);
    }

    /**
     * @param key a key
     * @return its settings in the file, in file order (repeated keys make a list in DSpace)
     */
    List<Entry> entries(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).toList();
    }

    /**
     * @param key a key
     * @return the values of all its settings in the file, in order, without repeats
     */
    Set<String> values(String key) {
        Set<String> values = new LinkedHashSet<>();
        entries(key).forEach(e -> values.addAll(e.values()));
        return values;
    }

    /**
     * Adds a value at the end of a setting's last line: {@code , value}, or {@code value} if it had none.
     *
     * @param entry a setting of this file
     * @param value the value to add
     */
    void addValue(Entry entry, String value) {
        String line = lines.get(entry.lastLine()).stripTrailing();
        lines.set(entry.lastLine(), line + (entry.values().isEmpty() ? " " : ", ") + value);
    }

    /**
     * @param index  a line index: the new lines come after that line
     * @param insert the lines to insert
     */
    void insertAfter(int index, List<String> insert) {
        lines.addAll(index + 1, insert);
    }

    /**
     * @param append lines to add at the end, after a blank line if the file does not end with one
     */
    void append(List<String> append) {
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
            lines.add("");
        }
        lines.addAll(append);
    }

    /**
     * @return the file's text, with its line breaks, ending with one
     */
    String text() {
        return lines.isEmpty() ? "" : String.join(lineBreak, lines) + lineBreak;
    }

    private void read() {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).stripLeading();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                i++;
                continue;
            }
            int first = i;
            StringBuilder logical = new StringBuilder();
            String physical = line;
            while (continues(physical) && i + 1 < lines.size()) {
                logical.append(physical, 0, physical.length() - 1);
                i++;
                physical = lines.get(i).stripLeading();
            }
            logical.append(continues(physical) ? physical.substring(0, physical.length() - 1) : physical);
            add(logical.toString(), first, i);
            i++;
        }
    }

    private void add(String logical, int first, int last) {
        int keyEnd = 0;
        while (keyEnd < logical.length()) {
            char c = logical.charAt(keyEnd);
            if (c == '\\') {
                keyEnd += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            keyEnd++;
        }
        keyEnd = Math.min(keyEnd, logical.length());
        String key = logical.substring(0, keyEnd);
        int at = keyEnd;
        while (at < logical.length() && Character.isWhitespace(logical.charAt(at))) {
            at++;
        }
        if (at < logical.length() && (logical.charAt(at) == '=' || logical.charAt(at) == ':')) {
            at++;
        }
        entries.add(new Entry(key, logical.substring(at).strip(), first, last));
    }

    /** Whether a line goes on: it ends in an odd number of backslashes. */
    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
