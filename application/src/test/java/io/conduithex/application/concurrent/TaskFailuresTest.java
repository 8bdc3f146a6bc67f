package io.conduithex.application.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class TaskFailuresTest {

    @Test
    void anUncheckedFailureComesBackAsTheTaskThrewIt() {
        var thrown = new IllegalArgumentException("bad plan");

        assertThat(TaskFailures.unwrap(new ExecutionException(thrown))).isSameAs(thrown);
        assertThat(TaskFailures.unwrap(new CompletionException(thrown))).isSameAs(thrown);
    }

    @Test
    void anErrorIsThrownAsTheTaskThrewIt() {
        var thrown = new OutOfMemoryError("heap");

        assertThatThrownBy(() -> TaskFailures.unwrap(new ExecutionException(thrown))).isSameAs(thrown);
    }

    @Test
    void aCheckedFailureComesBackWrappedInAnIllegalState() {
        var thrown = new IOException("disk");

        assertThat(TaskFailures.unwrap(new ExecutionException(thrown)))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(thrown);
    }
}
