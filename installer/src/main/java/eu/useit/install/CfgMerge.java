/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Merges the USE-IT! settings into a site's {@code config/dspace.cfg} and {@code config/local.cfg}:
 * <ul>
 * <li>{@code dspace.cfg} gets {@code include = ${module_dir}/useit.cfg} after its last include, unless it already
 * includes {@code useit.cfg}. It goes in {@code dspace.cfg}, not {@code local.cfg}: DSpace lets {@code local.cfg}
 * override, so list settings of {@code useit.cfg} included from there ({@code registry.metadata.load}, curation
 * tasks, {@code spring.springloader.modules}) would replace the site's lists instead of adding to them; a
 * {@code local.cfg} that includes it is refused.</li>
 * <li>{@code event.dispatcher.default.consumers} and {@code event.dispatcher.noindex.consumers} get
 * {@code useitoai}, keeping the site's consumers: added to the setting in {@code local.cfg} if it is there, else
 * written to {@code local.cfg} (created if needed) as the list {@code dspace.cfg} has plus {@code useitoai}.</li>
 * <li>{@code event.consumer.discovery.class} becomes the addon's {@code DiscoveryConsumer} (in {@code local.cfg})
 * when {@code dspace.cfg} names DSpace's own: a commit then never fails, nor loses its search update, when Solr is
 * down. A consumer class of the site's own, or DSpace's named in {@code local.cfg}, is left, with a note.</li>
 * </ul>
 */
final class CfgMerge {

    /** The main configuration, relative to the DSpace home. */
    static final String DSPACE_CFG = "config/dspace.cfg";

    /** The site's overrides, relative to the DSpace home. */
    static final String LOCAL_CFG = "config/local.cfg";

    /** Our event consumer ({@code event.consumer.useitoai.class} in {@code useit.cfg}). */
    static final String CONSUMER = "useitoai";

    /** The dispatchers whose consumers must include ours. */
    static final List<String> DISPATCHERS =
        List.of("event.dispatcher.default.consumers", "event.dispatcher.noindex.consumers");

    /** The setting that names the search index's event consumer. */
    static final String SEARCH_CONSUMER = "event.consumer.discovery.class";

    /** Our search consumer: DSpace's, but a search index that is down never fails the commit. */
    static final String OUR_SEARCH_CONSUMER = "eu.useit.dspace.search.DiscoveryConsumer";

    /** DSpace's own search consumer, which ours replaces. */
    static final String DSPACE_SEARCH_CONSUMER = "org.dspace.discovery.IndexEventConsumer";

    private static final String INCLUDE = "include";
    private static final String OUR_CFG = "useit.cfg";

    /**
     * What the merge made of the two files.
     *
     * @param dspaceCfg {@code dspace.cfg}
     * @param localCfg  {@code local.cfg}
     */
    record Result(Merged dspaceCfg, Merged localCfg) {
    }

    private CfgMerge() {
    }

    /**
     * @param dspaceCfg the site's {@code dspace.cfg}
     * @param localCfg  the site's {@code local.cfg}, or null if it has none
     * @return the merged files and what changed
     * @throws InstallException if {@code local.cfg} includes ours: its settings override, so our lists would
     *                          replace DSpace's ({@code spring.springloader.modules}: DSpace would load none of its
     *                          own Spring files)
     */
    static Result merge(byte[] dspaceCfg, byte[] localCfg) throws InstallException {
        CfgFile main = CfgFile.of(text(dspaceCfg));
        CfgFile local = CfgFile.of(localCfg == null ? "" : text(localCfg));
        List<String> mainChanges = new ArrayList<>();
        List<String> localChanges = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        if (includesOurs(local)) {
            throw new InstallException(LOCAL_CFG + " includes " + OUR_CFG + ": settings of local.cfg override "
                                           + DSPACE_CFG + "'s, so our lists would replace DSpace's instead of adding"
                                           + " to them (spring.springloader.modules: DSpace would load none of its "
                                           + "Spring files and not start; registry.metadata.load, curation tasks);"
                                           + " move the include to " + DSPACE_CFG + "; nothing was changed");
        }
        if (!includesOurs(main)) {
            String include = INCLUDE + " = " + (main.entries("module_dir").isEmpty() ? "modules" : "${module_dir}")
                + "/" + OUR_CFG;
            List<String> lines = List.of("# The USE-IT! addon's settings (added by useit-install)", include);
            List<CfgFile.Entry> includes = main.entries(INCLUDE);
            if (includes.isEmpty()) {
                main.append(lines);
            } else {
                main.insertAfter(includes.get(includes.size() - 1).lastLine(), lines);
            }
            mainChanges.add("added " + include);
        }

        List<String> block = new ArrayList<>();
        for (String dispatcher : DISPATCHERS) {
            List<CfgFile.Entry> overrides = local.entries(dispatcher);
            if (!overrides.isEmpty()) {
                if (!local.values(dispatcher).contains(CONSUMER)) {
                    local.addValue(overrides.get(overrides.size() - 1), CONSUMER);
                    localChanges.add("added " + CONSUMER + " to " + dispatcher);
                }
                continue;
            }
            Set<String> consumers = main.values(dispatcher);
            if (!consumers.contains(CONSUMER)) {
                List<String> list = new ArrayList<>(consumers);
                list.add(CONSUMER);
                block.add(dispatcher + " = " + String.join(", ", list));
                localChanges.add("set " + dispatcher + " = " + String.join(", ", list) + " (" + DSPACE_CFG
                                     + "'s consumers and " + CONSUMER + ")");
            }
        }
        searchConsumer(main, local, block, localChanges, notes);
        if (!block.isEmpty()) {
            if (localCfg == null) {
                local.append(List.of("# Settings of this DSpace site, over those of dspace.cfg (created by "
                                         + "useit-install)"));
            }
            block.add(0, "# USE-IT!: the " + CONSUMER + " consumer keeps the OAI-PMH index current (added by "
                + "useit-install)");
            local.append(block);
        }
        return new Result(merged(main, mainChanges, notes), merged(local, localChanges, List.of()));
    }

    private static void searchConsumer(CfgFile main, CfgFile local, List<String> block, List<String> changes,
                                       List<String> notes) {
        Set<String> set = local.entries(SEARCH_CONSUMER).isEmpty() ? main.values(SEARCH_CONSUMER)
                                                                    : local.values(SEARCH_CONSUMER);
        if (set.isEmpty() || set.contains(OUR_SEARCH_CONSUMER)) {
            return;
        }
        if (!set.equals(Set.of(DSPACE_SEARCH_CONSUMER))) {
            notes.add(SEARCH_CONSUMER + " is the site's own (" + String.join(", ", set) + "), left as it is: "
                          + "a search update that fails when Solr is down is not queued by USE-IT!");
            return;
        }
        if (!local.entries(SEARCH_CONSUMER).isEmpty()) {
            notes.add(LOCAL_CFG + " sets " + SEARCH_CONSUMER + " to DSpace's, left as it is; set it to "
                          + OUR_SEARCH_CONSUMER + " so that a search update that fails when Solr is down is queued");
            return;
        }
        block.add("# USE-IT!: DSpace's search consumer, but a commit never fails, nor loses its search update, "
                      + "when Solr is down (added by useit-install)");
        block.add(SEARCH_CONSUMER + " = " + OUR_SEARCH_CONSUMER);
        changes.add("set " + SEARCH_CONSUMER + " = " + OUR_SEARCH_CONSUMER);
    }

    private static boolean includesOurs(CfgFile file) {
        for (String value : file.values(INCLUDE)) {
            String path = value.replace('\\', '/');
            if (path.equals(OUR_CFG) || path.endsWith("/" + OUR_CFG)) {
                return true;
            }
        }
        return false;
    }

    private static Merged merged(CfgFile file, List<String> changes, List<String> notes) {
        byte[] content = changes.isEmpty() ? null : file.text().getBytes(StandardCharsets.ISO_8859_1);
        return new Merged(content, changes, notes);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
