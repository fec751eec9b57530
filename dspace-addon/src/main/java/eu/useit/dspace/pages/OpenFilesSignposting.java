/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.pages;

import java.sql.SQLException;
import java.util.List;

import eu.useit.dspace.access.AnonymousAccess;
import eu.useit.dspace.support.UseitBeans;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.dspace.app.rest.signposting.model.LinksetNode;
import org.dspace.app.rest.signposting.model.LinksetRelationType;
import org.dspace.app.rest.signposting.processor.item.ItemSignpostingProcessor;
import org.dspace.content.Bitstream;
import org.dspace.content.BitstreamFormat;
import org.dspace.content.Bundle;
import org.dspace.content.Item;
import org.dspace.core.Constants;
import org.dspace.core.Context;
import org.dspace.util.FrontendUrlService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * FAIR Signposting's {@code item} links of an item: its files that anybody may download now, and no others. (DSpace's
 * own processor for this relation lists every file of the ORIGINAL bundle, restricted and embargoed ones too.)
 * Given to the bean of DSpace's processor by {@link SignpostingSwap}.
 */
public class OpenFilesSignposting extends ItemSignpostingProcessor {

    private static final Logger log = LogManager.getLogger(OpenFilesSignposting.class);

    private ObjectProvider<AnonymousAccess> anonymous;

    /**
     * @param frontendUrlService DSpace's addresses of items and files
     */
    public OpenFilesSignposting(FrontendUrlService frontendUrlService) {
        super(frontendUrlService);
        setRelation(LinksetRelationType.ITEM);
    }

    /**
     * @param anonymous what anonymous users may see (the kernel's bean {@code useitAnonymousAccess}, found when first
     *                  needed)
     */
    @Autowired
    public void setAnonymousAccess(ObjectProvider<AnonymousAccess> anonymous) {
        this.anonymous = anonymous;
    }

    @Override
    public void addLinkSetNodes(Context context, HttpServletRequest request, Item item, List<LinksetNode> nodes) {
        try {
            for (Bundle bundle : item.getBundles(Constants.CONTENT_BUNDLE_NAME)) {
                for (Bitstream bitstream : bundle.getBitstreams()) {
                    if (UseitBeans.installed(anonymous, AnonymousAccess.BEAN).file(context, bitstream).isOpen()) {
                        BitstreamFormat format = bitstream.getFormat(context);
                        nodes.add(new LinksetNode(frontendUrlService.generateUrl(bitstream), getRelation(),
                                                  format == null ? null : format.getMIMEType(),
                                                  buildAnchor(context, item)));
                    }
                }
            }
        } catch (SQLException e) {
            log.error("The files of item {} could not be read for its linkset: {}", item.getID(), e.getMessage(), e);
        }
    }
}
