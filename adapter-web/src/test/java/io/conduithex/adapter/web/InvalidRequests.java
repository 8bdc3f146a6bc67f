package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.validation.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the tests of each resource's requests assert about a request body that is refused. */
final class InvalidRequests {

    private InvalidRequests() {
    }

    /** {@code parse} fails validation with exactly {@code expected}: every field at fault, with its messages. */
    static void assertInvalid(Runnable parse, Map<String, List<String>> expected) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).isEqualTo(expected));
    }

    /** The errors of a body in which each of {@code fields} is missing, null or blank, and nothing else is wrong. */
    static Map<String, List<String>> blank(String... fields) {
        return Arrays.stream(fields).collect(Collectors.toMap(Function.identity(), field -> List.of("can't be blank")));
    }
}
