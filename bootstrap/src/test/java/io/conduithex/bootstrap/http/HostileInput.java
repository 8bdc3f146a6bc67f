package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ch.qos.logback.classic.Level;
import com.auth0.jwt.JWT;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conduithex.bootstrap.http.HostileCases.Scene;
import io.conduithex.testsupport.ApplicationExtension;
import io.conduithex.testsupport.kit.LogRecorder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile requests against every endpoint, over real HTTP, to the real application on a fresh database of the
 * subclass's dialect: each gets a 4xx JSON error that gives nothing away, and none of them writes anything. The
 * application is started once for the whole table (the extension wraps the factory, and the dynamic tests run
 * inside it). Every row of every table is read before and after each case, so a write is pinned on the request
 * that made it; at the end the tables must still hold exactly what was arranged.
 */
abstract class HostileInput extends OnEveryDatabase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final int MINIMUM_CASES = 200;

    /** What an error body must never contain: stack frames, exception class names, SQL, driver names. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\bat [\\w$.]+\\("),
            Pattern.compile("Caused by"),
            Pattern.compile("\\w+(Exception|Error)\\b"),
            Pattern.compile("\\b(java|javax|jakarta|org|com|io)\\.[a-z]\\w*\\."),
            Pattern.compile("(?i)\\bselect\\b.*\\bfrom\\b"),
            Pattern.compile("(?i)\\binsert\\s+into\\b"),
            Pattern.compile("(?i)\\bupdate\\s+\\w+\\s+set\\b"),
            Pattern.compile("(?i)\\bdelete\\s+from\\b"),
            Pattern.compile("(?i)\\bdrop\\s+table\\b"),
            Pattern.compile("(?i)sqlite|postgres|mariadb|jdbc|jdbi|hikari|jetty|javalin|jackson"));

    /** Errors the application logs: a client's mistake is no error of the server's, and must not be logged as one. */
    private LogRecorder errorLog;

    HostileInput(ApplicationExtension app) {
        super(app);
    }

    @BeforeEach
    void listenForLoggedErrors() {
        errorLog = LogRecorder.everythingFrom(Level.ERROR);
    }

    @AfterEach
    void stopListening() {
        errorLog.close();
    }

    @TestFactory
    Stream<DynamicNode> everyHostileRequestGetsA4xxJsonErrorAndWritesNothing() {
        var scene = arrangeTheUsualData(new ConduitApi(app().baseUri()));
        var arranged = DatabaseRows.read(app().database());
        var cases = HostileCases.against(scene);
        var client = new HostileClient(app().baseUri());

        var byCategory = cases.stream().collect(Collectors.groupingBy(HostileCase::category,
                LinkedHashMap::new, Collectors.toList()));
        var categories = byCategory.entrySet().stream().map(category -> dynamicContainer(category.getKey(),
                category.getValue().stream().map(hostile -> dynamicTest(hostile.name(),
                        () -> assertRefusedWithoutAWrite(hostile, client)))));

        return Stream.of(
                Stream.of(dynamicTest("the arrangement put rows in every table, and the table holds at least "
                        + MINIMUM_CASES + " distinct cases", () -> {
                            assertThat(arranged.counts()).allSatisfy((table, count) ->
                                    assertThat(count).as(table).isPositive());
                            assertThat(cases.stream().map(HostileCase::name).distinct().count())
                                    .isEqualTo(cases.size())
                                    .isGreaterThanOrEqualTo(MINIMUM_CASES);
                        })),
                categories,
                Stream.of(
                        dynamicTest("afterwards every table holds exactly the rows arranged", () ->
                                assertThat(DatabaseRows.read(app().database())).isEqualTo(arranged)),
                        dynamicTest("no hostile request made the application log an error", () ->
                                assertThat(loggedErrors()).isEmpty()),
                        dynamicTest("afterwards ordinary requests, a write among them, still work", () ->
                                ordinaryRequestsStillWork(scene, arranged))))
                .flatMap(nodes -> nodes);
    }

    /**
     * Jake and celeb each write an article; each comments on the other's and favorites the other's; jake
     * follows celeb; the reader does nothing. Every table gets rows, and every kind of row can be wrongly added
     * or removed by a request that slips through.
     */
    private static Scene arrangeTheUsualData(ConduitApi api) {
        var jake = api.registered("jake");
        var celeb = api.registered("celeb");
        var reader = api.registered("reader");
        String jakesSlug = api.givenAnArticleBy(jake, "How to train your dragon", "dragons", "training");
        String celebsSlug = api.givenAnArticleBy(celeb, "Celebrity news", "gossip");
        long celebsComment = api.givenACommentBy(celeb, jakesSlug, "Nice dragons");
        long jakesComment = api.givenACommentBy(jake, celebsSlug, "Nice gossip");
        assertThat(api.follow("celeb", jake.token()).status()).isEqualTo(200);
        assertThat(api.favorite(celebsSlug, jake.token()).status()).isEqualTo(200);
        assertThat(api.favorite(jakesSlug, celeb.token()).status()).isEqualTo(200);
        // A key in use, so that no hostile request can slip a second execution or a stored answer past it.
        assertThat(api.keyed("PUT", "/api/user", "{\"user\":{\"bio\":\"keyed\"}}", reader.token(), "reader-bio")
                .status()).isEqualTo(200);
        long jakeId = Long.parseLong(JWT.decode(jake.token()).getSubject());
        long readerId = Long.parseLong(JWT.decode(reader.token()).getSubject());
        return new Scene(jake, celeb, reader, jakeId, readerId + 1000, jakesSlug, celebsSlug, celebsComment,
                jakesComment);
    }

    private void assertRefusedWithoutAWrite(HostileCase hostile, HostileClient client) {
        var before = DatabaseRows.read(app().database());

        var answer = client.send(hostile.request());

        String about = hostile.qualifiedName() + " -> " + answer.status() + " " + answer.body();
        assertThat(answer.status()).as("status of %s", about).isEqualTo(hostile.status());
        assertThat(answer.contentType()).as("Content-Type of %s", about).isEqualTo(CONTENT_TYPE);
        JsonNode errors = errorsIn(answer, about);
        assertThat(errors.has(hostile.field())).as("errors.%s in %s", hostile.field(), about).isTrue();
        if (hostile.message() != null) {
            assertThat(errors.get(hostile.field())).as("messages of %s in %s", hostile.field(), about)
                    .anySatisfy(message -> assertThat(message.asText()).isEqualTo(hostile.message()));
        }
        assertThat(LEAKS).as("nothing internal in %s", about)
                .noneSatisfy(leak -> assertThat(leak.matcher(answer.body()).find()).isTrue());
        var after = DatabaseRows.read(app().database());
        assertThat(after.counts()).as("row counts after %s", about).isEqualTo(before.counts());
        assertThat(after).as("rows after %s", about).isEqualTo(before);
    }

    /**
     * The {@code errors} object of an error body, insisting that the body is one (field names to lists of text)
     * beside the answer's request id and nothing else.
     */
    private static JsonNode errorsIn(HostileClient.Answer answer, String about) {
        JsonNode root;
        try {
            root = JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + about, e);
        }
        assertThat(root != null && root.isObject() && root.size() == 2 && root.path("errors").isObject()
                && !root.get("errors").isEmpty()).as("an object of nothing but errors and requestId: %s", about)
                .isTrue();
        assertThat(answer.requestId()).as("X-Request-Id of %s", about).isNotBlank();
        assertThat(root.path("requestId").asText()).as("requestId of %s", about).isEqualTo(answer.requestId());
        JsonNode errors = root.get("errors");
        errors.properties().forEach(field -> assertThat(field.getValue().isArray() && !field.getValue().isEmpty()
                && field.getValue().valueStream().allMatch(JsonNode::isTextual))
                .as("a list of messages under %s: %s", field.getKey(), about).isTrue());
        return errors;
    }

    private List<String> loggedErrors() {
        return errorLog.messages();
    }

    private void ordinaryRequestsStillWork(Scene scene, DatabaseRows arranged) {
        var api = new ConduitApi(app().baseUri());

        var me = api.currentUser(scene.jake().token());
        var articles = api.articles("", null);
        var login = api.login(scene.jake().email(), scene.jake().password());
        var comment = api.addComment(scene.reader().token(), scene.jakesSlug(), "Still standing");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/user/username")).isEqualTo("jake");
        assertThat(articles.status()).isEqualTo(200);
        assertThat(articles.json().get("articlesCount").asInt()).isEqualTo(2);
        assertThat(login.status()).isEqualTo(200);
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(DatabaseRows.read(app().database()).counts().get("comments"))
                .isEqualTo(arranged.counts().get("comments") + 1);
        api.assertNoServerErrors();
    }
}
