/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a file a download asks for with a {@code Range} header (RFC 9110, section 14): one range of bytes,
 * as a PDF reader opening page 200 first, or a video player on a phone, asks for. Several ranges, another unit or a
 * header that is not one are answered with the whole file, as the RFC allows; a range that starts beyond the file
 * cannot be served (416).
 *
 * @param kind  what is sent
 * @param first the first byte, from 0 (for {@link Kind#PART})
 * @param last  the last byte, inclusive (for {@link Kind#PART})
 * @param size  the file's size
 */
record ByteRange(Kind kind, long first, long last, long size) {

    /** One range: {@code first-last}, {@code first-} or {@code -suffixLength}. */
    private static final Pattern ONE = Pattern.compile("bytes=\\s*(\\d{0,18})-(\\d{0,18})\\s*",
                                                       Pattern.CASE_INSENSITIVE);

    /** What is sent. */
    enum Kind {
        /** The whole file (no Range header, or one not followed). */
        WHOLE,
        /** The bytes from first to last. */
        PART,
        /** Nothing: the range is beyond the file. */
        UNSATISFIABLE
    }

    /**
     * @param header the Range header, may be null
     * @param size   the file's size in bytes
     * @return what to send of a file of that size
     */
    static ByteRange of(String header, long size) {
        Matcher one = header == null ? null : ONE.matcher(header);
        if (one == null || !one.matches() || one.group(1).isEmpty() && one.group(2).isEmpty()) {
            return new ByteRange(Kind.WHOLE, 0, size - 1, size);
        }
        if (one.group(1).isEmpty()) {
            long suffix = Long.parseLong(one.group(2));
            if (suffix == 0) {
                return unsatisfiable(size);
            }
            // the last bytes of an empty file: satisfiable (RFC 9110, 14.1.1), and all of it, which is nothing
            return size == 0 ? new ByteRange(Kind.WHOLE, 0, -1, 0)
                : new ByteRange(Kind.PART, Math.max(0, size - suffix), size - 1, size);
        }
        long first = Long.parseLong(one.group(1));
        long last = one.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(one.group(2));
        if (last < first) {
            return new ByteRange(Kind.WHOLE, 0, size - 1, size);
        }
        return first >= size ? unsatisfiable(size) : new ByteRange(Kind.PART, first, Math.min(last, size - 1), size);
    }

    private static ByteRange unsatisfiable(long size) {
        return new ByteRange(Kind.UNSATISFIABLE, 0, -1, size);
    }

    /**
     * @return how many bytes are sent
     */
    long length() {
        return last - first + 1;
    }

    /**
     * @return the Content-Range header: {@code bytes 0-1023/4096} for a part, {@code bytes *}{@code /4096} when
     *         unsatisfiable
     */
    String contentRange() {
        return kind == Kind.PART ? "bytes " + first + "-" + last + "/" + size : "bytes */" + size;
    }
}
