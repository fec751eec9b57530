/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.install;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class CfgMergeTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    public void aStockLikeSiteGetsTheIncludeInDspaceCfgAndTheConsumersInANewLocalCfg() throws Exception {
        String site = SiteHome.text("dspace.cfg");

        CfgMerge.Result first = CfgMerge.merge(bytes(site), null);

        assertThat(first.dspaceCfg().changes(), contains("added include = ${module_dir}/useit.cfg"));
        assertThat(text(first.dspaceCfg().content()),
                   containsString("include = ${module_dir}/oai.cfg\n"
                                      + "# The USE-IT! addon's settings (added by useit-install)\n"
                                      + "include = ${module_dir}/useit.cfg\n"
                                      + "# include = ${module_dir}/useit.cfg (a comment does not count)\n"));
        // every line of the site's file is still there, in order
        String added = "# The USE-IT! addon's settings (added by useit-install)\ninclude = ${module_dir}/useit.cfg\n";
        assertThat(text(first.dspaceCfg().content()).replace(added, ""), is(site));
        assertThat(first.localCfg().changes(), contains(
            "set event.dispatcher.default.consumers = versioning, discovery, eperson, useitoai "
                + "(config/dspace.cfg's consumers and useitoai)",
            "set event.dispatcher.noindex.consumers = eperson, useitoai (config/dspace.cfg's consumers and useitoai)"));
        String local = text(first.localCfg().content());
        assertThat(local, startsWith("# Settings of this DSpace site, over those of dspace.cfg"));
        assertThat(local, containsString("\nevent.dispatcher.default.consumers = versioning, discovery, eperson, "
                                             + "useitoai\nevent.dispatcher.noindex.consumers = eperson, useitoai\n"));

        CfgMerge.Result second = CfgMerge.merge(first.dspaceCfg().content(), first.localCfg().content());
        assertThat(second.dspaceCfg().changed(), is(false));
        assertThat(second.localCfg().changed(), is(false));
        assertThat(second.dspaceCfg().changes(), empty());
    }

    @Test
    public void aSitesOwnConsumersInLocalCfgGetOursAddedInPlace() throws Exception {
        String local = "# my overrides\r\n"
            + "event.dispatcher.default.consumers = discovery,\\\r\n    eperson, doi\r\n"
            + "event.dispatcher.noindex.consumers =\r\n"
            + "dspace.name = Mine\r\n";

        CfgMerge.Result first = CfgMerge.merge(bytes(SiteHome.text("dspace.cfg")), bytes(local));

        assertThat(first.localCfg().changes(), contains("added useitoai to event.dispatcher.default.consumers",
                                                        "added useitoai to event.dispatcher.noindex.consumers"));
        assertThat(text(first.localCfg().content()), is("# my overrides\r\n"
            + "event.dispatcher.default.consumers = discovery,\\\r\n    eperson, doi, useitoai\r\n"
            + "event.dispatcher.noindex.consumers = useitoai\r\n"
            + "dspace.name = Mine\r\n"));
        assertThat(CfgMerge.merge(first.dspaceCfg().content(), first.localCfg().content()).localCfg().changed(),
                   is(false));
    }

    @Test
    public void dspacesSearchConsumerBecomesOursInLocalCfgAndASitesOwnIsLeftWithANote() throws Exception {
        String main = "include = modules/useit.cfg\nevent.dispatcher.default.consumers = discovery, useitoai\n"
            + "event.dispatcher.noindex.consumers = useitoai\n"
            + "event.consumer.discovery.class = org.dspace.discovery.IndexEventConsumer\n";

        CfgMerge.Result stock = CfgMerge.merge(bytes(main), bytes("dspace.name = Mine\n"));

        assertThat(stock.dspaceCfg().changed(), is(false));
        assertThat(stock.localCfg().changes(),
                   contains("set event.consumer.discovery.class = eu.useit.dspace.search.DiscoveryConsumer"));
        assertThat(text(stock.localCfg().content()), startsWith("dspace.name = Mine\n"));
        assertThat(text(stock.localCfg().content()),
                   containsString("\nevent.consumer.discovery.class = eu.useit.dspace.search.DiscoveryConsumer\n"));
        assertThat(CfgMerge.merge(bytes(main), stock.localCfg().content()).localCfg().changed(), is(false));

        CfgMerge.Result own = CfgMerge.merge(bytes(main.replace("org.dspace.discovery.IndexEventConsumer",
                                                                "org.example.MyConsumer")), null);
        assertThat(own.localCfg().changed(), is(false));
        assertThat(own.dspaceCfg().notes(), contains(startsWith("event.consumer.discovery.class is the site's own "
                                                                    + "(org.example.MyConsumer), left as it is")));
    }

    @Test
    public void aSiteThatHasItAllIsLeftAlone() throws Exception {
        String main = "module_dir = modules\ninclude = ${module_dir}/a.cfg, ${module_dir}/useit.cfg\n"
            + "event.dispatcher.default.consumers = discovery, useitoai\n"
            + "event.dispatcher.noindex.consumers = useitoai\n";

        CfgMerge.Result result = CfgMerge.merge(bytes(main), null);

        assertThat(result.dspaceCfg().content(), nullValue());
        assertThat(result.localCfg().content(), nullValue());
        assertThat(result.dspaceCfg().notes(), empty());
    }

    @Test
    public void anIncludeInLocalCfgIsRefusedWithTheReason() throws Exception {
        String main = "module_dir = modules\nevent.dispatcher.default.consumers = useitoai\n"
            + "event.dispatcher.noindex.consumers = useitoai\n";
        for (String mainWithOurs : List.of(main, main + "include = ${module_dir}/useit.cfg\n")) {
            InstallException refused = assertThrows(InstallException.class,
                () -> CfgMerge.merge(bytes(mainWithOurs), bytes("include = modules/useit.cfg\n")));
            assertThat(refused.getMessage(), startsWith("config/local.cfg includes useit.cfg: "));
            assertThat(refused.getMessage(), containsString("spring.springloader.modules"));
            assertThat(refused.getMessage(), endsWith("move the include to config/dspace.cfg; nothing was changed"));
        }
    }

    @Test
    public void aSiteWithoutIncludesGetsOneAtTheEnd() throws Exception {
        CfgMerge.Result result = CfgMerge.merge(bytes("dspace.dir = /srv/dspace"), bytes(""));

        assertThat(text(result.dspaceCfg().content()),
                   is("dspace.dir = /srv/dspace\n\n# The USE-IT! addon's settings (added by useit-install)\n"
                          + "include = modules/useit.cfg\n"));
        assertThat(text(result.localCfg().content()), containsString("event.dispatcher.default.consumers = useitoai"));
    }
}
