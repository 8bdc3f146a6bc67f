package io.conduithex.domain.port.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.port.persistence.TransactionSpec.AccessMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionSpecTest {

    @Test
    void readOnlyWorkHasTheDefaultIsolation() {
        var spec = TransactionSpec.readOnly("get-profile");

        assertThat(spec.name()).isEqualTo("get-profile");
        assertThat(spec.accessMode()).isEqualTo(AccessMode.READ_ONLY);
        assertThat(spec.isolation()).isEqualTo(Isolation.DEFAULT);
        assertThat(spec.isReadOnly()).isTrue();
    }

    @Test
    void readWriteWorkHasTheDefaultIsolation() {
        var spec = TransactionSpec.readWrite("register-user");

        assertThat(spec.accessMode()).isEqualTo(AccessMode.READ_WRITE);
        assertThat(spec.isolation()).isEqualTo(Isolation.DEFAULT);
        assertThat(spec.isReadOnly()).isFalse();
    }

    @Test
    void withIsolationChangesOnlyTheIsolation() {
        var spec = TransactionSpec.readWrite("transfer").withIsolation(Isolation.SERIALIZABLE);

        assertThat(spec).isEqualTo(new TransactionSpec("transfer", AccessMode.READ_WRITE, Isolation.SERIALIZABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankNameIsRejected(String blank) {
        assertThatThrownBy(() -> TransactionSpec.readOnly(blank)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingPartsAreRejected() {
        assertThatThrownBy(() -> TransactionSpec.readWrite(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TransactionSpec("x", null, Isolation.DEFAULT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TransactionSpec("x", AccessMode.READ_ONLY, null))
                .isInstanceOf(NullPointerException.class);
    }
}
