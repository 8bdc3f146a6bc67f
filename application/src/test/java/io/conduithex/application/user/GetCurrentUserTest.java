package io.conduithex.application.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.InMemoryConduit;
import io.conduithex.domain.failure.AuthenticationException;
import org.junit.jupiter.api.Test;

class GetCurrentUserTest {

    private final InMemoryConduit conduit = new InMemoryConduit();
    private final GetCurrentUser getCurrentUser = new GetCurrentUser(conduit.transactions);

    @Test
    void theUserATokenNamesIsReturned() {
        var jake = conduit.givenUser("jake");

        assertThat(getCurrentUser.get(jake.id())).isEqualTo(jake);
    }

    @Test
    void aUserWhoNoLongerExistsIsNotAuthenticated() {
        var jake = conduit.givenUser("jake");
        conduit.transaction.users().delete(jake.id());

        assertThatThrownBy(() -> getCurrentUser.get(jake.id())).isInstanceOf(AuthenticationException.class);
    }
}
