/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.access;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ReadListener;
import org.junit.Test;

/**
 * {@link BodyStream}: a body read already is read again whole, and an asynchronous reader's listener is told at once
 * that it is there; outside asynchronous mode a listener is refused, as the Servlet API asks.
 */
public class BodyStreamTest {

    private static final byte[] BODY = "{\"targetId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    public void theBodyIsReadWhole() throws IOException {
        BodyStream stream = new BodyStream(BODY, () -> false);

        assertThat(stream.isFinished(), is(false));
        assertThat(stream.readAllBytes(), is(BODY));
        assertThat(stream.isFinished(), is(true));
        assertThat(stream.read(), is(-1));
    }

    @Test
    public void aListenerHearsThatAllOfItIsThereAndReadsIt() throws IOException {
        BodyStream stream = new BodyStream(BODY, () -> true);
        List<String> heard = new ArrayList<>();
        stream.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                heard.add(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            }

            @Override
            public void onAllDataRead() {
                heard.add("all read");
            }

            @Override
            public void onError(Throwable t) {
                heard.add("error " + t);
            }
        });

        assertThat(heard, contains("{\"targetId\":\"x\"}", "all read"));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> stream.setReadListener(null));
        assertThat(twice.getMessage(), is("a read listener is set already"));
    }

    @Test
    public void aListenerOutsideAsynchronousModeIsRefused() {
        BodyStream stream = new BodyStream(BODY, () -> false);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> stream.setReadListener(null));
        assertThat(refused.getMessage(), is("a read listener is for asynchronous requests only"));
    }
}
