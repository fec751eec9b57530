/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The addon's drop-ins, each by its path under {@code [dspace]/config} ({@code modules/useit.cfg},
 * {@code registries/useit-types.xml}): the project's {@code config/} tree and {@code metadata-schemas/*.xml},
 * which the build packs into the addon jar under {@value #PACKAGE} (the OAI crosswalks travel apart, with the OAI
 * merge). A site that only added the jar gets them from the class path.
 * <p>
 * Two kinds: files named {@code useit...} are the addon's own and are copied whole ({@link #copies()}); the few
 * that carry a DSpace file's name ({@link #MERGED}) are merged into the site's file. Any other name would
 * overwrite a site file, so the install refuses it ({@link #unknown()}).
 */
public final class DropIns {

    /** Where the drop-ins are on the class path. */
    public static final String PACKAGE = "eu/useit/install/config/";

    /** Drop-ins with a DSpace file's name, merged into the site's file. */
    public static final Set<String> MERGED =
        Set.of("item-submission.xml", "submission-forms.xml", "workflow-curation.xml");

    /** Where metadata registry files go. */
    public static final String REGISTRIES = "registries/";

    private final Map<String, byte[]> files;

    private DropIns(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * @return the drop-ins the addon jar carries
     * @throws IOException if the class path cannot be read, or has none
     */
    public static DropIns bundled() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver =
            new PathMatchingResourcePatternResolver(DropIns.class.getClassLoader());
        for (Resource resource : resolver.getResources("classpath*:" + PACKAGE + "**")) {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf(PACKAGE);
            if (at < 0 || url.endsWith("/") || !resource.isReadable()) {
                continue;
            }
            String path = url.substring(at + PACKAGE.length());
            if (path.isEmpty() || files.containsKey(path) || isDirectory(resource)) {
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                files.put(path, in.readAllBytes());
            }
        }
        if (files.isEmpty()) {
            throw new IOException("the addon jar carries no drop-ins under " + PACKAGE + " (a broken build?)");
        }
        return new DropIns(files);
    }

    /**
     * @param files drop-ins by path under {@code [dspace]/config}
     * @return those drop-ins (for tests and other sources)
     */
    public static DropIns of(Map<String, byte[]> files) {
        return new DropIns(files);
    }

    /**
     * @return every drop-in's path under {@code [dspace]/config}, sorted
     */
    public Set<String> paths() {
        return files.keySet();
    }

    /**
     * @param path a path under {@code [dspace]/config}
     * @return the drop-in's content, or null if there is none
     */
    public byte[] read(String path) {
        byte[] content = files.get(path);
        return content == null ? null : content.clone();
    }

    /**
     * @return the drop-ins copied whole: those whose file name starts with {@code useit}
     */
    public List<String> copies() {
        List<String> copies = new ArrayList<>();
        for (String path : files.keySet()) {
            if (fileName(path).startsWith(KeyedElements.OWNED_PREFIX) && !MERGED.contains(path)) {
                copies.add(path);
            }
        }
        return copies;
    }

    /**
     * @return the registry files among the copies ({@code registries/useit-types.xml}, ...)
     */
    public List<String> registries() {
        return copies().stream().filter(p -> p.startsWith(REGISTRIES) && p.endsWith(".xml")).toList();
    }

    /**
     * @return drop-ins the install does not know what to do with: neither the addon's own nor merged
     */
    public List<String> unknown() {
        List<String> unknown = new ArrayList<>();
        for (String path : files.keySet()) {
            if (!MERGED.contains(path) && !fileName(path).startsWith(KeyedElements.OWNED_PREFIX)) {
                unknown.add(path);
            }
        }
        return unknown;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isDirectory(Resource resource) {
        try {
            return resource.isFile() && resource.getFile().isDirectory();
        } catch (IOException e) {
            return false;
        }
    }
}
