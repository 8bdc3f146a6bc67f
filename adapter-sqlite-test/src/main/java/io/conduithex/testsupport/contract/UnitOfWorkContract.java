package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.domain.port.persistence.Isolation;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Username;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What every {@link io.conduithex.domain.port.persistence.UnitOfWork} adapter must do. */
public abstract class UnitOfWorkContract extends PersistenceContract {

    @Test
    void work_that_returns_is_committed() {
        registered("jake");

        assertStored("jake");
    }

    @Test
    void work_that_throws_is_rolled_back_and_the_same_exception_reaches_the_caller() {
        var failure = new NotFoundException("anything");

        assertThatThrownBy(() -> write(tx -> {
            tx.users().insert(newUser("jake"));
            throw failure;
        })).isSameAs(failure);

        assertNotStored("jake");
    }

    @Test
    void the_connection_goes_back_to_the_pool_after_an_exception() {
        assertThatThrownBy(() -> write(tx -> {
            tx.users().insert(newUser("jake"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(database.persistence().poolStatus().active()).isZero();
        assertThat(unitOfWork().isActive()).isFalse();
    }

    @Test
    void the_connection_goes_back_to_the_pool_after_a_database_error() {
        registered("jake");

        assertThatThrownBy(() -> registered("jake")).isInstanceOf(ConstraintViolationException.class);

        assertThat(database.persistence().poolStatus().active()).isZero();
        assertStored("jake");
    }

    @Test
    void a_nested_unit_of_work_joins_the_outer_one_and_sees_its_writes() {
        boolean seenInside = write(tx -> {
            tx.users().insert(newUser("jake"));
            return unitOfWork().inTransaction(TransactionSpec.readWrite("nested"), inner -> {
                assertThat(unitOfWork().isActive()).isTrue();
                inner.users().insert(newUser("jane"));
                return inner.users().findByUsername(new Username("jake")).isPresent();
            });
        });

        assertThat(seenInside).isTrue();
        assertStored("jake", "jane");
    }

    @Test
    void a_nested_unit_of_work_rolls_back_with_the_outer_one() {
        assertThatThrownBy(() -> write(tx -> {
            tx.users().insert(newUser("jake"));
            unitOfWork().useTransaction(TransactionSpec.readWrite("nested"), inner -> inner.users().insert(newUser("jane")));
            throw new IllegalStateException("outer fails after the nested unit returned");
        })).isInstanceOf(IllegalStateException.class);

        assertNotStored("jake", "jane");
    }

    @Test
    void a_failed_nested_unit_of_work_dooms_the_outer_one_even_if_the_failure_is_caught() {
        assertThatThrownBy(() -> write(tx -> {
            tx.users().insert(newUser("jake"));
            try {
                unitOfWork().useTransaction(TransactionSpec.readWrite("nested"), inner -> {
                    inner.users().insert(newUser("jane"));
                    throw new IllegalArgumentException("nested fails");
                });
            } catch (IllegalArgumentException expected) {
                // swallowed on purpose: the outer transaction must still not commit
            }
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rollback-only");

        assertNotStored("jake", "jane");
    }

    @Test
    void rolling_back_to_a_savepoint_keeps_the_outer_work() {
        write(tx -> {
            tx.users().insert(newUser("jake"));
            try {
                tx.inSavepoint(sp -> {
                    sp.users().insert(newUser("jane"));
                    throw new IllegalArgumentException("undo jane only");
                });
            } catch (IllegalArgumentException expected) {
                // recovered: jake stays, jane is undone
            }
            tx.users().insert(newUser("john"));
            return null;
        });

        assertStored("jake", "john");
        assertNotStored("jane");
    }

    @Test
    void a_savepoint_recovers_the_transaction_after_a_database_error() {
        registered("jake");

        write(tx -> {
            tx.users().insert(newUser("jane"));
            assertThatThrownBy(() -> tx.inSavepoint(sp -> sp.users().insert(newUser("jake"))))
                    .isInstanceOf(ConstraintViolationException.class);
            tx.users().insert(newUser("john"));
            return null;
        });

        assertStored("jane", "john");
    }

    @Test
    void a_savepoint_that_succeeds_keeps_its_work() {
        write(tx -> tx.inSavepoint(sp -> sp.users().insert(newUser("jake"))));

        assertStored("jake");
    }

    @Test
    void read_write_work_cannot_join_read_only_work() {
        assertRefusedAndJakeNotStored(() -> read(tx -> unitOfWork().inTransaction(
                TransactionSpec.readWrite("nested-write"), inner -> inner.users().insert(newUser("jake")))),
                "read-only");
    }

    @Test
    void a_nested_unit_asking_for_another_isolation_level_fails_loudly() {
        assertRefusedAndJakeNotStored(() -> write(tx -> unitOfWork().inTransaction(
                TransactionSpec.readWrite("nested").withIsolation(Isolation.SERIALIZABLE),
                inner -> inner.users().insert(newUser("jake")))), "isolation");
    }

    @Test
    void read_only_work_cannot_write() {
        assertThatThrownBy(() -> read(tx -> tx.users().insert(newUser("jake"))))
                .isInstanceOf(PersistenceException.class);

        assertNotStored("jake");
    }

    @Test
    void work_can_ask_for_serializable_isolation() {
        var user = unitOfWork().inTransaction(
                TransactionSpec.readWrite("serializable").withIsolation(Isolation.SERIALIZABLE),
                tx -> tx.users().insert(newUser("jake")));

        assertThat(user.username().value()).isEqualTo("jake");
        assertStored("jake");
    }

    @Test
    void no_transaction_is_active_outside_a_unit_of_work() {
        assertThat(unitOfWork().isActive()).isFalse();
        read(tx -> {
            assertThat(unitOfWork().isActive()).isTrue();
            return null;
        });
        assertThat(unitOfWork().isActive()).isFalse();
    }

    /** {@code work} fails loudly with a message naming {@code reason}, and leaves no user jake behind. */
    private void assertRefusedAndJakeNotStored(ThrowingCallable work, String reason) {
        assertThatThrownBy(work).isInstanceOf(IllegalStateException.class).hasMessageContaining(reason);
        assertNotStored("jake");
    }
}
