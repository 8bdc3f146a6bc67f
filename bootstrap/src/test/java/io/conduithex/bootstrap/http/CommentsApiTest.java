package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommentsApiTest extends ConduitApiTest {
    private static final Map<String, List<String>> COMMENT_NOT_FOUND = Map.of("comment", List.of("not found"));

    private Account fan;
    private String slug;

    @BeforeEach
    void givenAnArticleByJake() {
        fan = api.registered("fan");
        slug = api.givenAnArticleBy(jake, "Dragons");
    }

    @Test
    void addingACommentAnswers201WithEveryField() {
        var reply = api.addComment(fan.token(), slug, "  Thank you so much!  ");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        var comment = reply.json().get("comment");
        assertThat(comment.fieldNames()).toIterable().containsExactly("id", "createdAt", "updatedAt", "body", "author");
        assertThat(comment.get("id").isIntegralNumber()).isTrue();
        assertThat(comment.get("id").asLong()).isPositive();
        assertThat(comment.get("createdAt").asText()).matches(TIMESTAMP);
        assertThat(comment.get("updatedAt").asText()).isEqualTo(comment.get("createdAt").asText());
        assertThat(comment.get("body").asText()).isEqualTo("Thank you so much!");
        assertProfile(comment.get("author"), "fan", false);
    }

    @Test
    void commentsAreListedOldestFirstForAnonymousAndSignedInReaders() {
        long first = api.givenACommentBy(fan, slug, "First");
        long second = api.givenACommentBy(jake, slug, "Second");
        var reader = api.registered("reader");
        api.follow("fan", reader.token());

        var anonymous = api.comments(slug, null);
        var signedIn = api.comments(slug, reader.token());

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(anonymous.json().fieldNames()).toIterable().containsExactly("comments");
        assertThat(idsOf(anonymous)).containsExactly(first, second);
        assertThat(anonymous.json().at("/comments/0/body").asText()).isEqualTo("First");
        assertThat(anonymous.json().at("/comments/0/createdAt").asText()).matches(TIMESTAMP);
        assertProfile(anonymous.json().at("/comments/0/author"), "fan", false);
        assertThat(idsOf(signedIn)).containsExactly(first, second);
        assertProfile(signedIn.json().at("/comments/0/author"), "fan", true);
        assertProfile(signedIn.json().at("/comments/1/author"), "jake", false);
    }

    @Test
    void anArticleWithoutCommentsHasAnEmptyList() {
        var reply = api.comments(slug, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"comments\":[]}");
    }

    @Test
    void commentsOfOneArticleAreNotListedUnderAnother() {
        String other = api.givenAnArticleBy(jake, "Cats");
        api.givenACommentBy(fan, other, "About cats");

        assertThat(api.comments(slug, null).body()).isEqualTo("{\"comments\":[]}");
    }

    @Test
    void commentingOnOrListingTheCommentsOfAnUnknownArticleIs404() {
        assertErrors(api.addComment(fan.token(), "no-such-article", "Hello"), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.comments("no-such-article", null), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.comments("Not_A_Slug", null), 404, ARTICLE_NOT_FOUND);
    }

    @Test
    void aCommentNeedsABody() {
        assertErrors(api.addComment(fan.token(), slug, "   "), 422, Map.of("body", List.of("can't be blank")));
        assertErrors(api.post(commentsOf(slug), "{\"comment\":{}}", fan.token()), 422,
                Map.of("body", List.of("can't be blank")));
        assertErrors(api.post(commentsOf(slug), "{\"comment\":{\"body\":12}}", fan.token()), 422,
                Map.of("body", List.of("must be a string")));
        assertErrors(api.addComment(fan.token(), slug, "x".repeat(10_001)), 422,
                Map.of("body", List.of("is too long (maximum is 10000 characters)")));
        assertErrors(api.addComment(fan.token(), slug, "nul \u0000 inside"), 422,
                Map.of("body", List.of("can't contain the NUL character")));
        assertThat(api.comments(slug, null).body()).isEqualTo("{\"comments\":[]}");
    }

    @Test
    void aBodyThatIsNotJsonOrHasNoCommentIs422() {
        assertErrors(api.post(commentsOf(slug), "{\"comment\":", fan.token()), 422,
                Map.of("body", List.of("is not valid JSON")));
        assertErrors(api.post(commentsOf(slug), "{\"body\":\"Hi\"}", fan.token()), 422,
                Map.of("comment", List.of("can't be blank")));
        assertErrors(api.post(commentsOf(slug), "{\"comment\":[\"Hi\"]}", fan.token()), 422,
                Map.of("comment", List.of("must be an object")));
    }

    @Test
    void commentingWithoutATokenIs401() {
        assertErrors(api.addComment(null, slug, "Hello"), 401, Map.of("token", List.of("is missing")));
        assertErrors(api.comments(slug, "garbage"), 401, Map.of("token", List.of("is invalid")));
    }

    @Test
    void theAuthorOfACommentDeletesItWith204AndNoBody() {
        long kept = api.givenACommentBy(jake, slug, "Keep me");
        long id = api.givenACommentBy(fan, slug, "Delete me");

        var reply = api.deleteComment(fan.token(), slug, Long.toString(id));

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Content-Type")).isNull();
        assertThat(idsOf(api.comments(slug, null))).containsExactly(kept);
        assertErrors(api.deleteComment(fan.token(), slug, Long.toString(id)), 404, COMMENT_NOT_FOUND);
    }

    @Test
    void deletingSomeoneElsesCommentIs403EvenForTheAuthorOfTheArticle() {
        long id = api.givenACommentBy(fan, slug, "Mine");
        var stranger = api.registered("stranger");

        assertErrors(api.deleteComment(stranger.token(), slug, Long.toString(id)), 403,
                Map.of("forbidden", List.of("only the author may delete a comment")));
        assertErrors(api.deleteComment(jake.token(), slug, Long.toString(id)), 403,
                Map.of("forbidden", List.of("only the author may delete a comment")));
        assertThat(idsOf(api.comments(slug, null))).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999", "424242"})
    void aCommentIdThatIsNotANumberOrNamesNoCommentIs404(String id) {
        api.givenACommentBy(fan, slug, "Hello");

        assertErrors(api.deleteComment(fan.token(), slug, id), 404, COMMENT_NOT_FOUND);
    }

    @Test
    void aCommentIsDeletedOnlyThroughItsOwnArticle() {
        String other = api.givenAnArticleBy(jake, "Cats");
        long id = api.givenACommentBy(fan, slug, "On dragons");

        assertErrors(api.deleteComment(fan.token(), other, Long.toString(id)), 404, COMMENT_NOT_FOUND);
        assertErrors(api.deleteComment(fan.token(), "no-such-article", Long.toString(id)), 404, ARTICLE_NOT_FOUND);
        assertThat(idsOf(api.comments(slug, null))).containsExactly(id);
    }

    @Test
    void deletingACommentWithoutATokenIs401() {
        long id = api.givenACommentBy(fan, slug, "Hello");

        assertErrors(api.deleteComment(null, slug, Long.toString(id)), 401, Map.of("token", List.of("is missing")));
        assertThat(idsOf(api.comments(slug, null))).containsExactly(id);
    }

    @Test
    void deletingTheArticleDeletesItsComments() {
        long id = api.givenACommentBy(fan, slug, "Hello");

        assertThat(api.deleteArticle(jake.token(), slug).status()).isEqualTo(204);

        assertErrors(api.comments(slug, null), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.deleteComment(fan.token(), slug, Long.toString(id)), 404, ARTICLE_NOT_FOUND);
        String again = api.givenAnArticleBy(jake, "Dragons");
        assertThat(again).as("the slug is free again").isEqualTo(slug);
        assertThat(api.comments(again, null).body()).isEqualTo("{\"comments\":[]}");
    }

    private static String commentsOf(String slug) {
        return "/api/articles/" + slug + "/comments";
    }

    private static List<Long> idsOf(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return StreamSupport.stream(reply.json().get("comments").spliterator(), false)
                .map(comment -> comment.get("id"))
                .map(JsonNode::asLong)
                .toList();
    }
}
