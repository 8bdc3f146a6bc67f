package io.conduithex.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Profile;
import io.conduithex.domain.user.User;

/** Response bodies, shaped as the API specifies; absent values are written as {@code null}, never left out. */
final class Responses {
    private Responses() {
    }

    static UserEnvelope user(User user, String token) {
        return new UserEnvelope(new UserBody(user.email().value(), token, user.username().value(),
                text(user.bio()), text(user.image())));
    }

    static ProfileEnvelope profile(Profile profile) {
        return new ProfileEnvelope(profileBody(profile));
    }

    static ProfileBody profileBody(Profile profile) {
        return new ProfileBody(profile.username().value(), text(profile.bio()), text(profile.image()),
                profile.following());
    }

    private static String text(Bio bio) {
        return bio == null ? null : bio.value();
    }

    private static String text(ImageUrl image) {
        return image == null ? null : image.value();
    }

    record UserEnvelope(UserBody user) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserBody(String email, String token, String username, String bio, String image) {
    }

    record ProfileEnvelope(ProfileBody profile) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProfileBody(String username, String bio, String image, boolean following) {
    }
}
