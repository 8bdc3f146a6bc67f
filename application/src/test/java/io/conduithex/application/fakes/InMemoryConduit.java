package io.conduithex.application.fakes;

import io.conduithex.application.audit.AuditTrail;
import io.conduithex.domain.audit.AuditEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.port.persistence.FollowRepository;
import io.conduithex.domain.port.persistence.UserRepository;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.Username;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The use cases' world in memory: fake persistence, a fake hasher, a real runner, and domain-speaking givens. */
public final class InMemoryConduit {
    public final FakeTransaction transaction = new FakeTransaction();
    public final FakeUnitOfWork unitOfWork = FakeUnitOfWork.over(transaction);
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final TransactionRunner transactions = new TransactionRunner(unitOfWork, FastRetries.SETTINGS, meters);
    public final AuditTrail audit = new AuditTrail(Clock.systemUTC(), () -> Optional.of("request-1"));

    /** A registered user with e-mail {@code <name>@example.com} and password {@link #passwordOf}. */
    public User givenUser(String name) {
        return transaction.users().insert(new NewUser(new Email(name + "@example.com"), new Username(name),
                hasher.hash(new Password(passwordOf(name)))));
    }

    public static String passwordOf(String name) {
        return name + "-secret-1";
    }

    /** The stored users, as a test sees them outside any unit of work. */
    public UserRepository users() {
        return transaction.users();
    }

    public FollowRepository follows() {
        return transaction.follows();
    }

    /** The committed audit events, oldest first. */
    public List<AuditEvent> auditEvents() {
        return transaction.audit().events();
    }
}
