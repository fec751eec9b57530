/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

/**
 * An element of ours, as written in our file, to be written into a site's file at another indentation.
 *
 * @param source the element's text, from its start tag to its end tag, with LF line breaks
 * @param indent the indentation of its line in our file
 */
record Snippet(String source, String indent) {

    /**
     * @param text    our file
     * @param element one of its elements
     * @return the element's snippet
     */
    static Snippet of(XmlText text, XmlText.Element element) {
        String indent = text.indentOf(element);
        return new Snippet(text.source(element).replace("\r\n", "\n"), indent == null ? "" : indent);
    }

    /**
     * @param text    our file
     * @param element one of its elements
     * @return the element's snippet, with the comment written just before it (on the lines above) if there is one
     */
    static Snippet withComment(XmlText text, XmlText.Element element) {
        Snippet plain = of(text, element);
        int commentStart = text.leadingComment(element);
        if (commentStart < 0) {
            return plain;
        }
        String comment = text.text().substring(commentStart, element.start()).replace("\r\n", "\n");
        return new Snippet(comment + plain.source(), plain.indent());
    }

    /**
     * @param to        the indentation of the line it goes on
     * @param unit      the file's indentation per level (such as four spaces, two, or a tab)
     * @param lineBreak the line break of the file it goes into
     * @return the text to write: continuation lines moved from our indentation to {@code to}, and our levels
     *         within the element written in the file's unit
     */
    String at(String to, String unit, String lineBreak) {
        String ours = unit();
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            out.append(lineBreak);
            if (!line.startsWith(indent)) {
                out.append(line);
                continue;
            }
            String rest = line.substring(indent.length());
            int levels = 0;
            while (!ours.isEmpty() && rest.startsWith(ours)) {
                rest = rest.substring(ours.length());
                levels++;
            }
            out.append(to).append(unit.repeat(levels)).append(rest);
        }
        return out.toString();
    }

    /** Our indentation per level within the element: the smallest indentation of a line beyond the first's. */
    private String unit() {
        String unit = null;
        String[] lines = source.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].startsWith(indent)) {
                continue;
            }
            String rest = lines[i].substring(indent.length());
            String blanks = rest.substring(0, rest.length() - rest.stripLeading().length());
            if (!blanks.isEmpty() && (unit == null || blanks.length() < unit.length())) {
                unit = blanks;
            }
        }
        return unit == null ? "" : unit;
    }
}
