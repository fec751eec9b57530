/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -cp … eu.useit.install.HomeInstall [-a [-x]] <base> <home>}: makes a DSpace home by installing the addon
 * into a copy of a bare one, as a site's administrator does with {@code useit-install} — the same drop-ins, the same
 * merges, the same checks of every merged file. The build makes the embedded runtime's home this way from
 * {@code runtime/home}, so every start of {@code ./useit run} runs what the install made.
 * <p>
 * Only the file part ({@link InstallFiles}) runs here: no DSpace kernel is running yet. The database part is done
 * by the home's own first start (DSpace's migration loads {@code registry.metadata.load}, which the install extends
 * with ours; {@code useit-structure} creates the item and relationship types). {@code <home>} is made anew each
 * time; the backups a site gets of the files the install replaces are not kept, as the base is their copy.
 */
public final class HomeInstall {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private HomeInstall() {
    }

    /**
     * @param args {@code -a} (the home's own OAI contexts get our formats and sets too, as {@code useit-install -a}
     *             gives them on a site), {@code -x} with it (our crosswalks there for the prefixes they serve), the
     *             bare DSpace home and the home to make; exits with status 1 (one error line) on failure
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs as {@link #main} does, without leaving the JVM.
     *
     * @param args as for {@link #main}
     * @param out  where the install's lines go
     * @param err  where an error line goes
     * @return 0 when the home is made, 1 when it could not be, 2 for a usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> paths = new ArrayList<>(List.of(args));
        boolean all = paths.remove("-" + SiteContexts.ALL);
        boolean crosswalks = paths.remove("-" + SiteContexts.CROSSWALKS);
        if (paths.size() != 2) {
            err.println("usage: HomeInstall [-a [-x]] <bare DSpace home> <home to make>");
            return 2;
        }
        Path base = Path.of(paths.get(0)).toAbsolutePath().normalize();
        Path home = Path.of(paths.get(1)).toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(base.resolve("config").resolve("dspace.cfg"))) {
                throw new InstallException(base + ": not a DSpace home (it has no config/dspace.cfg)");
            }
            SiteContexts siteContexts = SiteContexts.of(all, crosswalks);
            copyAnew(base, home);
            InstallFiles files = new InstallFiles(home, InstallFiles.defaultXoai(home), DropIns.bundled(),
                                                  Clock.systemDefaultZone(), siteContexts);
            InstallPlan plan = files.plan();
            Journal journal = files.apply(plan);
            for (Path backup : journal.backups()) {
                Files.delete(backup);
            }
            InstallReport report = new InstallReport(home, plan.changes(), plan.notes(), journal.warnings(), List.of(),
                                                     false);
            report.lines().forEach(out::println);
            out.println(report.summary());
            return 0;
        } catch (InstallException | IOException e) {
            err.println(Install.NAME + ": " + home + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * Merges the addon's settings into a home's own {@code config/local.cfg}, as the install does on a site: for a
     * home refreshed from one the install made ({@code ./useit run}'s data directory), whose administrator keeps a
     * {@code local.cfg} of their own in place of the one the install wrote. Written as the install writes (a backup
     * {@code local.cfg.useit-backup-<time>}, the file's permissions kept); nothing when nothing is missing.
     *
     * @param home the DSpace home
     * @return what changed, one line each
     * @throws InstallException if a file cannot be read or written, or {@code local.cfg} includes
     *                          {@code useit.cfg} (refused: {@link CfgMerge})
     */
    public static List<String> mergeSettings(Path home) throws InstallException {
        Path dspaceCfg = home.resolve(CfgMerge.DSPACE_CFG);
        Path localCfg = home.resolve(CfgMerge.LOCAL_CFG);
        Merged merged;
        try {
            byte[] local = Files.exists(localCfg) ? Files.readAllBytes(localCfg) : null;
            merged = CfgMerge.merge(Files.readAllBytes(dspaceCfg), local).localCfg();
        } catch (IOException e) {
            throw new InstallException(localCfg + ": cannot merge the USE-IT! settings: " + e.getMessage(), e);
        }
        if (!merged.changed()) {
            return List.of();
        }
        // as the install writes: the administrator's file backed up, its permissions kept, all or nothing
        Journal.writeAll(LocalDateTime.now().format(STAMP),
                         List.of(new FileChange(localCfg, CfgMerge.LOCAL_CFG, merged.content(), merged.changes())));
        return merged.changes().stream().map(change -> CfgMerge.LOCAL_CFG + ": " + change).toList();
    }

    private static void copyAnew(Path base, Path home) throws IOException, InstallException {
        if (home.startsWith(base) || base.startsWith(home)) {
            throw new InstallException(home + ": the home to make must be outside the base " + base
                                           + " (and the base outside it)");
        }
        if (Files.exists(home)) {
            Files.walkFileTree(home, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(home.resolve(base.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, home.resolve(base.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
