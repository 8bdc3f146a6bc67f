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
    void the_user_a_token_names_is_returned() {
        var jake = conduit.givenUser("jake");

        assertThat(getCurrentUser.get(jake.id())).isEqualTo(jake);
    }

    @Test
    void a_user_who_no_longer_exists_is_not_authenticated() {
        var jake = conduit.givenUser("jake");
        conduit.transaction.users().delete(jake.id());

        assertThatThrownBy(() -> getCurrentUser.get(jake.id())).isInstanceOf(AuthenticationException.class);
    }
}
