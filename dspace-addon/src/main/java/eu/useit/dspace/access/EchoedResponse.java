/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The answer to a request whose parameters {@link HiddenObjectParameters} changed: DSpace repeats a search's
 * parameters in the answer's own link, so a stand-in there would tell a hidden object from a missing one, whose
 * UUID comes back as sent. A JSON answer is kept until DSpace is done (up to {@link #LIMIT}), then sent with each
 * stand-in replaced by the text the caller sent, with its own length, and flushed if DSpace flushed it; any other
 * answer (a file's content) goes on as DSpace writes it, untouched. An error answer ({@code sendError}) is the
 * container's to write, and is left alone.
 */
final class EchoedResponse extends HttpServletResponseWrapper {

    /** The longest answer kept; the rest of a longer one (no search's answer is) goes on as DSpace writes it. */
    static final int LIMIT = 1024 * 1024;
    private static final String LENGTH = "Content-Length";

    private final Map<String, String> standIns;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    /** Null until DSpace writes or finishes: whether the answer is JSON, and kept. */
    private Boolean keeping;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean error;
    /** Whether DSpace flushed its answer (then sent in chunks, with no Content-Length). */
    private boolean flushed;
    /** The Content-Length DSpace gave, not sent yet; -1 for none. */
    private long length = -1;

    /**
     * @param response the container's response
     * @param standIns what each stand-in stands for (the UUID's text the caller sent)
     */
    EchoedResponse(HttpServletResponse response, Map<String, String> standIns) {
        super(response);
        this.standIns = standIns;
    }

    /**
     * Sends what is kept, each stand-in replaced.
     *
     * @throws IOException if the answer cannot be written
     */
    void finish() throws IOException {
        boolean flushedByDSpace = flushed;
        if (writer != null) {
            writer.flush();
        }
        if (error) {
            return;
        }
        if (Boolean.TRUE.equals(keeping)) {
            byte[] bytes = replaced(kept.toByteArray());
            kept.reset();
            if (!flushedByDSpace && length >= 0) {
                getResponse().setContentLengthLong(bytes.length);
            }
            getResponse().getOutputStream().write(bytes);
        } else {
            sendLength();
        }
        if (flushedByDSpace) {
            getResponse().flushBuffer();
        }
    }

    /** The bytes with each stand-in replaced: both are a UUID's text (ASCII), so bytes are read one for one. */
    private byte[] replaced(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> standIn : standIns.entrySet()) {
            text = text.replace(standIn.getKey(), standIn.getValue());
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private boolean keeping() {
        if (keeping == null) {
            String type = getContentType();
            keeping = type != null && type.toLowerCase(Locale.ROOT).contains("json");
        }
        return keeping;
    }

    private void sendLength() {
        if (length >= 0) {
            getResponse().setContentLengthLong(length);
            length = -1;
        }
    }

    private void write(byte[] bytes, int offset, int count) throws IOException {
        if (keeping()) {
            kept.write(bytes, offset, count);
            if (kept.size() > LIMIT) {
                // too long to be a search's answer: what is kept goes now, the rest as DSpace writes it
                keeping = false;
                byte[] head = replaced(kept.toByteArray());
                kept.reset();
                getResponse().getOutputStream().write(head);
            }
        } else {
            sendLength();
            getResponse().getOutputStream().write(bytes, offset, count);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        error = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        error = true;
        super.sendError(status, message);
    }

    @Override
    public void setContentLength(int value) {
        length = value;
    }

    @Override
    public void setContentLengthLong(long value) {
        length = value;
    }

    @Override
    public void setHeader(String name, String value) {
        if (LENGTH.equalsIgnoreCase(name)) {
            length = value == null ? -1 : Long.parseLong(value.trim());
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (LENGTH.equalsIgnoreCase(name)) {
            setHeader(name, value);
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, String.valueOf(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, String.valueOf(value));
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    EchoedResponse.this.write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int count) throws IOException {
                    EchoedResponse.this.write(bytes, offset, count);
                }

                @Override
                public void flush() throws IOException {
                    flushBuffer();
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("the answer is written as DSpace writes it, not asynchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (Boolean.FALSE.equals(keeping)) {
            sendLength();
            super.flushBuffer();
        } else {
            // nothing is sent before the stand-ins are replaced
            flushed = true;
        }
    }

    @Override
    public void resetBuffer() {
        kept.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        kept.reset();
        keeping = null;
        flushed = false;
        length = -1;
        super.reset();
    }
}
