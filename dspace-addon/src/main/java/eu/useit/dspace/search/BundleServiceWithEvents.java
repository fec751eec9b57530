/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.search;

import org.dspace.content.Bundle;
import org.dspace.content.BundleServiceImpl;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.event.Event;

/**
 * DSpace's bundle service, which also tells when a bundle's policies change: DSpace's policy service calls
 * {@link #updateLastModified} each time it adds, changes or removes policies of a bundle (not when it removes a
 * deleted group's or account's policies), and DSpace does nothing there for a bundle (files and items fire an
 * event). Here it fires a {@code MODIFY} event of the bundle, so the index queue's
 * consumer ({@code useitoai}) queues the bundle's items: their public records and the files whose text and names
 * their search documents may hold depend on who may read the bundle. DSpace's own search consumer ignores it.
 * Given to DSpace's bean by {@link IndexingSwap}.
 */
public class BundleServiceWithEvents extends BundleServiceImpl {

    /**
     * Made by Spring, in place of DSpace's bundle service; its services are injected as DSpace's are.
     */
    public BundleServiceWithEvents() {
        super();
    }

    @Override
    public void updateLastModified(Context context, Bundle bundle) {
        super.updateLastModified(context, bundle);
        // a bundle has no identifiers (DSpace's own bundle events carry none)
        context.addEvent(new Event(Event.MODIFY, Constants.BUNDLE, bundle.getID(), null));
    }
}
