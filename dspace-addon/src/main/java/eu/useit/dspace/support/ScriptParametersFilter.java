/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.dspace.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dspace.app.rest.model.ParameterValueRest;
import org.dspace.app.rest.utils.ContextUtil;
import org.dspace.scripts.DSpaceCommandLineParameter;
import org.dspace.scripts.configuration.ScriptConfiguration;
import org.dspace.scripts.factory.ScriptServiceFactory;

/**
 * Answers a request to start a command through DSpace's REST API
 * ({@code POST /api/system/scripts/<name>/processes}) with HTTP 400 and the reason, when the command is an
 * {@link ExplainedRefusal} that refuses the caller's parameters; no process is made. Any other request, and one whose
 * {@code properties} DSpace would not read, goes on to DSpace unchanged.
 */
public final class ScriptParametersFilter extends AddonFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern PROCESSES = Pattern.compile("/api/system/scripts/([^/]+)/processes");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        Matcher processes = PROCESSES.matcher(RequestPaths.mapped(request));
        // DSpace takes a command's start as a multipart form only (anything else it refuses for its type)
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && processes.matches() && type != null
            && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            ScriptConfiguration<?> script = ScriptServiceFactory.getInstance().getScriptService()
                                                                .getScriptConfiguration(processes.group(1));
            if (script instanceof ExplainedRefusal explained) {
                Optional<String> refusal = parameters(request.getParameter("properties"))
                    .flatMap(parameters -> explained.refusal(ContextUtil.obtainContext(request), parameters));
                if (refusal.isPresent()) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST, refusal.get());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The parameters exactly as DSpace's REST API reads them (a JSON array of {@link ParameterValueRest}: a value
     * that is a number or {@code true} is read as its text); an empty list when there is no {@code properties}
     * field; nothing when DSpace could not read them either (it answers that itself).
     */
    private static Optional<List<DSpaceCommandLineParameter>> parameters(String properties) {
        List<DSpaceCommandLineParameter> parameters = new ArrayList<>();
        if (properties == null || properties.isBlank()) {
            return Optional.of(parameters);
        }
        try {
            for (ParameterValueRest parameter : JSON.readValue(properties, ParameterValueRest[].class)) {
                parameters.add(new DSpaceCommandLineParameter(parameter.getName(), parameter.getValue()));
            }
            return Optional.of(parameters);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
