package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilesApiTest extends ApiTest {

    @Test
    void anAnonymousVisitorSeesAProfileNotFollowed() {
        var celeb = api.registered("celeb");
        api.updatedUser(celeb, "{\"bio\":\"famous\"}");

        var reply = api.profile("celeb", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        var profile = reply.json().get("profile");
        assertThat(profile.fieldNames()).toIterable().containsExactlyInAnyOrder("username", "bio", "image", "following");
        assertThat(reply.at("/profile/username")).isEqualTo("celeb");
        assertThat(reply.at("/profile/bio")).isEqualTo("famous");
        assertThat(reply.at("/profile/image")).isNull();
        assertThat(profile.get("following").asBoolean()).isFalse();
    }

    @Test
    void aUserSeesWhetherTheyFollowAProfile() {
        api.registered("celeb");
        var fan = api.registered("fan");
        var stranger = api.registered("stranger");
        api.follow("celeb", fan.token());

        assertThat(api.profile("celeb", fan.token()).json().at("/profile/following").asBoolean()).isTrue();
        assertThat(api.profile("celeb", stranger.token()).json().at("/profile/following").asBoolean()).isFalse();
        assertThat(api.profile("celeb", null).json().at("/profile/following").asBoolean()).isFalse();
    }

    @Test
    void aProfileIsFoundWhateverTheLetterCaseOfTheName() {
        api.registered("celeb");

        assertThat(api.profile("CELEB", null).at("/profile/username")).isEqualTo("celeb");
    }

    @Test
    void followingAnswersTheProfileNowFollowedAndDoingItTwiceChangesNothing() {
        api.registered("celeb");
        var fan = api.registered("fan");

        var first = api.follow("celeb", fan.token());
        var second = api.follow("celeb", fan.token());

        assertAnsweredFollowing(first, true);
        assertAnsweredFollowing(second, true);
    }

    @Test
    void unfollowingAnswersTheProfileNoLongerFollowedAndDoingItTwiceChangesNothing() {
        api.registered("celeb");
        var fan = api.registered("fan");
        api.follow("celeb", fan.token());

        var first = api.unfollow("celeb", fan.token());
        var second = api.unfollow("celeb", fan.token());

        assertAnsweredFollowing(first, false);
        assertAnsweredFollowing(second, false);
        assertThat(api.profile("celeb", fan.token()).json().at("/profile/following").asBoolean()).isFalse();
    }

    @Test
    void anUnknownProfileIs404() {
        assertErrors(api.profile("nobody", null), 404, Map.of("profile", List.of("not found")));
    }

    @Test
    void followingAnUnknownUserIs404() {
        var fan = api.registered("fan");

        assertErrors(api.follow("nobody", fan.token()), 404, Map.of("profile", List.of("not found")));
        assertErrors(api.unfollow("nobody", fan.token()), 404, Map.of("profile", List.of("not found")));
    }

    @Test
    void followingOneselfIs422() {
        var jake = api.registered("jake");

        assertThat(api.follow("jake", jake.token()).status()).isEqualTo(422);
    }

    @Test
    void followingAndUnfollowingNeedAToken() {
        api.registered("celeb");

        assertErrors(api.follow("celeb", null), 401, Map.of("token", List.of("is missing")));
        assertErrors(api.unfollow("celeb", null), 401, Map.of("token", List.of("is missing")));
    }

    @Test
    void aGarbageTokenOnAProfileIs401RatherThanAnonymous() {
        api.registered("celeb");

        assertErrors(api.profile("celeb", "garbage"), 401, Map.of("token", List.of("is invalid")));
    }

    /** A 200 answer whose profile says whether the caller follows it now. */
    private static void assertAnsweredFollowing(Reply reply, boolean following) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/profile/following").asBoolean()).isEqualTo(following);
    }
}
