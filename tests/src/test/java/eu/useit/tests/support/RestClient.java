/*
 * USE-IT! repository addon for DSpace.
 * Licensed under the BSD 3-Clause License: see the LICENSE file at the root of the source tree.
 */
package eu.useit.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of DSpace's REST API over real HTTP, as a browser or DSpace's web UI is one: anonymous, or logged in
 * with a password (DSpace's JWT in the Authorization header), sending DSpace's CSRF token with every request that
 * changes something. No redirect is followed, so a redirect is seen as such.
 */
public final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String server;
    private final HttpClient http;
    private String csrf;
    private String bearer;

    /** An HTTP answer. */
    public record Response(int status, String body, HttpHeaders headers) {

        /**
         * @return the body as JSON
         */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        /**
         * @param expected the status the request must have had
         * @return this answer
         */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + ", got " + status + ": " + body);
            }
            return this;
        }
    }

    private RestClient(String server) {
        this.server = server;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                              .followRedirects(HttpClient.Redirect.NEVER)
                              .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * @param server the server webapp's base URL, e.g. {@code http://127.0.0.1:8080/server}
     * @return a client that is not logged in
     */
    public static RestClient anonymous(String server) {
        return new RestClient(server);
    }

    /**
     * @param server   the server webapp's base URL
     * @param email    the account's email
     * @param password its password
     * @return a client logged in as that account
     */
    public static RestClient login(String server, String email, String password) {
        RestClient client = new RestClient(server);
        client.get("/api/security/csrf");
        client.send("POST", "/api/authn/login", "user=" + encode(email) + "&password=" + encode(password),
                    "application/x-www-form-urlencoded").expect(200);
        if (client.bearer == null) {
            throw new AssertionError("no token after logging in as " + email);
        }
        return client;
    }

    /**
     * @return the server webapp's base URL
     */
    public String server() {
        return server;
    }

    /**
     * @param path a path below the server webapp (or an absolute URL)
     * @return the answer
     */
    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /**
     * @param path   a path below the server webapp (or an absolute URL)
     * @param accept the media types asked for
     * @return the answer
     */
    public Response get(String path, String accept) {
        return send("GET", path, null, null, accept);
    }

    /**
     * @param path    a path below the server webapp (or an absolute URL)
     * @param headers further request headers, e.g. {@code Range}
     * @return the answer
     */
    public Response get(String path, Map<String, String> headers) {
        return send("GET", path, null, null, "*/*", headers);
    }

    /**
     * @param path    a path below the server webapp (or an absolute URL)
     * @param headers further request headers, e.g. {@code Range}
     * @return the answer to a HEAD request (no body)
     */
    public Response head(String path, Map<String, String> headers) {
        return send("HEAD", path, null, null, "*/*", headers);
    }

    /**
     * @param path a path below the server webapp
     * @param json a JSON body (a Jackson tree, a map, a list or a string of JSON)
     * @return the answer
     */
    public Response post(String path, Object json) {
        return send("POST", path, text(json), "application/json");
    }

    /**
     * @param path the path
     * @param uris the objects' URLs (text/uri-list, as DSpace takes links between objects)
     * @return the answer
     */
    public Response postUris(String path, String... uris) {
        return send("POST", path, String.join("\n", uris), "text/uri-list");
    }

    /**
     * @param path       the path
     * @param operations a JSON Patch document
     * @return the answer
     */
    public Response patch(String path, Object operations) {
        return send("PATCH", path, text(operations), "application/json");
    }

    /**
     * @param path the path
     * @return the answer to OPTIONS (the methods allowed)
     */
    public Response options(String path) {
        return send("OPTIONS", path, null, null);
    }

    /**
     * @param path the path
     * @return the answer
     */
    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /**
     * Sends a multipart form of text fields (how DSpace's REST API takes a script's parameters).
     *
     * @param path   the path
     * @param fields the fields
     * @return the answer
     */
    public Response postForm(String path, Map<String, String> fields) {
        return multipart(path, fields, null, null, null);
    }

    /**
     * Sends form parameters URL-encoded (how DSpace's REST API takes a workflow task's action).
     *
     * @param path       the path
     * @param parameters the parameters
     * @return the answer
     */
    public Response postParameters(String path, Map<String, String> parameters) {
        StringBuilder body = new StringBuilder();
        parameters.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(encode(name))
                                                .append('=').append(encode(value)));
        return send("POST", path, body.toString(), "application/x-www-form-urlencoded");
    }

    /**
     * Uploads a file as a multipart form (field {@code file}, with {@code properties} naming it).
     *
     * @param path    the path
     * @param name    the file's name
     * @param content the file
     * @param type    its media type
     * @return the answer
     */
    public Response upload(String path, String name, byte[] content, String type) {
        return multipart(path, Map.of("properties", "{\"name\":\"" + name + "\"}"), name, content, type);
    }

    /**
     * Sends a multipart form: its fields, then a file (field {@code file}), if any.
     *
     * @param path    the path
     * @param fields  the fields
     * @param name    the file's name, or null for none
     * @param content the file
     * @param type    its media type
     * @return the answer
     */
    public Response multipart(String path, Map<String, String> fields, String name, byte[] content, String type) {
        String boundary = "----useit" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((field, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
            + field + "\"\r\n\r\n" + value + "\r\n"));
        if (name != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private Response send(String method, String path, Object body, String type) {
        return send(method, path, body, type, "application/json");
    }

    private Response send(String method, String path, Object body, String type, String accept) {
        return send(method, path, body, type, accept, Map.of());
    }

    private Response send(String method, String path, Object body, String type, String accept,
                          Map<String, String> headers) {
        if (csrf == null && !"GET".equals(method) && !"HEAD".equals(method)) {
            // as a browser: DSpace hands out its CSRF token on any request
            get("/api/security/csrf");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                                                                                                 : server + path))
            .timeout(Duration.ofSeconds(60)).header("Accept", accept);
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
            : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
            : HttpRequest.BodyPublishers.ofString((String) body, StandardCharsets.UTF_8);
        request.method(method, publisher);
        try {
            HttpResponse<String> response = http.send(request.build(),
                                                      HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().firstValue("DSPACE-XSRF-TOKEN").ifPresent(token -> csrf = token);
            response.headers().firstValue("Authorization").ifPresent(token -> bearer = token);
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + ": interrupted", e);
        }
    }

    private static String text(Object json) {
        try {
            return json instanceof String string ? string : JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param text a value
     * @return it URL-encoded (UTF-8)
     */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
