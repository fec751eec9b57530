/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request's body read already, served again from memory: every byte can be read without waiting, so an
 * asynchronous reader's listener is told at once that all of it is there.
 */
final class BodyStream extends ServletInputStream {

    private final ByteArrayInputStream in;
    private final BooleanSupplier asyncStarted;
    private boolean listened;

    /**
     * @param bytes        the body
     * @param asyncStarted whether the request is in asynchronous mode (where a read listener may be set)
     */
    BodyStream(byte[] bytes, BooleanSupplier asyncStarted) {
        this.in = new ByteArrayInputStream(bytes);
        this.asyncStarted = asyncStarted;
    }

    @Override
    public int read() {
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
        return in.available() == 0;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    /**
     * As the Servlet API asks: refused outside asynchronous mode and when set twice; otherwise the listener hears
     * that the data is available (it may read all of it), then that all of it was read.
     */
    @Override
    public void setReadListener(ReadListener listener) {
        if (!asyncStarted.getAsBoolean() || listened) {
            throw new IllegalStateException(listened ? "a read listener is set already"
                                                     : "a read listener is for asynchronous requests only");
        }
        listened = true;
        try {
            if (!isFinished()) {
                listener.onDataAvailable();
            }
            listener.onAllDataRead();
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
        }
    }
}
