/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.oai;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import com.lyncode.xoai.dataprovider.OAIDataProvider;
import com.lyncode.xoai.dataprovider.OAIRequestParameters;
import com.lyncode.xoai.dataprovider.core.XOAIContext;
import com.lyncode.xoai.dataprovider.core.XOAIManager;
import com.lyncode.xoai.dataprovider.data.internal.SetRepositoryHelper;
import com.lyncode.xoai.dataprovider.exceptions.CannotDisseminateFormatException;
import com.lyncode.xoai.dataprovider.exceptions.InvalidContextException;
import com.lyncode.xoai.dataprovider.exceptions.OAIException;
import com.lyncode.xoai.dataprovider.services.api.RepositoryConfiguration;
import com.lyncode.xoai.dataprovider.services.api.SetRepository;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMH;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHerrorType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHerrorcodeType;
import com.lyncode.xoai.dataprovider.xml.oaipmh.OAIPMHtype;
import com.lyncode.xoai.dataprovider.xml.oaipmh.RequestType;
import eu.useit.dspace.oai.index.OaiIndexer;
import org.apache.solr.common.SolrException;
import org.dspace.xoai.services.api.config.XOAIManagerResolverException;
import org.dspace.xoai.services.api.context.ContextServiceException;

/**
 * Answers one checked OAI-PMH request with DSpace's XOAI data provider, given the USE-IT! parts: strand sets,
 * keyset paging with signed resumption tokens, {@code cursor} as the record offset, persistent deletions.
 */
public final class OaiResponder {

    private final OaiServices services;
    private final Supplier<StrandSets> strands;
    private final TokenTerms tokens;
    private final Runnable beforeHarvest;
    private final String namespace;

    /**
     * @param services      DSpace's OAI beans
     * @param strands       the current strand sets
     * @param tokens        the terms of resumption tokens (secret, validity) and the clock
     * @param beforeHarvest run before the first page of a list of records or identifiers and before a request
     *                      about one record (restores tombstones)
     * @param namespace     the identifier namespace ({@code oai.identifier.prefix})
     */
    public OaiResponder(OaiServices services, Supplier<StrandSets> strands, TokenTerms tokens,
                        Runnable beforeHarvest, String namespace) {
        this.services = services;
        this.strands = strands;
        this.tokens = tokens;
        this.beforeHarvest = beforeHarvest;
        this.namespace = namespace;
    }

    /** Whether the request starts a harvest or asks about one record: those see the deleted records. */
    private static boolean readsRecords(OaiRequest request) {
        return switch (request.verb()) {
            case "ListRecords", "ListIdentifiers" -> request.get("resumptionToken") == null;
            case "GetRecord" -> true;
            case "ListMetadataFormats" -> request.get("identifier") != null;
            default -> false;
        };
    }

    /**
     * @param contextName an OAI context of xoai.xml (the last segment of the base URL)
     * @return whether the context exists
     * @throws OAIException if the XOAI configuration cannot be read
     */
    public boolean serves(String contextName) throws OAIException {
        return manager().getContextManager().contextExists(contextName);
    }

    /**
     * @param contextName an existing OAI context
     * @param request     the checked request
     * @return the response
     * @throws OAIException if the repository cannot answer (index or database unavailable)
     */
    public OAIPMH respond(String contextName, OaiRequest request) throws OAIException {
        if (readsRecords(request)) {
            beforeHarvest.run();
        }
        XOAIManager manager = manager();
        XOAIContext context = manager.getContextManager().getOAIContext(contextName);
        StrandSets strandSets = strands.get();
        try {
            SetRepository sets = new UseitSetRepository(strandSets, services.sets().getSetRepository(),
                                                        services.openSets()::readable);
            SetRepositoryHelper setHelper = new SetRepositoryHelper(sets);
            BiPredicate<String, String> stillServed = (prefix, set) -> served(context, setHelper, prefix, set);
            ResumptionTokens requestTokens = new ResumptionTokens(tokens, contextName, request.verb(), stillServed);
            ListPage page = ListPage.of(requestTokens, request.get("resumptionToken"));
            UseitItemRepository items = new UseitItemRepository(services, strandSets, page, sets, namespace,
                                                                context::isItemShown);
            OAIDataProvider provider = new OAIDataProvider(manager, contextName, identify(), sets,
                                                           XoaiItemRepository.of(items),
                                                           new PageTokens(requestTokens, page));
            OAIPMH response = provider.handle(new OAIRequestParameters(parameters(request)));
            XoaiAnswer.correct(response.getInfo(), request, page.start().cursor(), requestTokens.expiry(),
                               responseDate());
            return response;
        } catch (ContextServiceException | SolrException | InvalidContextException e) {
            throw new OAIException(e);
        }
    }

    /**
     * @param error the error found in the request
     * @return the OAI-PMH error response (its request element has only the base URL, as the protocol asks for
     *     badVerb and badArgument; the verb and token too for a resumption token refused before XOAI reads it)
     * @throws OAIException if the XOAI configuration cannot be read
     */
    public OAIPMH error(OaiError error) throws OAIException {
        OAIPMH response = new OAIPMH(manager());
        OAIPMHtype info = new OAIPMHtype();
        info.setResponseDate(responseDate());
        RequestType request = new RequestType();
        try {
            request.setValue(identify().getBaseUrl());
        } catch (ContextServiceException e) {
            throw new OAIException(e);
        }
        error.echoInto(request);
        info.setRequest(request);
        OAIPMHerrorType type = new OAIPMHerrorType();
        type.setCode(OAIPMHerrorcodeType.fromValue(error.code()));
        type.setValue(error.getMessage());
        info.getError().add(type);
        response.setInfo(info);
        return response;
    }

    /**
     * The moment up to which the response holds every change: a few seconds before now, as a record written just
     * now may not show yet ({@link OaiIndexer#VISIBLE_AFTER}). A harvester that asks {@code from=} this
     * responseDate next time gets every record created, changed or deleted since, at the price of a few it had.
     */
    private Date responseDate() {
        return Date.from(tokens.now().minus(OaiIndexer.VISIBLE_AFTER));
    }

    private XOAIManager manager() throws OAIException {
        try {
            return services.managers().getManager();
        } catch (XOAIManagerResolverException e) {
            throw new OAIException(e);
        }
    }

    private RepositoryConfiguration identify() throws ContextServiceException {
        return services.identify().getIdentify();
    }

    private static boolean served(XOAIContext context, SetRepositoryHelper sets, String prefix, String set) {
        if (prefix != null) {
            try {
                context.getFormatByPrefix(prefix);
            } catch (CannotDisseminateFormatException e) {
                return false;
            }
        }
        return set == null || sets.exists(context, set);
    }

    private static Map<String, List<String>> parameters(OaiRequest request) {
        Map<String, List<String>> parameters = new HashMap<>();
        parameters.put("verb", List.of(request.verb()));
        request.arguments().forEach((name, value) -> parameters.put(name, List.of(value)));
        return parameters;
    }
}
