/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.Assert.assertThrows;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.access.ReadPolicies;
import org.junit.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The web application's configurations get the beans of {@code useit-services.xml} from DSpace's kernel: one that is
 * missing (a drop-in older than the addon jar) stops them with the bean's name and the step that adds it.
 */
public class UseitBeansTest {

    @Test
    public void aMissingBeanIsNamedWithTheStepThatInstallsIt() {
        StaticListableBeanFactory kernel = new StaticListableBeanFactory();

        IllegalStateException missing = assertThrows(IllegalStateException.class,
            () -> UseitBeans.installed(kernel.getBeanProvider(AnonymousAccess.class), AnonymousAccess.BEAN));

        assertThat(missing.getMessage(), containsString("DSpace has no bean useitAnonymousAccess"));
        assertThat(missing.getMessage(), containsString("useit-services.xml is missing or older than the addon jar"));
        assertThat(missing.getMessage(), containsString("useit-install"));
    }

    @Test
    public void aBeanDefinedWithoutOneItNowNeedsNamesTheStepThatInstallsIt() {
        GenericApplicationContext kernel = new GenericApplicationContext();
        // an older useit-services.xml: the bean is there, what its constructor now needs is not
        kernel.registerBean(AnonymousAccess.BEAN, AnonymousAccess.class, definition -> definition.setLazyInit(true));
        kernel.refresh();

        IllegalStateException older = assertThrows(IllegalStateException.class,
            () -> UseitBeans.get(kernel, AnonymousAccess.BEAN, AnonymousAccess.class));

        assertThat(older.getMessage(), containsString("DSpace cannot make bean useitAnonymousAccess: "));
        assertThat(older.getMessage(), containsString(ReadPolicies.class.getName()));
        assertThat(older.getMessage(), containsString("useit-services.xml may be older than the addon jar"));
        assertThat(older.getMessage(), containsString("useit-install"));
    }

    @Test
    public void anInstalledBeanIsGiven() {
        AnonymousAccess access = new AnonymousAccess(new ReadPolicies(null, null));
        StaticListableBeanFactory kernel = new StaticListableBeanFactory();
        kernel.addBean(AnonymousAccess.BEAN, access);

        assertThat(UseitBeans.installed(kernel.getBeanProvider(AnonymousAccess.class), AnonymousAccess.BEAN),
                   sameInstance(access));
    }
}
