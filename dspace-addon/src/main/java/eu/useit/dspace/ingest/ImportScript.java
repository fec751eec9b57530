/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import eu.useit.dspace.support.UseitBeans;
import eu.useit.dspace.support.UseitScript;
import org.apache.commons.cli.ParseException;
import org.dspace.authorize.AuthorizeException;
import org.dspace.authorize.factory.AuthorizeServiceFactory;
import org.dspace.core.Context;
import org.dspace.eperson.EPerson;
import org.dspace.services.factory.DSpaceServicesFactory;

/**
 * {@code dspace useit-import -f records.csv|records.json -e admin@example.org [--dry-run]}: bulk deposit of
 * USE-IT! records. Every problem of a bad file is reported as "row, column: reason" and nothing is imported; a
 * good file is imported in one transaction; a rerun updates the items by key instead of duplicating them.
 * Progress (rate, time left) goes to the command's output.
 */
public class ImportScript extends UseitScript<ImportScriptConfiguration> {

    private String file;
    private boolean dryRun;
    private String email;
    private String format;

    @Override
    public void setup() throws ParseException {
        file = commandLine.getOptionValue('f');
        dryRun = commandLine.hasOption('n');
        email = commandLine.getOptionValue('e');
        String name = file.toLowerCase(Locale.ROOT);
        format = commandLine.getOptionValue("format", name.endsWith(".json") ? "json" : "csv");
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ParseException("--format must be csv or json, not " + format);
        }
    }

    @Override
    public void internalRun() throws Exception {
        long start = System.nanoTime();
        Context context = new Context(Context.Mode.READ_WRITE);
        try {
            context.setCurrentUser(depositor(context));
            List<ImportRecord> records = read(context);
            handler.logInfo("useit-import: " + file + ": " + records.size() + " records"
                                + (dryRun ? " (dry run: nothing is written)" : ""));
            // as the depositing administrator, with authorisation on
            String dspaceDir = DSpaceServicesFactory.getInstance().getConfigurationService()
                                                    .getProperty("dspace.dir");
            ImportServices services = UseitBeans.get(ImportServices.BEAN, ImportServices.class);
            UseitImporter.Summary summary = new UseitImporter(services, Path.of(dspaceDir))
                .run(context, records, dryRun, handler::logInfo);
            if (dryRun) {
                context.abort();
                handler.logInfo("useit-import: the file is valid; it would create " + summary.created()
                                    + " and update up to " + summary.updated() + " items");
                return;
            }
            context.complete();
            double seconds = (System.nanoTime() - start) / 1e9;
            handler.logInfo(String.format(Locale.ROOT, "useit-import: %s (%.1f s, %.1f records/s)", summary,
                                          seconds, records.size() / seconds));
        } catch (ImportException e) {
            e.problems().forEach(p -> handler.logError(p.toString()));
            String verdict = "useit-import: " + e.problems().size() + " problem(s) in " + file
                + "; nothing was imported";
            handler.logError(verdict);
            // on the command line: exit status 1, no stack trace (the problems above say it all)
            throw new Failure(verdict);
        } finally {
            if (context.isValid()) {
                context.abort();
            }
        }
    }

    /** The file: on the command line a path, through REST the upload of that name (never a server path). */
    private List<ImportRecord> read(Context context) throws Exception {
        Optional<InputStream> in;
        try {
            in = handler.getFileStream(context, file);
        } catch (AuthorizeException e) {
            // DSpace's REST handler, asked for a file the process was not given, asks to read nothing
            in = Optional.empty();
        }
        if (in == null || in.isEmpty()) {
            throw new ImportException(new ImportProblem("file", null, "no such file: " + file));
        }
        byte[] bytes;
        try (InputStream stream = in.get()) {
            bytes = stream.readNBytes(TextRules.MAX_FILE + 1);
        }
        if (bytes.length > TextRules.MAX_FILE) {
            throw new ImportException(new ImportProblem("file", null, "larger than " + TextRules.MAX_FILE / 1024 / 1024
                + " MiB; split it into several files"));
        }
        return "json".equals(format) ? JsonRecords.read(bytes) : CsvRecords.read(bytes);
    }

    private EPerson depositor(Context context) throws Exception {
        EPerson user = startingUser(context, email);
        if (user == null) {
            throw new ImportException(new ImportProblem("command", "-e", email == null
                ? "give the depositor's email with -e (an administrator)" : "no user with email " + email));
        }
        context.setCurrentUser(user);
        if (!AuthorizeServiceFactory.getInstance().getAuthorizeService().isAdmin(context)) {
            throw new ImportException(new ImportProblem("command", "-e", user.getEmail()
                + " is not an administrator"));
        }
        return user;
    }
}
