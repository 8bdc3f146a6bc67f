package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.emailOf;
import static io.conduithex.bootstrap.http.ConduitApi.passwordOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import io.conduithex.adapter.web.TokenService;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The current user over HTTP: reading it with a token, and updating it. */
class CurrentUserApiTest extends ApiTest {

    // Current user

    @Test
    void theCurrentUserComesBackWithTheTokenThatWasPresented() {
        var jake = api.registered("jake");

        var reply = api.currentUser(jake.token());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/user/token")).isEqualTo(jake.token());
        assertThat(reply.at("/user/email")).isEqualTo(jake.email());
    }

    @Test
    void theBearerSchemeIsAcceptedToo() {
        var jake = api.registered("jake");

        var reply = api.send(api.request("/api/user", null).header("Authorization", "Bearer " + jake.token()).GET());

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheCurrentUserIs401() {
        assertErrors(api.currentUser(null), 401, Map.of("token", List.of("is missing")));
    }

    @Test
    void withAGarbageTokenTheCurrentUserIs401() {
        assertErrors(api.currentUser("garbage"), 401, Map.of("token", List.of("is invalid")));
        assertThat(api.send(api.request("/api/user", null).header("Authorization", "garbage").GET()).status())
                .isEqualTo(401);
    }

    @Test
    void withAnExpiredTokenTheCurrentUserIs401HasExpired() {
        var jake = api.registered("jake");
        var monthsAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(60)), ZoneOffset.UTC);
        String userId = JWT.decode(jake.token()).getSubject();
        String expired = new TokenService(TestApplication.JWT_SECRET.getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(30), monthsAgo).issue(new UserId(Long.parseLong(userId)));

        assertErrors(api.currentUser(expired), 401, Map.of("token", List.of("has expired")));
    }

    @Test
    void aTokenSignedWithAnotherSecretIs401() {
        var forged = new TokenService("some-other-secret-that-is-32-bytes-long".getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(1)).issue(new UserId(1));

        assertErrors(api.currentUser(forged), 401, Map.of("token", List.of("is invalid")));
    }

    // Update

    @Test
    void updatingTheBioAloneLeavesEverythingElse() {
        var jake = api.registered("jake");

        var reply = api.updatedUser(jake, "{\"bio\":\"I like to skateboard\"}");

        assertThat(reply.at("/user/bio")).isEqualTo("I like to skateboard");
        assertThat(reply.at("/user/email")).isEqualTo(jake.email());
        assertThat(reply.at("/user/username")).isEqualTo("jake");
        assertThat(reply.at("/user/image")).isNull();
        assertThat(api.currentUser(jake.token()).at("/user/bio")).isEqualTo("I like to skateboard");
    }

    @Test
    void aChangedEmailIsTheOneToLogInWith() {
        var jake = api.registered("jake");

        var reply = api.updatedUser(jake, "{\"email\":\"new-jake@conduit.test\"}");

        assertThat(reply.at("/user/email")).isEqualTo("new-jake@conduit.test");
        assertThat(api.login("new-jake@conduit.test", jake.password()).status()).isEqualTo(200);
        assertThat(api.login(jake.email(), jake.password()).status()).isEqualTo(401);
    }

    @Test
    void aChangedPasswordIsTheOneToLogInWith() {
        var jake = api.registered("jake");

        api.updatedUser(jake, "{\"password\":\"a-brand-new-password\"}");

        assertThat(api.login(jake.email(), "a-brand-new-password").status()).isEqualTo(200);
        assertThat(api.login(jake.email(), jake.password()).status()).isEqualTo(401);
    }

    @Test
    void aSettingsFormWithAnEmptyPasswordSavesTheRestAndKeepsThePassword() {
        var jake = api.registered("jake");
        String form = "{\"image\":\"\",\"username\":\"jake\",\"bio\":\"my bio\",\"email\":\"" + jake.email()
                + "\",\"password\":\"\"}";

        var reply = api.updatedUser(jake, form);

        assertThat(reply.at("/user/bio")).isEqualTo("my bio");
        assertThat(api.currentUser(jake.token()).at("/user/bio")).isEqualTo("my bio");
        assertThat(api.login(jake.email(), jake.password()).status()).isEqualTo(200);
    }

    @Test
    void takingAnotherUsersUsernameIs422() {
        api.registered("celeb");
        var jake = api.registered("jake");

        assertErrors(api.updateUser(jake.token(), "{\"username\":\"Celeb\"}"), 422,
                Map.of("username", List.of("has already been taken")));
        assertThat(api.currentUser(jake.token()).at("/user/username")).isEqualTo("jake");
    }

    @Test
    void takingAnotherUsersEmailIs422() {
        api.registered("celeb");
        var jake = api.registered("jake");

        assertErrors(api.updateUser(jake.token(), "{\"email\":\"" + emailOf("celeb") + "\"}"), 422,
                Map.of("email", List.of("has already been taken")));
    }

    @Test
    void anEmptyOrNullEmailUsernameOrPasswordLeavesThemAsTheyAre() {
        var jake = api.registered("jake");

        api.updatedUser(jake, "{\"email\":\"\",\"username\":null,\"password\":null,\"bio\":\"kept\"}");
        var reply = api.updatedUser(jake, "{\"email\":null,\"username\":\"\",\"password\":\"\"}");

        assertThat(reply.at("/user/email")).isEqualTo(jake.email());
        assertThat(reply.at("/user/username")).isEqualTo("jake");
        assertThat(reply.at("/user/bio")).isEqualTo("kept");
        assertThat(api.login(jake.email(), jake.password()).status()).isEqualTo(200);
    }

    @Test
    void aBlankEmailWithSpacesIs422CantBeBlank() {
        var jake = api.registered("jake");

        assertErrors(api.updateUser(jake.token(), "{\"email\":\"  \"}"), 422,
                Map.of("email", List.of("can't be blank")));
    }

    @Test
    void aNullOrEmptyBioAndImageClearThem() {
        var jake = api.registered("jake");
        api.updateUser(jake.token(), "{\"bio\":\"something\",\"image\":\"https://example.com/jake.png\"}");

        var reply = api.updateUser(jake.token(), "{\"bio\":null,\"image\":\"\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/user/bio")).isNull();
        assertThat(reply.at("/user/image")).isNull();
    }

    @Test
    void anInvalidImageIs422() {
        var jake = api.registered("jake");

        assertThat(api.updateUser(jake.token(), "{\"image\":\"not a url\"}").status()).isEqualTo(422);
    }

    /** PostgreSQL cannot store U+0000 in text (it answered 500); it is refused up front, whatever the database. */
    @Test
    void textContainingTheNulCharacterIsRefusedFieldByField() {
        var jake = api.registered("jake");

        assertErrors(api.register("nul", "nul\u0000@conduit.test", "password\u0000"), 422,
                Map.of("email", List.of("can't contain the NUL character"),
                        "password", List.of("can't contain the NUL character")));
        assertErrors(api.login("jake\u0000@conduit.test", passwordOf("jake")), 422,
                Map.of("email", List.of("can't contain the NUL character")));
        assertErrors(api.updateUser(jake.token(), "{\"bio\":\"a\\u0000b\"}"), 422,
                Map.of("bio", List.of("can't contain the NUL character")));
    }

    @Test
    void updatingWithoutATokenIs401() {
        assertThat(api.updateUser(null, "{\"bio\":\"x\"}").status()).isEqualTo(401);
    }
}
