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
    void workThatReturnsIsCommitted() {
        registered("jake");

        assertStored("jake");
    }

    @Test
    void workThatThrowsIsRolledBackAndTheSameExceptionReachesTheCaller() {
        var failure = new NotFoundException("anything");

        assertThatThrownBy(() -> write(tx -> {
            tx.users().insert(newUser("jake"));
            throw failure;
        })).isSameAs(failure);

        assertNotStored("jake");
    }

    @Test
    void theConnectionGoesBackToThePoolAfterAnException() {
        assertThatThrownBy(() -> write(tx -> {
            tx.users().insert(newUser("jake"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(database.persistence().poolStatus().active()).isZero();
        assertThat(unitOfWork().isActive()).isFalse();
    }

    @Test
    void theConnectionGoesBackToThePoolAfterADatabaseError() {
        registered("jake");

        assertThatThrownBy(() -> registered("jake")).isInstanceOf(ConstraintViolationException.class);

        assertThat(database.persistence().poolStatus().active()).isZero();
        assertStored("jake");
    }

    @Test
    void aNestedUnitOfWorkJoinsTheOuterOneAndSeesItsWrites() {
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
    void aNestedUnitOfWorkRollsBackWithTheOuterOne() {
        assertThatThrownBy(() -> write(tx -> {
            tx.users().insert(newUser("jake"));
            unitOfWork().useTransaction(TransactionSpec.readWrite("nested"), inner -> inner.users().insert(newUser("jane")));
            throw new IllegalStateException("outer fails after the nested unit returned");
        })).isInstanceOf(IllegalStateException.class);

        assertNotStored("jake", "jane");
    }

    @Test
    void aFailedNestedUnitOfWorkDoomsTheOuterOneEvenIfTheFailureIsCaught() {
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
    void rollingBackToASavepointKeepsTheOuterWork() {
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
    void aSavepointRecoversTheTransactionAfterADatabaseError() {
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
    void aSavepointThatSucceedsKeepsItsWork() {
        write(tx -> tx.inSavepoint(sp -> sp.users().insert(newUser("jake"))));

        assertStored("jake");
    }

    @Test
    void readWriteWorkCannotJoinReadOnlyWork() {
        assertRefusedAndJakeNotStored(() -> read(tx -> unitOfWork().inTransaction(
                TransactionSpec.readWrite("nested-write"), inner -> inner.users().insert(newUser("jake")))),
                "read-only");
    }

    @Test
    void aNestedUnitAskingForAnotherIsolationLevelFailsLoudly() {
        assertRefusedAndJakeNotStored(() -> write(tx -> unitOfWork().inTransaction(
                TransactionSpec.readWrite("nested").withIsolation(Isolation.SERIALIZABLE),
                inner -> inner.users().insert(newUser("jake")))), "isolation");
    }

    @Test
    void readOnlyWorkCannotWrite() {
        assertThatThrownBy(() -> read(tx -> tx.users().insert(newUser("jake"))))
                .isInstanceOf(PersistenceException.class);

        assertNotStored("jake");
    }

    @Test
    void workCanAskForSerializableIsolation() {
        var user = unitOfWork().inTransaction(
                TransactionSpec.readWrite("serializable").withIsolation(Isolation.SERIALIZABLE),
                tx -> tx.users().insert(newUser("jake")));

        assertThat(user.username().value()).isEqualTo("jake");
        assertStored("jake");
    }

    @Test
    void noTransactionIsActiveOutsideAUnitOfWork() {
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
