package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.emailOf;
import static io.conduithex.bootstrap.http.ConduitApi.passwordOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registering and logging in over HTTP. */
class UsersApiTest extends ApiTest {

    // Registration

    @Test
    void registeringAnswers201WithTheUserAndAToken() {
        var reply = api.register("Jacob", "jake@jake.jake", "jakejake");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        var user = reply.json().get("user");
        assertThat(user.fieldNames()).toIterable().containsExactlyInAnyOrder("email", "token", "username", "bio", "image");
        assertThat(user.get("email").asText()).isEqualTo("jake@jake.jake");
        assertThat(user.get("username").asText()).isEqualTo("Jacob");
        assertThat(user.get("bio").isNull()).isTrue();
        assertThat(user.get("image").isNull()).isTrue();
        assertThat(user.get("token").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(reply.body()).doesNotContain("jakejake");
    }

    @Test
    void theTokenFromRegistrationIdentifiesTheNewUser() {
        var jake = api.registered("jake");

        var reply = api.currentUser(jake.token());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/user/username")).isEqualTo("jake");
    }

    @Test
    void registeringATakenEmailIs422HasAlreadyBeenTaken() {
        api.registered("jake");

        var reply = api.register("jacob", emailOf("jake"), "another-password");

        assertErrors(reply, 422, Map.of("email", List.of("has already been taken")));
    }

    @Test
    void anEmailDifferingOnlyInLetterCaseIsTakenToo() {
        api.registered("jake");

        var reply = api.register("jacob", emailOf("jake").toUpperCase(Locale.ROOT), "another-password");

        assertErrors(reply, 422, Map.of("email", List.of("has already been taken")));
    }

    @Test
    void registeringATakenUsernameIs422HasAlreadyBeenTakenWhateverTheLetterCase() {
        api.registered("jake");

        assertErrors(api.register("jake", "other@conduit.test", "another-password"), 422,
                Map.of("username", List.of("has already been taken")));
        assertErrors(api.register("JAKE", "third@conduit.test", "another-password"), 422,
                Map.of("username", List.of("has already been taken")));
    }

    @Test
    void invalidFieldsAreEachListed() {
        var reply = api.register("not a name!", "not-an-email", "short");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("email", "username", "password");
        assertThat(reply.at("/errors/email/0")).isEqualTo("is invalid");
        assertThat(reply.at("/errors/password/0")).startsWith("is too short");
    }

    @Test
    void missingFieldsCannotBeBlank() {
        var reply = api.post("/api/users", "{\"user\":{}}", null);

        assertErrors(reply, 422, Map.of("email", List.of("can't be blank"), "username", List.of("can't be blank"),
                "password", List.of("can't be blank")));
    }

    @Test
    void aBodyThatIsNotJsonIs422() {
        assertErrors(api.post("/api/users", "{\"user\": {\"email\": ", null), 422,
                Map.of("body", List.of("is not valid JSON")));
    }

    @Test
    void aBodyWithoutTheUserObjectIs422NamingIt() {
        assertErrors(api.post("/api/users", "{\"email\":\"jake@jake.jake\"}", null), 422,
                Map.of("user", List.of("can't be blank")));
    }

    @Test
    void aFieldOfTheWrongTypeIs422() {
        var reply = api.post("/api/users",
                "{\"user\":{\"email\":42,\"username\":\"jake\",\"password\":\"jakejake\"}}", null);

        assertErrors(reply, 422, Map.of("email", List.of("must be a string")));
    }

    // Login

    @Test
    void loggingInAnswersTheUserWithAWorkingToken() {
        api.registered("jake");

        var reply = api.login(emailOf("jake"), passwordOf("jake"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/user/email")).isEqualTo(emailOf("jake"));
        assertThat(api.currentUser(reply.at("/user/token")).status()).isEqualTo(200);
    }

    @Test
    void loggingInWithTheEmailInAnotherLetterCaseWorks() {
        api.registered("jake");

        assertThat(api.login(emailOf("jake").toUpperCase(Locale.ROOT), passwordOf("jake")).status())
                .isEqualTo(200);
    }

    @Test
    void aWrongPasswordIs401EmailOrPasswordIsInvalid() {
        api.registered("jake");

        assertErrors(api.login(emailOf("jake"), "wrong-password"), 401,
                Map.of("email or password", List.of("is invalid")));
    }

    @Test
    void anUnknownEmailIs401WithTheSameAnswer() {
        assertErrors(api.login("nobody@conduit.test", "whatever-password"), 401,
                Map.of("email or password", List.of("is invalid")));
    }

    @Test
    void aLoginWithoutPasswordIs422() {
        assertErrors(api.post("/api/users/login", "{\"user\":{\"email\":\"jake@jake.jake\"}}", null), 422,
                Map.of("password", List.of("can't be blank")));
    }
}
