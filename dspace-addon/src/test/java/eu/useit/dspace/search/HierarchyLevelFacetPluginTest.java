/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;

public class HierarchyLevelFacetPluginTest {

    private static HierarchyLevelFacetPlugin level(int level) {
        HierarchyLevelFacetPlugin plugin = new HierarchyLevelFacetPlugin();
        plugin.setSplitter("::");
        plugin.setLevel(level);
        return plugin;
    }

    @Test
    public void aSubThemeIsItsLabelPath() {
        assertThat(level(2).cut("Skills Matching::Placements"), is("Skills Matching::Placements"));
    }

    @Test
    public void aStrandAloneIsNoSubTheme() {
        assertThat(level(2).cut("Skills Matching"), is(nullValue()));
        assertThat(level(2).cut(null), is(nullValue()));
    }

    @Test
    public void deeperValuesCountForTheirAncestorAtTheLevel() {
        assertThat(level(2).cut("A::B::C"), is("A::B"));
        assertThat(level(1).cut("A::B::C"), is("A"));
    }

    @Test
    public void blankPartsAndSpacesAroundThemAreNotValues() {
        assertThat(level(2).cut("Skills Matching:: "), is(nullValue()));
        assertThat(level(2).cut(" Skills Matching :: Placements "), is("Skills Matching::Placements"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void levelsStartAtOne() {
        level(0);
    }
}
