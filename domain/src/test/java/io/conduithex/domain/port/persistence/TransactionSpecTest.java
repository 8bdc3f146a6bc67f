package io.conduithex.domain.port.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.port.persistence.TransactionSpec.AccessMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionSpecTest {

    @Test
    void read_only_work_has_the_default_isolation() {
        var spec = TransactionSpec.readOnly("get-profile");

        assertThat(spec.name()).isEqualTo("get-profile");
        assertThat(spec.accessMode()).isEqualTo(AccessMode.READ_ONLY);
        assertThat(spec.isolation()).isEqualTo(Isolation.DEFAULT);
        assertThat(spec.isReadOnly()).isTrue();
    }

    @Test
    void read_write_work_has_the_default_isolation() {
        var spec = TransactionSpec.readWrite("register-user");

        assertThat(spec.accessMode()).isEqualTo(AccessMode.READ_WRITE);
        assertThat(spec.isolation()).isEqualTo(Isolation.DEFAULT);
        assertThat(spec.isReadOnly()).isFalse();
    }

    @Test
    void with_isolation_changes_only_the_isolation() {
        var spec = TransactionSpec.readWrite("transfer").withIsolation(Isolation.SERIALIZABLE);

        assertThat(spec).isEqualTo(new TransactionSpec("transfer", AccessMode.READ_WRITE, Isolation.SERIALIZABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void a_blank_name_is_rejected(String blank) {
        assertThatThrownBy(() -> TransactionSpec.readOnly(blank)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missing_parts_are_rejected() {
        assertThatThrownBy(() -> TransactionSpec.readWrite(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TransactionSpec("x", null, Isolation.DEFAULT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TransactionSpec("x", AccessMode.READ_ONLY, null))
                .isInstanceOf(NullPointerException.class);
    }
}
