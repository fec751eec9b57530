/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository launcher ({@code eu.useit.runtime.Repository}, what {@code ./useit run} starts) or a DSpace
 * command ({@code ./useit dspace}) in a JVM of its own, with the given settings, and captures what a person would
 * see.
 */
public final class LauncherProcess {

    /** What the launcher printed and how it ended. */
    public record Outcome(int exitCode, String stdout, String stderr) {

        /**
         * @return the non-blank lines of standard error
         */
        public List<String> errorLines() {
            return Arrays.stream(stderr.split("\\R")).filter(l -> !l.isBlank()).toList();
        }
    }

    private LauncherProcess() {
    }

    /**
     * Runs the launcher until it exits (at most two minutes).
     *
     * @param dataDir  the data directory to give it
     * @param settings further {@code -Dname=value} options
     * @return its exit code and output
     * @throws IOException          if the JVM cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public static Outcome run(Path dataDir, String... settings) throws IOException, InterruptedException {
        return exec(RepositoryProcess.command("eu.useit.runtime.Repository", dataDir, true, Arrays.asList(settings)),
                    dataDir);
    }

    /**
     * Runs a DSpace command as {@code ./useit dspace} does, with no repository running on the data directory, until
     * it exits (at most two minutes).
     *
     * @param dataDir  the data directory to give it
     * @param settings further {@code -Dname=value} options
     * @param args     the command and its arguments
     * @return its exit code and output
     * @throws IOException          if the JVM cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public static Outcome command(Path dataDir, List<String> settings, String... args)
        throws IOException, InterruptedException {
        List<String> command = RepositoryProcess.command("eu.useit.runtime.DSpaceCommand", dataDir, true, settings);
        command.addAll(Arrays.asList(args));
        return exec(command, dataDir);
    }

    private static Outcome exec(List<String> command, Path dataDir) throws IOException, InterruptedException {
        Files.createDirectories(dataDir.getParent());
        Path out = dataDir.resolveSibling(dataDir.getFileName() + ".out");
        Path err = dataDir.resolveSibling(dataDir.getFileName() + ".err");
        Process process = new ProcessBuilder(command)
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not stop within two minutes");
        }
        return new Outcome(process.exitValue(),
                           Files.readString(out, StandardCharsets.UTF_8),
                           Files.readString(err, StandardCharsets.UTF_8));
    }
}
