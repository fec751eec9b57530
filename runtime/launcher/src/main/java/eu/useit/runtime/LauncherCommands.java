/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * The commands of the DSpace home's {@code config/launcher.xml} (those of DSpace's launcher that are not script
 * beans: {@code dsrun}, {@code oai}, {@code registry-loader}, {@code database} ...), read as DSpace's
 * {@code ScriptLauncher} reads them, but without following a DOCTYPE or an external entity.
 */
public final class LauncherCommands {

    /** The command that runs a class named by the user, whose step names no class. */
    public static final String DSRUN = "dsrun";

    private final Document document;

    private LauncherCommands(Document document) {
        this.document = document;
    }

    /**
     * @param dspaceDir the DSpace home
     * @return its launcher commands
     * @throws StartupException if {@code config/launcher.xml} is missing or malformed
     */
    public static LauncherCommands of(Path dspaceDir) {
        Path file = dspaceDir.resolve("config").resolve("launcher.xml");
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setExpandEntities(false);
        try {
            return new LauncherCommands(builder.build(file.toFile()));
        } catch (JDOMException | IOException e) {
            throw new StartupException("dspace.dir=" + dspaceDir + ": config/launcher.xml cannot be read: "
                                           + StartupException.rootMessage(e), e);
        }
    }

    /**
     * @return the document, as DSpace's {@code ScriptLauncher.handleScript} takes it
     */
    public Document document() {
        return document;
    }

    /**
     * @return every command's name, in the file's order
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Element command : document.getRootElement().getChildren("command")) {
            names.add(command.getChildTextTrim("name"));
        }
        return names;
    }

    /**
     * @param name a command name (DSpace's launcher ignores case)
     * @return whether the file has it
     */
    public boolean has(String name) {
        return command(name) != null;
    }

    /**
     * @param name a command of the file
     * @return the first class its steps name that this JVM cannot load, or null when every one loads
     */
    public String missingClass(String name) {
        Element command = command(name);
        if (command == null) {
            return null;
        }
        for (Element step : command.getChildren("step")) {
            String className = step.getChildTextTrim("class");
            if (DSRUN.equals(className)) {
                continue;
            }
            try {
                Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return className;
            }
        }
        return null;
    }

    private Element command(String name) {
        for (Element command : document.getRootElement().getChildren("command")) {
            if (name.equalsIgnoreCase(command.getChildTextTrim("name"))) {
                return command;
            }
        }
        return null;
    }
}
