/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import org.dspace.xoai.services.api.CollectionsService;
import org.dspace.xoai.services.api.HandleResolver;
import org.dspace.xoai.services.api.config.XOAIManagerResolver;
import org.dspace.xoai.services.api.solr.SolrQueryResolver;
import org.dspace.xoai.services.api.solr.SolrServerResolver;
import org.dspace.xoai.services.api.xoai.IdentifyResolver;
import org.dspace.xoai.services.api.xoai.SetRepositoryResolver;

/**
 * The beans of DSpace's OAI web layer that the USE-IT! endpoint builds on.
 *
 * @param managers    the XOAI configuration (xoai.xml)
 * @param identify    the Identify answer ({@link UseitIdentify})
 * @param sets        DSpace's community and collection sets
 * @param solr        the OAI core
 * @param queries     XOAI filters as Solr queries
 * @param collections DSpace's collection service
 * @param handles     the handle resolver ({@link OaiHandles})
 * @param openSets    which of DSpace's community and collection sets anonymous users may read
 */
public record OaiServices(XOAIManagerResolver managers, IdentifyResolver identify, SetRepositoryResolver sets,
                          SolrServerResolver solr, SolrQueryResolver queries, CollectionsService collections,
                          HandleResolver handles, AnonymousSets openSets) {
}
