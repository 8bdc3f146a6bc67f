package io.conduithex.domain.audit;

import java.util.Locale;

/** Every kind of data modification a use case makes, and the kind of entity each one changes. */
public enum AuditAction {
    USER_REGISTERED(EntityType.USER),
    USER_UPDATED(EntityType.USER),
    USER_FOLLOWED(EntityType.USER),
    USER_UNFOLLOWED(EntityType.USER),
    ARTICLE_CREATED(EntityType.ARTICLE),
    ARTICLE_UPDATED(EntityType.ARTICLE),
    ARTICLE_DELETED(EntityType.ARTICLE),
    ARTICLE_FAVORITED(EntityType.ARTICLE),
    ARTICLE_UNFAVORITED(EntityType.ARTICLE),
    COMMENT_ADDED(EntityType.COMMENT),
    COMMENT_DELETED(EntityType.COMMENT);

    private final EntityType entityType;

    AuditAction(EntityType entityType) {
        this.entityType = entityType;
    }

    public EntityType entityType() {
        return entityType;
    }

    /** As stored and shown: {@code article.created}. */
    public String code() {
        int split = name().indexOf('_');
        return (name().substring(0, split) + '.' + name().substring(split + 1)).toLowerCase(Locale.ROOT);
    }

    public static AuditAction fromCode(String code) {
        for (AuditAction action : values()) {
            if (action.code().equals(code)) {
                return action;
            }
        }
        throw new IllegalArgumentException("no audit action " + code);
    }

    /** The kinds of entity events are about. */
    public enum EntityType {
        USER, ARTICLE, COMMENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static EntityType fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
