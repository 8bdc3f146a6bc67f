package io.conduithex.adapter.web;

import static io.conduithex.adapter.web.InvalidRequests.assertInvalid;
import static io.conduithex.adapter.web.InvalidRequests.blank;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.application.command.FieldChange;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.validation.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserRequestsTest {

    @Test
    void anAbsentFieldIsLeftUnchangedNullClearsItAndAStringSetsIt() {
        var user = user("{\"user\":{\"bio\":null,\"email\":\"jake@jake.jake\"}}");
        var types = FieldErrors.builder();

        assertThat(RequestFields.change(user, "image", types)).isInstanceOf(FieldChange.Unchanged.class);
        assertThat(RequestFields.change(user, "bio", types)).isInstanceOf(FieldChange.Cleared.class);
        assertThat(RequestFields.change(user, "email", types)).isEqualTo(FieldChange.setTo("jake@jake.jake"));
        assertThat(types.isEmpty()).isTrue();
    }

    @Test
    void anUpdateOfTheBioAloneChangesNothingElse() {
        var command = UserRequests.update(user("{\"user\":{\"bio\":\"I like to skateboard\"}}"));

        assertThat(command.bio()).isEqualTo(FieldChange.setTo(new Bio("I like to skateboard")));
        assertThat(List.of(command.email(), command.username(), command.password(), command.image()))
                .allMatch(change -> change instanceof FieldChange.Unchanged);
    }

    @Test
    void anEmptyBioOrImageClearsIt() {
        var command = UserRequests.update(user("{\"user\":{\"bio\":\"\",\"image\":\"\"}}"));

        assertThat(command.bio()).isInstanceOf(FieldChange.Cleared.class);
        assertThat(command.image()).isInstanceOf(FieldChange.Cleared.class);
    }

    @Test
    void aNullOrEmptyEmailUsernameOrPasswordChangesNothing() {
        var command = UserRequests.update(user("{\"user\":{\"email\":null,\"username\":\"\",\"password\":\"\"}}"));

        assertThat(command.changesNothing()).isTrue();
    }

    @Test
    void anEmailUsernameOrPasswordOfSpacesIsBlank() {
        assertInvalid(() -> UserRequests.update(user("{\"user\":{\"email\":\" \",\"username\":\" \"}}")),
                blank("email", "username"));
    }

    @Test
    void aNewEmailIsValidated() {
        assertThat(UserRequests.update(user("{\"user\":{\"email\":\"new@jake.jake\"}}")).email())
                .isEqualTo(FieldChange.setTo(new Email("new@jake.jake")));
        assertInvalid(() -> UserRequests.update(user("{\"user\":{\"email\":\"not-an-email\"}}")),
                Map.of("email", List.of("is invalid")));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        assertInvalid(() -> UserRequests.update(user("{\"user\":{\"bio\":42,\"image\":[\"x\"]}}")),
                Map.of("bio", List.of("must be a string"), "image", List.of("must be a string")));
        assertInvalid(() -> UserRequests.registration(user(
                        "{\"user\":{\"email\":true,\"username\":\"jake\",\"password\":\"jakejake\"}}")),
                Map.of("email", List.of("must be a string")));
    }

    @Test
    void aRegistrationWithEveryFieldMissingListsEachOne() {
        assertInvalid(() -> UserRequests.registration(user("{\"user\":{}}")), blank("email", "username", "password"));
    }

    @Test
    void aLoginNeedsEmailAndPassword() {
        assertInvalid(() -> UserRequests.login(user("{\"user\":{\"email\":\"jake@jake.jake\"}}")),
                blank("password"));
    }

    @Test
    void aBodyThatIsNotJsonIsRejectedAsSuch() {
        assertInvalid(() -> user("{\"user\":{"), Map.of("body", List.of("is not valid JSON")));
        assertInvalid(() -> user("{\"user\":{}} trailing"), Map.of("body", List.of("is not valid JSON")));
        assertInvalid(() -> user("{\"user\":{\"email\":\"a\",\"email\":\"b\"}}"),
                Map.of("body", List.of("is not valid JSON")));
    }

    @Test
    void anEmptyBodyCannotBeBlank() {
        assertInvalid(() -> user(""), blank("body"));
        assertInvalid(() -> user("   "), blank("body"));
    }

    @Test
    void aBodyWithoutTheUserObjectIsRejectedNamingIt() {
        assertInvalid(() -> user("{\"email\":\"jake@jake.jake\"}"), blank("user"));
        assertInvalid(() -> user("{\"user\":null}"), blank("user"));
        assertInvalid(() -> user("{\"user\":\"jake\"}"), Map.of("user", List.of("must be an object")));
        assertInvalid(() -> user("[1,2]"), Map.of("body", List.of("must be a JSON object")));
    }

    private static ObjectNode user(String json) {
        return RequestBody.wrapped(json.getBytes(StandardCharsets.UTF_8), UserRequests.WRAPPER);
    }
}
