/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a long job, as lines for the command's handler (the console, or the log of a process started
 * through REST): done / total, rate and estimated time left, at most every two seconds, and once at the end.
 */
public final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final Consumer<String> out;
    private final String job;
    private final int total;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private int done;

    /**
     * @param out   where each line goes (null for silence)
     * @param job   the job's name, starting each line
     * @param total how many units the job has
     */
    public Progress(Consumer<String> out, String job, int total) {
        this.out = out;
        this.job = job;
        this.total = total;
    }

    /**
     * Counts one unit done, and prints if it is time.
     */
    public void step() {
        done++;
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            print(now);
        }
    }

    /**
     * Prints the final line.
     */
    public void finish() {
        print(System.nanoTime());
    }

    private void print(long now) {
        if (out == null) {
            return;
        }
        double seconds = (now - started) / 1e9;
        double rate = seconds <= 0 ? 0 : done / seconds;
        String eta = rate <= 0 ? "?" : String.format(Locale.ROOT, "%.0f s", (total - done) / rate);
        out.accept(String.format(Locale.ROOT, "%s: %,d of %,d (%.1f/s, %s left)", job, done, total, rate,
                                 done >= total ? "0 s" : eta));
    }
}
