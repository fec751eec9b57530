/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.curation;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.useit.dspace.support.ExplainedRefusal;
import eu.useit.dspace.support.RestParameters;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.dspace.content.Collection;
import org.dspace.content.Community;
import org.dspace.content.DSpaceObject;
import org.dspace.content.Item;
import org.dspace.content.service.ItemService;
import org.dspace.core.Context;
import org.dspace.curate.CurationScriptConfiguration;
import org.dspace.handle.factory.HandleServiceFactory;
import org.dspace.scripts.DSpaceCommandLineParameter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DSpace's {@code curate} command ({@code config/spring/rest/useit-curation.xml} gives its bean this class), with
 * DSpace 8.1's options and its rules made safe for callers of the REST API (the Processes page).
 * <p>
 * On the server's command line ({@code [dspace]/bin/dspace curate}, {@code ./useit dspace curate}) nothing changes:
 * every option, {@code -e} naming the curating account. Through REST, where DSpace 8.1 lets an administrator of
 * the object named by {@code -i} (a collection's or an item's) run it, DSpace would open the file named by
 * {@code -T}, write the file named by {@code -r}, read and delete the queue file named by {@code -q}, and run as
 * the account named by {@code -e}: those options are refused to every REST caller, and the command runs as the
 * caller ({@link UseitCuration}). The object is the one the command will curate ({@code -i} parsed as the command
 * parses it, given once): its administrators may run a task on it, a community or collection only when they
 * administer every item the task will reach (none mapped in from a collection of others); on all objects
 * ({@code -i all}), one that is not found, or none, site administrators only.
 */
public class UseitCurationScriptConfiguration extends CurationScriptConfiguration<UseitCuration>
    implements ExplainedRefusal {

    /** The options whose values are files or accounts of the server: for its command line only. */
    private static final Set<String> COMMAND_LINE_ONLY = Set.of("T", "r", "q", "e");

    /** How many mapped items are read at a time. */
    private static final int PAGE = 500;

    @Autowired
    private ItemService itemService;

    @Override
    public synchronized Options getOptions() {
        if (options == null) {
            Options all = super.getOptions();
            all.addOption("e", "eperson", true, "the e-mail address of the curating account (command line only)");
            options = all;
        }
        return options;
    }

    @Override
    public boolean isAllowedToExecute(Context context, List<DSpaceCommandLineParameter> parameters) {
        if (parameters == null) {
            // whether to list the command at all: DSpace's rule (site, community, collection or item administrators)
            return super.isAllowedToExecute(context, null);
        }
        if (RestParameters.refusal(getOptions(), parameters, COMMAND_LINE_ONLY).isPresent()) {
            return false;
        }
        String[] ids;
        try {
            ids = RestParameters.parse(getOptions(), parameters).getOptionValues('i');
        } catch (ParseException e) {
            return false;
        }
        try {
            if (ids == null || ids.length != 1 || "all".equalsIgnoreCase(ids[0])) {
                return authorizeService.isAdmin(context);
            }
            // the handle as the command will look it up: DSpace's Curation lower-cases it
            DSpaceObject object = HandleServiceFactory.getInstance().getHandleService()
                                                      .resolveToObject(context, ids[0].toLowerCase());
            boolean siteAdministrator = authorizeService.isAdmin(context);
            if (object == null || siteAdministrator) {
                return siteAdministrator;
            }
            return authorizeService.isAdmin(context, object) && administersEveryItem(context, object);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell who may curate " + String.join(" ", ids), e);
        }
    }

    /**
     * A site administrator's parameters that name an option for the command line only, or that the command would not
     * parse, are refused with the reason; anybody else's are refused (HTTP 403) without one.
     */
    @Override
    public Optional<String> refusal(Context context, List<DSpaceCommandLineParameter> parameters) {
        try {
            if (!authorizeService.isAdmin(context)) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell whether the user is an administrator", e);
        }
        return RestParameters.refusal(getOptions(), parameters, COMMAND_LINE_ONLY).map(why -> getName() + ": " + why);
    }

    /**
     * Whether the caller administers every item the command will curate in a community or collection: DSpace's
     * curator walks every archived item of each collection below it, items mapped in from other collections too,
     * which are their own collections' administrators' (and may be hidden from the caller, whom the task's report
     * would tell of them).
     */
    private boolean administersEveryItem(Context context, DSpaceObject object) throws SQLException {
        Set<Collection> reached = new HashSet<>();
        collections(object, reached);
        for (Collection collection : reached) {
            // the items mapped in, a page at a time: those owned by the collection are its administrators'
            for (int offset = 0, read = PAGE; read == PAGE; offset += PAGE) {
                read = 0;
                Iterator<Item> mapped = itemService.findByCollectionMapping(context, collection, PAGE, offset);
                while (mapped.hasNext()) {
                    Item item = mapped.next();
                    read++;
                    if (!reached.contains(item.getOwningCollection()) && !authorizeService.isAdmin(context, item)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The collections of a community and of the communities below it, or the collection itself. */
    private static void collections(DSpaceObject object, Set<Collection> reached) {
        if (object instanceof Collection collection) {
            reached.add(collection);
        } else if (object instanceof Community community) {
            reached.addAll(community.getCollections());
            community.getSubcommunities().forEach(below -> collections(below, reached));
        }
    }
}
