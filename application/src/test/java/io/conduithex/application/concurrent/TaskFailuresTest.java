package io.conduithex.application.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class TaskFailuresTest {

    @Test
    void an_unchecked_failure_comes_back_as_the_task_threw_it() {
        var thrown = new IllegalArgumentException("bad plan");

        assertThat(TaskFailures.unwrap(new ExecutionException(thrown))).isSameAs(thrown);
        assertThat(TaskFailures.unwrap(new CompletionException(thrown))).isSameAs(thrown);
    }

    @Test
    void an_error_is_thrown_as_the_task_threw_it() {
        var thrown = new OutOfMemoryError("heap");

        assertThatThrownBy(() -> TaskFailures.unwrap(new ExecutionException(thrown))).isSameAs(thrown);
    }

    @Test
    void a_checked_failure_comes_back_wrapped_in_an_illegal_state() {
        var thrown = new IOException("disk");

        assertThat(TaskFailures.unwrap(new ExecutionException(thrown)))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(thrown);
    }
}
