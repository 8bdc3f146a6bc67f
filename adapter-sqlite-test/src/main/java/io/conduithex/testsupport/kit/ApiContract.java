package io.conduithex.testsupport.kit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Holds every HTTP exchange of the tests to the server's OpenAPI document (adapter-web's {@value #DOCUMENT}, read
 * from the classpath once per JVM), with Atlassian's swagger-request-validator. The document is OpenAPI 3.1 and the
 * validator reads 3.0 only, so it is handed the document rewritten as 3.0 by {@link OpenApiDowngrade}, which
 * refuses any 3.1 form it cannot rewrite exactly. The rules:
 *
 * <ul>
 *   <li>Every response must be one the document describes for its operation: a listed status (or the
 *       operation's {@code default}), its content type, its body's schema, its headers' schemas.</li>
 *   <li>Every response header must be documented for that response, or be a standard HTTP header
 *       ({@link ResponseHeaderNames#STANDARD}): the validator alone lets any header it does not know through.</li>
 *   <li>A request the document accepts is checked no further; a request the document refuses (a missing field,
 *       a limit out of bounds, a malformed Idempotency-Key, no token where one is required...) must be refused
 *       by the server too, with a 4xx: tests send such requests on purpose, and the server accepting one means
 *       the document is stricter than the server.</li>
 *   <li>A path or method the document does not have is not checked here: the server answers it 404 or 405, and
 *       RouteDocumentationTest keeps the document's paths and the server's routes equal both ways.</li>
 * </ul>
 *
 * A mismatch throws an {@link AssertionError} naming the method, the path, the status and each finding with the
 * field it concerns, which fails the test that made the request. Thread-safe.
 */
public final class ApiContract {
    /** The server's OpenAPI document on the classpath (adapter-web's resources). */
    public static final String DOCUMENT = "/io/conduithex/adapter/web/openapi.yml";
    private static final long BODY_READ_SECONDS = 5;

    private ApiContract() {
    }

    /** Loaded on first use: parsing the document takes a moment, and only HTTP tests need it. */
    private static final class Holder {
        static final String DOCUMENT_3_0 = documentAs30();
        static final ResponseHeaderNames HEADERS = new ResponseHeaderNames(resolved(DOCUMENT_3_0));
        static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
                .createForInlineApiSpecification(DOCUMENT_3_0)
                .withBasePathOverride("/")
                .withLevelResolver(LevelResolver.create()
                        // Routes the document lacks: RouteDocumentationTest's business, not a test request's.
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                        // The validator matches an http scheme's name ("Bearer") case-sensitively; HTTP says
                        // it is case-insensitive (RFC 9110, 11.1), and the server follows HTTP. A missing
                        // Authorization header is still found (validation.request.security.missing).
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Checks {@code response} to {@code request} (both directions, as the class describes). */
    public static void checkExchange(HttpRequest request, HttpResponse<?> response) {
        check(request, response, true);
    }

    /**
     * Checks {@code response} alone: for clients that send requests broken on purpose at the HTTP level, which the
     * document has no words for; their answers still have to be documented ones.
     */
    public static void checkAnswer(HttpRequest request, HttpResponse<?> response) {
        check(request, response, false);
    }

    private static void check(HttpRequest request, HttpResponse<?> response, boolean requestToo) {
        Optional<Request.Method> method = method(request.method());
        Optional<String> body = text(response.body());
        if (method.isEmpty() || body.isEmpty()) {
            return;
        }
        String path = request.uri().getPath();
        List<String> findings = new ArrayList<>();
        if (requestToo) {
            var refusals = requestFindings(request, method.get(), path);
            if (!refusals.isEmpty() && response.statusCode() < 400) {
                findings.add("the document refuses this request, but the server answered it "
                        + response.statusCode() + ":");
                findings.addAll(refusals);
            }
        }
        findings.addAll(responseFindings(path, method.get(), response, body.get()));
        findings.addAll(Holder.HEADERS.undocumented(path, method.get(), response.statusCode(),
                response.headers().map().keySet()));
        if (!findings.isEmpty()) {
            throw new AssertionError("the exchange breaks the OpenAPI document " + DOCUMENT + ": "
                    + request.method() + " " + request.uri().getRawPath() + " -> " + response.statusCode() + "\n  "
                    + String.join("\n  ", findings) + "\n  response body: " + abbreviated(body.get()));
        }
    }

    private static List<String> responseFindings(String path, Request.Method method, HttpResponse<?> response,
            String body) {
        var report = Holder.VALIDATOR.validateResponse(path, method, answer(response, body, name -> true));
        List<String> findings = new ArrayList<>(errors(report, message -> !isHeaderValueFinding(message)));
        if (!errors(report, ApiContract::isHeaderValueFinding).isEmpty()) {
            // The validator does not say which header a value finding is about; asked one header at a time, it does.
            for (String header : response.headers().map().keySet()) {
                var alone = Holder.VALIDATOR.validateResponse(path, method, answer(response, body,
                        name -> name.equalsIgnoreCase(header) || name.equalsIgnoreCase("Content-Type")));
                alone.getMessages().stream()
                        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                        .filter(ApiContract::isHeaderValueFinding)
                        .map(message -> message.getKey() + " (response header " + header + "): "
                                + message.getMessage().replace('\n', ' '))
                        .forEach(findings::add);
            }
        }
        return findings;
    }

    /** A header's value that breaks its schema; a missing required header is named by the validator itself. */
    private static boolean isHeaderValueFinding(ValidationReport.Message message) {
        return message.getKey().startsWith("validation.response.header.")
                && !message.getKey().equals("validation.response.header.missing");
    }

    /** {@code response} for the validator, with only the headers whose names {@code kept} accepts. */
    private static com.atlassian.oai.validator.model.Response answer(HttpResponse<?> response, String body,
            Predicate<String> kept) {
        var answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (kept.test(name)) {
                answer.withHeader(name, values.toArray(String[]::new));
            }
        });
        if (!body.isEmpty()) {
            answer.withBody(body);
        }
        return answer.build();
    }

    private static List<String> requestFindings(HttpRequest request, Request.Method method, String path) {
        var built = new SimpleRequest.Builder(method, path);
        request.headers().map()
                .forEach((name, values) -> built.withHeader(name, values.toArray(String[]::new)));
        try {
            queryParameters(request.uri().getRawQuery())
                    .forEach((name, values) -> built.withQueryParam(name, values.toArray(String[]::new)));
        } catch (IllegalArgumentException undecodable) {
            return List.of("query: its percent-encoding does not decode");
        }
        bodyOf(request).ifPresent(built::withBody);
        return errors(Holder.VALIDATOR.validateRequest(built.build()), message -> true);
    }

    private static List<String> errors(ValidationReport report, Predicate<ValidationReport.Message> which) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(which)
                .map(message -> message.getKey() + where(message) + ": " + message.getMessage().replace('\n', ' '))
                .toList();
    }

    /** Where a finding is: the parameter it concerns, or the field of the body, by JSON pointer. */
    private static String where(ValidationReport.Message message) {
        return message.getContext().map(context -> {
            List<String> parts = new ArrayList<>();
            context.getLocation().ifPresent(location -> parts.add(location.name().toLowerCase(Locale.ROOT)));
            context.getParameter().ifPresent(parameter ->
                    parts.add(parameter.getIn() + " parameter " + parameter.getName()));
            context.getPointers().map(ValidationReport.MessageContext.Pointers::getInstance)
                    .filter(pointer -> !pointer.isEmpty())
                    .ifPresent(pointer -> parts.add("body field " + pointer));
            return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        }).orElse("");
    }

    private static Optional<Request.Method> method(String name) {
        try {
            return Optional.of(Request.Method.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The body as text; empty when it is of a kind read some other way (a stream, discarded). */
    private static Optional<String> text(Object body) {
        if (body instanceof String text) {
            return Optional.of(text);
        }
        if (body instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    /** Query parameters decoded as the server decodes them ({@code +} is a space). */
    static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, any -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** The request's body as text, read again from its publisher (the JDK's publishers can be read many times). */
    private static Optional<String> bodyOf(HttpRequest request) {
        var publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return Optional.empty();
        }
        var bytes = new CompletableFuture<byte[]>();
        publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable failure) {
                bytes.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                bytes.complete(out.toByteArray());
            }
        });
        try {
            byte[] read = bytes.get(BODY_READ_SECONDS, TimeUnit.SECONDS);
            return read.length == 0 ? Optional.empty() : Optional.of(new String(read, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a request body", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the body of " + request, e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }

    private static String documentAs30() {
        try (InputStream in = ApiContract.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + DOCUMENT
                        + " is not on the classpath: HTTP tests need adapter-web");
            }
            return new ObjectMapper().writeValueAsString(OpenApiDowngrade.to30(new YAMLMapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 3.0 document as a model whose references are resolved, failing on any parse message. */
    private static OpenAPI resolved(String document) {
        var options = new ParseOptions();
        options.setResolve(true);
        var parsed = new OpenAPIV3Parser().readContents(document, null, options);
        if (parsed.getOpenAPI() == null || parsed.getMessages() != null && !parsed.getMessages().isEmpty()) {
            throw new IllegalStateException("cannot read " + DOCUMENT + " as OpenAPI 3.0: " + parsed.getMessages());
        }
        return parsed.getOpenAPI();
    }
}
