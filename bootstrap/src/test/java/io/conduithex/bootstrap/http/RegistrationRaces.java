package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.testsupport.ApplicationExtension;
import io.conduithex.testsupport.kit.Race;
import io.conduithex.testsupport.kit.StoredRows;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registrations that race for one e-mail address: the unique constraint, not a read first, must decide.
 * Written once, run on every database by a subclass that starts the application on it.
 */
abstract class RegistrationRaces extends OnEveryDatabase {
    private static final int RACERS = 50;

    RegistrationRaces(ApplicationExtension app) {
        super(app);
    }

    @Test
    void fiftySimultaneousRegistrationsOfOneEmailGiveExactlyOneUserAndFortyNineFieldErrors() throws Exception {
        var api = new ConduitApi(app().baseUri());

        List<Reply> replies = Race.run(RACERS, i -> () -> api.register("racer" + i, "same@conduit.test",
                "racing-password"));

        assertThat(replies).extracting(Reply::status).doesNotContain(500, 503);
        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 422).hasSize(RACERS - 1)
                .allSatisfy(reply -> assertThat(reply.body())
                        .isEqualTo(reply.errorBody("{\"email\":[\"has already been taken\"]}")));
        var winner = replies.stream().filter(reply -> reply.status() == 201).findFirst().orElseThrow();
        var rows = StoredRows.of(app().database());
        assertThat(rows.count("SELECT count(*) FROM users")).isEqualTo(1);
        assertThat(rows.text("SELECT username FROM users WHERE email = ?", "same@conduit.test"))
                .isEqualTo(winner.at("/user/username"));
        assertThat(api.login("same@conduit.test", "racing-password").status()).isEqualTo(200);
    }
}
